/**
 * The top-level keys of a `zoom.yaml` file. Each names a resource kind; under it, logical names map to that
 * kind's properties. The table is fixed (it is the file format), but a section is only usable once its kind's
 * definition is registered, so kinds that land later are picked up without touching the loader.
 */
import type { ResourceDefinition } from "../framework/definition";
import { allDefinitions } from "../framework/registry";

export const SECTIONS = {
  meetings: "Meeting",
  trackingFields: "TrackingField",
  h323Devices: "H323Device",
  sipTrunks: "SipTrunk",
  internalNumbers: "InternalNumber",
  tspAccounts: "TspAccount",
  meetingTemplates: "MeetingTemplate",
} as const;

export type SectionKey = keyof typeof SECTIONS;
export type SectionKind = (typeof SECTIONS)[SectionKey];

/** How a section is called in prose (schema titles, docs). */
export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  meetings: "Meetings",
  trackingFields: "Tracking fields",
  h323Devices: "H.323/SIP devices",
  sipTrunks: "SIP trunks",
  internalNumbers: "Internal numbers",
  tspAccounts: "TSP accounts",
  meetingTemplates: "Meeting templates",
};

export const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[];

/**
 * Logical names become Pulumi resource names and appear inside `${section.name.property}` references, so they
 * may not contain dots, braces or spaces.
 */
export const LOGICAL_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function isSectionKey(key: string): key is SectionKey {
  return Object.prototype.hasOwnProperty.call(SECTIONS, key);
}

/** The section a kind is declared under, or undefined for a kind the file format does not know. */
export function sectionOf(kind: string): SectionKey | undefined {
  return SECTION_KEYS.find((key) => SECTIONS[key] === kind);
}

/** A section together with its registered definition. */
export interface AvailableSection {
  readonly key: SectionKey;
  readonly definition: ResourceDefinition;
}

/** The sections whose kind is registered, in the table's order. */
export function availableSections(): AvailableSection[] {
  const byKind = new Map(allDefinitions().map((definition) => [definition.kind, definition]));
  const out: AvailableSection[] = [];
  for (const key of SECTION_KEYS) {
    const definition = byKind.get(SECTIONS[key]);
    if (definition) out.push({ key, definition });
  }
  return out;
}
