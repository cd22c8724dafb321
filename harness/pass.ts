/**
 * UpdatePass: one `up` or `preview`, as the engine's step generator and step executor handle it
 * (pkg/resource/deploy/step_generator.go, step.go, deployment_executor.go). Every branch names the engine function it
 * follows. A Deployment starts one per operation, hands it every registration of the program run (`register`), then
 * `finish`es it: the deletes at the end, and the new state.
 */
import { applyReplaceOnChanges, ignoreTopLevel, interpretDiff, type StepDiff } from "./diff";
import { deleteObject, deleteSteps, protectedDeleteMessage } from "./deletes";
import { CheckFailedError, ResourceInitError } from "./errors";
import type { EngineHost } from "./engineHost";
import type { RegistrationOutcome, ResourceRegistration } from "./program";
import { Slots } from "./slots";
import { stateEntry, topoSort, type DeploymentState, type StateResource } from "./state";
import { messageOf, type StepOp, type StepRecord } from "./steps";
import { annotateSecrets, changedKeys, PROVIDER_KEY, revealMap, rpcToState, stateToRpc, UNKNOWN, type PropertyMap } from "./values";

const SKIPPED_MESSAGE = "skipped: an earlier step failed";

export interface UpdatePassOptions {
  host: EngineHost;
  preview: boolean;
  /** The state before the pass. */
  previous: readonly StateResource[];
  /** The `parallel` bound on the pass's resource operations. */
  parallel: number;
}

export class UpdatePass {
  /** Steps in the order they started. */
  readonly steps: StepRecord[] = [];
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  private readonly host: EngineHost;
  private readonly preview: boolean;
  /** Every entry of the state before the pass, for dependency questions. */
  private readonly previous: readonly StateResource[];
  /** The `parallel` bound on this pass's resource operations. */
  private readonly slots: Slots;
  /** The step generator: check and diff one at a time. */
  private readonly generator = new Slots(1);
  /** Old entries by URN (not those pending deletion). */
  private readonly old: Map<string, StateResource>;
  /** URNs registered so far: a second registration of one is refused; an old entry not seen is deleted at the end. */
  private readonly seen = new Set<string>();
  /** New state entries by URN, in registration order. */
  private readonly next = new Map<string, StateResource>();
  /** Old entries this pass changed without a new entry yet: a delete-before-replace's old half, pendingReplacement. */
  private readonly carried = new Map<string, StateResource>();
  /** Old halves of replacements, to delete at the end (this pass's and earlier passes' leftovers). */
  private readonly pendingDeletes: StateResource[];

  constructor(options: UpdatePassOptions) {
    this.host = options.host;
    this.preview = options.preview;
    this.previous = options.previous;
    this.slots = new Slots(options.parallel);
    this.old = new Map(options.previous.filter((r) => !r.delete).map((r) => [r.urn, r]));
    this.pendingDeletes = options.previous.filter((r) => r.delete);
  }

  /** Handles one registration from the program. Throwing makes the program see the resource as skipped. */
  async register(reg: ResourceRegistration): Promise<RegistrationOutcome> {
    if (this.seen.has(reg.urn)) throw this.fail(reg, `duplicate resource URN ${reg.urn}`);
    this.seen.add(reg.urn);
    // After a failure Pulumi starts no new steps; later registrations are skipped (and their resources kept).
    if (this.errors.length > 0 && !this.preview) {
      this.steps.push({ op: this.old.has(reg.urn) ? "same" : "create", urn: reg.urn, type: reg.type, custom: reg.custom, status: "failed", error: SKIPPED_MESSAGE });
      throw new Error(SKIPPED_MESSAGE);
    }
    if (reg.unmodelledOptions.length > 0) {
      throw this.fail(reg, `harness: resource options not modelled (the engine would act on them): ${reg.unmodelledOptions.join(", ")}`);
    }
    if (!reg.custom) return this.registerComponent(reg);
    if (reg.provider === undefined) {
      throw this.fail(reg, `only dynamic resources can run in the harness; ${reg.type} has no ${PROVIDER_KEY}`);
    }
    try {
      return await this.registerCustom(reg);
    } catch (err) {
      throw this.fail(reg, messageOf(err));
    }
  }

