/**
 * Deployment: a small, honest stand-in for the Pulumi engine's update loop, for dynamic resources only.
 *
 * Each operation starts a fresh real dynamic-provider host (as each `pulumi` command starts its plugins), configures
 * it with the whole stack config, runs the program in-process (runProgram) and answers each registration with the
 * real provider's results:
 *   - check (olds = state inputs) → diff (olds = state outputs) → create / update / replace / same,
 *   - `import` option → read (+ check/diff: the program must match what was read), `Resource.get` → read,
 *   - after a successful program, resources no longer registered are deleted in reverse dependency order, then the
 *     old halves of create-before-delete replacements.
 * Read and Delete always get the state's outputs, so the state's `__provider` code runs them; Check, Diff, Create
 * and Update get the program's `__provider`. Secrets: the host sees plaintext (it refuses secrets); secretness is
 * restored on the way back (annotateSecrets, additionalSecretOutputs) and kept in state.
 *
 * Parallelism, as the engine's: check and diff run one at a time, in the order registrations arrive (the engine's
 * step generator is sequential, pulumi#12351); at most `parallel` resource operations (create, update, delete, read,
 * import) run at once, by default four per CPU like `pulumi up` (pulumi#14989); refresh reads and destroy deletes run
 * concurrently too, a resource being deleted only after everything that depends on it.
 *
 * Not modelled (say so rather than pretend): nested `ignoreChanges` paths (top-level keys only), replacing dependents
 * of a delete-before-replace resource, aliases, transforms, explicit (non-default) providers, custom timeouts,
 * `--target`; the deletes at the end of `up` (resources gone from the program) run one at a time.
 */
import * as crypto from "crypto";
import * as os from "os";
import { CheckFailedError, ResourceInitError } from "./errors";
import { ProviderHost, type DiffChanges, type DiffResult, type HostExit, type HostOutput } from "./host";
import { runProgram, type Program, type ProgramRun, type RegistrationOutcome, type ResourceRegistration } from "./program";
import { inReverseDependencyOrder, Slots } from "./slots";
import { exportStack, importStack, SecretsCrypter, topoSort, type DeploymentState, type StackExport, type StateResource } from "./state";
import {
  annotateSecrets,
  changedKeys,
  markSecretKeys,
  PROVIDER_KEY,
  reveal,
  revealMap,
  rpcToState,
  stateToRpc,
  type PropertyMap,
} from "./values";

export interface DeploymentOptions {
  project: string;
  stack: string;
  /** Stack config, namespaced keys (`{"zoom:clientId": "..."}`): given to the program and to the host's configure. */
  config?: Record<string, string>;
  /** Config keys that are secrets (the program's `pulumi.Config` sees them as secret; the host gets them unwrapped). */
  secretConfigKeys?: string[];
  /** The host's working directory: the Pulumi program's directory. Default: this process's cwd. */
  cwd?: string;
  /** Extra environment for the host. */
  hostEnv?: NodeJS.ProcessEnv;
  /** Start from this state (e.g. a previous Deployment's `state`). */
  state?: DeploymentState;
  /** 32-byte key for the ciphertext in `exportState()`. Default: random per Deployment. */
  secretsKey?: Buffer;
  /** Keep one host for all operations (faster, e.g. for benchmarks) instead of one per operation like the CLI. */
  reuseHost?: boolean;
  /** Echo the host's stdout/stderr while it runs. */
  echoHost?: boolean;
  /** Resource operations at once (`pulumi up --parallel`). Default DEFAULT_PARALLEL. */
  parallel?: number;
}

/** `pulumi up`'s default `--parallel`: four per CPU (pulumi#14989). */
export const DEFAULT_PARALLEL = os.availableParallelism() * 4;

const SKIPPED_MESSAGE = "skipped: an earlier step failed";

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
  /** What the provider's diff said, where one was asked. */
  diff?: DiffResult;
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
function summarize(operation: PlanSummary["operation"], steps: StepRecord[], extra: Partial<PlanSummary> = {}): PlanSummary {
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
    ...extra,
  };
  summary.changes = summary.creates + summary.updates + summary.replaces + summary.deletes + summary.imports;
  return summary;
}

