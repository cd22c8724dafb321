/**
 * Deployment: a small stand-in for the Pulumi engine's update loop, for dynamic resources only, following the engine
 * source (github.com/pulumi/pulumi pkg/resource/deploy/, v3.259; see README.md for the table of behaviours).
 *
 * Each operation starts a fresh real dynamic-provider host (as each `pulumi` command starts its plugins), configures
 * it with the whole stack config, runs the program in-process (runProgram) and answers each registration with the
 * real provider's results (one UpdatePass per up/preview, pass.ts: check → diff → create / update / replace /
 * same, the `import` option, `Resource.get`); after a successful program, resources no longer registered and the
 * old halves of replacements are deleted in the engine's antichains (deletes.ts, slots.ts). Read (refresh) and
 * Delete get the state's outputs, so the state's `__provider` code runs them; Check, Diff, Create and Update get the
 * program's `__provider`. Secrets: the host sees plaintext (it refuses secrets); secretness is restored on the way
 * back and kept in state.
 *
 * Parallelism, as the engine's: check and diff one at a time, in the order registrations arrive (the step generator
 * is sequential, pulumi#12351); at most `parallel` resource operations at once, by default four per CPU like
 * `pulumi up` (pulumi#14989).
 *
 * Not modelled, and refused loudly where a program would reach it: nested `ignoreChanges` / `replaceOnChanges` paths,
 * replacing the dependents of a delete-before-replace resource; not modelled at all: aliases, transforms, explicit
 * (non-default) providers, custom timeouts, `--target`, resource hooks.
 */
import * as crypto from "crypto";
import * as os from "os";
import { interpretDiff, outputsDiffer } from "./diff";
import type { EngineHost, HostExit, HostOutput } from "./engineHost";
import { deleteSteps } from "./deletes";
import { ProviderHost, type ProviderHostOptions } from "./host";
import { UpdatePass } from "./pass";
import { runProgram, type Program, type ProgramRun } from "./program";
import { Slots } from "./slots";
import { exportStack, importStack, SecretsCrypter, type DeploymentState, type StackExport, type StateResource } from "./state";
import { DeploymentError, messageOf, summarize, type PlanSummary, type StepRecord } from "./steps";
import { annotateSecrets, changedKeys, isSecret, markSecretKeys, reveal, revealMap, rpcSecret, rpcToState, stateToRpc, type PropertyMap } from "./values";

export { DeploymentError, summarize } from "./steps";
export type { PlanSummary, StepOp, StepRecord } from "./steps";

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
  /**
   * Starts the provider. Default: the real dynamic-provider host (ProviderHost.start). Tests pass an in-process host
   * to exercise engine paths the dynamic host cannot reach (e.g. an `import` that reads without `__provider`).
   */
  startHost?: (options: ProviderHostOptions) => Promise<EngineHost>;
}

/** `pulumi up`'s default `--parallel`: four per CPU (pulumi#14989). */
export const DEFAULT_PARALLEL = os.availableParallelism() * 4;

export class Deployment {
  readonly project: string;
  readonly stack: string;
  private current: DeploymentState;
  private readonly crypter: SecretsCrypter;
  private readonly defaultProviderId = crypto.randomUUID();
  private sharedHost: EngineHost | undefined;
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

  /**
   * `pulumi refresh` (GenerateRefreshes + RefreshStep.Apply, run in parallel): reads every resource with its STATE
   * `__provider`, then asks the provider's Diff whether the read state differs from the desired one.
   */
  async refresh(): Promise<PlanSummary> {
    return this.withHost("refresh", async (host) => {
      const steps: StepRecord[] = [];
      const errors: string[] = [];
      const slots = new Slots(this.parallel);
      // The new state keeps the old order. Undefined: gone.
      const refreshed = await Promise.all(this.current.resources.map((res) => this.refreshOne(host, slots, res, steps, errors)));
      this.current = { resources: refreshed.filter((r): r is StateResource => r !== undefined) };
      const summary = summarize("refresh", steps, { errors });
      summary.changes = summary.updates + summary.deletes;
      return summary;
    });
  }

