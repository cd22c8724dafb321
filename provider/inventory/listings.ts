/**
 * How the objects of each kind are enumerated in a scope.
 *
 * Kinds Zoom only lists (H.323 devices, SIP trunks, internal numbers, templates) are enumerated with the very
 * list their definition reads them from, through the shared list cache: a drift run that reads 300 managed
 * devices and looks for unmanaged ones makes one sweep, not two. Kinds read by id are enumerated with their
 * own list operation, named here because a definition only says how to read one object.
 */
import { OPERATIONS, type OperationId } from "../../catalogue/operations";
import type { PathParams, QueryParams } from "../client/types";
import type { ResourceDefinition } from "../framework/definition";
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

interface ListOfGetKind {
  readonly operation: OperationId;
  readonly itemsKey: string;
  readonly paginated: boolean;
  readonly query?: QueryParams;
}

/**
 * List operations of the kinds read by id. Meetings: the upcoming ones (scheduled ones still ahead, recurring
 * series with occurrences left, meetings in progress); Zoom never lists instant meetings, and past meetings
 * are history rather than configuration.
 */
const LISTS_OF_GET_KINDS: Readonly<Record<string, ListOfGetKind>> = {
  Meeting: { operation: "meetings", itemsKey: "meetings", paginated: true, query: { type: "upcoming" } },
  TrackingField: { operation: "trackingfieldList", itemsKey: "tracking_fields", paginated: false },
  TspAccount: { operation: "userTSPs", itemsKey: "tsp_accounts", paginated: false },
};

/** Values for the `{placeholders}` of an operation's path that a scope provides (`userId`). */
function scopeParams(operation: OperationId, scope: Scope): PathParams {
  const params: Record<string, string> = {};
  for (const [, name] of OPERATIONS[operation].path.matchAll(/\{(\w+)\}/g)) {
    if (name === "userId") params.userId = scope.userId ?? "me";
    else throw new Error(`pulumi-zoom cannot list with ${operation}: its path needs {${name}}`);
  }
  return params;
}

/** The listing of `definition`'s objects in `scope`, or undefined when pulumi-zoom does not know how to list them. */
export function listingFor(definition: ResourceDefinition, scope: Scope): Listing | undefined {
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
  const list = LISTS_OF_GET_KINDS[definition.kind];
  if (!list) return undefined;
  return {
    ...list,
    ...(scope.accountId === undefined ? {} : { accountId: scope.accountId }),
    pathParams: scopeParams(list.operation, scope),
  };
}

/** Whether pulumi-zoom can enumerate this kind at all. */
export function isListable(definition: ResourceDefinition): boolean {
  return definition.read.kind === "list" || Object.prototype.hasOwnProperty.call(LISTS_OF_GET_KINDS, definition.kind);
}