/** Mutable bookkeeping of one up/preview. */
interface Pass {
  preview: boolean;
  host: ProviderHost;
  /** The `parallel` bound on this pass's resource operations. */
  slots: Slots;
  /** The step generator: check and diff one at a time. */
  generator: Slots;
  old: Map<string, StateResource>;
  seen: Set<string>;
  /** New state entries by URN, in registration order. */
  next: Map<string, StateResource>;
  /** Old halves of create-before-delete replacements (this pass's and earlier passes' leftovers). */
  pendingDeletes: StateResource[];
  /** Old resources a delete-before-replace already removed. */
  deletedOld: Set<string>;
  steps: StepRecord[];
  errors: string[];
}

export class Deployment {
  readonly project: string;
  readonly stack: string;
  private current: DeploymentState;
  private readonly crypter: SecretsCrypter;
  private readonly defaultProviderId = crypto.randomUUID();
  private sharedHost: ProviderHost | undefined;
  private readonly outputLog: HostOutput = { stdout: "", stderr: "" };

  constructor(private readonly options: DeploymentOptions) {
    this.project = options.project;
    this.stack = options.stack;
    this.current = structuredClone(options.state ?? { resources: [] });
    this.crypter = new SecretsCrypter(options.secretsKey);
    this.parallel = options.parallel ?? DEFAULT_PARALLEL;
    // Fail at construction, not in the middle of an operation.
    new Slots(this.parallel);
  }

  /** Resource operations at once. */
  readonly parallel: number;

  /** A deep copy of the current state (JSON-serialisable; secrets as plaintext envelopes). */
  get state(): DeploymentState {
    return structuredClone(this.current);
  }

  /** Everything the hosts printed after their port lines, across all operations so far. */
  hostOutput(): HostOutput {
    return { ...this.outputLog };
  }

  /** Runs the program and applies it: `pulumi up`. Throws DeploymentError (state still saved) if anything failed. */
  async up(program: Program): Promise<PlanSummary> {
    return this.deploy(program, false);
  }

  /** Runs the program and plans without changing anything: `pulumi preview`. */
  async preview(program: Program): Promise<PlanSummary> {
    return this.deploy(program, true);
  }

  /** Reads every resource through the host with its STATE `__provider`: `pulumi refresh`. */
  async refresh(): Promise<PlanSummary> {
    return this.withHost("refresh", async (host) => {
      const steps: StepRecord[] = [];
      const errors: string[] = [];
      const slots = new Slots(this.parallel);
      // Reads run concurrently (at most `parallel`); the new state keeps the old order. Undefined: gone.
      const refreshed = await Promise.all(this.current.resources.map((res) => this.refreshOne(host, slots, res, steps, errors)));
      this.current = { resources: refreshed.filter((r): r is StateResource => r !== undefined) };
      const summary = summarize("refresh", steps, { errors });
      summary.changes = summary.updates + summary.deletes;
      return summary;
    });
  }

  /** Reads one resource for refresh: its new state entry, or undefined when it is gone. */
  private async refreshOne(host: ProviderHost, slots: Slots, res: StateResource, steps: StepRecord[], errors: string[]): Promise<StateResource | undefined> {
    if (!res.custom || res.id === undefined) return res;
    const id = res.id;
    return slots.run(async () => {
      const step: StepRecord = { op: "same", urn: res.urn, type: res.type, custom: true, status: "done", id };
      steps.push(step);
      try {
        const read = await host.read(id, res.urn, revealMap(res.outputs), revealMap(res.inputs));
        if (!read.id) {
          step.op = "delete";
          return undefined;
        }
        const oldOutputs = stateToRpc(res.outputs) as PropertyMap;
        const outputs = markSecretKeys(annotateSecrets(annotateSecrets(read.properties, oldOutputs), stateToRpc(res.inputs) as PropertyMap), res.additionalSecretOutputs ?? []);
        const inputs = read.inputs ? annotateSecrets(read.inputs, stateToRpc(res.inputs) as PropertyMap) : (stateToRpc(res.inputs) as PropertyMap);
        const refreshed: StateResource = {
          ...res,
          id: read.id,
          outputs: rpcToState(outputs) as PropertyMap,
          inputs: rpcToState(inputs) as PropertyMap,
        };
        step.changedKeys = changedKeys(res.outputs, refreshed.outputs);
        step.changedInputs = changedKeys(res.inputs, refreshed.inputs);
        if (read.id !== res.id) step.changedKeys = [...step.changedKeys, "id"];
        if (step.changedKeys.length > 0 || step.changedInputs.length > 0) step.op = "update";
        step.id = read.id;
        return refreshed;
      } catch (err) {
        step.status = "failed";
        step.error = messageOf(err);
        errors.push(`${res.urn}: refresh failed: ${step.error}`);
        return res;
      }
    });
  }

