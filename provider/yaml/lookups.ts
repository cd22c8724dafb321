/**
 * The `lookups:` section of a `zoom.yaml`: Pulumi functions (provider/lookups/) declared by name, whose results
 * the objects of the file reference as `${lookups.<name>.<field>}`.
 *
 *   lookups:
 *     trunk:
 *       function: getSipTrunk       # a lookup of provider/lookups (getUser, getSubAccount, ...)
 *       arguments:                  # its arguments, validated by its schema; `${config.<key>}` allowed
 *         name: trunk1
 *   sipTrunks:
 *     branch:
 *       trunkId: ${lookups.trunk.id}
 *
 * Lookups run when Pulumi runs the program (in preview too), never at load: loading only checks the function,
 * its arguments and every reference to a result field.
 */
import { isPlainObject } from "../framework/case";
import { UNKNOWN } from "../framework/unknown";
import { validate } from "../framework/validate";
import { findLookup, LOOKUPS } from "../lookups";
import type { LookupDefinition } from "../lookups/definition";
import type { JsonType } from "./jsonSchema";
import type { DeclaredValue } from "./model";
import { readString, type Reference } from "./references";
import { LOGICAL_NAME } from "./sections";
import { didYouMean } from "./suggest";

/** The section's key, beside the resource sections. */
export const LOOKUPS_SECTION = "lookups";

type Path = readonly (string | number)[];
type Report = (at: Path, reason: string) => void;

/** One declared lookup: `lookups.trunk`. */
export interface DeclaredLookup {
  readonly name: string;
  readonly definition: LookupDefinition;
  /** Arguments as written; `${config.<key>}` as ConfigReference. */
  readonly arguments: Readonly<Record<string, DeclaredValue>>;
}

const LOOKUP_KEYS = ["function", "arguments"];
const NAMES = LOOKUPS.map((lookup) => lookup.name);

/** An argument value: literals and config references (lookups run before any object exists). */
function readArgument(value: unknown, at: Path, report: Report): { declared: DeclaredValue; forValidation: unknown } {
  if (typeof value === "string") {
    const reading = readString(value);
    if (reading.kind === "literal") return { declared: reading.value, forValidation: reading.value };
    if (reading.kind === "config") return { declared: reading.reference, forValidation: UNKNOWN };
    report(at, reading.kind === "invalid" ? reading.reason : `${reading.reference.text}: a lookup's arguments may be literals or \${config.<key>}, not results of objects or other lookups`);
    return { declared: value, forValidation: UNKNOWN };
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => readArgument(item, [...at, index], report));
    return { declared: items.map((i) => i.declared), forValidation: items.map((i) => i.forValidation) };
  }
  if (isPlainObject(value)) {
    const declared: Record<string, DeclaredValue> = {};
    const forValidation: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner === null || inner === undefined) continue;
      const read = readArgument(inner, [...at, key], report);
      declared[key] = read.declared;
      forValidation[key] = read.forValidation;
    }
    return { declared, forValidation };
  }
  return { declared: value as DeclaredValue, forValidation: value };
}

/** Reads and validates the `lookups:` section. */
export function readLookups(section: unknown, report: Report): DeclaredLookup[] {
  if (section === null || section === undefined) return [];
  if (!isPlainObject(section)) {
    report([LOOKUPS_SECTION], "expected a map from lookup names to {function, arguments}");
    return [];
  }
  const lookups: DeclaredLookup[] = [];
  for (const [name, raw] of Object.entries(section)) {
    const at = [LOOKUPS_SECTION, name];
    if (!LOGICAL_NAME.test(name)) {
      report(at, "a lookup name starts with a letter or _ and has only letters, digits, _ and -");
      continue;
    }
    if (!isPlainObject(raw)) {
      report(at, "expected {function: <name>, arguments: {...}}");
      continue;
    }
    for (const key of Object.keys(raw).filter((key) => !LOOKUP_KEYS.includes(key))) {
      report([...at, key], `unknown key${didYouMean(key, LOOKUP_KEYS)} (a lookup has function and arguments)`);
    }
    const fn = raw.function;
    const definition = typeof fn === "string" ? findLookup(fn) : undefined;
    if (!definition) {
      report([...at, "function"], `${typeof fn === "string" ? `no lookup "${fn}"${didYouMean(fn, NAMES)}` : "missing"}; lookups: ${NAMES.join(", ")}`);
      continue;
    }
    const rawArguments = raw.arguments ?? {};
    if (!isPlainObject(rawArguments)) {
      report([...at, "arguments"], `expected a map of ${definition.name}'s arguments (write {} for none)`);
      continue;
    }
    const { declared, forValidation } = readArgument(rawArguments, [...at, "arguments"], report);
    const result = validate(definition.args, forValidation);
    if (!result.ok) {
      for (const failure of result.failures) {
        const inner = failure.property === "(resource)" ? [] : failure.property.split(".");
        report([...at, "arguments", ...inner], failure.reason);
      }
    }
    lookups.push({ name, definition, arguments: declared as Record<string, DeclaredValue> });
  }
  return lookups;
}

/** What `${lookups.<name>.<field>}` may name: the result's fields (`one`), or the list and echoed arguments (`all`). */
export function resultKeys(definition: LookupDefinition): string[] {
  if (definition.returns.kind === "one") return Object.keys(definition.fields);
  return [definition.returns.key, ...(definition.echo ?? [])];
}

/** The JSON type of a result key, when plain: a field's documented type, or the list of an `all` result. */
function resultType(definition: LookupDefinition, key: string): JsonType | undefined {
  if (definition.returns.kind === "all" && key === definition.returns.key) return "array";
  const type = definition.returns.kind === "one" ? definition.fields[key]?.type : "string"; // echoed arguments are strings
  if (type === undefined) return undefined;
  if (type.endsWith("[]")) return "array";
  return (["string", "number", "boolean"] as const).find((plain) => plain === type);
}

/**
 * Checks one `${lookups...}` reference, used where a property takes `expected` (undefined: anything); the
 * reason it is wrong, or undefined.
 */
export function lookupReferenceProblem(reference: Reference, lookups: readonly DeclaredLookup[], expected?: ReadonlySet<JsonType>): string | undefined {
  const lookup = lookups.find((candidate) => candidate.name === reference.name);
  if (!lookup) {
    return `${reference.text}: no lookup "${reference.name}" in this file${didYouMean(reference.name, lookups.map((l) => l.name))}`;
  }
  const keys = resultKeys(lookup.definition);
  if (!keys.includes(reference.property)) {
    return `${reference.text}: ${lookup.definition.name} has no result field "${reference.property}"${didYouMean(reference.property, keys)} (fields: ${keys.join(", ")})`;
  }
  const type = resultType(lookup.definition, reference.property);
  if (type && expected && !expected.has(type)) {
    return `${reference.text} is a ${type}, but this property takes ${[...expected].join(" or ")}`;
  }
  return undefined;
}
