/**
 * The TypeScript source of emulator/core/maximalFields.ts for a table of spec-maximal extra fields, each repeated
 * block written once: a block of MIN_LINES or more lines that stands more than once becomes a `const` the table
 * refers to, and an operation's answer close to an object written earlier (`meeting` differs from `meetingCreate`
 * in one settings list; `user` is an item of `users` with two more fields) is written as that object spread, with
 * the differences. The module evaluates to the same table, key order included (tests/emulator/specMaximal.test.ts).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A block shorter than this (in lines, as JSON.stringify(value, null, 2) writes it) is written in place. */
const MIN_LINES = 6;

const HEADER = [
  "/**",
  " * The extra fields of spec-maximal answers, per operation: a valid value for every field Zoom's response schema",
  " * allows (a list holds one template item, merged into each item of the answer). Written from Zoom's documents",
  " * by tests/support/specMaximal.ts (tests/support/maximalFieldsSource.ts writes each repeated block once) and",
  " * checked against them by tests/emulator/specMaximal.test.ts.",
  " */",
  'import type { OperationId } from "../../catalogue/operations";',
  "",
];

const isObject = (value: Json): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const isBlock = (value: Json): value is JsonObject | Json[] => typeof value === "object" && value !== null;
const lineCount = (value: Json) => JSON.stringify(value, null, 2).split("\n").length;
const camel = (key: string) => key.replace(/[_-]+([a-z0-9])/gi, (_, c: string) => c.toUpperCase()).replace(/^[^A-Za-z_$]+/, "");

/** How many times each block of MIN_LINES or more stands in the table, not counting blocks inside a repeat. */
function countBlocks(values: readonly Json[]): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (value: Json, isRoot: boolean): void => {
    if (!isBlock(value)) return;
    if (!isRoot && lineCount(value) >= MIN_LINES) {
      const text = JSON.stringify(value);
      counts.set(text, (counts.get(text) ?? 0) + 1);
      if (counts.get(text)! > 1) return;
    }
    for (const inner of Object.values(value)) visit(inner, false);
  };
  visit([...values], true);
  return counts;
}

/**
 * Whether `value` can be written as `base` spread: `base`'s keys, in its order, then any more. A spread keeps
 * `base`'s order and appends the rest, so the order stays the same.
 */
function extendsKeys(base: JsonObject, value: JsonObject): boolean {
  const baseKeys = Object.keys(base);
  return JSON.stringify(Object.keys(value).slice(0, baseKeys.length)) === JSON.stringify(baseKeys);
}

const same = (a: Json | undefined, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/** The keys of `value` a spread of `base` must write: those that differ, and those `base` lacks. */
const changedKeys = (base: JsonObject, value: JsonObject) => Object.keys(value).filter((key) => !same(base[key], value[key]));

/** The values written out when `value` is written as `base` spread with the differences. */
function differences(base: Json | undefined, value: Json): Json[] {
  if (same(base, value)) return [];
  if (base === undefined || !isObject(base) || !isObject(value) || !extendsKeys(base, value)) return [value];
  return changedKeys(base, value).flatMap((key) => differences(base[key], value[key]));
}

/** How many lines `value` takes when written as `base` spread with the differences. */
function differenceLines(base: Json | undefined, value: Json): number {
  if (same(base, value)) return 1;
  if (base === undefined || !isObject(base) || !isObject(value) || !extendsKeys(base, value)) return lineCount(value);
  return 2 + changedKeys(base, value).reduce((sum, key) => sum + differenceLines(base[key], value[key]), 0);
}

/** Every object in `value` (itself included), outermost first. */
function objectsIn(value: Json): JsonObject[] {
  if (!isBlock(value)) return [];
  const inner = Object.values(value).flatMap(objectsIn);
  return isObject(value) ? [value, ...inner] : inner;
}

/** The object written earlier that `value` is best written as a spread of: under half the lines to write. */
function closestBase(earlier: readonly Json[], value: Json): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const candidates = earlier
    .flatMap(objectsIn)
    .filter((other) => extendsKeys(other, value))
    .map((other) => ({ other, lines: differenceLines(other, value) }))
    .filter((candidate) => candidate.lines * 2 < lineCount(value))
    .sort((a, b) => a.lines - b.lines);
  return candidates[0]?.other;
}

