/**
 * The meetings example as YAML: everything is declared in zoom.yaml; this program only loads it.
 *
 * Credentials come from the stack config (`zoom:accountId`, `zoom:clientId`, `zoom:clientSecret`) or the
 * environment (`ZOOM_ACCOUNT_ID`, ...), never from the file.
 */
import * as path from "path";
import { ZoomStack } from "pulumi-zoom";

const meetings = new ZoomStack("meetings", { file: path.join(__dirname, "zoom.yaml") });

export const planningMeetingId = meetings.meetings.sprintPlanning.meetingId;
export const planningJoinUrl = meetings.meetings.sprintPlanning.joinUrl;
export const teamFieldId = meetings.trackingFields.team.trackingFieldId;
