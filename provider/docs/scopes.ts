/**
 * Which catalogue operations a resource uses, for the OAuth scopes its reference page lists.
 *
 * The create, read, update and delete specs name their operations. Hooks (end a live meeting before deleting
 * it, look for an object whose create timed out) are code, so the operations they call are found by the
 * catalogue ids their source names: a hook calls the client with `operation: "<id>"`, and ids are distinctive
 * enough (`meetingStatus`, `trackingfieldList`) not to appear by accident. An operation a hook reaches only
 * through a helper defined elsewhere would be missed; every such helper today reuses the read operation.
 */
import type { ResourceDefinition } from "../framework/definition";
import { OPERATIONS, type Operation, type OperationId } from "../../catalogue/operations";

export interface UsedOperation {
  readonly operation: Operation;
  /** What the resource uses it for. */
  readonly purpose: string;
}

function isOperationId(id: string): id is OperationId {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, id);
}

/** Catalogue ids named as string literals in a function's source. */
function operationsNamedIn(fn: unknown): OperationId[] {
  if (typeof fn !== "function") return [];
  const found: OperationId[] = [];
  for (const match of fn.toString().matchAll(/["'`]([A-Za-z]+)["'`]/g)) {
    const id = match[1]!;
    if (isOperationId(id) && !found.includes(id)) found.push(id);
  }
  return found;
}

export function operationsOf(definition: ResourceDefinition): UsedOperation[] {
  const used = new Map<OperationId, string[]>();
  const add = (id: OperationId, purpose: string) => {
    const purposes = used.get(id) ?? [];
    if (!purposes.includes(purpose)) purposes.push(purpose);
    used.set(id, purposes);
  };
  add(definition.create.operation, "create");
  add(definition.read.operation, "read (refresh, import)");
  if (definition.update !== "replace") add(definition.update.operation, "update");
  if ("operation" in definition.delete) add(definition.delete.operation, "delete");
  const hooks = definition.hooks ?? {};
  for (const id of operationsNamedIn(hooks.beforeDelete)) add(id, "delete");
  for (const id of operationsNamedIn(hooks.findCreated)) add(id, "create (recovery after a timeout)");
  return [...used].map(([id, purposes]) => ({ operation: OPERATIONS[id], purpose: purposes.join(", ") }));
}
