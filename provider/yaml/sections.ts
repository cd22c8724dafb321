/**
 * The top-level keys of a `zoom.yaml` file. Each names a resource kind; under it, logical names map to that
 * kind's properties. The sections, their order and their titles are the manifest's (`yaml` of each entry in
 * provider/resources/index.ts): a kind added there is a section here.
 */
import type { ResourceDefinition } from "../framework/definition";
import { RESOURCE_MANIFEST, type ManifestKind } from "../resources";

export type SectionKey = ManifestKind["yaml"]["section"];

/** Section key → kind (`meetings` → `Meeting`). */
export const SECTIONS: Readonly<Record<SectionKey, string>> = Object.fromEntries(
  RESOURCE_MANIFEST.map((entry) => [entry.yaml.section, entry.definition.kind]),
) as Record<SectionKey, string>;

/** How a section is called in prose (schema titles, docs). */
export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = Object.fromEntries(
  RESOURCE_MANIFEST.map((entry) => [entry.yaml.section, entry.yaml.title]),
) as Record<SectionKey, string>;

export const SECTION_KEYS: readonly SectionKey[] = RESOURCE_MANIFEST.map((entry) => entry.yaml.section);

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

/** A section together with its kind's definition. */
export interface AvailableSection {
  readonly key: SectionKey;
  readonly definition: ResourceDefinition;
}

/** Every section with its definition, in the manifest's order. */
export function availableSections(): AvailableSection[] {
  return RESOURCE_MANIFEST.map((entry) => ({ key: entry.yaml.section, definition: entry.definition }));
}
