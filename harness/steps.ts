/** What a Deployment operation reports: its steps, counts, errors and warnings. */
import type { DiffResult, HostExit, HostOutput } from "./engineHost";
import type { ResourceRegistration } from "./program";
import type { PropertyMap } from "./values";

export type StepOp = "create" | "update" | "replace" | "delete" | "same" | "read" | "import";

export interface StepRecord {
  op: StepOp;
  urn: string;
  type: string;
  custom: boolean;
  /** done: executed; planned: preview only; failed: the provider or engine refused it. */
  status: "done" | "planned" | "failed";
  id?: string;
  /** Top-level input keys that differ from the state's inputs (update/replace), or output keys (refresh). */
  changedKeys?: string[];
  /** What the provider's diff said, where one was asked (for refresh: the diff before the engine inverts it). */
  diff?: DiffResult;
  /** Keys that made the engine replace (the provider's `replaces` plus `replaceOnChanges` matches). */
  replaceKeys?: string[];
  /** For replaces: whether the old resource was (or would be) deleted first. */
  deleteBeforeReplace?: boolean;
  /** For refresh: input keys the provider's ReadResult.inputs changed. */
  changedInputs?: string[];
  error?: string;
}

export interface PlanSummary {
  operation: "up" | "preview" | "refresh" | "destroy";
  creates: number;
  updates: number;
  replaces: number;
  deletes: number;
  sames: number;
  reads: number;
  imports: number;
  /** creates + updates + replaces + deletes + imports (refresh: updates + deletes). */
  changes: number;
  /** In the order they completed. */
  steps: StepRecord[];
  /** Stack outputs (RPC form: secrets wrapped) for up/preview. */
  outputs: PropertyMap;
  /** Registrations as the program made them (up/preview). */
  registrations: ResourceRegistration[];
  errors: string[];
  /** Diagnostics the engine prints as warnings (e.g. a replace of an imported resource during preview). */
  warnings: string[];
  /** The host's output and exit for this operation (absent when the host is reused). */
  host?: HostOutput & HostExit;
}

/** An operation failed. The state was still updated with what happened, as Pulumi saves partial progress. */
export class DeploymentError extends Error {
  override readonly name = "DeploymentError";
  constructor(readonly summary: PlanSummary) {
    super(`${summary.operation} failed:\n${summary.errors.map((e) => `  - ${e}`).join("\n")}`);
  }
}

/** Builds a summary from steps; counts only steps that were done or planned. */
export function summarize(operation: PlanSummary["operation"], steps: StepRecord[], extra: Partial<PlanSummary> = {}): PlanSummary {
  const count = (op: StepOp): number => steps.filter((s) => s.op === op && s.status !== "failed").length;
  const summary: PlanSummary = {
    operation,
    creates: count("create"),
    updates: count("update"),
    replaces: count("replace"),
    deletes: count("delete"),
    sames: count("same"),
    reads: count("read"),
    imports: count("import"),
    changes: 0,
    steps,
    outputs: {},
    registrations: [],
    errors: [],
    warnings: [],
    ...extra,
  };
  summary.changes = summary.creates + summary.updates + summary.replaces + summary.deletes + summary.imports;
  return summary;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