  /** A component's `registerOutputs`: kept in its state entry (not in a preview). */
  registerOutputs(urn: string, outputs: PropertyMap): void {
    const entry = this.next.get(urn);
    if (entry && !this.preview) entry.outputs = rpcToState(outputs) as PropertyMap;
  }

  /** A failure only the program saw (an exception, an SDK-side error): it fails the pass. */
  programFailed(message: string): void {
    this.errors.push(`program: ${message}`);
  }

  /**
   * After the program: resources it no longer registers, and the old halves of replacements, are deleted only when
   * nothing failed (performPostSteps), in the engine's antichains. Returns the new state; undefined for a preview,
   * which only reports the deletes it would make.
   */
  async finish(): Promise<DeploymentState | undefined> {
    const gone = this.previous.filter((r) => !r.delete && !this.seen.has(r.urn));
    if (this.preview) {
      this.planDeletes(gone);
      return undefined;
    }
    const toDelete = [...gone, ...this.pendingDeletes];
    const remaining = this.errors.length === 0 ? await deleteSteps(this.host, toDelete, this.slots, this.steps, this.errors) : new Set(toDelete);
    const kept = this.previous.flatMap((r): StateResource[] => {
      if (r.delete) return remaining.has(r) ? [r] : [];
      if (this.next.has(r.urn)) return [];
      // Seen without a new entry: failed before changing anything, or a delete-before-replace whose create failed.
      if (this.seen.has(r.urn)) return [this.carried.get(r.urn) ?? r];
      return remaining.has(r) ? [r] : [];
    });
    const newDeletes = this.pendingDeletes.filter((r) => remaining.has(r) && !this.previous.includes(r));
    return { resources: topoSort([...this.next.values(), ...kept, ...newDeletes]) };
  }

  private planDeletes(gone: readonly StateResource[]): void {
    for (const r of gone) {
      const step: StepRecord = { op: "delete", urn: r.urn, type: r.type, custom: r.custom, status: "planned", ...(r.id !== undefined ? { id: r.id } : {}) };
      this.steps.push(step);
      // DeleteStep.Apply refuses a protected resource before it looks at DryRun: a preview reports it too.
      if (r.protect && !r.pendingReplacement) {
        step.status = "failed";
        this.errors.push(protectedDeleteMessage(r.urn));
      }
    }
  }

  private registerComponent(reg: ResourceRegistration): RegistrationOutcome {
    const old = this.old.get(reg.urn);
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
    this.next.set(reg.urn, entry);
    this.steps.push({ op: old ? "same" : "create", urn: reg.urn, type: reg.type, custom: false, status: this.preview ? "planned" : "done" });
    return { outputs: {} };
  }

  /** Records a failed registration and returns the error to throw at the program. */
  private fail(reg: ResourceRegistration, message: string): Error {
    const text = message.startsWith(reg.urn) ? message : `${reg.urn}: ${message}`;
    this.errors.push(text);
    const last = [...this.steps].reverse().find((s) => s.urn === reg.urn);
    if (last) {
      last.status = "failed";
      last.error = message;
    } else {
      const op: StepOp = reg.kind === "read" ? "read" : this.old.has(reg.urn) ? "update" : "create";
      this.steps.push({ op, urn: reg.urn, type: reg.type, custom: reg.custom, status: "failed", error: message });
    }
    return new Error(text);
  }

  /** `new Resource(...)` (with or without `import`) or `Resource.get` of a custom resource. */
  private async registerCustom(reg: ResourceRegistration): Promise<RegistrationOutcome> {
    if (reg.kind === "read") return this.readStep(reg);
    const old = this.old.get(reg.urn);
    // continueStepsFromRefresh: an import when the goal has an id and there is no old resource, or it is external, or
    // it was adopted with (or has) another id.
    const oldImportId = old?.importId ?? old?.id;
    if (reg.importId !== undefined && (!old || old.external || oldImportId !== reg.importId)) return this.importStep(reg, old);
    return this.generateSteps(reg, old, undefined);
  }

