/**
 * The drift report in GitHub-flavoured Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
 * Secret values are `[secret]` here as everywhere; cell text is escaped so a topic with `|` or a backtick
 * cannot break the table.
 */
import type { DriftReport } from "../report";
import { managedLine, showValue, verdict } from "./values";

/** Inline code that survives any content: backticks inside get a longer fence. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const padded = text.startsWith("`") || text.endsWith("`") ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

/** A table cell: no pipes, no line breaks. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ];
}

/** Zero-width space, as an entity: splits a mention or a link without changing what a reader sees. */
const BREAK = "&#8203;";

/**
 * Text from Zoom or the stack (meeting topics, object names, error messages) as inert Markdown: nothing in it
 * may format, link, embed an image, ping a person or team (`@org/team`) or smuggle HTML into a pull-request
 * comment. `&` first, so entities cannot be written; Markdown punctuation backslash-escaped; mentions and
 * bare URLs (which GitHub links without any markup) split with a zero-width space.
 */
export function plainText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/[\\`*_[\]<>#!()~]/g, "\\$&")
    .replace(/@/g, `@${BREAK}`)
    .replace(/:\/\//g, `:${BREAK}//`)
    .replace(/www\./gi, (www) => `${www.slice(0, 3)}${BREAK}.`);
}

export function renderMarkdown(report: DriftReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(`## Zoom drift: ${verdict(s)}`, "");
  const stack = report.stack ? `Stack ${code(report.stack)}${report.project ? ` (project ${code(report.project)})` : ""}: ` : "";
  const extra = [`${s.unmanaged} unmanaged`, ...(s.ignored > 0 ? [`${s.ignored} ignored`] : []), ...(s.errors > 0 ? [`${s.errors} error${s.errors === 1 ? "" : "s"}`] : [])];
  out.push(`${stack}${managedLine(s)}; ${extra.join(", ")}.`);

  if (report.differences.length > 0) {
    out.push("", "### Drifted", "");
    out.push(
      ...table(
        ["Resource", "Property", "Declared", "Live"],
        report.differences.map((d) => [
          `${code(d.kind)} ${plainText(d.name)} (${code(d.id)})`,
          code(d.path),
          code(showValue(d.declared, d.secret)),
          code(showValue(d.live, d.secret)),
        ]),
      ),
    );
  }
  const unverified = report.managed.filter((m) => m.unverified.length > 0);
  if (unverified.length > 0) {
    out.push("", "### Not compared (encrypted in the stack state)", "");
    out.push(...table(["Resource", "Properties"], unverified.map((m) => [`${code(m.kind)} ${plainText(m.name)} (${code(m.id)})`, m.unverified.map(code).join(", ")])));
  }
  if (report.missing.length > 0) {
    out.push("", "### Deleted out of band", "");
    out.push(...table(["Resource", "Id"], report.missing.map((m) => [`${code(m.kind)} ${plainText(m.name)}`, code(m.id)])));
  }
  if (report.unmanaged.length > 0) {
    out.push("", "### Unmanaged (in Zoom, not in the stack)", "");
    out.push(...table(["Kind", "Id", "Name"], report.unmanaged.map((u) => [code(u.kind), code(u.id), u.name === undefined ? "" : plainText(u.name)])));
  }
  if (report.ignored.length > 0) {
    out.push("", `<details><summary>Ignored (${report.ignored.length})</summary>`, "");
    out.push(...table(["Kind", "Id", "Name", "Pattern"], report.ignored.map((u) => [code(u.kind), code(u.id), u.name === undefined ? "" : plainText(u.name), code(u.pattern)])));
    out.push("", "</details>");
  }
  if (report.errors.length > 0) {
    out.push("", "### Errors", "");
    for (const e of report.errors) {
      const subject = e.urn ? code(e.urn) : [e.kind ? code(e.kind) : "", e.scope ? plainText(e.scope) : ""].filter(Boolean).join(" in ");
      out.push(`- ${subject ? `${subject}: ` : ""}${plainText(e.message.replace(/\r?\n/g, " "))}`);
    }
  }
  return `${out.join("\n")}\n`;
}
