/**
 * Property values as the drift report shows them: JSON text (so `"true"` and `true` differ visibly), secrets as
 * `[secret]`, absent values as `(none)`, long values shortened.
 */
import { SECRET_SHOWN } from "../report";

export const ABSENT_SHOWN = "(none)";
const MAX_LENGTH = 80;

export function showValue(value: unknown, secret: boolean, maxLength = MAX_LENGTH): string {
  if (secret) return SECRET_SHOWN;
  if (value === undefined) return ABSENT_SHOWN;
  const json = JSON.stringify(value) ?? String(value);
  const characters = [...json];
  return characters.length > maxLength ? `${characters.slice(0, maxLength - 1).join("")}…` : json;
}

/** `Meeting standup` — how a managed resource is named in reports. */
export function resourceLabel(entry: { readonly kind: string; readonly name: string }): string {
  return `${entry.kind} ${entry.name}`;
}

/** The one-line verdict. */
export function verdict(summary: { readonly errors: number; readonly driftFound: boolean }): string {
  if (summary.errors > 0) return summary.driftFound ? "drift found, and errors (the report may be incomplete)" : "errors (the report may be incomplete)";
  return summary.driftFound ? "drift found" : "in sync";
}

/** `12 managed: 9 in sync, 1 drifted, 1 deleted out of band` */
export function managedLine(summary: {
  readonly managed: number;
  readonly inSync: number;
  readonly drifted: number;
  readonly missing: number;
  readonly errors: number;
}): string {
  const parts = [`${summary.inSync} in sync`, `${summary.drifted} drifted`, `${summary.missing} deleted out of band`];
  return `${summary.managed} managed: ${parts.join(", ")}`;
}
