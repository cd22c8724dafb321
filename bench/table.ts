/** Plain-text tables for the terminal (and the README): a header row, a rule, aligned columns. */
export type Cell = string | number;

function text(cell: Cell): string {
  return typeof cell === "number" ? String(cell) : cell;
}

/** Numbers (and number-like cells) are right-aligned, text left-aligned. */
function numeric(cell: Cell): boolean {
  return typeof cell === "number" || /^[-+]?[\d.,]+\s*(%|x|s|ms|KB|MB|B)?$/.test(cell);
}

export function renderTable(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => text(r[i] ?? "").length)));
  const line = (cells: readonly Cell[]) =>
    cells
      .map((c, i) => (numeric(c) ? text(c).padStart(widths[i]!) : text(c).padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [title, line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function fixed(value: number | undefined, digits = 2): string {
  return value === undefined || !Number.isFinite(value) ? "-" : value.toFixed(digits);
}

export function passMark(pass: boolean | undefined): string {
  return pass === undefined ? "" : pass ? "pass" : "MISS";
}