export function maximalFieldsSource(table: JsonObject): string {
  // Each operation's answer is written out, or as a spread of an object of an earlier answer written out.
  const rows: { operation: string; value: Json; base?: JsonObject }[] = [];
  for (const [operation, value] of Object.entries(table)) {
    const written = rows.filter((row) => row.base === undefined).map((row) => row.value);
    rows.push({ operation, value, base: closestBase(written, value) });
  }
  // Blocks are counted where they are written out: whole answers, and only the differences of spread ones.
  const counts = countBlocks(rows.flatMap((row) => (row.base === undefined ? [row.value] : differences(row.base, row.value))));
  /** Spread bases get a name wherever they stand. */
  const bases = new Set(rows.flatMap((row) => (row.base === undefined ? [] : [JSON.stringify(row.base)])));

  const named = new Map<string, string>();
  const declarations: string[] = [];
  const declare = (wanted: string, body: string) => {
    let name = wanted;
    for (let i = 2; declarations.some((line) => line.startsWith(`const ${name} = `)); i++) name = `${wanted}${i}`;
    declarations.push(`const ${name} = ${body};`, "");
    return name;
  };

  /** A block in place, or the name of its `const` where it stands more than once or is a spread's base. */
  const write = (value: Json, indent: string, key: string): string => {
    if (!isBlock(value)) return JSON.stringify(value);
    const text = JSON.stringify(value);
    const known = named.get(text);
    if (known) return known;
    if ((counts.get(text) ?? 0) < 2 && !bases.has(text)) return literal(value, indent, key);
    const name = declare(camel(key), literal(value, "", key));
    named.set(text, name);
    return name;
  };
  /** A block written out, as JSON.stringify(value, null, 2) would, its inner blocks through `write`. */
  const literal = (value: JsonObject | Json[], indent: string, key: string): string => {
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    const inner = `${indent}  `;
    const lines = Array.isArray(value)
      ? value.map((v) => `${inner}${write(v, inner, `${key}_item`)}`)
      : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, k)}`);
    return lines.length === 0 ? `${open}${close}` : `${open}\n${lines.join(",\n")}\n${indent}${close}`;
  };
  /** `value` as the object `baseExpression` names spread, with what differs or is added. */
  const derive = (baseExpression: string, base: Json | undefined, value: Json, indent: string, key: string): string => {
    if (same(base, value)) return baseExpression;
    if (base === undefined || !isObject(base) || !isObject(value) || !extendsKeys(base, value)) return write(value, indent, key);
    const inner = `${indent}  `;
    const lines = changedKeys(base, value).map(
      (k) => `${inner}${JSON.stringify(k)}: ${derive(`${baseExpression}[${JSON.stringify(k)}]`, base[k], value[k], inner, k)}`,
    );
    return `{\n${inner}...${baseExpression},\n${lines.join(",\n")}\n${indent}}`;
  };

  const entries = rows.map(({ operation, value, base }) => {
    const baseName = base === undefined ? undefined : named.get(JSON.stringify(base));
    if (base !== undefined && baseName === undefined) throw new Error(`the base of ${operation} is not written before it`);
    const text = baseName === undefined ? write(value, "  ", operation) : derive(baseName, base, value, "  ", operation);
    return `  ${JSON.stringify(operation)}: ${text}`;
  });
  return [
    ...HEADER,
    ...declarations,
    `export const MAXIMAL_FIELDS: Partial<Record<OperationId, unknown>> = {\n${entries.join(",\n")}\n};`,
    "",
  ].join("\n");
}
