/**
 * Loads a `zoom.yaml` desired-state file into a validated model, or into every problem it has at once, each
 * with the line and column to fix. Objects are validated by the same zod schemas (through the same
 * `validate`) as the TypeScript resources, so a file that loads passes the provider's `check` too.
 *
 *   meetings:                      # section: a resource kind
 *     standup:                     # logical name
 *       topic: Daily standup       # properties, as in the TypeScript resource
 *   meetingTemplates:
 *     standupTemplate:
 *       meetingId: ${meetings.standup.meetingId}   # a reference (see references.ts)
 */
import * as fs from "fs";
import * as path from "path";
import { isPlainObject } from "../framework/case";
import type { ResourceDefinition } from "../framework/definition";
import { UNKNOWN, containsUnknown } from "../framework/unknown";
import { validate } from "../framework/validate";
import { checkCycles, checkReferences, checkReferenceTypes, checkTrackingFieldValues, checkTspLimit, type DraftObject } from "./checks";
import { LOOKUPS_SECTION, lookupReferenceProblem, readLookups, type DeclaredLookup } from "./lookups";
import type { DeclaredValue, LoadResult, StackProblem } from "./model";
import { readString, type ConfigReference, type ReferenceUse } from "./references";
import { availableSections, isSectionKey, LOGICAL_NAME, SECTION_KEYS, SECTIONS, type SectionKey } from "./sections";
import { typesAt } from "./jsonSchema";
import { parseYaml, type YamlSource } from "./source";
import { didYouMean } from "./suggest";

type Path = readonly (string | number)[];

/** Loads `file` (read from disk). Throws only when the file cannot be read. */
export function loadStackFile(file: string): LoadResult {
  return loadStackText(fs.readFileSync(file, "utf8"), file);
}

/** Loads YAML text; `file` is the name problems are reported under. */
export function loadStackText(text: string, file: string): LoadResult {
  const source = parseYaml(text);
  const problems: StackProblem[] = source.problems.map(({ position, reason }) => ({ file, ...position, path: "", reason }));
  const report = (at: Path, reason: string) => {
    const { line, col } = source.locate(at);
    problems.push({ file, line, col, path: at.join("."), reason });
  };
  const lookups = isPlainObject(source.value) ? readLookups(source.value[LOOKUPS_SECTION], report) : [];
  const objects = source.value === undefined ? [] : withoutLookupReferences(readObjects(source, report), lookups, report);
  // The checks across objects run even when some objects are invalid: every problem is reported at once,
  // not one round per fix.
  const context = { objects, available: new Set<string>(availableSections().map((section) => section.key)), report };
  const edges = checkReferences(context);
  checkCycles(context, edges);
  checkReferenceTypes(context, edges);
  checkTrackingFieldValues(context);
  checkTspLimit(context);
  if (problems.length > 0) return { ok: false, problems: sortByPlace(problems) };
  const configUses = objects
    .flatMap((object) => object.configReferences.map((use) => ({ ...use, at: [object.section, object.name, ...use.path] })))
    .map(({ at, reference }) => ({ key: reference.key, ...source.locate(at), path: at.join(".") }))
    .sort((a, b) => a.line - b.line || a.col - b.col);
  return {
    ok: true,
    model: {
      file,
      lookups,
      configUses,
      objects: objects.map(({ section, kind, name, definition, properties, references, dependsOn }) => ({
        section,
        kind,
        name,
        definition,
        properties,
        references,
        dependsOn,
      })),
    },
  };
}

/** The file name problems should show: relative to the working directory when inside it, as people type it. */
export function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

function sortByPlace(problems: StackProblem[]): StackProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => a.problem.line - b.problem.line || a.problem.col - b.problem.col || a.order - b.order)
    .map(({ problem }) => problem);
}

/**
 * Checks every `${lookups.<name>.<field>}` against the declared lookups and takes it out of the references
 * between objects (a lookup is no object: it orders nothing and cannot be in a cycle). It stays in the
 * properties, where ZoomStack resolves it.
 */
function withoutLookupReferences(objects: DraftObject[], lookups: readonly DeclaredLookup[], report: (at: Path, reason: string) => void): DraftObject[] {
  return objects.map((object) => {
    const toLookups = object.references.filter((use) => use.reference.section === LOOKUPS_SECTION);
    if (toLookups.length === 0) return object;
    for (const use of toLookups) {
      const problem = lookupReferenceProblem(use.reference, lookups, typesAt(object.definition, use.path));
      if (problem) report([object.section, object.name, ...use.path], problem);
    }
    return { ...object, references: object.references.filter((use) => use.reference.section !== LOOKUPS_SECTION) };
  });
}