  /** Deletes every resource in reverse dependency order with its STATE `__provider`: `pulumi destroy`. */
  async destroy(): Promise<PlanSummary> {
    return this.withHost("destroy", async (host) => {
      const steps: StepRecord[] = [];
      const errors: string[] = [];
      const remaining = new Set(this.current.resources);
      const slots = new Slots(this.parallel);
      // Pulumi starts no new delete after one failed (those in flight finish); what is left stays in state.
      await inReverseDependencyOrder(this.current.resources, async (res) => {
        const failure = await slots.run(async () => (errors.length > 0 ? SKIPPED_MESSAGE : this.deleteOne(host, res, steps, remaining)));
        if (failure !== undefined && failure !== SKIPPED_MESSAGE) errors.push(failure);
        return failure === undefined;
      });
      this.current = { resources: this.current.resources.filter((r) => remaining.has(r)) };
      return summarize("destroy", steps, { errors });
    });
  }

  /** The state as `pulumi stack export` prints it (v3). Secrets are ciphertext unless `showSecrets`. */
  exportState(options: { showSecrets?: boolean } = {}): StackExport {
    return exportStack(this.current, {
      project: this.project,
      stack: this.stack,
      defaultProviderId: this.defaultProviderId,
      showSecrets: options.showSecrets ?? false,
      crypter: this.crypter,
      pulumiVersion: pulumiVersion(),
    });
  }

  /** Replaces the state with an export (`pulumi stack import`); ciphertext must come from this Deployment's key. */
  importState(exported: StackExport): void {
    this.current = importStack(exported, this.crypter);
  }

  /** Stops a reused host, if any. */
  async close(): Promise<HostExit | undefined> {
    const host = this.sharedHost;
    this.sharedHost = undefined;
    if (!host) return undefined;
    const exit = await host.close();
    this.collectOutput(host);
    return exit;
  }

  // ---- up / preview ----------------------------------------------------------------------------------------------

  private async deploy(program: Program, preview: boolean): Promise<PlanSummary> {
    const operation = preview ? "preview" : "up";
    return this.withHost(operation, async (host) => {
      const pass: Pass = {
        preview,
        host,
        slots: new Slots(this.parallel),
        generator: new Slots(1),
        old: new Map(this.current.resources.filter((r) => !r.delete).map((r) => [r.urn, r])),
        seen: new Set(),
        next: new Map(),
        pendingDeletes: this.current.resources.filter((r) => r.delete),
        deletedOld: new Set(),
        steps: [],
        errors: [],
      };
      const run: ProgramRun = await runProgram(program, {
        project: this.project,
        stack: this.stack,
        config: this.options.config ?? {},
        secretConfigKeys: this.options.secretConfigKeys ?? [],
        preview,
        engine: {
          register: (reg) => this.register(pass, reg),
          registerOutputs: (urn, outputs) => {
            const entry = pass.next.get(urn);
            if (entry && !preview) entry.outputs = rpcToState(outputs) as PropertyMap;
          },
        },
      });
      // Engine refusals are already in pass.errors (and skips in the steps); add what only the program saw:
      // exceptions and SDK-side failures.
      for (const e of run.errors) {
        if (e.urn !== undefined) continue;
        pass.errors.push(`program: ${e.message}`);
      }

      // Resources the program no longer registers: deleted only after a successful program, as Pulumi does, in
      // reverse dependency order; then the old halves of replacements.
      const gone = topoSort(this.current.resources.filter((r) => !r.delete && !pass.seen.has(r.urn))).reverse();
      const remaining = new Set<StateResource>([...gone, ...pass.pendingDeletes]);
      if (preview) {
        for (const r of gone) {
          pass.steps.push({ op: "delete", urn: r.urn, type: r.type, custom: r.custom, status: "planned", ...(r.id !== undefined ? { id: r.id } : {}) });
        }
      } else if (pass.errors.length === 0) {
        for (const r of [...gone, ...[...pass.pendingDeletes].reverse()]) {
          const failure = await this.deleteOne(host, r, r.delete ? [] : pass.steps, remaining);
          if (failure) {
            pass.errors.push(failure);
            break;
          }
        }
      }
      if (!preview) {
        // Seen resources without a new entry failed before changing anything: their old entry stays.
        const untouched = this.current.resources.filter(
          (r) => !r.delete && pass.seen.has(r.urn) && !pass.next.has(r.urn) && !pass.deletedOld.has(r.urn),
        );
        const leftovers = [...remaining].filter((r) => r.delete || !pass.seen.has(r.urn));
        this.current = { resources: topoSort([...pass.next.values(), ...untouched, ...leftovers]) };
      }
      return summarize(operation, pass.steps, { errors: pass.errors, outputs: run.outputs, registrations: run.resources });
    });
  }

