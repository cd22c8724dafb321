/**
 * The terminal rendering of a drift report: a summary, then one aligned table per finding. Colour only when
 * asked (a TTY without NO_COLOR); the text is the same either way.
 */
import type { DriftReport } from "../report";
import { managedLine, resourceLabel, showValue, verdict } from "./values";

export interface TableOptions {
  readonly color: boolean;
}

type Paint = (text: string) => string;

interface Palette {
  readonly heading: Paint;
  readonly good: Paint;
  readonly warn: Paint;
  readonly bad: Paint;
  readonly info: Paint;
  readonly dim: Paint;
}

const sgr = (open: number, close: number): Paint => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain: Paint = (text) => text;

function palette(color: boolean): Palette {
  if (!color) return { heading: plain, good: plain, warn: plain, bad: plain, info: plain, dim: plain };
  return { heading: sgr(1, 22), good: sgr(32, 39), warn: sgr(33, 39), bad: sgr(31, 39), info: sgr(36, 39), dim: sgr(2, 22) };
}

/** Width as a terminal shows it, roughly: code points, not UTF-16 units. */
function width(text: string): number {
  return [...text].length;
}

/** Rows aligned in columns; the last column is not padded. */
function table(header: readonly string[], rows: readonly (readonly string[])[], paint: Palette): string[] {
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell + " ".repeat(widths[column]! - width(cell)))).join("  ").trimEnd();
  return [`  ${paint.dim(line(header))}`, ...rows.map((row) => `  ${line(row)}`)];
}

export function renderTable(report: DriftReport, options: TableOptions): string {
  const paint = palette(options.color);
  const s = report.summary;
  const out: string[] = [];
  const where = report.stack ? ` for stack ${report.stack}${report.project ? ` (project ${report.project})` : ""}` : "";
  out.push(paint.heading(`Zoom drift report${where}`), "");
  out.push(`  ${managedLine(s)}`);
  out.push(`  ${s.unmanaged} unmanaged${s.ignored > 0 ? ` (${s.ignored} more ignored)` : ""}`);
  if (s.errors > 0) out.push(`  ${paint.bad(`${s.errors} error${s.errors === 1 ? "" : "s"}`)}`);

  if (report.differences.length > 0) {
    out.push("", paint.warn(paint.heading("Drifted")));
    out.push(
      ...table(
        ["RESOURCE", "ID", "PROPERTY", "DECLARED", "LIVE"],
        report.differences.map((d) => [resourceLabel(d), d.id, d.path, showValue(d.declared, d.secret, 40), showValue(d.live, d.secret, 40)]),
        paint,
      ),
    );
  }
  const unverified = report.managed.filter((m) => m.unverified.length > 0);
  if (unverified.length > 0) {
    out.push("", paint.heading("Not compared (encrypted in the stack state)"));
    out.push(...table(["RESOURCE", "ID", "PROPERTIES"], unverified.map((m) => [resourceLabel(m), m.id, m.unverified.join(", ")]), paint));
  }
  if (report.missing.length > 0) {
    out.push("", paint.bad(paint.heading("Deleted out of band")));
    out.push(...table(["RESOURCE", "ID"], report.missing.map((m) => [resourceLabel(m), m.id]), paint));
  }
  if (report.unmanaged.length > 0) {
    out.push("", paint.info(paint.heading("Unmanaged (in Zoom, not in the stack)")));
    out.push(...table(["KIND", "ID", "NAME"], report.unmanaged.map((u) => [u.kind, u.id, u.name ?? ""]), paint));
  }
  if (report.ignored.length > 0) {
    out.push("", paint.dim(paint.heading("Ignored")));
    out.push(...table(["KIND", "ID", "NAME", "PATTERN"], report.ignored.map((u) => [u.kind, u.id, u.name ?? "", u.pattern]), paint));
  }
  if (report.errors.length > 0) {
    out.push("", paint.bad(paint.heading("Errors")));
    for (const e of report.errors) {
      const subject = e.urn ? `${e.kind ?? ""} ${e.urn.split("::").slice(3).join("::")}`.trim() : [e.kind, e.scope].filter(Boolean).join(" in ");
      out.push(`  ${subject ? `${subject}: ` : ""}${e.message}`);
    }
  }
  const result = verdict(s);
  const color = s.errors > 0 ? paint.bad : s.driftFound ? paint.warn : paint.good;
  out.push("", `Result: ${color(result)}`);
  return `${out.join("\n")}\n`;
}
