/**
 * The seven resources. Each file holds one resource's declaration and class; this module registers the
 * declarations so the serialized stubs can find them by kind.
 */
import { registerDefinition } from "../framework/registry";
import { meetingDefinition } from "./meeting";
import { trackingFieldDefinition } from "./trackingField";
import { tspAccountDefinition } from "./tspAccount";
import { meetingTemplateDefinition } from "./meetingTemplate";
import { h323DeviceDefinition } from "./h323Device";
import { internalNumberDefinition } from "./internalNumber";
import { sipTrunkDefinition } from "./sipTrunk";

export { Meeting, meetingDefinition, type Occurrence } from "./meeting";
export { TrackingField, trackingFieldDefinition } from "./trackingField";
export { TspAccount, tspAccountDefinition } from "./tspAccount";
export { MeetingTemplate, meetingTemplateDefinition } from "./meetingTemplate";
export { H323Device, h323DeviceDefinition } from "./h323Device";
export { InternalNumber, internalNumberDefinition } from "./internalNumber";
export { SipTrunk, sipTrunkDefinition } from "./sipTrunk";

for (const definition of [meetingDefinition, trackingFieldDefinition]) registerDefinition(definition);
for (const definition of [h323DeviceDefinition, internalNumberDefinition, sipTrunkDefinition]) registerDefinition(definition);
registerDefinition(tspAccountDefinition);
registerDefinition(meetingTemplateDefinition);