  private record(reg: ResourceRegistration, op: StepOp, extra: Partial<StepRecord> = {}): StepRecord {
    const step: StepRecord = { op, urn: reg.urn, type: reg.type, custom: true, status: this.preview ? "planned" : "done", ...extra };
    this.steps.push(step);
    return step;
  }

  private async check(reg: ResourceRegistration, olds: PropertyMap, news: PropertyMap): Promise<PropertyMap> {
    const result = await this.generator.run(() => this.host.check(reg.urn, revealMap(olds), revealMap(news)));
    if (result.failures.length > 0) throw new CheckFailedError(reg.urn, result.failures);
    // The host returns plaintext; the program's secret inputs stay secret.
    return annotateSecrets(result.inputs, news);
  }

  /**
   * ImportStep.Apply: Read with the URN, name, type and import id ONLY (no inputs, no state). The dynamic host then
   * has no `__provider` to load and fails; the harness does the same. A provider that can read without it (a native
   * plugin, or a test's in-process host) must return `inputs`, or the engine refuses the import. Then the engine
   * carries on from the imported state like from an old one (continueStepsFromImport): check, diff, update or replace.
   */
  private async importStep(reg: ResourceRegistration, old: StateResource | undefined): Promise<RegistrationOutcome> {
    const importId = reg.importId ?? "";
    const step = this.record(reg, "import");
    const read = await this.slots.run(() => this.host.read(importId, reg.urn, {}));
    if (read.noProperties) throw new Error(`resource '${importId}' does not exist`);
    if (!read.inputs) throw new Error("provider does not support importing resources; please try updating the 'pulumi-nodejs' plugin");
    const id = read.id || importId;
    step.id = id;
    const imported = stateEntry(reg, id, read.inputs, read.properties);
    // The import step's state is saved when it completes, whatever the steps after it do.
    if (!this.preview) this.next.set(reg.urn, imported);
    // NewImportReplacementStep: an old resource under this URN (managed with another id, or external) is replaced.
    if (old && !this.preview) this.pendingDeletes.push({ ...old, delete: true });
    return this.generateSteps(reg, imported, imported);
  }

  /**
   * continueStepsFromImport + generateStepsFromDiff + continueStepsFromDiff: check, then create, or diff against the
   * old (or just imported) state and update, replace or leave it.
   */
  private async generateSteps(reg: ResourceRegistration, old: StateResource | undefined, imported: StateResource | undefined): Promise<RegistrationOutcome> {
    const wasExternal = old?.external === true;
    // A new or previously external resource is checked without olds, against the program's properties as they are.
    const fresh = !old || wasExternal;
    const oldInputs = old ? (stateToRpc(old.inputs) as PropertyMap) : {};
    const news = fresh ? reg.inputs : ignoreTopLevel(reg.inputs, oldInputs, reg.ignoreChanges);
    const checked = await this.check(reg, fresh ? {} : oldInputs, news);

    if (!old) {
      const step = this.record(reg, "create");
      if (this.preview) return { outputs: checked };
      return this.create(reg, step, checked);
    }
    if (old.id === undefined) throw new Error(`harness: old state of ${reg.urn} has no id`);
    if (wasExternal) {
      // Case 2 (wasExternal): create a replacement and discard the read resource (its delete is a no-op).
      const step = this.record(reg, "replace", { id: old.id });
      if (this.preview) return { outputs: checked };
      return this.createReplacement(reg, step, checked, old);
    }

    const oldId = old.id;
    const provider = await this.generator.run(() => this.host.diff(oldId, reg.urn, revealMap(old.outputs), revealMap(checked), revealMap(old.inputs)));
    const hasInitErrors = (old.initErrors?.length ?? 0) > 0;
    const diff = applyReplaceOnChanges(interpretDiff(provider, revealMap(old.inputs), revealMap(checked), reg.ignoreChanges), reg.replaceOnChanges, hasInitErrors);
    const inputChanges = changedKeys(old.inputs, checked);

    if (diff.changes === "some" || old.pendingReplacement) {
      if (diff.replaceKeys.length > 0 || old.pendingReplacement) return this.replace(reg, old, diff, inputChanges);
      return this.update(reg, old, checked, diff, inputChanges);
    }
    // An unchanged resource with init errors gets an empty update, to continue waiting for its initialisation.
    if (hasInitErrors) return this.update(reg, old, checked, diff, inputChanges);

    if (imported) {
      // Imported and nothing to change: the registration completes with the imported state, no further step.
      if (!this.preview) this.next.set(reg.urn, imported);
      return { id: imported.id, outputs: stateToRpc(imported.outputs) as PropertyMap };
    }
    this.record(reg, "same", { id: old.id, diff: provider });
    // A "same" step records the new inputs and options; the outputs stay as they were.
    if (!this.preview) this.next.set(reg.urn, stateEntry(reg, old.id, checked, undefined, old.outputs));
    return { id: old.id, outputs: stateToRpc(old.outputs) as PropertyMap };
  }

