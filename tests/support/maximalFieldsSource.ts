/**
 * The TypeScript source of emulator/core/maximalFields.ts for a table of spec-maximal extra fields, each repeated
 * block written once: a block of MIN_LINES or more lines that stands more than once becomes a `const` the table
 * refers to, and an operation's answer that differs from an earlier one in a few places (`meeting` and
 * `meetingCreate` differ only in one settings list) is written as that one spread, with the differences. The
 * module evaluates to the same table (tests/emulator/specMaximal.test.ts checks both).
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

/** Whether two objects have the same keys in the same order (so one can be written as the other, spread). */
const sameKeys = (a: JsonObject, b: JsonObject) => JSON.stringify(Object.keys(a)) === JSON.stringify(Object.keys(b));

/** The values `derive` writes out when it writes `value` as `base` spread with the differences. */
function differences(base: Json, value: Json): Json[] {
  if (JSON.stringify(base) === JSON.stringify(value)) return [];
  if (!isObject(base) || !isObject(value) || !sameKeys(base, value)) return [value];
  return Object.keys(value).flatMap((key) => differences(base[key], value[key]));
}

/** How many lines `value` takes when written as `base` spread with the differences. */
function differenceLines(base: Json, value: Json): number {
  if (JSON.stringify(base) === JSON.stringify(value)) return 1;
  if (!isObject(base) || !isObject(value) || !sameKeys(base, value)) return lineCount(value);
  return 2 + Object.keys(value).reduce((sum, key) => sum + (JSON.stringify(base[key]) === JSON.stringify(value[key]) ? 0 : differenceLines(base[key], value[key])), 0);
}

/**
 * The earlier operation whose answer this one is best written as a spread of: the same keys, and under half the
 * lines to write.
 */
function closestEarlier(earlier: readonly (readonly [string, Json])[], value: Json): string | undefined {
  if (!isObject(value)) return undefined;
  const candidates = earlier
    .filter(([, other]) => isObject(other) && sameKeys(other, value))
    .map(([operation, other]) => ({ operation, lines: differenceLines(other, value) }))
    .filter((candidate) => candidate.lines * 2 < lineCount(value))
    .sort((a, b) => a.lines - b.lines);
  return candidates[0]?.operation;
}

export function maximalFieldsSource(table: JsonObject): string {
  const named = new Map<string, string>();
  const declarations: string[] = [];
  const taken = new Set<string>();
  const uniqueName = (wanted: string) => {
    let name = wanted;
    for (let i = 2; taken.has(name); i++) name = `${wanted}${i}`;
    taken.add(name);
    return name;
  };
  const declare = (wanted: string, body: string) => {
    const name = uniqueName(wanted);
    declarations.push(`const ${name} = ${body};`, "");
    return name;
  };

  /** A block in place, or the name of its `const` where it stands more than once. */
  const write = (value: Json, indent: string, key: string): string => {
    if (!isBlock(value)) return JSON.stringify(value);
    const text = JSON.stringify(value);
    const known = named.get(text);
    if (known) return known;
    if ((counts.get(text) ?? 0) < 2) return literal(value, indent, key);
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

  /** `value` as `base` spread with what differs, or written out where the difference is no shorter. */
  const derive = (baseExpression: string, base: Json, value: Json, indent: string, key: string): string => {
    if (JSON.stringify(base) === JSON.stringify(value)) return baseExpression;
    if (!isObject(base) || !isObject(value) || !sameKeys(base, value)) return write(value, indent, key);
    const inner = `${indent}  `;
    const changed = Object.keys(value).filter((k) => JSON.stringify(base[k]) !== JSON.stringify(value[k]));
    const lines = changed.map((k) => `${inner}${JSON.stringify(k)}: ${derive(`${baseExpression}[${JSON.stringify(k)}]`, base[k], value[k], inner, k)}`);
    return `{\n${inner}...${baseExpression},\n${lines.join(",\n")}\n${indent}}`;
  };

  const rows = Object.entries(table).map(([operation, value], index, all) => ({
    operation,
    value,
    base: closestEarlier(all.slice(0, index), value),
  }));
  // Blocks are counted where they are written out: whole answers, and only the differences of spread ones.
  const counts = countBlocks(rows.flatMap((row) => (row.base === undefined ? [row.value] : differences(table[row.base], row.value))));
  const usedAsBase = new Set(rows.flatMap((row) => (row.base === undefined ? [] : [row.base])));
  const baseNames = new Map<string, string>();
  const entries = rows.map(({ operation, value, base }) => {
    let text: string;
    if (usedAsBase.has(operation) && isObject(value)) {
      text = named.get(JSON.stringify(value)) ?? declare(camel(operation), literal(value, "", operation));
      baseNames.set(operation, text);
    } else if (base !== undefined) {
      text = derive(baseNames.get(base)!, table[base], value, "  ", operation);
    } else {
      text = write(value, "  ", operation);
    }
    return `  ${JSON.stringify(operation)}: ${text}`;
  });
  return [
    ...HEADER,
    ...declarations,
    `export const MAXIMAL_FIELDS: Partial<Record<OperationId, unknown>> = {\n${entries.join(",\n")}\n};`,
    "",
  ].join("\n");
}
