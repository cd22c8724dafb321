/**
 * The drift report: what `pulumi-zoom drift` found, and its `--json` shape (stable; `version` changes if a field
 * is removed or changes meaning — new fields may be added). Secret values never appear: they are `"[secret]"`.
 *
 *   {
 *     "version": 1,
 *     "stack": "dev", "project": "zoom-org",                      (when the URNs tell)
 *     "summary": {"managed": 12, "inSync": 9, "drifted": 1, "missing": 1, "unmanaged": 2, "ignored": 1,
 *                 "errors": 0, "driftFound": true},
 *     "managed":     [{"urn", "kind", "name", "id", "status": "in-sync" | "drifted" | "missing" | "error",
 *                      "unverified": ["password"]}],               (paths whose declared value is encrypted)
 *     "missing":     [{"urn", "kind", "name", "id"}],             (deleted out of band)
 *     "unmanaged":   [{"kind", "id", "name"?, "accountId"?, "userId"?}],
 *     "ignored":     [{"kind", "id", "name"?, "accountId"?, "userId"?, "pattern"}],
 *     "differences": [{"urn", "kind", "name", "id", "path", "declared", "live", "secret"}],
 *     "errors":      [{"urn"?, "kind"?, "scope"?, "message"}]
 *   }
 *
 * Exit codes (Terraform's `-detailed-exitcode`): 0 in sync, 2 drift found (drifted, missing or unmanaged),
 * 1 error (the report may be incomplete, so it is never "in sync").
 */
export const SECRET_SHOWN = "[secret]";

export type ManagedStatus = "in-sync" | "drifted" | "missing" | "error";

export interface ManagedEntry {
  readonly urn: string;
  readonly kind: string;
  readonly name: string;
  readonly id: string;
  readonly status: ManagedStatus;
  /** Declared paths that could not be compared: their value in state is encrypted. */
  readonly unverified: readonly string[];
}

export interface MissingEntry {
  readonly urn: string;
  readonly kind: string;
  readonly name: string;
  readonly id: string;
}

export interface DifferenceEntry {
  readonly urn: string;
  readonly kind: string;
  readonly name: string;
  readonly id: string;
  /** Dotted path, e.g. `settings.waitingRoom`. */
  readonly path: string;
  /** What the stack declared (`"[secret]"` for secrets). */
  readonly declared: unknown;
  /** What Zoom has now (`"[secret]"` for secrets; absent when Zoom has no value). */
  readonly live: unknown;
  readonly secret: boolean;
}

export interface UnmanagedEntry {
  readonly kind: string;
  /** The Pulumi id: what `import` takes. */
  readonly id: string;
  readonly name?: string;
  readonly accountId?: string;
  readonly userId?: string;
}

export interface IgnoredEntry extends UnmanagedEntry {
  /** The `--ignore` pattern that silenced it. */
  readonly pattern: string;
}

export interface ErrorEntry {
  readonly urn?: string;
  readonly kind?: string;
  /** Where a listing failed, e.g. `sub-account abc, user me`. */
  readonly scope?: string;
  readonly message: string;
}

export interface DriftSummary {
  readonly managed: number;
  readonly inSync: number;
  readonly drifted: number;
  readonly missing: number;
  readonly unmanaged: number;
  readonly ignored: number;
  readonly errors: number;
  readonly driftFound: boolean;
}

export interface DriftReport {
  readonly version: 1;
  readonly stack?: string;
  readonly project?: string;
  readonly summary: DriftSummary;
  readonly managed: readonly ManagedEntry[];
  readonly missing: readonly MissingEntry[];
  readonly unmanaged: readonly UnmanagedEntry[];
  readonly ignored: readonly IgnoredEntry[];
  readonly differences: readonly DifferenceEntry[];
  readonly errors: readonly ErrorEntry[];
}

export const EXIT_IN_SYNC = 0;
export const EXIT_ERROR = 1;
export const EXIT_DRIFT = 2;

export function exitCodeOf(report: DriftReport): number {
  if (report.summary.errors > 0) return EXIT_ERROR;
  return report.summary.driftFound ? EXIT_DRIFT : EXIT_IN_SYNC;
}

export function summarize(parts: Omit<DriftReport, "version" | "summary" | "stack" | "project">): DriftSummary {
  const count = (status: ManagedStatus) => parts.managed.filter((entry) => entry.status === status).length;
  const drifted = count("drifted");
  const missing = count("missing");
  return {
    managed: parts.managed.length,
    inSync: count("in-sync"),
    drifted,
    missing,
    unmanaged: parts.unmanaged.length,
    ignored: parts.ignored.length,
    errors: parts.errors.length,
    driftFound: drifted + missing + parts.unmanaged.length > 0,
  };
}

/** The report as `--json` prints it: the documented shape, keys in a fixed order. */
export function toJson(report: DriftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
