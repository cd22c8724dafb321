/**
 * The deletes at the end of `up` and in `destroy`: DeleteStep.Apply (pkg/resource/deploy/step.go) for each resource,
 * run on the engine's schedule (antichains within `--parallel`, slots.ts), and the provider call a delete makes.
 */
import type { EngineHost } from "./engineHost";
import { runDeletes, type DeleteOutcome, type Slots } from "./slots";
import type { StateResource } from "./state";
import { messageOf, type StepRecord } from "./steps";
import { revealMap } from "./values";

/**
 * Deletes `resources` in the engine's antichains within `slots`; returns those still there (failed, refused or not
 * started after a failure). The old halves of replacements (`delete`) record no step.
 */
export async function deleteSteps(host: EngineHost, resources: readonly StateResource[], slots: Slots, steps: StepRecord[], errors: string[]): Promise<Set<StateResource>> {
  const remaining = new Set(resources);
  await runDeletes(resources, slots, async (res) => {
    const outcome = await deleteStep(host, res, res.delete ? [] : steps, errors);
    if (outcome === "deleted") remaining.delete(res);
    return outcome;
  });
  return remaining;
}

/**
 * DeleteStep.Apply for one resource (`res.delete`: the old half of a replacement, which skips the protect check).
 * A gone entry still pending replacement is only removed from state (RemovePendingReplaceStep). The step goes to
 * `steps`; errors are added to `errors`.
 */
async function deleteStep(host: EngineHost, res: StateResource, steps: StepRecord[], errors: string[]): Promise<DeleteOutcome> {
  const step: StepRecord = { op: "delete", urn: res.urn, type: res.type, custom: res.custom, status: "done" };
  if (res.id !== undefined) step.id = res.id;
  steps.push(step);
  if (res.pendingReplacement && !res.delete) return "deleted";
  if (res.protect && !res.delete) {
    step.status = "failed";
    step.error = "resource is protected";
    errors.push(protectedDeleteMessage(res.urn));
    return "refused";
  }
  try {
    await deleteObject(host, res);
    return "deleted";
  } catch (err) {
    step.status = "failed";
    step.error = messageOf(err);
    errors.push(`${res.urn}: delete failed: ${step.error}`);
    return "failed";
  }
}

/**
 * DeleteStep.Apply's provider call: none for an external resource (Pulumi does not own it), for retainOnDelete, or
 * for a component. The STATE outputs carry the STATE `__provider`: that is the code that deletes (pulumi#6490).
 */
export async function deleteObject(host: EngineHost, res: StateResource): Promise<void> {
  if (!res.custom || res.id === undefined || res.external || res.retainOnDelete) return;
  await host.delete(res.id, res.urn, revealMap(res.outputs), revealMap(res.inputs));
}

/** deleteProtectedError's message (step.go). */
export function protectedDeleteMessage(urn: string): string {
  return (
    `${urn}: resource "${urn}" cannot be deleted\nbecause it is protected. To unprotect the resource, either remove the \`protect\` flag ` +
    `from the resource in your Pulumi program and run \`pulumi up\`, or use the command:\n\`pulumi state unprotect '${urn}'\``
  );
}
