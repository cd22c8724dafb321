/**
 * Enumerates the Zoom objects of one kind in one scope, as refs and Pulumi ids: what `drift` compares with a
 * stack and what `import` adopts.
 */
import type { ZoomClient } from "../client/types";
import type { ListReader, ObjectRef, ResourceDefinition, ZoomObject } from "../framework/definition";
import { formatId } from "../framework/ids";
import { listingFor, type Listing } from "./listings";
import type { Scope } from "./scopes";

export interface FoundObject {
  readonly definition: ResourceDefinition;
  /** The scope the object was found in (with the kind's default account filled in). */
  readonly scope: Scope;
  readonly ref: ObjectRef;
  /** The Pulumi id, as `import` takes it. */
  readonly id: string;
  /** The object as Zoom listed it (for meetings and TSP accounts a summary; reads give the whole object). */
  readonly item: ZoomObject;
  /** A human name: topic, name, label or number, when the object has one. */
  readonly label?: string;
}

/** Fields that name an object, most telling first. */
const LABEL_FIELDS = ["topic", "name", "field", "display_number", "number"] as const;

export function labelOf(item: ZoomObject): string | undefined {
  for (const field of LABEL_FIELDS) {
    const value = item[field];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return undefined;
}

/** The schema default of a top-level property (`accountId` defaults to `me` for internal numbers), if any. */
export function schemaDefault(definition: ResourceDefinition, key: string): unknown {
  const shape = definition.schema.shape as Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown } } | undefined>;
  const parsed = shape[key]?.safeParse(undefined);
  return parsed?.success ? parsed.data : undefined;
}

/**
 * The scope as the kind's own reads would spell it: an unset account becomes the kind's default account (so
 * the listing and the reads share one list-cache entry). Undefined when the kind cannot live there: SIP trunks
 * exist only in sub-accounts.
 */
export function effectiveScope(definition: ResourceDefinition, scope: Scope): Scope | undefined {
  const fallback = schemaDefault(definition, "accountId");
  const accountId = scope.accountId ?? (typeof fallback === "string" ? fallback : undefined);
  if (definition.accountIdRequired && (accountId === undefined || accountId === "me")) return undefined;
  const out: { accountId?: string; userId?: string } = {};
  if (accountId !== undefined) out.accountId = accountId;
  if (scope.userId !== undefined) out.userId = scope.userId;
  return out;
}

async function listAll(client: ZoomClient, lists: ListReader, listing: Listing, context: string): Promise<readonly ZoomObject[]> {
  const { operation, accountId, pathParams, itemsKey, paginated, query } = listing;
  if (query === undefined) {
    return lists.all({ operation, itemsKey, paginated, ...(accountId === undefined ? {} : { accountId }), ...(pathParams ? { pathParams } : {}) });
  }
  const base = { operation, accountId, pathParams, query, context };
  if (paginated) {
    const items: ZoomObject[] = [];
    for await (const item of client.paginate<ZoomObject>({ ...base, itemsKey })) items.push(item);
    return items;
  }
  const response = await client.request<Record<string, unknown>>(base);
  const items = response.data?.[itemsKey];
  return Array.isArray(items) ? (items as ZoomObject[]) : [];
}

/**
 * Forgets a cached sweep of this listing, so the next `discover` sees Zoom as it is now (a sweep made moments
 * ago, before someone changed Zoom in the portal, would otherwise be reused for a few seconds).
 */
export function forgetListing(lists: ListReader, definition: ResourceDefinition, scope: Scope): void {
  const effective = effectiveScope(definition, scope);
  const listing = effective && listingFor(definition, effective);
  if (listing && listing.query === undefined) {
    lists.invalidate({ operation: listing.operation, ...(listing.accountId === undefined ? {} : { accountId: listing.accountId }), ...(listing.pathParams ? { pathParams: listing.pathParams } : {}) });
  }
}

/**
 * Every object of `definition`'s kind in `scope`. Starts its list request synchronously, so that calls made in
 * the same turn as the provider's reads join their list-cache sweep.
 */
export async function discover(client: ZoomClient, lists: ListReader, definition: ResourceDefinition, scope: Scope): Promise<FoundObject[]> {
  const effective = effectiveScope(definition, scope);
  if (!effective) return [];
  const listing = listingFor(definition, effective);
  const items = await listAll(client, lists, listing, `listing zoom:${definition.kind} objects`);
  const read = definition.read;
  const found: FoundObject[] = [];
  for (const item of items) {
    if (item.id === undefined || item.id === null || item.id === "") continue;
    const ref: ObjectRef = { ...effective, zoomId: String(item.id) };
    // For list-read kinds, the definition's own lookup must find this item under this id: the id we report
    // is the one a read (and so an import) will resolve.
    if (read.kind === "list" && read.find(items, ref, {}) !== item) continue;
    const label = labelOf(item);
    found.push({ definition, scope: effective, ref, id: formatId(definition.idParts, ref), item, ...(label === undefined ? {} : { label }) });
  }
  return found;
}
