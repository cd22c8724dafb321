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
import type { ObjectRef, ResourceDefinition } from "./definition";
import { expectedForm, formatId, parseId, shownId } from "./ids";
import type { CheckFailure } from "./validate";
import { isUnknown } from "./unknown";

/** The input naming the Zoom object to adopt, by its Pulumi id. */
export const ADOPT_KEY = "adoptId";

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
