/**
 * `pulumi-zoom/schema`: the zod schemas every resource validates its inputs with, for programs that want to check
 * or build inputs before declaring resources (the provider, the YAML loader, `zoom.schema.json` and the docs are
 * all generated from these). Only zod is loaded: no Pulumi, no provider.
 */
export { accountId, userId, zoomId } from "./common";
export { h323DeviceSchema, isDeviceAddress, isHostName, type H323DeviceArgs, type H323DeviceInputs } from "./h323Device";
export {
  INTERNAL_NUMBER_LANGUAGES,
  internalNumberSchema,
  isCountryCode,
  type InternalNumberArgs,
  type InternalNumberInputs,
} from "./internalNumber";
export { isTimeZone, meetingSchema, type MeetingArgs, type MeetingInputs } from "./meeting";
export { meetingTemplateSchema, type MeetingTemplateArgs, type MeetingTemplateInputs } from "./meetingTemplate";
export { DNIS_PREFIX_LENGTH, sipTrunkSchema, type SipTrunkArgs, type SipTrunkInputs } from "./sipTrunk";
export { trackingFieldSchema, type TrackingFieldArgs, type TrackingFieldInputs } from "./trackingField";
export { tspAccountSchema, type DialInNumber, type TspAccountArgs, type TspAccountInputs } from "./tspAccount";