  private async update(reg: ResourceRegistration, old: StateResource, checked: PropertyMap, diff: StepDiff, inputChanges: string[]): Promise<RegistrationOutcome> {
    const oldId = old.id ?? "";
    this.record(reg, "update", { changedKeys: inputChanges, diff: diff.provider, id: oldId });
    if (this.preview) return { id: oldId, outputs: checked };
    try {
      const updated = await this.slots.run(() => this.host.update(oldId, reg.urn, revealMap(old.outputs), revealMap(checked), revealMap(old.inputs)));
      const entry = stateEntry(reg, oldId, checked, updated.properties);
      this.next.set(reg.urn, entry);
      return { id: oldId, outputs: stateToRpc(entry.outputs) as PropertyMap };
    } catch (err) {
      this.keepInitFailure(reg, checked, err);
      throw err;
    }
  }

  /** continueStepsFromDiff, the replace branch. */
  private async replace(reg: ResourceRegistration, old: StateResource, diff: StepDiff, inputChanges: string[]): Promise<RegistrationOutcome> {
    // Protected in the old state AND the program: unprotecting and replacing in one update is allowed. In a preview the
    // error is reported and the preview goes on.
    if (reg.protect && old.protect) {
      const message = `unable to replace resource "${reg.urn}"\nas it is currently marked for protection. To unprotect the resource, remove the \`protect\` flag from the resource in your Pulumi program and run \`pulumi up\``;
      if (!this.preview) throw new Error(message);
      this.errors.push(`${reg.urn}: ${message}`);
    }
    // The goal still has the `import` id: a replacement would change the id. An error in up, a warning in preview.
    if (reg.importId !== undefined) {
      const keys = diff.replaceKeys.map((k) => `${k}: ${JSON.stringify(revealMap(old.inputs)[k])} => ${JSON.stringify(revealMap(reg.inputs)[k])}`).join("\n");
      const message = `previously-imported resources that still specify an ID may not be replaced; please remove the \`import\` declaration from your program;\n${keys}`;
      if (!this.preview) throw new Error(message);
      this.warnings.push(`${reg.urn}: ${message}`);
    }
    // The replacement is checked afresh (no olds), so defaults are recomputed rather than carried over.
    const checked = await this.check(reg, {}, reg.inputs);
    const dbr = reg.deleteBeforeReplace ?? diff.deleteBeforeReplace;
    const step = this.record(reg, "replace", { changedKeys: inputChanges, diff: diff.provider, replaceKeys: diff.replaceKeys, deleteBeforeReplace: dbr, id: old.id });
    if (this.preview) return { outputs: checked };
    if (!dbr) return this.createReplacement(reg, step, checked, old);

    const dependents = this.previous.filter((r) => r.urn !== reg.urn && !r.delete && (r.parent === reg.urn || r.dependencies.includes(reg.urn)));
    if (dependents.length > 0) {
      // calculateDependentReplacements asks each dependent's provider whether it would be replaced; not modelled.
      throw new Error(`harness: delete-before-replace of a resource others depend on (${dependents.map((d) => d.urn).join(", ")}) is not modelled`);
    }
    // An old entry already pending replacement was deleted by an earlier run: no delete step.
    if (!old.pendingReplacement) {
      await this.slots.run(() => deleteObject(this.host, old));
      // DeleteStep.Apply: only after the delete succeeded does the old entry become pendingReplacement; it stays in
      // state until the replacement is created.
      this.carried.set(reg.urn, { ...old, pendingReplacement: true });
    }
    return this.create(reg, step, checked);
  }