  /** Handles one registration from the program. Throwing makes the program see the resource as skipped. */
  private async register(pass: Pass, reg: ResourceRegistration): Promise<RegistrationOutcome> {
    if (pass.seen.has(reg.urn)) throw this.fail(pass, reg, `duplicate resource URN ${reg.urn}`);
    pass.seen.add(reg.urn);
    // After a failure Pulumi starts no new steps; later registrations are skipped (and their resources kept).
    if (pass.errors.length > 0 && !pass.preview) {
      pass.steps.push({ op: pass.old.has(reg.urn) ? "same" : "create", urn: reg.urn, type: reg.type, custom: reg.custom, status: "failed", error: SKIPPED_MESSAGE });
      throw new Error(SKIPPED_MESSAGE);
    }
    if (!reg.custom) return this.registerComponent(pass, reg);
    if (reg.provider === undefined) {
      throw this.fail(pass, reg, `only dynamic resources can run in the harness; ${reg.type} has no ${PROVIDER_KEY}`);
    }
    try {
      if (reg.kind === "read") return await this.readExternal(pass, reg);
      const old = pass.old.get(reg.urn);
      if (reg.importId !== undefined && (!old || old.id !== reg.importId)) return await this.importExisting(pass, reg);
      return await this.apply(pass, reg, old);
    } catch (err) {
      throw this.fail(pass, reg, messageOf(err));
    }
  }

  private registerComponent(pass: Pass, reg: ResourceRegistration): RegistrationOutcome {
    const old = pass.old.get(reg.urn);
    const entry: StateResource = {
      urn: reg.urn,
      type: reg.type,
      custom: false,
      inputs: rpcToState(reg.inputs) as PropertyMap,
      outputs: old?.outputs ?? {},
      dependencies: reg.dependencies,
    };
    if (reg.parent) entry.parent = reg.parent;
    if (reg.protect) entry.protect = true;
    pass.next.set(reg.urn, entry);
    pass.steps.push({ op: old ? "same" : "create", urn: reg.urn, type: reg.type, custom: false, status: pass.preview ? "planned" : "done" });
    return { outputs: {} };
  }