/** Reads the sections and objects, validating each object on its own. */
function readObjects(source: YamlSource, report: (at: Path, reason: string) => void): DraftObject[] {
  const root = source.value;
  if (root === null) return []; // an empty file declares nothing
  if (!isPlainObject(root)) {
    report([], `expected a map of sections (${SECTION_KEYS.join(", ")}), got ${describe(root)}`);
    return [];
  }
  const definitions = new Map(availableSections().map(({ key, definition }) => [key, definition]));
  const objects: DraftObject[] = [];
  for (const [key, section] of Object.entries(root)) {
    if (key === LOOKUPS_SECTION) continue; // read by readLookups
    if (!isSectionKey(key)) {
      report([key], `unknown section${didYouMean(key, [...SECTION_KEYS, LOOKUPS_SECTION])} (sections: ${[...SECTION_KEYS, LOOKUPS_SECTION].join(", ")})`);
      continue;
    }
    const definition = definitions.get(key);
    if (!definition) {
      report([key], `this version of pulumi-zoom has no ${SECTIONS[key]} resource`);
      continue;
    }
    if (section === null) continue; // `meetings:` with everything commented out
    if (!isPlainObject(section)) {
      report([key], `expected a map from logical names to ${definition.kind} properties, got ${describe(section)}`);
      continue;
    }
    for (const [name, properties] of Object.entries(section)) {
      const object = readObject(key, name, properties, definition, report);
      if (object) objects.push(object);
    }
  }
  return objects;
}

function readObject(
  section: SectionKey,
  name: string,
  raw: unknown,
  definition: ResourceDefinition,
  report: (at: Path, reason: string) => void,
): DraftObject | undefined {
  const at = [section, name];
  if (!LOGICAL_NAME.test(name)) {
    report(at, "a logical name starts with a letter or _ and has only letters, digits, _ and - (it becomes the Pulumi resource name)");
    return undefined;
  }
  if (!isPlainObject(raw)) {
    // `standup:` with nothing under it is more likely forgotten properties than a wish for defaults.
    report(at, `expected the properties of a ${definition.kind} (write {} for none), got ${describe(raw)}`);
    return undefined;
  }
  const found: Found = { references: [], configReferences: [], unknowns: [] };
  const { properties, forValidation } = readProperties(raw, [], found, (inner, reason) => report([...at, ...inner], reason));
  const { references, configReferences, unknowns } = found;
  const result = validate(definition.schema, forValidation);
  let validated: Record<string, unknown> | undefined;
  if (result.ok) {
    validated = result.value as Record<string, unknown>;
    if (!containsUnknown(validated)) {
      for (const failure of definition.hooks?.check?.(validated) ?? []) report([...at, ...innerPath(failure.property)], failure.reason);
    }
  } else {
    for (const failure of result.failures) {
      const inner = innerPath(failure.property);
      // A value known only at deployment cannot be judged now, and only it: the name it is given can (a typo'd
      // property holding a reference is still a typo).
      const unknownKey = failure.reason.startsWith("unknown property");
      if (!unknownKey && unknowns.some((prefix) => startsWith(inner, prefix))) continue;
      report([...at, ...inner], failure.reason);
    }
  }
  return { section, kind: definition.kind, name, definition, properties, references, configReferences, dependsOn: [], validated };
}

/** A failure's dotted property as a path; `(resource)` is the object itself. */
function innerPath(property: string): string[] {
  return property === "(resource)" || property === "" ? [] : property.split(".");
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => String(step) === String(path[index]));
}

interface Found {
  readonly references: ReferenceUse[];
  readonly configReferences: { path: Path; reference: ConfigReference }[];
  readonly unknowns: Path[];
}

interface ReadValue<T> {
  properties: T;
  forValidation: unknown;
}

/** An object's properties: unset (null) values dropped as the provider's check drops them. */
function readProperties(
  value: Record<string, unknown>,
  at: Path,
  found: Found,
  report: (at: Path, reason: string) => void,
): ReadValue<Record<string, DeclaredValue>> {
  const properties: Record<string, DeclaredValue> = {};
  const forValidation: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === null || inner === undefined) continue;
    const read = readValue(inner, [...at, key], found, report);
    properties[key] = read.properties;
    forValidation[key] = read.forValidation;
  }
  return { properties, forValidation };
}

/**
 * One value. `found` collects object references, config references, and every place whose value is known only
 * at deployment (references of both kinds, and malformed ones already reported), which the schema cannot judge.
 */
function readValue(value: unknown, at: Path, found: Found, report: (at: Path, reason: string) => void): ReadValue<DeclaredValue> {
  const { references, unknowns } = found;
  if (typeof value === "string") {
    const reading = readString(value);
    switch (reading.kind) {
      case "literal":
        return { properties: reading.value, forValidation: reading.value };
      case "reference":
        references.push({ path: at, reference: reading.reference });
        unknowns.push(at);
        return { properties: reading.reference, forValidation: UNKNOWN };
      case "config":
        found.configReferences.push({ path: at, reference: reading.reference });
        unknowns.push(at);
        return { properties: reading.reference, forValidation: UNKNOWN };
      case "invalid":
        unknowns.push(at);
        report(at, reading.reason);
        return { properties: value, forValidation: UNKNOWN };
    }
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => readValue(item, [...at, index], found, report));
    return { properties: items.map((item) => item.properties), forValidation: items.map((item) => item.forValidation) };
  }
  if (isPlainObject(value)) return readProperties(value, at, found, report);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return { properties: value, forValidation: value };
  // The core schema yields nothing else; kept so that a surprise is a schema error, not a crash.
  return { properties: String(value), forValidation: value };
}

function describe(value: unknown): string {
  if (value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (isPlainObject(value)) return "a map";
  return `${typeof value} ${JSON.stringify(value)}`;
}
