/**
 * The shape of one entry of the resource manifest (`RESOURCE_MANIFEST` in provider/resources/index.ts): every
 * per-kind fact the layers above the framework need besides the definition itself. The registry, the YAML
 * sections, `ZoomStack`'s fields, the inventory listings and the import order are all derived from the list, so
 * a kind is added in one place and a missing fact is a compile error, not a kind silently skipped.
 */
import type { OperationId } from "../../catalogue/operations";
import type { QueryParams } from "../client/types";
import type { ResourceDefinition } from "./definition";
import type { ZoomResource } from "./resource";

/**
 * How the objects of a kind read by id are enumerated (drift's unmanaged objects, `pulumi-zoom import`): a
 * definition only says how to read one object. Kinds read from a list are enumerated with that list.
 */
export interface KindListing {
  readonly operation: OperationId;
  readonly itemsKey: string;
  readonly paginated: boolean;
  /** A listing with a query bypasses the list cache (its key has no query). */
  readonly query?: QueryParams;
}

/** The exported resource class. Its arguments are checked against the schema at run time (`check`). */
export type ResourceClass = new (name: string, args: never, opts?: never) => ZoomResource;

interface EntryBase {
  readonly definition: ResourceDefinition;
  readonly Class: ResourceClass;
  /** The kind's top-level key in `zoom.yaml` (`meetings`) and how it is called in prose (`Meetings`). */
  readonly yaml: { readonly section: string; readonly title: string };
  /**
   * Where `pulumi-zoom import` writes the kind: what others refer to comes first (tracking fields before the
   * meetings that name them). Ranks are distinct (tests/resources/manifest.test.ts).
   */
  readonly importRank: number;
}

/** A kind read by id must say how its objects are listed; a kind read from a list is listed with that list. */
export type ManifestEntry =
  | (EntryBase & { readonly definition: { readonly read: { readonly kind: "get" } }; readonly inventory: { readonly list: KindListing } })
  | (EntryBase & { readonly definition: { readonly read: { readonly kind: "list" } }; readonly inventory?: never });
