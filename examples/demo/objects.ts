/**
 * How the demo names what a stack holds: kind, logical name, Zoom id, and a short human description taken from
 * the resource's outputs. Secret values are never printed.
 */
import { isSecret, plainValue, type StateResource } from "../../harness";

export function kindOf(type: string): string {
  return type.split(":").pop() ?? type;
}

export function nameOf(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

/** A readable summary of one object, per kind. */
export function describeObject(resource: StateResource): string {
  const out = (key: string): string => {
    const value = resource.outputs[key];
    if (value === undefined) return "";
    return isSecret(value) ? "[secret]" : String(plainValue(value));
  };
  switch (kindOf(resource.type)) {
    case "TrackingField":
      return `field "${out("field")}"`;
    case "Meeting":
      return `"${out("topic")}", ${out("duration")} min`;
    case "TspAccount":
      return `conference code ${out("conferenceCode")}, ${out("tspBridge")}`;
    case "MeetingTemplate":
      return `template "${out("name")}"`;
    case "H323Device":
      return `${out("name")}, ${out("protocol")} at ${out("ip")}`;
    case "SipTrunk":
      return `trunk ${out("name")}, DNIS ${out("dnis")}`;
    case "InternalNumber":
      return `${out("displayNumber")}: ${out("labels")}`;
    default:
      return "";
  }
}

/** What Zoom keeps after a destroy, by inventory kind: what it is, and why. */
export const KEPT_BY_ZOOM: Readonly<Record<string, { what: string; why: string }>> = {
  templates: { what: "meeting template", why: "Zoom has no API to delete templates" },
  tsp_accounts: { what: "TSP account", why: "Zoom refuses to delete a user's last one; the program sets retainOnDelete" },
};