  /** check → diff → create / update / replace / same. */
  private async apply(pass: Pass, reg: ResourceRegistration, old: StateResource | undefined): Promise<RegistrationOutcome> {
    const host = pass.host;
    const news = applyIgnoreChanges(reg.inputs, old, reg.ignoreChanges);
    const checked = await pass.generator.run(() => this.check(host, reg, old, news));
    const checkedPlain = revealMap(checked);
    const status = pass.preview ? "planned" : "done";

    if (!old || old.id === undefined || !old.custom) {
      const step: StepRecord = { op: "create", urn: reg.urn, type: reg.type, custom: true, status };
      pass.steps.push(step);
      if (pass.preview) return { outputs: checked };
      const created = await this.create(pass, reg, step, checked, checkedPlain);
      return created;
    }

    const oldOutputsPlain = revealMap(old.outputs);
    const oldInputsPlain = revealMap(old.inputs);
    const oldId = old.id;
    const diff = await pass.generator.run(() => host.diff(oldId, reg.urn, oldOutputsPlain, checkedPlain, oldInputsPlain));
    const inputChanges = changedKeys(old.inputs, checked);
    // DIFF_UNKNOWN (no `diff` in the provider): the engine compares old and new inputs itself.
    const changes: DiffChanges = diff.changes === "unknown" ? (inputChanges.length > 0 ? "some" : "none") : diff.changes;
    const replaceKeys = [...new Set([...diff.replaces, ...reg.replaceOnChanges.filter((k) => inputChanges.includes(k))])];

    if (replaceKeys.length > 0) {
      if (old.protect) throw new Error(`unable to replace resource ${reg.urn} as it is currently marked for protection`);
      // An explicit deleteBeforeReplace option wins over the provider's answer.
      const dbr = reg.deleteBeforeReplace ?? diff.deleteBeforeReplace;
      const step: StepRecord = { op: "replace", urn: reg.urn, type: reg.type, custom: true, status, changedKeys: inputChanges, diff, deleteBeforeReplace: dbr, id: old.id };
      pass.steps.push(step);
      if (pass.preview) return { outputs: checked };
      if (dbr) {
        await pass.slots.run(() => host.delete(oldId, reg.urn, oldOutputsPlain, oldInputsPlain));
        pass.deletedOld.add(reg.urn);
        return this.create(pass, reg, step, checked, checkedPlain);
      }
      try {
        const outcome = await this.create(pass, reg, step, checked, checkedPlain);
        return outcome;
      } finally {
        // Once the replacement exists (even half-initialised) the old one is pending deletion.
        if (pass.next.has(reg.urn)) pass.pendingDeletes.push({ ...old, delete: true });
      }
    }

    if (changes === "some" || (old.initErrors?.length ?? 0) > 0) {
      const step: StepRecord = { op: "update", urn: reg.urn, type: reg.type, custom: true, status, changedKeys: inputChanges, diff, id: old.id };
      pass.steps.push(step);
      if (pass.preview) return { id: old.id, outputs: checked };
      try {
        const updated = await pass.slots.run(() => host.update(oldId, reg.urn, oldOutputsPlain, checkedPlain, oldInputsPlain));
        const entry = this.entry(reg, old.id, checked, updated.properties);
        pass.next.set(reg.urn, entry);
        return { id: old.id, outputs: stateToRpc(entry.outputs) as PropertyMap };
      } catch (err) {
        this.keepInitFailure(pass, reg, checked, err);
        throw err;
      }
    }

    pass.steps.push({ op: "same", urn: reg.urn, type: reg.type, custom: true, status, id: old.id, diff });
    // A "same" step still records the new inputs and the resource's new options; outputs stay as they were.
    const entry = this.entry(reg, old.id, checked, undefined, old.outputs);
    if (!pass.preview) pass.next.set(reg.urn, entry);
    return { id: old.id, outputs: stateToRpc(old.outputs) as PropertyMap };
  }

  private async check(host: ProviderHost, reg: ResourceRegistration, old: StateResource | undefined, news: PropertyMap): Promise<PropertyMap> {
    const result = await host.check(reg.urn, old ? revealMap(old.inputs) : {}, revealMap(news));
    if (result.failures.length > 0) throw new CheckFailedError(reg.urn, result.failures);
    // The host returns plaintext; the program's secret inputs stay secret.
    return annotateSecrets(result.inputs, news);
  }

  private async create(pass: Pass, reg: ResourceRegistration, step: StepRecord, checked: PropertyMap, checkedPlain: PropertyMap): Promise<RegistrationOutcome> {
    try {
      const created = await pass.slots.run(() => pass.host.create(reg.urn, checkedPlain));
      const entry = this.entry(reg, created.id, checked, created.properties);
      pass.next.set(reg.urn, entry);
      step.id = created.id;
      return { id: created.id, outputs: stateToRpc(entry.outputs) as PropertyMap };
    } catch (err) {
      if (err instanceof ResourceInitError) step.id = err.id;
      this.keepInitFailure(pass, reg, checked, err);
      throw err;
    }
  }

