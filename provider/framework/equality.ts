/**
 * What "equal" means between a declared value and Zoom's: the one rule every plan, update, refresh and drift
 * report uses. The default rule, for every property:
 *
 * - an object compares only the keys that were declared, recursively (inside list items too): whatever else
 *   Zoom adds (`internal_user` on an invitee, server defaults of settings) never shows as a change;
 * - an empty object (`settings: {}`) declares no key, so it manages nothing;
 * - a list compares item by item, in order, with the same length; an empty list (`trackingFields: []`) means
 *   "make it empty", which Zoom's absent, null or empty list satisfies;
 * - anything else compares exactly.
 *
 * Where Zoom's meaning differs, a definition declares a rule for the path (`settings.meetingInvitees`,
 * `trackingFields[].value`; `[]` stands for every item of a list): a `set` (Zoom does not keep the order), a
 * `normalized` value (Zoom folds case or whitespace), or a `custom` key that needs the whole object (an instant
 * read in the object's time zone). Emails (`z.email()` in the schema) are normalized without being declared.
 */
import equal from "fast-deep-equal";
import { z } from "zod";
import { isPlainObject } from "./case";
import { unwrapSchema } from "./validate";

/** A comparison key for a value; `side` is the whole object it came from, `other` the one it is compared with. */
export type ComparisonKey = (value: unknown, side: Record<string, unknown>, other: Record<string, unknown>) => unknown;

export type EqualityRule =
  /** A list whose order Zoom does not keep: each declared item matches a different item of Zoom's, in any order. */
  | { readonly kind: "set"; readonly says: string }
  /** Both sides are normalized, then compared by the default rule. */
  | { readonly kind: "normalized"; readonly says: string; normalize(value: unknown): unknown }
  /**
   * Both sides are turned into keys with the whole objects at hand, and the keys compared exactly; `accepts`
   * may also take keys that differ (Zoom moved a start declared in the past to the time of the request).
   */
  | { readonly kind: "custom"; readonly says: string; readonly key: ComparisonKey; accepts?(want: unknown, have: unknown): boolean };

/** Rules by path (`settings.globalDialInCountries`, `settings.meetingInvitees[].email`). */
export type EqualityRules = Readonly<Record<string, EqualityRule>>;

/** Levels below the top a rule path may reach (the meeting's deepest is `settings.breakoutRoom.rooms[].participants`). */
type Depth = [never, 0, 1, 2, 3, 4, 5];

/** What may follow a property of type `V` in a rule path: `[]` into list items, `.key` into objects. */
type PathTail<V, D extends number> = [D] extends [never]
  ? never
  : NonNullable<V> extends readonly (infer Item)[]
    ? "[]" | `[]${PathTail<Item, Depth[D]>}`
    : NonNullable<V> extends Record<string, unknown>
      ? { [K in keyof NonNullable<V> & string]: `.${K}` | `.${K}${PathTail<NonNullable<V>[K], Depth[D]>}` }[keyof NonNullable<V> & string]
      : never;

/** Every rule path of an input type `T`: `settings`, `settings.meetingInvitees`, `trackingFields[].value`... */
export type RulePath<T> = { [K in keyof T & string]: K | `${K}${PathTail<T[K], 5>}` }[keyof T & string];

/** Rules of one resource, by paths of its inputs: a path the schema does not have does not compile. */
export type EqualityRulesOf<T> = { readonly [P in RulePath<T>]?: EqualityRule };

export const set = (says = "a set: order does not matter"): EqualityRule => ({ kind: "set", says });

export const normalized = (says: string, normalize: (value: unknown) => unknown): EqualityRule => ({ kind: "normalized", says, normalize });

export const custom = (says: string, key: ComparisonKey, accepts?: (want: unknown, have: unknown) => boolean): EqualityRule =>
  accepts ? { kind: "custom", says, key, accepts } : { kind: "custom", says, key };

/** Zoom stores email addresses in lower case and without surrounding whitespace. */
export const emailRule = normalized("an email address: case and surrounding whitespace do not matter", (value) =>
  typeof value === "string" ? value.trim().toLowerCase() : value,
);

