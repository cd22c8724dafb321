/**
 * SIP Connected Audio for a sub-account: one of the master account's SIP trunks assigned to it (with the
 * sub-account's own DNIS), and the internal numbers its users see and dial.
 *
 * Zoom configures the master account's trunks; this assigns one of them. The sub-account and the trunk are
 * named in the stack config and their ids looked up (zoom.getSubAccountOutput, zoom.getSipTrunkOutput), so
 * nothing is copied from the web portal. Everything here goes through Zoom's master-account API, so the
 * credentials (stack config `zoom:*` or `ZOOM_*` variables, never in the program) must be the master account's.
 */
import * as pulumi from "@pulumi/pulumi";
import * as zoom from "pulumi-zoom";

const config = new pulumi.Config();
/** The sub-account that gets the trunk and the numbers, by its name in Zoom. */
const subAccount = zoom.getSubAccountOutput({ name: config.require("subAccountName") });
/** One of the master account's trunks, by name: the lookup gives its id and DNIS prefix. */
const masterTrunk = zoom.getSipTrunkOutput({ name: config.require("trunkName") });
const subAccountId = subAccount.id;
/** The sub-account's DNIS: the trunk's five-digit prefix, then up to three digits of the sub-account's own. */
const dnis = pulumi.interpolate`${masterTrunk.dnisPrefix}${config.get("dnisSuffix") ?? "001"}`;

// Zoom cannot change an assignment: a change of any input removes it and assigns the trunk again.
const trunk = new zoom.SipTrunk("sub-account-trunk", {
  accountId: subAccountId,
  trunkId: masterTrunk.id,
  dnis,
  outboundCallerId: config.get("outboundCallerId") ?? "+14155550100",
});

// The numbers are only useful once the trunk carries their calls, so they wait for it.
const local = new zoom.InternalNumber(
  "local-dial-in",
  {
    accountId: subAccountId,
    number: "+14155550123",
    displayNumber: "+1 415 555 0123",
    country: "US",
    labels: "San Francisco office",
    languages: "en-US",
    type: "toll",
    visible: true,
    allowForExternalMeetings: false,
  },
  { dependsOn: [trunk] },
);

// Hidden from users' dial-in lists, and not for joining meetings: kept for the help desk's call-backs.
const helpDesk = new zoom.InternalNumber(
  "help-desk",
  {
    accountId: subAccountId,
    number: "+18005550199",
    displayNumber: "+1 800 555 0199",
    country: "US",
    labels: "IT help desk (call-back only)",
    languages: "en-US",
    type: "tollfree",
    visible: false,
    allowJoin: false,
  },
  { dependsOn: [trunk] },
);

export const trunkName = trunk.name;
export const sipServerAddress = trunk.sipServerAddress;
export const numberIds = { local: local.numberId, helpDesk: helpDesk.numberId };