  /** ErrorResourceInitFailed: the object exists, so it goes into state with its id and initErrors. */
  private keepInitFailure(pass: Pass, reg: ResourceRegistration, checked: PropertyMap, err: unknown): void {
    if (!(err instanceof ResourceInitError)) return;
    const entry = this.entry(reg, err.id, checked, err.properties);
    entry.initErrors = [...err.reasons];
    pass.next.set(reg.urn, entry);
  }

  /** `import` option: read the existing object; the program's inputs must match it. */
  private async importExisting(pass: Pass, reg: ResourceRegistration): Promise<RegistrationOutcome> {
    const host = pass.host;
    const importId = reg.importId ?? "";
    const newsPlain = revealMap(reg.inputs);
    const read = await pass.slots.run(() => host.read(importId, reg.urn, newsPlain, newsPlain));
    if (!read.id) throw new Error(`resource '${importId}' does not exist`);
    const checkResult = await pass.generator.run(() => host.check(reg.urn, read.inputs ?? {}, newsPlain));
    if (checkResult.failures.length > 0) throw new CheckFailedError(reg.urn, checkResult.failures);
    const checked = annotateSecrets(checkResult.inputs, reg.inputs);
    const diff = await pass.generator.run(() => host.diff(read.id, reg.urn, read.properties, checkResult.inputs, read.inputs));
    const step: StepRecord = { op: "import", urn: reg.urn, type: reg.type, custom: true, status: pass.preview ? "planned" : "done", id: read.id, diff };
    pass.steps.push(step);
    if (diff.changes === "some" || diff.replaces.length > 0) {
      step.status = "failed";
      throw new Error(`inputs to import do not match the existing resource (${diff.replaces.length ? `replaces: ${diff.replaces.join(", ")}` : "changes"})`);
    }
    const entry = this.entry(reg, read.id, checked, read.properties);
    if (!pass.preview) pass.next.set(reg.urn, entry);
    return { id: read.id, outputs: stateToRpc(entry.outputs) as PropertyMap };
  }

  /** `Resource.get` / the `id` option: read it, keep it as external (never deleted). */
  private async readExternal(pass: Pass, reg: ResourceRegistration): Promise<RegistrationOutcome> {
    const readId = reg.readId ?? "";
    const propsPlain = revealMap(reg.inputs);
    const read = await pass.slots.run(() => pass.host.read(readId, reg.urn, propsPlain, propsPlain));
    if (!read.id) throw new Error(`resource '${readId}' does not exist`);
    const entry = this.entry(reg, read.id, read.inputs ? annotateSecrets(read.inputs, reg.inputs) : reg.inputs, read.properties);
    entry.external = true;
    pass.steps.push({ op: "read", urn: reg.urn, type: reg.type, custom: true, status: "done", id: read.id });
    if (!pass.preview) pass.next.set(reg.urn, entry);
    return { id: read.id, outputs: stateToRpc(entry.outputs) as PropertyMap };
  }

  /** A state entry for a custom resource. `outputsPlain` from the host get their secretness restored. */
  private entry(reg: ResourceRegistration, id: string, inputs: PropertyMap, outputsPlain?: PropertyMap, stateOutputs?: PropertyMap): StateResource {
    let outputs = stateOutputs;
    if (outputsPlain) {
      outputs = rpcToState(markSecretKeys(annotateSecrets(outputsPlain, inputs), reg.additionalSecretOutputs)) as PropertyMap;
    }
    const entry: StateResource = {
      urn: reg.urn,
      type: reg.type,
      custom: true,
      id,
      inputs: rpcToState(inputs) as PropertyMap,
      outputs: outputs ?? {},
      dependencies: reg.dependencies,
    };
    const code = (outputs ?? {})[PROVIDER_KEY] ?? reg.provider;
    if (typeof code === "string") entry.provider = code;
    if (reg.parent) entry.parent = reg.parent;
    if (Object.keys(reg.propertyDependencies).length) entry.propertyDependencies = reg.propertyDependencies;
    if (reg.additionalSecretOutputs.length) entry.additionalSecretOutputs = reg.additionalSecretOutputs;
    if (reg.protect) entry.protect = true;
    if (reg.retainOnDelete) entry.retainOnDelete = true;
    return entry;
  }

