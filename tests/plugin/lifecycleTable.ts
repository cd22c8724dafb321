/**
 * One life cycle per resource kind, the same for both front doors (lifecycles.test.ts runs it through the
 * dynamic resources and through the plugin): a declaration, an edit a person makes in Zoom's portal and what a
 * read shows afterwards, and whether Zoom keeps the object after a destroy.
 */
import type { EmulatorStateSummary } from "../../emulator";
import type { HttpZoomClient } from "../../provider/client";
import type { DoorName } from "../../fixtures/frontDoors";

export type Props = Record<string, unknown>;

/** What the cases need from the emulator: its seeded accounts, a portal client, objects made beforehand. */
export interface World {
  readonly state: EmulatorStateSummary;
  readonly portal: HttpZoomClient;
  /** A meeting made in the portal, for templates to be made from. */
  readonly meetingId: number;
  /** A user with one TSP account already, so the one a case makes can be deleted. */
  readonly tspUser: string;
}

export interface LifecycleCase {
  readonly kind: string;
  /** The declaration; `door` keeps names unique where Zoom wants them unique. */
  declare(world: World, door: DoorName): Props;
  /** An edit in the portal (`outs`: the state's outputs) and the properties a read then shows. */
  readonly drift?: {
    edit(world: World, outs: Props, declared: Props): Promise<void>;
    readonly shows: Props;
  };
  /** Zoom has no delete: a destroy leaves the object in Zoom (and warns). */
  readonly keptByZoom?: true;
}

export const LIFECYCLES: readonly LifecycleCase[] = [
  {
    kind: "Meeting",
    declare: (_world, door) => ({ topic: `Parity ${door}`, type: 2, startTime: "2030-03-01T10:00:00Z", duration: 30, password: "Pa55word" }),
    drift: {
      edit: async ({ portal }, outs) => {
        await portal.request({ operation: "meetingUpdate", pathParams: { meetingId: String(outs.meetingId) }, body: { topic: "Edited in the portal" } });
      },
      shows: { topic: "Edited in the portal" },
    },
  },
  {
    kind: "TrackingField",
    declare: (_world, door) => ({ field: `Cost centre ${door}`, recommendedValues: ["A", "B"], visible: true }),
    drift: {
      edit: async ({ portal }, outs) => {
        await portal.request({ operation: "trackingfieldUpdate", pathParams: { fieldId: String(outs.trackingFieldId) }, body: { visible: false } });
      },
      shows: { visible: false },
    },
  },
  {
    kind: "H323Device",
    declare: (_world, door) => ({ name: `Room ${door}`, ip: "192.0.2.50", protocol: "H.323", encryption: "auto" }),
    drift: {
      edit: async ({ portal }, outs, declared) => {
        const body = { name: "Renamed in the portal", ip: declared.ip, protocol: declared.protocol, encryption: declared.encryption };
        await portal.request({ operation: "deviceUpdate", pathParams: { deviceId: String(outs.deviceId) }, body });
      },
      shows: { name: "Renamed in the portal" },
    },
  },
  {
    kind: "InternalNumber",
    declare: (_world, door) => ({
      number: door === "dynamic" ? "+15550001001" : "+15550001002",
      displayNumber: "+1 555 000 1000",
      country: "US",
      labels: "Reception",
      languages: "en-US",
      type: "toll",
    }),
    drift: {
      edit: async ({ portal }, outs) => {
        await portal.request({ operation: "UpdateAnInternalNumber", pathParams: { numberId: String(outs.numberId) }, accountId: "me", body: { labels: "Edited" } });
      },
      shows: { labels: "Edited" },
    },
  },
  {
    kind: "SipTrunk",
    declare: ({ state }) => {
      const trunk = state.master.sipTrunks[0]!;
      return { accountId: state.subAccounts[0]!.id, trunkId: trunk.id, dnis: `${trunk.dnis.slice(0, 5)}001`, outboundCallerId: "+442075550100" };
    },
    drift: {
      edit: async ({ portal }, outs, declared) => {
        const body = { sip_trunks: [{ id: declared.trunkId, dnis: declared.dnis, outbound_caller_id: "+442075550199" }] };
        await portal.request({ operation: "AssignSIPTrunks", accountId: String(outs.accountId), body });
      },
      shows: { outboundCallerId: "+442075550199" },
    },
  },
  {
    kind: "TspAccount",
    declare: ({ tspUser }) => ({ userId: tspUser, conferenceCode: "0125", leaderPin: "11189898", tspBridge: "US_TSP_TB" }),
    drift: {
      edit: async ({ portal }, outs, declared) => {
        const body = { conference_code: "0999", leader_pin: declared.leaderPin, tsp_bridge: declared.tspBridge };
        await portal.request({ operation: "userTSPUpdate", pathParams: { userId: String(declared.userId), tspId: String(outs.tspId) }, body });
      },
      shows: { conferenceCode: "0999" },
    },
  },
  {
    kind: "MeetingTemplate",
    declare: ({ meetingId }, door) => ({ meetingId, name: `Parity template ${door}` }),
    // Zoom cannot edit a template (nor delete one): no drift to make.
    keptByZoom: true,
  },
];
