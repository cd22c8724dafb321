/**
 * Checks across objects of one file, after each object passed its own schema: references point at declared
 * objects and at properties those objects have, references form no cycle, a meeting's tracking-field values
 * are among the field's recommended values when the field is declared in the file, and no user gets more
 * than the two TSP accounts Zoom allows.
 */
import { isPlainObject } from "../framework/case";
import type { DeclaredObject } from "./model";
import { addressOf } from "./model";
import { typesAt, type JsonType } from "./jsonSchema";
import { ConfigReference, Reference, type ReferenceUse } from "./references";
import { isSectionKey, SECTION_KEYS, SECTIONS } from "./sections";
import { didYouMean } from "./suggest";

/** Zoom's limit of TSP accounts per user. */
const MAX_TSP_ACCOUNTS_PER_USER = 2;

/** A declared object while loading: `dependsOn` is still being filled in. */
export interface DraftObject extends DeclaredObject {
  readonly dependsOn: string[];
  /** Where the object's properties read stack config. */
  readonly configReferences: readonly { readonly path: readonly (string | number)[]; readonly reference: ConfigReference }[];
  /** The schema's output (defaults applied) when the object is valid; references read as unknown. */
  readonly validated?: Readonly<Record<string, unknown>>;
}

export type ReportProblem = (path: readonly (string | number)[], reason: string) => void;

export interface CheckContext {
  readonly objects: readonly DraftObject[];
  readonly available: ReadonlySet<string>;
  readonly report: ReportProblem;
}

/** What a reference may name: the kind's outputs, then its input properties (the resource class has both). */
export function referenceableProperties(object: Pick<DeclaredObject, "definition">): string[] {
  return [...Object.keys(object.definition.outputs), ...Object.keys(object.definition.properties)];
}

function byAddress(objects: readonly DraftObject[]): Map<string, DraftObject> {
  return new Map(objects.map((object) => [addressOf(object), object]));
}

/** The object a use refers to, or undefined (after reporting why) when the reference is wrong. */
function resolveUse(context: CheckContext, from: DraftObject, use: ReferenceUse, index: Map<string, DraftObject>): DraftObject | undefined {
  const { reference } = use;
  const at = [from.section, from.name, ...use.path];
  if (!isSectionKey(reference.section)) {
    context.report(at, `${reference.text}: no section "${reference.section}"${didYouMean(reference.section, SECTION_KEYS)}`);
    return undefined;
  }
  if (!context.available.has(reference.section)) {
    context.report(at, `${reference.text}: this version of pulumi-zoom has no ${SECTIONS[reference.section]} resource`);
    return undefined;
  }
  const target = index.get(reference.target);
  if (!target) {
    const names = context.objects.filter((object) => object.section === reference.section).map((object) => object.name);
    context.report(at, `${reference.text}: ${reference.target} is not declared in this file${didYouMean(reference.name, names)}`);
    return undefined;
  }
  const properties = referenceableProperties(target);
  if (!properties.includes(reference.property)) {
    const outputs = Object.keys(target.definition.outputs);
    context.report(
      at,
      `${reference.text}: a ${target.kind} has no property or output "${reference.property}"${didYouMean(reference.property, properties)} (outputs: ${outputs.join(", ")})`,
    );
    return undefined;
  }
  return target;
}

/** Reports wrong references; returns the valid ones as edges `from → to`. */
export function checkReferences(context: CheckContext): Map<DraftObject, { use: ReferenceUse; target: DraftObject }[]> {
  const index = byAddress(context.objects);
  const edges = new Map<DraftObject, { use: ReferenceUse; target: DraftObject }[]>();
  for (const object of context.objects) {
    const valid: { use: ReferenceUse; target: DraftObject }[] = [];
    for (const use of object.references) {
      const target = resolveUse(context, object, use, index);
      if (target) valid.push({ use, target });
    }
    edges.set(object, valid);
  }
  return edges;
}

/**
 * Reports each reference cycle once, at the reference that closes it in the first object of the cycle (in file
 * order): Pulumi would wait forever on such a stack.
 */
export function checkCycles(context: CheckContext, edges: Map<DraftObject, { use: ReferenceUse; target: DraftObject }[]>): void {
  const state = new Map<DraftObject, "visiting" | "done">();
  const stack: DraftObject[] = [];
  const visit = (object: DraftObject): void => {
    state.set(object, "visiting");
    stack.push(object);
    for (const { target } of edges.get(object) ?? []) {
      if (state.get(target) === "visiting") {
        const cycle = stack.slice(stack.indexOf(target));
        const first = cycle.reduce((a, b) => (context.objects.indexOf(a) <= context.objects.indexOf(b) ? a : b));
        const next = cycle[(cycle.indexOf(first) + 1) % cycle.length]!;
        const closing = edges.get(first)!.find((edge) => edge.target === next)!;
        const order = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first];
        context.report(
          [first.section, first.name, ...closing.use.path],
          `${closing.use.reference.text}: reference cycle ${order.map(addressOf).join(" → ")}: an object cannot depend on itself`,
        );
      } else if (!state.has(target)) {
        visit(target);
      }
    }
    stack.pop();
    state.set(object, "done");
  };
  for (const object of context.objects) if (!state.has(object)) visit(object);
}

