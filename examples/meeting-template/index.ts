/**
 * A meeting template made from a meeting: set a meeting up once (waiting room, muted entry, nobody before the
 * host) and let everyone schedule customer calls from it.
 *
 * Zoom has no API to change or delete templates: a change of an input makes a new template, and
 * `pulumi destroy` only forgets the template (with a warning); it stays in Zoom until someone deletes it in the
 * web portal. Credentials come from `zoom:*` stack config or `ZOOM_*` variables.
 */
import * as pulumi from "@pulumi/pulumi";
import * as zoom from "pulumi-zoom";

const config = new pulumi.Config();
const owner = config.get("owner") ?? "me";

// The meeting the template is made from: its settings are what the template carries.
const model = new zoom.Meeting("customer-call-model", {
  topic: "Customer call (template model)",
  type: 2,
  startTime: config.get("modelStart") ?? "2030-03-04T09:00:00Z",
  duration: 30,
  userId: owner,
  agenda: "Introductions, the customer's goals, next steps.",
  settings: { waitingRoom: true, muteUponEntry: true, joinBeforeHost: false },
});

const template = new zoom.MeetingTemplate("customer-call", {
  userId: owner,
  // The meeting's id is known once it exists: Pulumi creates the meeting first.
  meetingId: model.meetingId,
  name: config.get("templateName") ?? "Customer call",
  saveRecurrence: false,
  // Zoom keeps templates after a destroy; overwriting the old one of the same name makes a later `up` work.
  overwrite: true,
});

export const modelMeetingId = model.meetingId;
export const templateId = template.templateId;
