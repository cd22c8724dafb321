/**
 * A lookup definition: what a Pulumi function such as `zoom.getUser` is, as data. The lookups in this folder
 * are declarations of this type; `run.ts` executes any of them (validate, request through the shared client,
 * match, shape, secrets), `functions.ts` turns one into its Promise and Output forms, and the docs, the JSON
 * Schema and YAML read the same declarations. Kept data-like so they can become schema `functions` (invokes)
 * of a native provider later: an args schema, the operations, a match rule, and the result's fields.
 */
import type { z } from "zod";
import type { OperationId, OperationIdWith, PathParamName, PathParamsOf } from "../../catalogue/operations";

/** One field of a result (or of each item of a list result), read from Zoom's answer in camelCase. */
export interface ResultField {
  /** TypeScript type shown in docs, e.g. `string`, `TspDialInNumber[]`. */
  readonly type: string;
  readonly description: string;
  /** A secret (PINs): a secret Output in the Output form, never logged. */
  readonly secret?: true;
  /** Derived from the camelCased Zoom object instead of read by name (e.g. a DNIS prefix). */
  compute?(item: Readonly<Record<string, unknown>>): unknown;
}

/** `operation` with the path parameters its template takes (optional when it has none). */
type WithParams<Id extends OperationId> = { readonly operation: Id } & ([PathParamName<Id>] extends [never]
  ? { readonly pathParams?: PathParamsOf<Id> }
  : { readonly pathParams: PathParamsOf<Id> });

/** Where the candidates come from: a union over the read operations, each with its own path parameters. */
export type LookupSource = {
  [Id in OperationIdWith<"GET">]:
    /** One object by id; `notFound` are Zoom's codes for "no such object" (any other error is the lookup's failure). */
    | ({ readonly kind: "get"; readonly notFound: readonly number[] } & WithParams<Id>)
    /** Every item of a list (paginated lists follow `next_page_token` to the end). */
    | ({ readonly kind: "list"; readonly itemsKey: string; readonly paginated: boolean } & WithParams<Id>);
}[OperationIdWith<"GET">];

/**
 * Which candidates answer the query: every rule whose argument is given must hold (result field equals the
 * argument; `caseInsensitive` for emails).
 */
export interface MatchRule {
  readonly arg: string;
  readonly field: string;
  readonly caseInsensitive?: true;
}

export interface LookupDefinition<S extends z.ZodType = z.ZodType> {
  /** The function's name: `getUser`; the Output form is `getUserOutput`. */
  readonly name: string;
  /** One paragraph for docs. */
  readonly description: string;
  /** What one candidate is called in messages: `user`, `sub-account`. */
  readonly noun: string;
  readonly args: S;
  /** Every operation the lookup may call, for docs and scopes. */
  readonly operations: readonly OperationId[];
  /** The sub-account the lookup acts on (`/accounts/{accountId}/...`), if any. */
  accountId?(args: z.output<S>): string | undefined;
  /** The request for these arguments. */
  source(args: z.output<S>): LookupSource;
  /**
   * `one`: exactly one candidate must match (none or several fail, naming the query and the candidates);
   * `all`: every matching candidate, as the list `key` of the result, beside `echo`.
   */
  readonly returns: { readonly kind: "one" } | { readonly kind: "all"; readonly key: string; readonly itemType: string };
  /** Matching rules for list sources (a `get` source answers the one object asked for). */
  readonly match?: readonly MatchRule[];
  /** The fields of the result (`one`) or of each item (`all`). */
  readonly fields: Readonly<Record<string, ResultField>>;
  /** Arguments repeated (when set) in an `all` result, so it says what it lists (`accountId`, `userId`). */
  readonly echo?: readonly string[];
  /** A candidate, for error messages: never secret fields. */
  describe(item: Readonly<Record<string, unknown>>): string;
  /** Where a user finds the same in Zoom, or what to do, appended to "found nothing" messages. */
  readonly notFoundHint?: string;
  readonly example: { readonly typescript: string; readonly yaml: string };
}

export type LookupArgs<D extends LookupDefinition> = z.input<D["args"]>;

/** One list a lookup reads: the operation and where its items are. */
export interface LookupList<Id extends OperationIdWith<"GET">> {
  readonly operation: Id;
  readonly itemsKey: string;
  /** Follow `next_page_token` to the end (Zoom's short lists have no pages). */
  readonly paginated: boolean;
}

/**
 * The parts of a lookup that reads one list and matches in it (most lookups): the operation, for docs and
 * scopes; the sub-account, from the `accountId` argument when the arguments have one; and the request, with the
 * path parameters the arguments give (typed from the operation's template).
 */
export function readsList<Args extends { readonly accountId?: string | undefined }, const Id extends OperationIdWith<"GET">>(
  list: LookupList<Id>,
  ...pathParams: [PathParamName<Id>] extends [never] ? [] : [(args: Args) => PathParamsOf<Id>]
): { readonly operations: readonly OperationId[]; accountId(args: Args): string | undefined; source(args: Args): LookupSource } {
  const [paramsOf] = pathParams;
  return {
    operations: [list.operation],
    accountId: (args) => args.accountId,
    // The pairing of operation and parameters was checked by this function's signature; TypeScript cannot see
    // that a generic `Id` picks one member of the LookupSource union.
    source: (args) => ({ kind: "list", ...list, ...(paramsOf ? { pathParams: paramsOf(args) } : {}) }) as LookupSource,
  };
}

