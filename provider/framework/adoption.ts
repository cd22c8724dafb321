/**
 * Adoption of existing Zoom objects through the provider: the `adoptId` input every resource accepts.
 *
 * Why not Pulumi's `import` option or `pulumi import`: for a dynamic resource they cannot work. The engine's
 * ImportStep (pkg/resource/deploy/step.go in pulumi/pulumi) calls the provider's Read with the id alone, no
 * inputs and no state, so the dynamic-provider host has no `__provider` to load and fails. A native plugin will
 * support them; until then adoption is a create that reads instead of creating:
 *
 * - `check` (first create only) parses `adoptId` in the kind's Pulumi id format (ids.ts) and fills the scope
 *   properties (`accountId`, `userId`) it names, refusing a declared scope that contradicts it.
 * - `create` reads the object (never creates one); a missing object fails naming the kind, the id and what
 *   to do; an object another resource of this deployment holds (the ledger, createLedger.ts) is refused.
 *   Declared differences are then sent by the update path (same rules, same request shape).
 * - Afterwards `adoptId` is inert: changing or removing it is recorded in state (an update that sends nothing to
 *   Zoom), and a refresh returns the recorded value as an input, so `refresh --expect-no-changes` holds right
 *   after adoption. A later replacement creates a new object: its create sees that this resource holds the
 *   object already (its diff claimed it) or has just deleted it (delete-before-replace), and does not adopt.
 */
import { idOf, labelled } from "./answers";
import type { CreateRecovery } from "./createRecovery";
import type { ObjectRef, ResourceDefinition } from "./definition";
import { declaredDifferences, replacementsAmong } from "./diff";
import { ResourceInitError } from "./errors";
import { expectedForm, formatId, parseId, refOf, shownId } from "./ids";
import { declaredOf, labelOf, nameOf, userProperties, type Props, type StateCodec } from "./state";
import { ADOPT_KEY, ADOPTED_KEY, NAME_KEY } from "./stateKeys";
import type { CheckFailure } from "./validate";
import { isUnknown } from "./unknown";
import { operationContext, type ZoomCalls } from "./zoomCalls";

export interface AdoptionCheck {
  /** The declaration with the scope the id names filled in. */
  readonly declared: Record<string, unknown>;
  readonly failures: readonly CheckFailure[];
}

/**
 * Checks `adoptId` before any API call and fills the declaration's scope from it (`ada%40example.com/1` sets
 * `userId: "ada@example.com"` on a TSP account). A preview unknown is passed through.
 */
export function checkAdoptId(definition: ResourceDefinition, adoptId: unknown, declared: Record<string, unknown>): AdoptionCheck {
  if (adoptId === undefined || adoptId === null || isUnknown(adoptId)) return { declared, failures: [] };
  const form = expectedForm(definition.idParts, definition.accountIdRequired);
  if (typeof adoptId !== "string") {
    return { declared, failures: [{ property: ADOPT_KEY, reason: `expected a string, the Pulumi id of the existing ${definition.kind} (${form})` }] };
  }
  let ref: ObjectRef;
  try {
    ref = parseId(definition.idParts, adoptId, definition.kind, definition.accountIdRequired);
  } catch (error) {
    return { declared, failures: [{ property: ADOPT_KEY, reason: error instanceof Error ? error.message : String(error) }] };
  }
  const filled = { ...declared };
  const failures: CheckFailure[] = [];
  for (const part of ["accountId", "userId"] as const) {
    const named = ref[part];
    if (named === undefined) continue;
    const given = declared[part];
    if (given === undefined || isUnknown(given)) filled[part] = named;
    else if (given !== named) {
      failures.push({
        property: part,
        reason: `${JSON.stringify(given)} contradicts adoptId ${shownId(adoptId)}, which names ${part} ${JSON.stringify(named)}: declare the same ${part}, or leave it out`,
      });
    }
  }
  if (ref.accountId === undefined && typeof declared.accountId === "string" && definition.idParts.includes("accountId")) {
    failures.push({
      property: ADOPT_KEY,
      reason: `${shownId(adoptId)} names an object of the credentials' own account, but accountId is ${JSON.stringify(declared.accountId)}: write the id as ${JSON.stringify(`${declared.accountId}/${adoptId}`)}`,
    });
  }
  return { declared: filled, failures };
}

/** Where an object of `ref` lives, for messages: "account 123", "user ada@example.com". */
function whereOf(ref: ObjectRef): string {
  const parts = [ref.userId !== undefined ? `user ${ref.userId}` : undefined, ref.accountId !== undefined ? `account ${ref.accountId}` : "the credentials' account"];
  return parts.filter(Boolean).join(" of ");
}