  /** CreateStep with pendingDelete: once the replacement exists (even half-initialised) the old one is pending deletion. */
  private async createReplacement(reg: ResourceRegistration, step: StepRecord, checked: PropertyMap, old: StateResource): Promise<RegistrationOutcome> {
    try {
      return await this.create(reg, step, checked);
    } finally {
      if (this.next.has(reg.urn)) this.pendingDeletes.push({ ...old, delete: true, pendingReplacement: undefined });
    }
  }

  private async create(reg: ResourceRegistration, step: StepRecord, checked: PropertyMap): Promise<RegistrationOutcome> {
    try {
      const created = await this.slots.run(() => this.host.create(reg.urn, revealMap(checked)));
      if (!created.id) throw new Error("provider did not return an ID from Create");
      const entry = stateEntry(reg, created.id, checked, created.properties);
      this.next.set(reg.urn, entry);
      step.id = created.id;
      return { id: created.id, outputs: stateToRpc(entry.outputs) as PropertyMap };
    } catch (err) {
      if (err instanceof ResourceInitError) step.id = err.id;
      this.keepInitFailure(reg, checked, err);
      throw err;
    }
  }

  /** ErrorResourceInitFailed: the object exists, so it goes into state with its id and initErrors. */
  private keepInitFailure(reg: ResourceRegistration, checked: PropertyMap, err: unknown): void {
    if (!(err instanceof ResourceInitError)) return;
    const entry = stateEntry(reg, err.id, checked, err.properties);
    entry.initErrors = [...err.reasons];
    this.next.set(reg.urn, entry);
  }

  /**
   * GenerateReadSteps + ReadStep.Apply (`Resource.get`, the `id` option): Read with the program's properties as both
   * inputs and state; the state keeps the program's properties as inputs (the read's returned inputs are ignored).
   * "does not exist" only when the response has no properties, which the dynamic host never sends: a `.get()` of a
   * deleted object succeeds with whatever the provider returned (at least `__provider`) and the requested id. Reads run
   * during previews too, except for an unknown id. A managed resource with another id under this URN is replaced
   * (read-replacement: deleted at the end); with the same id it is relinquished (forgotten, not deleted).
   */
  private async readStep(reg: ResourceRegistration): Promise<RegistrationOutcome> {
    const readId = reg.readId ?? "";
    if (!readId) throw new Error(`Expected an ID for ${reg.urn}`);
    const old = this.old.get(reg.urn);
    let id = readId;
    let outputs: PropertyMap = {};
    if (readId !== UNKNOWN) {
      const props = revealMap(reg.inputs);
      const read = await this.slots.run(() => this.host.read(readId, reg.urn, props, props));
      if (read.noProperties) throw new Error(`resource '${readId}' does not exist`);
      outputs = read.properties;
      if (read.id) id = read.id;
    }
    const entry = stateEntry(reg, id, reg.inputs, outputs);
    entry.external = true;
    this.record(reg, "read", { status: "done", id });
    if (old && !old.external && old.id !== readId) {
      this.record(reg, "replace", { id: old.id });
      if (!this.preview) this.pendingDeletes.push({ ...old, delete: true });
    }
    if (!this.preview) this.next.set(reg.urn, entry);
    return { id, outputs: stateToRpc(entry.outputs) as PropertyMap };
  }
}