  /** Records a failed registration and returns the error to throw at the program. */
  private fail(pass: Pass, reg: ResourceRegistration, message: string): Error {
    const text = message.startsWith(reg.urn) ? message : `${reg.urn}: ${message}`;
    pass.errors.push(text);
    const last = [...pass.steps].reverse().find((s) => s.urn === reg.urn);
    if (last) {
      last.status = "failed";
      last.error = message;
    } else {
      const op: StepOp = reg.kind === "read" ? "read" : pass.old.has(reg.urn) ? "update" : "create";
      pass.steps.push({ op, urn: reg.urn, type: reg.type, custom: reg.custom, status: "failed", error: message });
    }
    return new Error(text);
  }

  // ---- deletes ---------------------------------------------------------------------------------------------------

  /** Deletes (or forgets) one resource. Returns an error message instead of throwing. */
  private async deleteOne(host: ProviderHost, res: StateResource, steps: StepRecord[], remaining: Set<StateResource>): Promise<string | undefined> {
    const step: StepRecord = { op: "delete", urn: res.urn, type: res.type, custom: res.custom, status: "done" };
    if (res.id !== undefined) step.id = res.id;
    steps.push(step);
    if (res.protect) {
      step.status = "failed";
      step.error = "resource is protected";
      return `${res.urn}: unable to delete resource as it is currently marked for protection`;
    }
    try {
      // External (read) resources are forgotten, not deleted; retainOnDelete likewise keeps the object.
      if (res.custom && res.id !== undefined && !res.external && !res.retainOnDelete) {
        // The STATE outputs carry the STATE __provider: that is the code that deletes (pulumi#6490).
        await host.delete(res.id, res.urn, revealMap(res.outputs), revealMap(res.inputs));
      }
      remaining.delete(res);
      return undefined;
    } catch (err) {
      step.status = "failed";
      step.error = messageOf(err);
      return `${res.urn}: delete failed: ${step.error}`;
    }
  }

  // ---- host lifecycle --------------------------------------------------------------------------------------------

  private async withHost(operation: PlanSummary["operation"], body: (host: ProviderHost) => Promise<PlanSummary>): Promise<PlanSummary> {
    const reuse = this.options.reuseHost === true;
    let host = reuse ? this.sharedHost : undefined;
    if (!host) {
      host = await ProviderHost.start({
        cwd: this.options.cwd ?? process.cwd(),
        project: this.project,
        stack: this.stack,
        env: this.options.hostEnv ?? {},
        echo: this.options.echoHost ?? false,
      });
      // The engine configures the provider plugin once, right after starting it, with the whole stack config.
      await host.configure(this.options.config ?? {}, { secretKeys: this.options.secretConfigKeys ?? [] });
      if (reuse) this.sharedHost = host;
    }
    let summary: PlanSummary;
    let hostInfo: (HostOutput & HostExit) | undefined;
    try {
      summary = await body(host);
    } finally {
      if (!reuse) {
        const exit = await host.close();
        this.collectOutput(host);
        hostInfo = { ...host.output(), ...exit };
      }
    }
    if (hostInfo) summary.host = hostInfo;
    summary.operation = operation;
    if (summary.errors.length > 0) throw new DeploymentError(summary);
    return summary;
  }

  private collectOutput(host: ProviderHost): void {
    const out = host.output();
    this.outputLog.stdout += out.stdout;
    this.outputLog.stderr += out.stderr;
  }
}

/** Top-level `ignoreChanges`: keep the state's value (or absence) for those keys, as the engine does before Check. */
function applyIgnoreChanges(inputs: PropertyMap, old: StateResource | undefined, ignore: readonly string[]): PropertyMap {
  if (!old || ignore.length === 0) return inputs;
  const result: PropertyMap = { ...inputs };
  const oldInputs = stateToRpc(old.inputs) as PropertyMap;
  for (const key of ignore) {
    if (key in oldInputs) result[key] = oldInputs[key];
    else delete result[key];
  }
  return result;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function pulumiVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require("@pulumi/pulumi/package.json") as { version: string };
  return pkg.version;
}

/** Plain value of a state property (secrets revealed), for tests. */
export function plainValue(value: unknown): unknown {
  return reveal(value);
}