/** The JSON type an output's documented type stands for (`number`, `Occurrence[]` → array), if it is plain. */
function outputType(type: string): JsonType | undefined {
  if (type.endsWith("[]")) return "array";
  return (["string", "number", "boolean"] as const).find((plain) => plain === type);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function oneOf(types: ReadonlySet<JsonType>): string {
  return [...types].map(article).join(" or ");
}

/**
 * A reference's value must be of a type the property takes: `topic: ${meetings.a.meetingId}` would hand a
 * number to a string, and `duration: ${config.minutes}` a string (config values are strings) to a number.
 * Caught here rather than by the provider halfway through a deployment.
 */
export function checkReferenceTypes(context: CheckContext, edges: Map<DraftObject, { use: ReferenceUse; target: DraftObject }[]>): void {
  for (const object of context.objects) {
    const uses: { path: readonly (string | number)[]; text: string; types: ReadonlySet<JsonType> | undefined; what: string }[] = [];
    for (const { use, target } of edges.get(object) ?? []) {
      const output = target.definition.outputs[use.reference.property];
      const types = output ? new Set(outputType(output.type) ? [outputType(output.type)!] : []) : typesAt(target.definition, [use.reference.property]);
      uses.push({ path: use.path, text: use.reference.text, types: types?.size ? types : undefined, what: "" });
    }
    for (const { path, reference } of object.configReferences) {
      uses.push({ path, text: reference.text, types: new Set<JsonType>(["string"]), what: " (config values are strings)" });
    }
    for (const { path, text, types, what } of uses) {
      const expected = typesAt(object.definition, path);
      if (!types || !expected || [...types].some((type) => expected.has(type))) continue;
      context.report([object.section, object.name, ...path], `${text} is ${oneOf(types)}${what}, but this property takes ${oneOf(expected)}`);
    }
  }
}

/** A literal string, or undefined for anything else (a reference, a missing value). */
function literalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A value known only when Pulumi runs. */
function isDeferred(value: unknown): boolean {
  return value instanceof Reference || value instanceof ConfigReference;
}

/** Two account scopes are the same when both are literal and equal (undefined = the credentials' account). */
function sameAccount(a: unknown, b: unknown): boolean {
  return !isDeferred(a) && !isDeferred(b) && a === b;
}

/**
 * A meeting's `trackingFields` entries name a field by label (or by `${trackingFields.x.field}`). When that
 * field is declared in the file with recommended values, the meeting's value must be one of them; a field
 * named by its label is created before the meeting.
 */
export function checkTrackingFieldValues(context: CheckContext): void {
  const fields = context.objects.filter((object) => object.kind === "TrackingField");
  if (fields.length === 0) return;
  for (const meeting of context.objects.filter((object) => object.kind === "Meeting")) {
    const entries = meeting.properties.trackingFields;
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, index) => {
      if (!isPlainObject(entry)) return;
      const field = findField(fields, meeting, entry.field);
      if (!field) return;
      // Named by label, the field is not referenced, so nothing else would order the creates.
      if (!(entry.field instanceof Reference) && !meeting.dependsOn.includes(addressOf(field))) meeting.dependsOn.push(addressOf(field));
      const recommended = field.properties.recommendedValues;
      const value = literalString(entry.value);
      if (!Array.isArray(recommended) || recommended.length === 0 || value === undefined) return;
      if (recommended.some((candidate) => !(typeof candidate === "string"))) return; // a reference: not knowable
      if (recommended.includes(value)) return;
      const label = literalString(field.properties.field) ?? addressOf(field);
      context.report(
        [meeting.section, meeting.name, "trackingFields", index, "value"],
        `"${value}" is not a recommended value of tracking field "${label}" (${addressOf(field)}): expected one of ${recommended.map((v) => JSON.stringify(v)).join(", ")}`,
      );
    });
  }
}

function findField(fields: readonly DraftObject[], meeting: DraftObject, named: unknown): DraftObject | undefined {
  if (named instanceof Reference) {
    return named.property === "field" ? fields.find((field) => addressOf(field) === named.target) : undefined;
  }
  if (typeof named !== "string") return undefined;
  return fields.find(
    (field) => field.properties.field === named && sameAccount(field.properties.accountId, meeting.properties.accountId),
  );
}

/** Zoom allows two TSP accounts per user: a third declared for the same (literal) user cannot be created. */
export function checkTspLimit(context: CheckContext): void {
  const byUser = new Map<string, DraftObject[]>();
  for (const account of context.objects.filter((object) => object.kind === "TspAccount")) {
    const { userId: declaredUser, accountId } = account.properties;
    if (isDeferred(declaredUser) || isDeferred(accountId)) continue;
    // An undeclared userId is the schema's default (`me`), known once the object validated.
    const userId = literalString(declaredUser ?? account.validated?.userId);
    if (userId === undefined) continue;
    const key = `${literalString(accountId) ?? ""}\u0000${userId.toLowerCase()}`;
    const same = byUser.get(key) ?? [];
    if (same.length >= MAX_TSP_ACCOUNTS_PER_USER) {
      context.report(
        [account.section, account.name],
        `Zoom allows at most ${MAX_TSP_ACCOUNTS_PER_USER} TSP accounts per user; user "${userId}" already has ${same.map(addressOf).join(" and ")} in this file`,
      );
    }
    same.push(account);
    byUser.set(key, same);
  }
}
