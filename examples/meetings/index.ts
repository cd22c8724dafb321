/**
 * Meetings: a fortnightly planning series tagged with tracking fields, and a quiet one-time review.
 *
 * Credentials are not here: the provider reads them from the stack config (`zoom:accountId`, `zoom:clientId`,
 * `zoom:clientSecret`) or the environment (`ZOOM_ACCOUNT_ID`, ...).
 */
import * as pulumi from "@pulumi/pulumi";
import * as zoom from "pulumi-zoom";

const config = new pulumi.Config();
/** Who hosts the meetings: a user id or email; `me` is the user the credentials act as. */
const host = config.get("host") ?? "me";
const timezone = config.get("timezone") ?? "Europe/Berlin";
/** What both meetings share: the host, and the time zone their local start times are in. */
const hosting = { userId: host, timezone };

// Tracking fields are account-wide labels; a meeting can only carry values for fields that exist, so the
// meetings take the labels from these resources (which also makes Pulumi create the fields first).
const team = new zoom.TrackingField("team", {
  field: "Team",
  recommendedValues: ["Platform", "Mobile", "Data"],
});
const costCenter = new zoom.TrackingField("cost-center", {
  field: "Cost center",
  recommendedValues: ["CC-4100", "CC-4200"],
});

// Every other Tuesday at 10:00 local time, 26 times (a year). Type 8 is "recurring with a fixed time".
const planning = new zoom.Meeting("sprint-planning", {
  ...hosting,
  topic: "Sprint planning",
  type: 8,
  startTime: config.get("planningStart") ?? "2030-01-08T10:00:00",
  duration: 60,
  agenda: "Review the last sprint, pick the next one's goals.",
  recurrence: { type: 2, repeatInterval: 2, weeklyDays: "3", endTimes: 26 },
  settings: { waitingRoom: true, muteUponEntry: true },
  trackingFields: [
    { field: team.field, value: "Platform" },
    { field: costCenter.field, value: "CC-4100" },
  ],
});

// A one-time meeting that stays quiet: no emails when pulumi-zoom deletes it (notifyOnDelete is false by
// default; spelled out because that is the point), nobody joins before the host, cameras start off.
const review = new zoom.Meeting("budget-review", {
  ...hosting,
  topic: "Budget review",
  type: 2,
  startTime: config.get("reviewStart") ?? "2030-02-04T14:00:00",
  duration: 45,
  notifyOnDelete: false,
  settings: { joinBeforeHost: false, hostVideo: false, participantVideo: false },
});

export const planningMeetingId = planning.meetingId;
export const planningJoinUrl = planning.joinUrl;
export const reviewMeetingId = review.meetingId;
export const reviewJoinUrl = review.joinUrl;
