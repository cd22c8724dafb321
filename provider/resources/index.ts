/**
 * The seven resources. Each file holds one resource's declaration and class; `RESOURCE_MANIFEST` lists them with
 * the per-kind facts the other layers need (see framework/manifest.ts). Everything with a per-kind table (the
 * registry, YAML sections, `ZoomStack`, inventory, import order, drift) derives it from this list.
 *
 * The order is the order of the `zoom.yaml` sections: schema, docs, messages and drift reports list kinds in it.
 *
 * Adding a kind (say `Webinar`): its schema (`schema/webinar.ts`, exported from `schema/index.ts`), its
 * declaration and class (`webinar.ts` here, with an `example` unless an `examples/yaml/` file shows it), an entry
 * below with its exports above, its operations in `catalogue/operations.ts`, an emulator route module
 * (`emulator/routes/`), a test fixture (`fixtures/kinds/webinar.ts`, listed in its index) and a row of
 * `bench/minimum.ts`; then `npm run generate`, and regenerate the emulator's spec-maximal table
 * (`WRITE_MAXIMAL_FIELDS=1 npx jest tests/emulator/specMaximal.test.ts`). The compiler, or
 * tests/resources/manifest.test.ts, names whichever is missing (a fixture, a bench row, the package and schema
 * exports, an emulator route).
 */
import type { ManifestEntry } from "../framework/manifest";
import { Meeting, meetingDefinition } from "./meeting";
import { TrackingField, trackingFieldDefinition } from "./trackingField";
import { TspAccount, tspAccountDefinition } from "./tspAccount";
import { MeetingTemplate, meetingTemplateDefinition } from "./meetingTemplate";
import { H323Device, h323DeviceDefinition } from "./h323Device";
import { InternalNumber, internalNumberDefinition } from "./internalNumber";
import { SipTrunk, sipTrunkDefinition } from "./sipTrunk";

export { Meeting, meetingDefinition, type Occurrence } from "./meeting";
export type { MeetingArgs } from "../../schema/meeting";
export { TrackingField, trackingFieldDefinition } from "./trackingField";
export type { TrackingFieldArgs } from "../../schema/trackingField";
export { TspAccount, tspAccountDefinition } from "./tspAccount";
export type { TspAccountArgs, DialInNumber } from "../../schema/tspAccount";
export { MeetingTemplate, meetingTemplateDefinition } from "./meetingTemplate";
export type { MeetingTemplateArgs } from "../../schema/meetingTemplate";
export { H323Device, h323DeviceDefinition } from "./h323Device";
export type { H323DeviceArgs } from "../../schema/h323Device";
export { InternalNumber, internalNumberDefinition } from "./internalNumber";
export type { InternalNumberArgs } from "../../schema/internalNumber";
export { SipTrunk, sipTrunkDefinition } from "./sipTrunk";
export type { SipTrunkArgs } from "../../schema/sipTrunk";
export type { KindListing, ManifestEntry } from "../framework/manifest";

export const RESOURCE_MANIFEST = [
  {
    definition: meetingDefinition,
    Class: Meeting,
    yaml: { section: "meetings", title: "Meetings" },
    // The upcoming ones (scheduled ones still ahead, recurring series with occurrences left, meetings in
    // progress): Zoom never lists instant meetings, and past meetings are history rather than configuration.
    inventory: { list: { operation: "meetings", itemsKey: "meetings", paginated: true, query: { type: "upcoming" } } },
    importRank: 1,
  },
  { definition: trackingFieldDefinition, Class: TrackingField, yaml: { section: "trackingFields", title: "Tracking fields" }, importRank: 0 },
  { definition: h323DeviceDefinition, Class: H323Device, yaml: { section: "h323Devices", title: "H.323/SIP devices" }, importRank: 4 },
  { definition: sipTrunkDefinition, Class: SipTrunk, yaml: { section: "sipTrunks", title: "SIP trunks" }, importRank: 5 },
  { definition: internalNumberDefinition, Class: InternalNumber, yaml: { section: "internalNumbers", title: "Internal numbers" }, importRank: 6 },
  {
    definition: tspAccountDefinition,
    Class: TspAccount,
    yaml: { section: "tspAccounts", title: "TSP accounts" },
    inventory: { list: { operation: "userTSPs", itemsKey: "tsp_accounts", paginated: false } },
    importRank: 3,
  },
  { definition: meetingTemplateDefinition, Class: MeetingTemplate, yaml: { section: "meetingTemplates", title: "Meeting templates" }, importRank: 2 },
] as const satisfies readonly ManifestEntry[];

export type ManifestKind = (typeof RESOURCE_MANIFEST)[number];