/** Paths of the schema whose values are emails (`z.email()`), with `[]` for list items. */
export function emailPaths(schema: z.ZodType): string[] {
  const found: string[] = [];
  const visit = (node: z.ZodType | undefined, path: string) => {
    const current = unwrapSchema(node);
    if (current instanceof z.ZodEmail) found.push(path);
    else if (current instanceof z.ZodObject) {
      for (const [key, inner] of Object.entries(current.shape as Record<string, z.ZodType>)) visit(inner, path ? `${path}.${key}` : key);
    } else if (current instanceof z.ZodArray) visit(current.element as z.ZodType, `${path}[]`);
  };
  visit(schema, "");
  return found;
}

/** The definition's rules plus the email rule on every email path it does not rule otherwise. */
export function rulesOf(schema: z.ZodType, declared: Readonly<Partial<Record<string, EqualityRule>>> | undefined): EqualityRules {
  const rules: Record<string, EqualityRule> = {};
  for (const path of emailPaths(schema)) rules[path] = emailRule;
  for (const [path, rule] of Object.entries(declared ?? {})) if (rule !== undefined) rules[path] = rule;
  return rules;
}

interface Sides {
  readonly rules: EqualityRules;
  /** The whole declared object and the whole object it is compared with (for custom keys). */
  readonly declared: Record<string, unknown>;
  readonly current: Record<string, unknown>;
}

/** The rule path of a property path: list indexes become `[]`. */
const itemPath = (path: string) => `${path}[]`;
const keyPath = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** True when Zoom's `have` satisfies the declared `want` at `path` (dotted, `[]` for items). */
export function satisfies(want: unknown, have: unknown, path: string, sides: Sides): boolean {
  const rule = sides.rules[path];
  if (rule?.kind === "custom") {
    const [wantKey, haveKey] = [rule.key(want, sides.declared, sides.current), rule.key(have, sides.current, sides.declared)];
    return equal(wantKey, haveKey) || (rule.accepts?.(wantKey, haveKey) ?? false);
  }
  if (rule?.kind === "normalized") return structural(rule.normalize(want), rule.normalize(have), path, sides, false);
  return structural(want, have, path, sides, rule?.kind === "set");
}

function structural(want: unknown, have: unknown, path: string, sides: Sides, unordered: boolean): boolean {
  if (isPlainObject(want)) {
    const keys = Object.keys(want).filter((key) => want[key] !== undefined);
    if (keys.length === 0) return true;
    if (!isPlainObject(have)) return false;
    return keys.every((key) => satisfies(want[key], have[key], keyPath(path, key), sides));
  }
  if (Array.isArray(want)) {
    const list = have === undefined || have === null ? [] : have;
    if (!Array.isArray(list) || list.length !== want.length) return false;
    const item = itemPath(path);
    if (!unordered) return want.every((w, i) => satisfies(w, list[i], item, sides));
    return matchAll(want, list, (w, h) => satisfies(w, h, item, sides));
  }
  return equal(want, have);
}

/** Each declared item paired with a different item of Zoom's (backtracking: items can match several). */
function matchAll(want: readonly unknown[], have: readonly unknown[], fits: (w: unknown, h: unknown) => boolean): boolean {
  const used = new Array<boolean>(have.length).fill(false);
  const candidates = want.map((w) => have.map((h, j) => (fits(w, h) ? j : -1)).filter((j) => j >= 0));
  const order = want.map((_, i) => i).sort((a, b) => candidates[a]!.length - candidates[b]!.length);
  const place = (n: number): boolean => {
    if (n === order.length) return true;
    for (const j of candidates[order[n]!]!) {
      if (used[j]) continue;
      used[j] = true;
      if (place(n + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return place(0);
}

/** The rules as documentation rows: path, and what the rule says. */
export function describeRules(rules: EqualityRules): { path: string; says: string }[] {
  return Object.entries(rules)
    .map(([path, rule]) => ({ path, says: rule.says }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
