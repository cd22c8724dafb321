/**
 * Small helpers for the parts resource declarations share, so each declaration says only what is its own:
 * the resource class (constructor and `get`), a read from an account's list by Zoom's id, finding a lost create
 * in that list, and the error explanations several kinds give alike.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { OperationIdWith } from "../../catalogue/operations";
import { idOf } from "./answers";
import type { CreateLookupContext, ErrorExplanation, ObjectRef, PropertySpec, ResourceDefinition, ZoomObject } from "./definition";
import { shapeOf, ZoomResource, type ResourceArgs } from "./resource";

type ResourceConstructor<Args, R> = new (name: string, args: ResourceArgs<Args>, opts?: pulumi.CustomResourceOptions) => R;

/** What `resourceClass` makes (named, so declaration files need not spell out the SDK's private fields). */
export interface ResourceClass<Args> extends ResourceConstructor<Args, ZoomResource> {
  /** Adopts an existing object by its Pulumi id (the kind's docs give its form). */
  get<R>(this: ResourceConstructor<Args, R>, name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): R;
}

/**
 * The base of a kind's exported class: `class TrackingField extends resourceClass<TrackingFieldArgs>(definition)`
 * adds only the typed `declare readonly` outputs. The class gets the constructor every kind has and `get`,
 * which adopts an existing object by its Pulumi id.
 */
export function resourceClass<Args>(definition: ResourceDefinition): ResourceClass<Args> {
  const shape = shapeOf(definition);
  return class extends ZoomResource {
    constructor(name: string, args: ResourceArgs<Args>, opts?: pulumi.CustomResourceOptions) {
      super(shape, name, args, opts);
    }

    static get<R>(this: ResourceConstructor<Args, R>, name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): R {
      // Pulumi reads the object by id; the (required) inputs are not used when adopting.
      return new this(name, {} as ResourceArgs<Args>, { ...opts, id });
    }
  };
}

/** Properties sent to Zoom and compared with what it answers, with nothing special about them (`source: "live"`). */
export function live<const K extends string>(...names: readonly K[]): { readonly [P in K]: PropertySpec } {
  return Object.fromEntries(names.map((name) => [name, { source: "live" }])) as { readonly [P in K]: PropertySpec };
}

/** A scope property (`accountId`, `userId`): part of the object's location and its Pulumi id, never sent in a body. */
export const SCOPE: PropertySpec = { source: "provider", scope: true };

/** One of an account's lists without path parameters: the list a kind is read from when Zoom has no GET by id. */
export interface AccountList {
  readonly operation: OperationIdWith<"GET">;
  readonly itemsKey: string;
  readonly paginated: boolean;
}

/** A read that looks the object up in its account's (cached) list, by Zoom's id. */
export function listedById<const L extends AccountList>(list: L) {
  return {
    kind: "list" as const,
    ...list,
    find: (items: readonly ZoomObject[], ref: ObjectRef) => items.find((item) => String(item.id) === ref.zoomId),
  };
}

/**
 * `findCreated` for kinds unique in their account by some property (a name, a number): a fresh read of the
 * account's list (a sweep from before the lost create cannot show it), and the item `isOurs` picks.
 */
export function findInAccountList<I extends { readonly accountId?: string | undefined }>(list: AccountList, isOurs: (item: ZoomObject, inputs: I) => boolean) {
  return async (ctx: CreateLookupContext, inputs: I): Promise<string | undefined> => {
    const request = { ...list, accountId: inputs.accountId };
    ctx.lists.invalidate(request);
    const found = (await ctx.lists.all(request)).find((item) => isOurs(item, inputs));
    return found === undefined ? undefined : idOf(found) || undefined;
  };
}

/** Zoom's 2001 on a create in a named account: the account does not exist, or is not the master's. */
export function unknownSubAccount<I extends { readonly accountId?: string | undefined }>(): ErrorExplanation<I> {
  return {
    operation: "create",
    zoomCode: 2001,
    explain: (inputs) => `the account "${inputs.accountId}" does not exist, or is not a sub-account of this master account (accountId)`,
  };
}

/** A user as error messages name them: `me` is not self-explanatory. */
export function userLabel(inputs: { readonly userId?: string | undefined; readonly accountId?: string | undefined }): string {
  const user = inputs.userId ?? "me";
  const who = user === "me" ? `"me" (the user the credentials act as)` : `"${user}"`;
  return inputs.accountId ? `${who} of account "${inputs.accountId}"` : who;
}

/** Zoom's 1001 on a create for a user: the user does not exist. */
export function unknownUser<I extends { readonly userId?: string | undefined; readonly accountId?: string | undefined }>(): ErrorExplanation<I> {
  return { operation: "create", zoomCode: 1001, explain: (inputs) => `user ${userLabel(inputs)} does not exist in this account (userId)` };
}
