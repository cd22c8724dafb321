/**
 * Plain-text output for the demo: numbered sections, aligned tables, indented blocks. No colours, so the output
 * reads the same in a terminal, a CI log and a pasted issue comment.
 */

const INDENT = "  ";

export function say(line = ""): void {
  process.stdout.write(`${line}\n`);
}

let sectionNumber = 0;

/** `2. pulumi up: the first run creates everything` with a rule under it. */
export function section(title: string): void {
  sectionNumber += 1;
  const heading = `${sectionNumber}. ${title}`;
  say();
  say(heading);
  say("-".repeat(heading.length));
}

/** Rows under a header, each column padded to its widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    INDENT + cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ");
  say(line(header));
  for (const row of rows) say(line(row));
}

/** Another tool's output, indented, without trailing blank lines. */
export function block(text: string): void {
  const lines = text.replace(/\s+$/, "").split("\n");
  for (const l of lines) say(l.length > 0 ? INDENT + l : "");
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
