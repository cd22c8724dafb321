/**
 * One registration of an `up` or `preview`, as the engine's step generator and step executor handle it
 * (pkg/resource/deploy/step_generator.go, step.go). Every branch names the engine function it follows.
 */
import { CheckFailedError, ResourceInitError } from "./errors";
import { applyReplaceOnChanges, ignoreTopLevel, interpretDiff, type StepDiff } from "./diff";
import type { EngineHost } from "./host";
import type { RegistrationOutcome, ResourceRegistration } from "./program";
import type { Slots } from "./slots";
import type { StateResource } from "./state";
import type { StepOp, StepRecord } from "./steps";
import { annotateSecrets, changedKeys, markSecretKeys, PROVIDER_KEY, revealMap, rpcToState, stateToRpc, UNKNOWN, type PropertyMap } from "./values";

/** Mutable bookkeeping of one up/preview. */
export interface Pass {
  preview: boolean;
  host: EngineHost;
  /** The `parallel` bound on this pass's resource operations. */
  slots: Slots;
  /** The step generator: check and diff one at a time. */
  generator: Slots;
  /** Old entries by URN (not those pending deletion). */
  old: Map<string, StateResource>;
  /** Every old entry, for dependency questions. */
  oldResources: readonly StateResource[];
  seen: Set<string>;
  /** New state entries by URN, in registration order. */
  next: Map<string, StateResource>;
  /** Old entries this pass changed without a new entry yet: a delete-before-replace's old half, pendingReplacement. */
  carried: Map<string, StateResource>;
  /** Old halves of replacements, to delete at the end (this pass's and earlier passes' leftovers). */
  pendingDeletes: StateResource[];
  steps: StepRecord[];
  errors: string[];
  warnings: string[];
}

/** `new Resource(...)` (with or without `import`) or `Resource.get` of a custom resource. */
export async function registerCustom(pass: Pass, reg: ResourceRegistration): Promise<RegistrationOutcome> {
  if (reg.kind === "read") return readStep(pass, reg);
  const old = pass.old.get(reg.urn);
  // continueStepsFromRefresh: an import when the goal has an id and there is no old resource, or it is external, or
  // it was adopted with (or has) another id.
  const oldImportId = old?.importId ?? old?.id;
  if (reg.importId !== undefined && (!old || old.external || oldImportId !== reg.importId)) return importStep(pass, reg, old);
  return generateSteps(pass, reg, old, undefined);
}

/** A state entry for a custom resource. `outputsPlain` from the host get their secretness restored. */
export function stateEntry(reg: ResourceRegistration, id: string, inputs: PropertyMap, outputsPlain?: PropertyMap, stateOutputs?: PropertyMap): StateResource {
  let outputs = stateOutputs;
  // provider_plugin.go annotateSecrets (the host does not accept secrets), then step_executor.go: the
  // additionalSecretOutputs and outputs whose input of the same name is secret.
  if (outputsPlain) outputs = rpcToState(markSecretKeys(annotateSecrets(outputsPlain, inputs), reg.additionalSecretOutputs)) as PropertyMap;
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
  if (reg.importId !== undefined) entry.importId = reg.importId;
  if (reg.ignoreChanges.length) entry.ignoreChanges = [...reg.ignoreChanges];
  return entry;
}

function record(pass: Pass, reg: ResourceRegistration, op: StepOp, extra: Partial<StepRecord> = {}): StepRecord {
  const step: StepRecord = { op, urn: reg.urn, type: reg.type, custom: true, status: pass.preview ? "planned" : "done", ...extra };
  pass.steps.push(step);
  return step;
}

