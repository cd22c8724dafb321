/**
 * pulumi-zoom: Zoom accounts as Pulumi resources.
 *
 *   import * as zoom from "pulumi-zoom";
 *   new zoom.Meeting("standup", { topic: "Daily standup", type: 8, ... });
 */
export * from "./resources";
export type { MeetingArgs } from "../schema/meeting";
export type { TrackingFieldArgs } from "../schema/trackingField";
export type { TspAccountArgs, DialInNumber } from "../schema/tspAccount";
export type { MeetingTemplateArgs } from "../schema/meetingTemplate";
/** Entry point of the provider stubs serialized in state; not for direct use. */
export { dynamicProvider } from "./framework/registry";
export type { H323DeviceArgs } from "../schema/h323Device";
export type { InternalNumberArgs } from "../schema/internalNumber";
export type { SipTrunkArgs } from "../schema/sipTrunk";
export { ZoomStack, type StackResources, type ZoomStackArgs } from "./yaml";
export * from "./lookups";
