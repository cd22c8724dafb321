/**
 * The meeting template example as YAML. Credentials come from `zoom:*` stack config or `ZOOM_*` variables.
 */
import * as path from "path";
import { ZoomStack } from "pulumi-zoom";

const templates = new ZoomStack("templates", { file: path.join(__dirname, "zoom.yaml") });

export const modelMeetingId = templates.meetings.customerCallModel.meetingId;
export const templateId = templates.meetingTemplates.customerCall.templateId;