async function check(pass: Pass, reg: ResourceRegistration, olds: PropertyMap, news: PropertyMap): Promise<PropertyMap> {
  const result = await pass.generator.run(() => pass.host.check(reg.urn, revealMap(olds), revealMap(news)));
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
async function importStep(pass: Pass, reg: ResourceRegistration, old: StateResource | undefined): Promise<RegistrationOutcome> {
  const importId = reg.importId ?? "";
  const step = record(pass, reg, "import");
  const read = await pass.slots.run(() => pass.host.read(importId, reg.urn, {}));
  if (read.noProperties) throw new Error(`resource '${importId}' does not exist`);
  if (!read.inputs) throw new Error("provider does not support importing resources; please try updating the 'pulumi-nodejs' plugin");
  const id = read.id || importId;
  step.id = id;
  const imported = stateEntry(reg, id, read.inputs, read.properties);
  // The import step's state is saved when it completes, whatever the steps after it do.
  if (!pass.preview) pass.next.set(reg.urn, imported);
  // NewImportReplacementStep: an old resource under this URN (managed with another id, or external) is replaced.
  if (old && !pass.preview) pass.pendingDeletes.push({ ...old, delete: true });
  return generateSteps(pass, reg, imported, imported);
}

/**
 * continueStepsFromImport + generateStepsFromDiff + continueStepsFromDiff: check, then create, or diff against the
 * old (or just imported) state and update, replace or leave it.
 */
async function generateSteps(pass: Pass, reg: ResourceRegistration, old: StateResource | undefined, imported: StateResource | undefined): Promise<RegistrationOutcome> {
  const wasExternal = old?.external === true;
  // A new or previously external resource is checked without olds, against the program's properties as they are.
  const fresh = !old || wasExternal;
  const oldInputs = old ? (stateToRpc(old.inputs) as PropertyMap) : {};
  const news = fresh ? reg.inputs : ignoreTopLevel(reg.inputs, oldInputs, reg.ignoreChanges);
  const checked = await check(pass, reg, fresh ? {} : oldInputs, news);

  if (!old) {
    const step = record(pass, reg, "create");
    if (pass.preview) return { outputs: checked };
    return create(pass, reg, step, checked);
  }
  if (old.id === undefined) throw new Error(`harness: old state of ${reg.urn} has no id`);
  if (wasExternal) {
    // Case 2 (wasExternal): create a replacement and discard the read resource (its delete is a no-op).
    const step = record(pass, reg, "replace", { id: old.id });
    if (pass.preview) return { outputs: checked };
    return createReplacement(pass, reg, step, checked, old);
  }

  const oldId = old.id;
  const provider = await pass.generator.run(() => pass.host.diff(oldId, reg.urn, revealMap(old.outputs), revealMap(checked), revealMap(old.inputs)));
  const hasInitErrors = (old.initErrors?.length ?? 0) > 0;
  const diff = applyReplaceOnChanges(interpretDiff(provider, revealMap(old.inputs), revealMap(checked), reg.ignoreChanges), reg.replaceOnChanges, hasInitErrors);
  const inputChanges = changedKeys(old.inputs, checked);

  if (diff.changes === "some" || old.pendingReplacement) {
    if (diff.replaceKeys.length > 0 || old.pendingReplacement) return replace(pass, reg, old, diff, inputChanges);
    return update(pass, reg, old, checked, diff, inputChanges);
  }
  // An unchanged resource with init errors gets an empty update, to continue waiting for its initialisation.
  if (hasInitErrors) return update(pass, reg, old, checked, diff, inputChanges);

  if (imported) {
    // Imported and nothing to change: the registration completes with the imported state, no further step.
    if (!pass.preview) pass.next.set(reg.urn, imported);
    return { id: imported.id, outputs: stateToRpc(imported.outputs) as PropertyMap };
  }
  record(pass, reg, "same", { id: old.id, diff: provider });
  // A "same" step records the new inputs and options; the outputs stay as they were.
  if (!pass.preview) pass.next.set(reg.urn, stateEntry(reg, old.id, checked, undefined, old.outputs));
  return { id: old.id, outputs: stateToRpc(old.outputs) as PropertyMap };
}

async function update(pass: Pass, reg: ResourceRegistration, old: StateResource, checked: PropertyMap, diff: StepDiff, inputChanges: string[]): Promise<RegistrationOutcome> {
  const oldId = old.id ?? "";
  record(pass, reg, "update", { changedKeys: inputChanges, diff: diff.provider, id: oldId });
  if (pass.preview) return { id: oldId, outputs: checked };
  try {
    const updated = await pass.slots.run(() => pass.host.update(oldId, reg.urn, revealMap(old.outputs), revealMap(checked), revealMap(old.inputs)));
    const entry = stateEntry(reg, oldId, checked, updated.properties);
    pass.next.set(reg.urn, entry);
    return { id: oldId, outputs: stateToRpc(entry.outputs) as PropertyMap };
  } catch (err) {
    keepInitFailure(pass, reg, checked, err);
    throw err;
  }
}

/** continueStepsFromDiff, the replace branch. */
async function replace(pass: Pass, reg: ResourceRegistration, old: StateResource, diff: StepDiff, inputChanges: string[]): Promise<RegistrationOutcome> {
  // Protected in the old state AND the program: unprotecting and replacing in one update is allowed. In a preview the
  // error is reported and the preview goes on.
  if (reg.protect && old.protect) {
    const message = `unable to replace resource "${reg.urn}"\nas it is currently marked for protection. To unprotect the resource, remove the \`protect\` flag from the resource in your Pulumi program and run \`pulumi up\``;
    if (!pass.preview) throw new Error(message);
    pass.errors.push(`${reg.urn}: ${message}`);
  }
  // The goal still has the `import` id: a replacement would change the id. An error in up, a warning in preview.
  if (reg.importId !== undefined) {
    const keys = diff.replaceKeys.map((k) => `${k}: ${JSON.stringify(revealMap(old.inputs)[k])} => ${JSON.stringify(revealMap(reg.inputs)[k])}`).join("\n");
    const message = `previously-imported resources that still specify an ID may not be replaced; please remove the \`import\` declaration from your program;\n${keys}`;
    if (!pass.preview) throw new Error(message);
    pass.warnings.push(`${reg.urn}: ${message}`);
  }
  // The replacement is checked afresh (no olds), so defaults are recomputed rather than carried over.
  const checked = await check(pass, reg, {}, reg.inputs);
  const dbr = reg.deleteBeforeReplace ?? diff.deleteBeforeReplace;
  const step = record(pass, reg, "replace", { changedKeys: inputChanges, diff: diff.provider, replaceKeys: diff.replaceKeys, deleteBeforeReplace: dbr, id: old.id });
  if (pass.preview) return { outputs: checked };
  if (!dbr) return createReplacement(pass, reg, step, checked, old);

  const dependents = pass.oldResources.filter((r) => r.urn !== reg.urn && !r.delete && (r.parent === reg.urn || r.dependencies.includes(reg.urn)));
  if (dependents.length > 0) {
    // calculateDependentReplacements asks each dependent's provider whether it would be replaced; not modelled.
    throw new Error(`harness: delete-before-replace of a resource others depend on (${dependents.map((d) => d.urn).join(", ")}) is not modelled`);
  }
  // An old entry already pending replacement was deleted by an earlier run: no delete step.
  if (!old.pendingReplacement) {
    await pass.slots.run(() => deleteObject(pass.host, old));
    // DeleteStep.Apply: only after the delete succeeded does the old entry become pendingReplacement; it stays in
    // state until the replacement is created.
    pass.carried.set(reg.urn, { ...old, pendingReplacement: true });
  }
  return create(pass, reg, step, checked);
}

/** CreateStep with pendingDelete: once the replacement exists (even half-initialised) the old one is pending deletion. */
async function createReplacement(pass: Pass, reg: ResourceRegistration, step: StepRecord, checked: PropertyMap, old: StateResource): Promise<RegistrationOutcome> {
  try {
    return await create(pass, reg, step, checked);
  } finally {
    if (pass.next.has(reg.urn)) pass.pendingDeletes.push({ ...old, delete: true, pendingReplacement: undefined });
  }
}

async function create(pass: Pass, reg: ResourceRegistration, step: StepRecord, checked: PropertyMap): Promise<RegistrationOutcome> {
  try {
    const created = await pass.slots.run(() => pass.host.create(reg.urn, revealMap(checked)));
    if (!created.id) throw new Error("provider did not return an ID from Create");
    const entry = stateEntry(reg, created.id, checked, created.properties);
    pass.next.set(reg.urn, entry);
    step.id = created.id;
    return { id: created.id, outputs: stateToRpc(entry.outputs) as PropertyMap };
  } catch (err) {
    if (err instanceof ResourceInitError) step.id = err.id;
    keepInitFailure(pass, reg, checked, err);
    throw err;
  }
}

/** ErrorResourceInitFailed: the object exists, so it goes into state with its id and initErrors. */
function keepInitFailure(pass: Pass, reg: ResourceRegistration, checked: PropertyMap, err: unknown): void {
  if (!(err instanceof ResourceInitError)) return;
  const entry = stateEntry(reg, err.id, checked, err.properties);
  entry.initErrors = [...err.reasons];
  pass.next.set(reg.urn, entry);
}

/**
 * GenerateReadSteps + ReadStep.Apply (`Resource.get`, the `id` option): Read with the program's properties as both
 * inputs and state; the state keeps the program's properties as inputs (the read's returned inputs are ignored).
 * "does not exist" only when the response has no properties, which the dynamic host never sends: a `.get()` of a
 * deleted object succeeds with whatever the provider returned (at least `__provider`) and the requested id. Reads run
 * during previews too, except for an unknown id. A managed resource with another id under this URN is replaced
 * (read-replacement: deleted at the end); with the same id it is relinquished (forgotten, not deleted).
 */
async function readStep(pass: Pass, reg: ResourceRegistration): Promise<RegistrationOutcome> {
  const readId = reg.readId ?? "";
  if (!readId) throw new Error(`Expected an ID for ${reg.urn}`);
  const old = pass.old.get(reg.urn);
  let id = readId;
  let outputs: PropertyMap = {};
  if (readId !== UNKNOWN) {
    const props = revealMap(reg.inputs);
    const read = await pass.slots.run(() => pass.host.read(readId, reg.urn, props, props));
    if (read.noProperties) throw new Error(`resource '${readId}' does not exist`);
    outputs = read.properties;
    if (read.id) id = read.id;
  }
  const entry = stateEntry(reg, id, reg.inputs, outputs);
  entry.external = true;
  record(pass, reg, "read", { status: "done", id });
  if (old && !old.external && old.id !== readId) {
    record(pass, reg, "replace", { id: old.id });
    if (!pass.preview) pass.pendingDeletes.push({ ...old, delete: true });
  }
  if (!pass.preview) pass.next.set(reg.urn, entry);
  return { id, outputs: stateToRpc(entry.outputs) as PropertyMap };
}

/**
 * DeleteStep.Apply's provider call: none for an external resource (Pulumi does not own it), for retainOnDelete, or
 * for a component. The STATE outputs carry the STATE `__provider`: that is the code that deletes (pulumi#6490).
 */
export async function deleteObject(host: EngineHost, res: StateResource): Promise<void> {
  if (!res.custom || res.id === undefined || res.external || res.retainOnDelete) return;
  await host.delete(res.id, res.urn, revealMap(res.outputs), revealMap(res.inputs));
}