export function missingObjectError(label: string, definition: ResourceDefinition, ref: ObjectRef, how: "adoptId" | "get"): Error {
  const id = formatId(definition.idParts, ref);
  const fix =
    how === "adoptId"
      ? `nothing was created or changed. Check the id (${expectedForm(definition.idParts, definition.accountIdRequired)}) and the account and user the object belongs to, or remove adoptId to create a new ${definition.kind}`
      : `check the id (${expectedForm(definition.idParts, definition.accountIdRequired)}) and the account and user the object belongs to`;
  return new Error(`${label}: no ${definition.kind} ${shownId(id)} exists in ${whereOf(ref)} (${how === "get" ? `${definition.kind}.get` : "adoptId"}); ${fix}`);
}

export function heldElsewhereError(label: string, definition: ResourceDefinition, id: string, holder: string): Error {
  return new Error(
    `${label}: ${definition.kind} ${shownId(id)} is already managed by zoom:${definition.kind} "${holder || "(another resource)"}" of this deployment, and one Zoom object must have one resource; nothing was adopted: remove adoptId from one of them`,
  );
}

export function unadoptableDifferenceError(label: string, definition: ResourceDefinition, id: string, roots: readonly string[]): Error {
  return new Error(
    `${label}: ${definition.kind} ${shownId(id)} differs from the declaration in ${roots.join(", ")}, which Zoom cannot change in place; nothing was adopted or changed: declare Zoom's current ${roots.length === 1 ? "value" : "values"} (pulumi-zoom import writes them), or remove adoptId to create a new ${definition.kind}`,
  );
}

/** What adopting needs of the provider of its kind. */
export interface AdoptionParts {
  readonly definition: ResourceDefinition;
  readonly state: StateCodec;
  readonly zoom: ZoomCalls;
  readonly recovery: CreateRecovery;
  /** The provider's own update, which sends the declared differences. */
  update(id: string, olds: Props, news: Props): Promise<{ outs?: Props }>;
}

/**
 * Create with `adoptId`: reads the object instead of creating one, then sends the declared differences through
 * `update`, exactly as an update of a managed object would. Undefined when this create must make a new object
 * (a replacement of the adopted one).
 */
export async function adoptExisting(parts: AdoptionParts, adoptId: string, news: Props): Promise<{ id: string; outs: Props } | undefined> {
  const { definition, state, zoom, recovery } = parts;
  const { ledger } = recovery;
  const kind = definition.kind;
  const inputs = userProperties(news);
  const name = nameOf(news);
  const ctx = operationContext(labelOf("adopting", kind, news));
  let ref: ObjectRef;
  try {
    // check filled the scope from the id, so the inputs locate the object.
    ref = refOf(inputs, parseId(definition.idParts, adoptId, kind, definition.accountIdRequired).zoomId);
  } catch (error) {
    throw labelled(error, ctx.label);
  }
  const id = formatId(definition.idParts, ref);
  const key = recovery.keyOf(ref);
  const holder = ledger.holderOf(key);
  // This resource already holds the object (its diff claimed it) or just deleted it: this create is its
  // replacement, which makes a new object; adopting the old one again would lose it to the delete.
  if (holder === name || ledger.deletedBy(key) === name) return undefined;
  if (holder !== undefined && holder !== name) throw heldElsewhereError(ctx.label, definition, id, holder);
  const found = await zoom.read(ctx, ref, inputs);
  // The object with exactly this id: a list read's fallback match (a template by name) is another object.
  const live = found && (idOf(found) === "" || idOf(found) === ref.zoomId) ? found : undefined;
  if (!live) throw missingObjectError(ctx.label, definition, ref, "adoptId");
  if (!ledger.claim(key, name)) throw heldElsewhereError(ctx.label, definition, id, ledger.holderOf(key) ?? "");
  ledger.markAdopted(key, name);
  try {
    const declared = declaredOf(inputs);
    let current: Props;
    try {
      current = state.outputsFor(live, state.keptInputs(inputs), news[NAME_KEY], declared, inputs);
    } catch (error) {
      throw labelled(error, ctx.label);
    }
    const mismatch = definition.hooks?.adoptionMismatch?.(inputs, current);
    if (mismatch !== undefined) throw new Error(`${ctx.label}: ${kind} ${shownId(id)} ${mismatch}; nothing was adopted or changed`);
    const differences = declaredDifferences(definition, inputs, userProperties(current));
    const replaces = replacementsAmong(definition, differences);
    if (replaces.length > 0) throw unadoptableDifferenceError(ctx.label, definition, id, replaces);
    if (differences.length === 0) return { id, outs: { ...current, [ADOPTED_KEY]: true, [ADOPT_KEY]: adoptId } };
    const { outs } = await parts.update(id, current, news);
    return { id, outs: { ...outs, [ADOPTED_KEY]: true, [ADOPT_KEY]: adoptId } };
  } catch (error) {
    // Not adopted: the object stays the user's, free for another resource.
    if (!(error instanceof ResourceInitError)) ledger.release(key);
    throw error;
  }
}