  /**
   * RefreshStep.Apply for one resource: its new state entry, or undefined when it is gone. Components and entries
   * pending replacement are left as they are. Read gets the state outputs and inputs; an empty id means deleted.
   * The new inputs are the read's `inputs` when it returned some. Then (not for external resources, whose outputs
   * alone are compared) Diff is called "inverted": olds = the NEW outputs, oldInputs = the NEW inputs, news = the OLD
   * inputs; no changes makes the step "same", anything else "update". A Diff that throws fails the refresh.
   */
  private async refreshOne(host: EngineHost, slots: Slots, res: StateResource, steps: StepRecord[], errors: string[]): Promise<StateResource | undefined> {
    if (!res.custom || res.id === undefined || res.pendingReplacement) return res;
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
        const oldInputs = stateToRpc(res.inputs) as PropertyMap;
        // provider_plugin.go Read: secretness from the request (inputs onto inputs, state onto outputs); then the
        // step executor's additionalSecretOutputs and outputs whose input is secret.
        const inputs = read.inputs ? annotateSecrets(read.inputs, oldInputs) : oldInputs;
        const outputs = secretByInput(markSecretKeys(annotateSecrets(read.properties, stateToRpc(res.outputs) as PropertyMap), res.additionalSecretOutputs ?? []), inputs);
        const refreshed: StateResource = { ...res, id: read.id, outputs: rpcToState(outputs) as PropertyMap, inputs: rpcToState(inputs) as PropertyMap };
        step.changedKeys = changedKeys(res.outputs, refreshed.outputs);
        step.changedInputs = changedKeys(res.inputs, refreshed.inputs);
        if (read.id !== res.id) step.changedKeys = [...step.changedKeys, "id"];
        step.id = read.id;
        if (res.external) {
          if (outputsDiffer(res.outputs, refreshed.outputs)) step.op = "update";
        } else {
          const newInputsPlain = revealMap(refreshed.inputs);
          const oldInputsPlain = revealMap(res.inputs);
          const diff = await host.diff(read.id, res.urn, revealMap(refreshed.outputs), oldInputsPlain, newInputsPlain);
          step.diff = diff;
          if (interpretDiff(diff, newInputsPlain, oldInputsPlain, res.ignoreChanges).changes !== "none") step.op = "update";
        }
        return refreshed;
      } catch (err) {
        step.status = "failed";
        step.error = messageOf(err);
        errors.push(`${res.urn}: refresh failed: ${step.error}`);
        return res;
      }
    });
  }

  /** `pulumi destroy`: every resource deleted in the engine's antichains, with its STATE `__provider`. */
  async destroy(): Promise<PlanSummary> {
    return this.withHost("destroy", async (host) => {
      const steps: StepRecord[] = [];
      const errors: string[] = [];
      const remaining = await deleteSteps(host, this.current.resources, new Slots(this.parallel), steps, errors);
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
      const pass = new UpdatePass({ host, preview, previous: this.current.resources, parallel: this.parallel });
      const run: ProgramRun = await runProgram(program, {
        project: this.project,
        stack: this.stack,
        config: this.options.config ?? {},
        secretConfigKeys: this.options.secretConfigKeys ?? [],
        preview,
        engine: {
          register: (reg) => pass.register(reg),
          registerOutputs: (urn, outputs) => pass.registerOutputs(urn, outputs),
        },
      });
      // Engine refusals are already in the pass's errors (and skips in its steps); add what only the program saw:
      // exceptions and SDK-side failures.
      for (const e of run.errors) {
        if (e.urn === undefined) pass.programFailed(e.message);
      }
      const next = await pass.finish();
      if (next) this.current = next;
      return summarize(operation, pass.steps, { errors: pass.errors, warnings: pass.warnings, outputs: run.outputs, registrations: run.resources });
    });
  }

  // ---- host lifecycle --------------------------------------------------------------------------------------------

  private async withHost(operation: PlanSummary["operation"], body: (host: EngineHost) => Promise<PlanSummary>): Promise<PlanSummary> {
    const reuse = this.options.reuseHost === true;
    let host = reuse ? this.sharedHost : undefined;
    if (!host) {
      const start = this.options.startHost ?? ((o: ProviderHostOptions) => ProviderHost.start(o));
      host = await start({
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

  private collectOutput(host: EngineHost): void {
    const out = host.output();
    this.outputLog.stdout += out.stdout;
    this.outputLog.stderr += out.stderr;
  }
}

/** step_executor.go: an output whose input of the same name is secret becomes secret. */
function secretByInput(outputs: PropertyMap, inputs: PropertyMap): PropertyMap {
  const result: PropertyMap = { ...outputs };
  for (const [key, value] of Object.entries(result)) {
    if (!isSecret(value) && isSecret(inputs[key])) result[key] = rpcSecret(reveal(value));
  }
  return result;
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
