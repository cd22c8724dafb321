/**
 * Turns a declaration into validated inputs, or into check failures a person can act on:
 * `settings.waitingRoom: expected boolean, got string`. Never calls the API.
 */
import { z } from "zod";
import { isPlainObject } from "./case";
import { formatPath, type PropertyPath } from "./paths";
import { containsUnknown, isUnknown } from "./unknown";

export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

export type Validation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failures: readonly CheckFailure[] };

/** A value's type as a person would name it: `string`, `number`, `array`, `null`. */
function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * The value at an issue's path. Unlike `getPath` (which treats arrays as leaves, as diffs do), this follows
 * array indexes: zod reports `dialInNumbers.0.type`, and the reason must show the value found there.
 */
function valueAt(input: unknown, path: PropertyPath): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (Array.isArray(current)) current = /^\d+$/.test(key) ? current[Number(key)] : undefined;
    else if (isPlainObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

/** True when the issue's path crosses a preview unknown: we cannot judge a value we do not know yet. */
function touchesUnknown(input: unknown, path: PropertyPath): boolean {
  for (let depth = 0; depth <= path.length; depth++) {
    if (isUnknown(valueAt(input, path.slice(0, depth)))) return true;
  }
  return false;
}

function closestKey(unknownKey: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const limit = Math.max(2, Math.floor(key.length / 3));
    // The distance is at least the difference in length: skip the quadratic table when it cannot be close
    // (a 1 MB junk key against 60 settings took 20 s; tests/reliability/checkProperties.test.ts).
    if (Math.abs(unknownKey.length - key.length) > limit) continue;
    const distance = editDistance(unknownKey.toLowerCase(), key.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** Levenshtein distance; keys are short, so the quadratic table is fine. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Longest value or key a failure quotes: the start says which one it is; a megabyte of it helps nobody. */
const SHOWN_LENGTH = 60;

/** A value as a failure shows it: JSON, cut short. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}... (${text.length} characters)` : text;
}

/**
 * An unknown key as a failure names it: quoted when it is empty, would read as a path or hides characters
 * (`""`, `"a.b"`, `"a\r\n"`), and cut short when long.
 */
function readableKey(key: string): string {
  if (key.length > SHOWN_LENGTH) return shown(key);
  return key === "" || /[.\s\u0000-\u001f\u007f]/.test(key) ? JSON.stringify(key) : key;
}

/** Keys a strict object schema knows at `path`, for "did you mean" suggestions. */
function knownKeysAt(schema: z.ZodType, path: PropertyPath): string[] {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    current = unwrapSchema(current);
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[key];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return [];
  }
  current = unwrapSchema(current);
  return current instanceof z.ZodObject ? Object.keys(current.shape as object) : [];
}

/** The schema under optional/default/nullable wrappers and transforms: what a value must be. */
export function unwrapSchema(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; depth < 20 && current; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
  return current;
}

/** A size bound in words: `at most 60, got 200`; `at most 300 characters, got 412`; `at least 1 item, got none`. */
function boundReason(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, received: unknown): string | undefined {
  const limit = issue.code === "too_big" ? issue.maximum : issue.minimum;
  const exclusive = issue.inclusive === false;
  const word = issue.code === "too_big" ? (exclusive ? "less than" : "at most") : exclusive ? "more than" : "at least";
  const count = Number(limit);
  const plural = (unit: string) => `${unit}${count === 1 ? "" : "s"}`;
  switch (issue.origin) {
    case "number":
    case "int":
    case "bigint":
      return `${word} ${String(limit)}, got ${shown(received)}`;
    case "string":
      return `${word} ${String(limit)} ${plural("character")}, got ${typeof received === "string" ? received.length : shown(received)}`;
    case "array":
      return `${word} ${String(limit)} ${plural("item")}, got ${Array.isArray(received) ? received.length || "none" : shown(received)}`;
    default:
      return undefined;
  }
}

function reasonFor(issue: z.core.$ZodIssue, input: unknown): string {
  const received = valueAt(input, issue.path.map(String));
  switch (issue.code) {
    case "invalid_type":
      return received === undefined ? `required (${issue.expected})` : `expected ${issue.expected}, got ${describeType(received)}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${shown(received)}`;
    case "too_big":
    case "too_small":
      // zod's own wording ("Too big: expected number to be <=60") only; a schema's own message stays.
      return /^Too (big|small):/.test(issue.message) ? (boundReason(issue, received) ?? issue.message) : issue.message;
    default:
      return issue.message;
  }
}

/**
 * Validates `input` (framework keys already removed). Issues under preview unknowns are dropped; a
 * whole-object refinement is dropped when anything in the object is unknown.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const failures: CheckFailure[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    if (touchesUnknown(input, path)) continue;
    if (issue.code === "custom" && containsUnknown(valueAt(input, path))) continue;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const suggestion = closestKey(key, knownKeysAt(schema, path));
        failures.push({
          property: formatPath([...path, readableKey(key)]),
          reason: `unknown property${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
        });
      }
      continue;
    }
    failures.push({ property: formatPath(path) || "(resource)", reason: reasonFor(issue, input) });
  }
  if (failures.length === 0) {
    // Every issue was about an unknown value: the preview goes ahead with the declaration as written.
    return { ok: true, value: input as z.output<S> };
  }
  return { ok: false, failures };
}

/** Removes keys whose value is undefined or null at the top level (Pulumi sends null for unset inputs). */
export function dropUnset(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined || inner === null) continue;
    out[key] = isPlainObject(inner) ? dropUnset(inner) : inner;
  }
  return out;
}
