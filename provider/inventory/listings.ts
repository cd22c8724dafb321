/**
 * How the objects of each kind are enumerated in a scope.
 *
 * Kinds Zoom only lists (H.323 devices, SIP trunks, internal numbers, templates) are enumerated with the very
 * list their definition reads them from, through the shared list cache: a drift run that reads 300 managed
 * devices and looks for unmanaged ones makes one sweep, not two. Kinds read by id are enumerated with their
 * the list operation their manifest entry names (`inventory.list`), because a definition only says how to read one
 * object.
 */
import { OPERATIONS, type OperationId } from "../../catalogue/operations";
import type { PathParams, QueryParams } from "../client/types";
import type { ResourceDefinition } from "../framework/definition";
import { entryOf } from "../resources/registry";
import type { Scope } from "./scopes";

export interface Listing {
  readonly operation: OperationId;
  readonly itemsKey: string;
  readonly paginated: boolean;
  readonly accountId?: string;
  readonly pathParams?: PathParams;
  /** Only lists without a query go through the list cache (its key has no query). */
  readonly query?: QueryParams;
}

/** Values for the `{placeholders}` of an operation's path that a scope provides (`userId`). */
function scopeParams(operation: OperationId, scope: Scope): PathParams {
  const params: Record<string, string> = {};
  for (const [, name] of OPERATIONS[operation].path.matchAll(/\{(\w+)\}/g)) {
    if (name === "userId") params.userId = scope.userId ?? "me";
    else throw new Error(`pulumi-zoom cannot list with ${operation}: its path needs {${name}}`);
  }
  return params;
}

/** The listing of `definition`'s objects in `scope`. */
export function listingFor(definition: ResourceDefinition, scope: Scope): Listing {
  const read = definition.read;
  if (read.kind === "list") {
    return {
      operation: read.operation,
      itemsKey: read.itemsKey,
      paginated: read.paginated,
      ...(scope.accountId === undefined ? {} : { accountId: scope.accountId }),
      // The same path parameters the definition's reads use, so the list cache shares one sweep.
      pathParams: read.pathParams?.({ ...scope, zoomId: "" }) ?? {},
    };
  }
  // The manifest's type requires a listing of every kind read by id; this only guards the type's promise.
  const list = entryOf(definition.kind).inventory?.list;
  if (!list) throw new Error(`pulumi-zoom: zoom:${definition.kind} is read by id but its manifest entry names no listing`);
  return {
    ...list,
    ...(scope.accountId === undefined ? {} : { accountId: scope.accountId }),
    pathParams: scopeParams(list.operation, scope),
  };
}
