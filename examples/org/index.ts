/**
 * An IT team's Zoom account as code: the tracking fields meetings are reported by, the monthly all-hands
 * (tagged, dial-in through the company's audio bridge, and a template for the regional all-hands), the
 * conference-room systems, and the SIP Connected Audio set-up of the sub-account the London office runs.
 *
 * Parameters come from the stack config (see README.md); credentials never appear here: the provider reads
 * them from `zoom:accountId`, `zoom:clientId`, `zoom:clientSecret` (stack config) or `ZOOM_*` variables.
 */
import * as pulumi from "@pulumi/pulumi";
import * as zoom from "pulumi-zoom";

const config = new pulumi.Config();
const timezone = config.get("timezone") ?? "Europe/London";
/** Who hosts the all-hands (id or email); `me` is the user the credentials act as. */
const allHandsHost = config.get("allHandsHost") ?? "me";

// --- Reporting: every company meeting carries a department and a kind --------------------------------------

const department = new zoom.TrackingField("department", {
  field: "Department",
  recommendedValues: ["Company", "Engineering", "IT", "Sales"],
  required: true,
  visible: true,
});
const meetingKind = new zoom.TrackingField("meeting-kind", {
  field: "Meeting kind",
  recommendedValues: ["All-hands", "Customer", "Internal", "Training"],
  visible: true,
});

// --- The monthly all-hands ----------------------------------------------------------------------------------

// First Tuesday of every month at 16:00 London time, for two years.
const allHands = new zoom.Meeting("all-hands", {
  topic: "Company all-hands",
  type: 8,
  startTime: config.get("allHandsStart") ?? "2030-01-01T16:00:00",
  timezone,
  duration: 60,
  userId: allHandsHost,
  agenda: "Company news, a team spotlight, open questions.",
  recurrence: { type: 3, monthlyWeek: 1, monthlyWeekDay: 3, endTimes: 24 },
  settings: { muteUponEntry: true, waitingRoom: false, joinBeforeHost: false, participantVideo: false },
  trackingFields: [
    { field: department.field, value: "Company" },
    { field: meetingKind.field, value: "All-hands" },
  ],
});

// Dial-in for the all-hands goes through the company's audio bridge. Zoom refuses to delete a user's last TSP
// account, so a destroy leaves it in Zoom rather than failing on it.
const bridge = new zoom.TspAccount(
  "all-hands-bridge",
  {
    userId: allHandsHost,
    conferenceCode: config.get("tspConferenceCode") ?? "2075550100",
    leaderPin: config.requireSecret("tspLeaderPin"),
    tspBridge: "EU_TSP_TB",
    dialInNumbers: [
      { code: "44", countryLabel: "GB", number: "+44 2075550100", type: "toll" },
      { code: "1", countryLabel: "US", number: "+1 8005550100", type: "tollfree" },
    ],
  },
  { retainOnDelete: true },
);

// Regional offices schedule their own all-hands from the same set-up. Zoom keeps templates after a destroy
// (it has no delete), hence overwrite: a later `up` refreshes the template of the same name.
const allHandsTemplate = new zoom.MeetingTemplate("all-hands-template", {
  userId: allHandsHost,
  meetingId: allHands.meetingId,
  name: "All-hands",
  saveRecurrence: true,
  overwrite: true,
});

// --- Conference rooms ----------------------------------------------------------------------------------------

const boardroom = new zoom.H323Device("boardroom", {
  name: "Boardroom (Poly G7500)",
  ip: "192.0.2.41",
  protocol: "H.323",
  encryption: "auto",
});
const townHall = new zoom.H323Device("town-hall-stage", {
  name: "Town hall stage (Cisco Room Kit Pro)",
  ip: "192.0.2.42",
  protocol: "SIP",
  encryption: "yes",
});

// --- The London office's sub-account: SIP Connected Audio -----------------------------------------------------

// The sub-account and the master trunk are named in config; their ids (and the trunk's DNIS prefix) looked up.
const londonAccountId = zoom.getSubAccountOutput({ name: config.require("subAccountName") }).id;
const masterTrunk = zoom.getSipTrunkOutput({ name: config.require("trunkName") });
const londonTrunk = new zoom.SipTrunk("london-trunk", {
  accountId: londonAccountId,
  trunkId: masterTrunk.id,
  dnis: pulumi.interpolate`${masterTrunk.dnisPrefix}${config.get("dnisSuffix") ?? "001"}`,
  outboundCallerId: "+442075550100",
});
// The office's numbers: British, in the sub-account, and only useful once the trunk carries their calls. The help
// desk's is hidden from users' dial-in lists and not for joining meetings: it is kept for call-backs.
const londonNumbers = [
  { name: "london-reception", number: "+442075550123", displayNumber: "+44 20 7555 0123", type: "toll", labels: "London reception", visible: true },
  { name: "london-help-desk", number: "+448005550199", displayNumber: "+44 800 555 0199", type: "tollfree", labels: "IT help desk (call-back only)",
    visible: false, allowJoin: false },
] as const;
const londonNumberIds = londonNumbers.map(
  ({ name, ...number }) =>
    new zoom.InternalNumber(name, { ...number, accountId: londonAccountId, country: "GB", languages: "en-GB" }, { dependsOn: [londonTrunk] }).numberId,
);

// --- What the team looks up ------------------------------------------------------------------------------------

export const allHandsJoinUrl = allHands.joinUrl;
export const allHandsMeetingId = allHands.meetingId;
export const allHandsTemplateId = allHandsTemplate.templateId;
export const bridgeId = bridge.tspId;
export const roomSystemIds = { boardroom: boardroom.deviceId, townHall: townHall.deviceId };
export const london = {
  trunk: londonTrunk.name,
  sipServer: londonTrunk.sipServerAddress,
  numbers: londonNumberIds,
};
