/**
 * A resource definition: everything the framework needs to build a Pulumi dynamic provider, the exported
 * resource class, the JSON Schema and the reference docs for one Zoom object. The seven resources in
 * `provider/resources/` are declarations of this type; CRUD, diff and drift logic live once, in the framework.
 */
import type { z } from "zod";
import type { OperationId, OperationIdWith, PathParamName, PathParamsOf } from "../../catalogue/operations";
import type { PathParams, QueryParams, ZoomClient } from "../client/types";
import type { EqualityRulesOf, RulePath } from "./equality";
import type { TogetherRule } from "./sendTogether";

/** A Zoom object as the API returns it (snake_case JSON). */
export type ZoomObject = Record<string, unknown>;

/**
 * How the framework treats one input property.
 * - `live`: sent on create and update; Zoom returns it, so declared values are compared with the live object.
 * - `createOnly`: sent on create only and not returned by Zoom (`templateId`, `scheduleFor`); kept in state
 *   and compared with the value stored there; a change replaces the object.
 * - `provider`: provider behaviour, never sent to Zoom (`notifyOnDelete`); kept in state; a change is a
 *   state-only update.
 */
export interface PropertySpec {
  readonly source: "live" | "createOnly" | "provider";
  /** A change replaces the object (Zoom cannot change it in place). */
  readonly replaceOnChange?: true;
  /** Wrapped in a Pulumi secret and never logged. */
  readonly secret?: true;
  /**
   * Part of the object's location: sent as a path parameter, never in a body, and encoded in the Pulumi id
   * (`accountId`, `userId`). Kept in state; a change replaces the object.
   */
  readonly scope?: true;
  /**
   * What removing the property from a declaration does. Absent: Zoom keeps its value, which is no longer
   * managed (Terraform's optional+computed: Zoom's own default is the user's or account's setting, which
   * pulumi-zoom cannot know). `reset`: the value is set back to `reset` (an empty list, empty text, Zoom's
   * documented default), so taking a value out of the program takes it out of Zoom.
   */
  readonly onRemove?: { readonly reset: unknown };
}

export interface OutputSpec {
  readonly description: string;
  readonly secret?: true;
  /**
   * Zoom changes it on every read without anything having changed (a meeting's `startUrl` carries a fresh host
   * token each time; `status` follows whether it is in progress). A refresh keeps the recorded value, so
   * refreshing an unchanged account changes nothing (`pulumi refresh --expect-no-changes` stays quiet).
   */
  readonly volatile?: true;
  /** TypeScript type shown in docs, e.g. `number`, `string`, `Occurrence[]`. */
  readonly type: string;
}


/** The parts of a Pulumi id: scope values (account, user) and Zoom's own id of the object. */
export interface ObjectRef {
  readonly accountId?: string;
  readonly userId?: string;
  readonly zoomId: string;
}

/** What every API call of a resource operation gets. */
export interface OperationContext {
  readonly client: ZoomClient;
  /** e.g. `creating zoom:Meeting "standup"`: prefixes every error of this operation. */
  readonly label: string;
  /** Shared, single-flight list reads (see listCache.ts). */
  readonly lists: ListReader;
  /** Warnings shown in `pulumi up` output (the host forwards stderr). */
  warn(message: string): void;
}

/** What `findCreated` gets: the operation's context, and which objects other creates of this process hold. */
export interface CreateLookupContext extends OperationContext {
  /**
   * True when another create of this process made or adopted the object with this Zoom id (in the scope of the
   * inputs being created): it is that resource's, never to be adopted again.
   */
  taken(zoomId: string): boolean;
}

export interface ListReader {
  /**
   * Every item of a list operation, from a short-lived process-wide cache shared by concurrent reads.
   * `sweptSince` (a `Date.now()` value) refuses cached sweeps that started before it: to confirm that an
   * item missing from a cached list is really gone, not merely made after the sweep.
   */
  all(request: ListRequest, options?: { readonly sweptSince?: number }): Promise<readonly ZoomObject[]>;
  /** Forget cached lists of this operation family after a write. */
  invalidate(request: Omit<ListRequest, "itemsKey" | "paginated">): void;
}

export interface ListRequest {
  readonly operation: OperationId;
  readonly accountId?: string;
  readonly pathParams?: PathParams;
  readonly itemsKey: string;
  /** Lists without `next_page_token` (tracking fields, TSP accounts) are fetched with one request. */
  readonly paginated: boolean;
}

/**
 * `pathParams(from)` typed from the operation's path template (see PathParamsOf): required when the path has
 * placeholders, optional when it has none.
 */
type ParamsFrom<Id extends OperationId, From> = [PathParamName<Id>] extends [never]
  ? { pathParams?(from: From): PathParamsOf<Id> }
  : { pathParams(from: From): PathParamsOf<Id> };

/**
 * One spec per operation of `Ids`, each with `operation` and the `pathParams` its template takes: a declaration
 * naming `trackingfieldUpdate` must return `{ fieldId }`. A union over the catalogue, narrowed by `operation`.
 */
type PerOperation<Ids extends OperationId, Spec, From> = {
  [Id in Ids]: Spec & { readonly operation: Id } & ParamsFrom<Id, From>;
}[Ids];

/**
 * Same, with `pathParams` always present (the framework calls it unconditionally): every operation on one
 * object has the object's id in its path.
 */
type PerObjectOperation<Ids extends OperationId, Spec> = {
  [Id in Ids]: Spec & { readonly operation: Id; pathParams(ref: ObjectRef): PathParamsOf<Id> };
}[Ids];

/** How the object is read back. */
export type ReadSpec<I> =
  | PerObjectOperation<
      OperationIdWith<"GET">,
      {
        readonly kind: "get";
        query?(ref: ObjectRef, inputs: Partial<I>): QueryParams;
      }
    >
  | PerOperation<
      OperationIdWith<"GET">,
      {
        /** No GET by id: the object is looked up in its (cached) list. */
        readonly kind: "list";
        readonly itemsKey: string;
        readonly paginated: boolean;
        /** The listed item for `ref`; `inputs` allows a fallback match (a template by name). */
        find(items: readonly ZoomObject[], ref: ObjectRef, inputs: Partial<I>): ZoomObject | undefined;
      },
      ObjectRef
    >;

export type CreateSpec<I> = PerOperation<OperationIdWith<"POST">, CreateBody<I>, I>;

interface CreateBody<I> {
  /** The request body, from the declared inputs already mapped to snake_case. Default: those inputs as they are. */
  body?(zoomInputs: ZoomObject, inputs: I): unknown;
  /**
   * Zoom's id of the created object, from the answer, or from the inputs where the caller chooses it (a SIP
   * trunk is assigned by its own id). `response` is `{}` when Zoom answered without a JSON body. Default: the
   * answer's `id`.
   */
  zoomId?(response: ZoomObject, inputs: I): string;
  /**
   * True when the create answer holds the whole object as a read would return it; otherwise the framework reads
   * the object back once after creating it.
   */
  readonly answerIsObject: boolean;
  /**
   * With `answerIsObject`: where the object is in the answer, when Zoom wraps it (batch endpoints answer
   * `{internal_numbers: [{...}]}`). Default: the answer itself.
   */
  answerObject?(response: ZoomObject): ZoomObject | undefined;
}

export type UpdateSpec<I> =
  | PerObjectOperation<
      OperationIdWith<"PATCH" | "PUT">,
      {
        /**
         * `changed`: only the changed properties (Zoom merges); `full`: every live property (Zoom requires the
         * whole object, e.g. H.323 devices).
         */
        readonly body: "changed" | "full";
        /** Adjusts the snake_case body before sending (optional). */
        shapeBody?(zoomBody: ZoomObject, inputs: I): unknown;
      }
    >
  /** Zoom has no update: every change of a live input replaces the object. */
  | "replace";

export type DeleteSpec<I> =
  | PerObjectOperation<OperationIdWith<"DELETE">, { query?(inputs: I): QueryParams }>
  /** Zoom has no delete: destroy removes the resource from state and warns that Zoom keeps the object. */
  | { unsupported(ref: ObjectRef, inputs: I): string };

/**
 * Which Zoom error answers something applies to. Every field given must match. Zoom reuses some codes for
 * unrelated errors (code 300 is "max two TSP accounts", "last TSP account" and "TSP config does not exist";
 * code 3000 is both "template name already exists" and "cannot access webinar information"), so a match can
 * also require Zoom's message to fit a pattern.
 */
export interface ZoomErrorMatch {
  readonly zoomCode?: number;
  readonly httpStatus?: number;
  /** Tested against Zoom's `message`. */
  readonly zoomMessage?: RegExp;
  /**
   * Tested against the field names of Zoom's per-field `errors` (`sip_trunks[0].dnis`); matches when one fits.
   * Code 300 "One or more parameters provided in the `sip_trunks` object are invalid." covers an unknown trunk
   * and a wrong DNIS alike; only the field tells them apart.
   */
  readonly zoomField?: RegExp;
}

/** A Zoom error a resource explains better than the raw answer, e.g. a name clash. */
export interface ErrorExplanation<I> extends ZoomErrorMatch {
  readonly operation: "create" | "update" | "delete" | "read";
  explain(inputs: I, zoomMessage: string): string;
}

/** Special cases a resource can hook into the shared CRUD flow. */
export interface Hooks<I> {
  /** Runs before DELETE (a live meeting is ended first, so its start URL dies). */
  beforeDelete?(context: OperationContext, ref: ObjectRef, inputs: I): Promise<void>;
  /**
   * After a create whose outcome is unknown (timeout, reset, 5xx), finds the object if Zoom made it, so that
   * a retry does not duplicate it. `since` is when the attempt started. Returns its Zoom id, or undefined.
   * Objects `context.taken` names are another resource's: skip them (see createLedger.ts).
   */
  findCreated?(context: CreateLookupContext, inputs: I, since: Date): Promise<string | undefined>;
  /**
   * Local checks that need more than the schema (none may call the API). `olds` are the inputs in state when
   * the resource exists already (undefined before its first create): some rules are known only from what Zoom
   * accepted before (a SIP trunk's DNIS prefix shows in the DNIS Zoom took for it).
   */
  check?(inputs: I, olds?: Partial<I>): readonly { property: string; reason: string }[];
  /**
   * Adoption (`adoptId`): why the existing object is not the one the declaration describes, when its id alone
   * cannot say (a meeting's id is global, so only its host tells whether it belongs to the declared `userId`).
   * `current` is the object as outputs. Undefined when it fits.
   */
  adoptionMismatch?(inputs: I, current: Record<string, unknown>): string | undefined;
  /**
   * Warnings shown at check (in `pulumi preview` and `up` output) for valid declarations Zoom will not keep as
   * written (a start in the past). Each names the property and says what Zoom will do.
   */
  warnings?(inputs: I, olds?: Partial<I>): readonly string[];
}

export interface ResourceDefinition<S extends z.ZodObject = z.ZodObject> {
  /** The Zoom object's name, the resource class name and type token suffix: `zoom:Meeting`. */
  readonly kind: string;
  /** One paragraph for docs. */
  readonly description: string;
  /**
   * Which scope properties, besides Zoom's own id, make up the Pulumi id, in order: `accountId` (omitted
   * from the id when unset) and `userId`. See ids.ts.
   */
  readonly idParts: readonly ("accountId" | "userId")[];
  /**
   * The object exists only inside a named account (a SIP trunk assigned to a sub-account): an id without the
   * account part is refused rather than read as the credentials' own account.
   */
  readonly accountIdRequired?: true;
  /** Input schema (camelCase) with Zoom's own constraints; the source of validation, JSON Schema and docs. */
  readonly schema: S;
  /** Every input property, classified. */
  readonly properties: { readonly [K in keyof z.output<S>]-?: PropertySpec };
  /** Properties Zoom computes (not inputs), exposed as outputs. */
  readonly outputs: Readonly<Record<string, OutputSpec>>;
  /**
   * Normalizes Zoom's answer into the resource's camelCase shape (inputs and outputs), so that equal meaning
   * compares equal (e.g. `start_time` in UTC vs a declared offset).
   */
  normalize(live: ZoomObject, inputs: Partial<z.output<S>>): Record<string, unknown>;
  /**
   * Where Zoom's equality is not the default rule (see equality.ts): lists Zoom keeps as sets, values Zoom
   * normalizes, instants written in different zones. Emails in the schema need no entry.
   */
  readonly equality?: EqualityRulesOf<z.output<S>>;
  /** Zoom's error codes meaning "this object does not exist" (besides HTTP 404 on the object's own path). */
  readonly goneCodes: readonly number[];
  /** Finer "does not exist" answers, for codes Zoom also uses for other errors (see ZoomErrorMatch). */
  readonly goneErrors?: readonly ZoomErrorMatch[];
  readonly create: CreateSpec<z.output<S>>;
  readonly read: ReadSpec<z.output<S>>;
  readonly update: UpdateSpec<z.output<S>>;
  /**
   * Fields Zoom needs in the same request as another (see sendTogether.ts): when a create or update body carries
   * `when` (with the value `is`), `send` goes with it, as declared, or as `otherwise` when undeclared. Zoom lets
   * one field decide another, so a body of the changed paths alone can be refused (a meeting made recurring
   * without its `recurrence`) or accepted and undone (join-before-host turned on while the waiting room, left
   * as it was, turns it off again): the plan never settles. A rule is a declaration, not body code, so the
   * next such interplay of any resource is one line, applied to create and update bodies alike and shown on
   * the reference page. Applied before `create.body` and `update.shapeBody`.
   */
  readonly sendTogether?: readonly TogetherRule<Exclude<RulePath<z.output<S>>, `${string}[]${string}`>>[];
  readonly delete: DeleteSpec<z.output<S>>;
  /**
   * Replace by deleting first: for objects Zoom keeps unique (a trunk assigned once per sub-account), where
   * creating the replacement before deleting the old one would clash.
   */
  readonly deleteBeforeReplace?: true;
  readonly errors?: readonly ErrorExplanation<z.output<S>>[];
  readonly hooks?: Hooks<z.output<S>>;
  /**
   * For docs: how a create whose outcome is unknown (timeout, lost connection, 5xx, garbled answer) is
   * recovered, i.e. what `findCreated` looks for, and what it cannot find.
   */
  readonly lostCreate?: string;
  /**
   * The example on the resource's reference page, in TypeScript and YAML. Default: cut by the docs generator from
   * the example program that declares the most objects of the kind (provider/docs/examples.ts).
   */
  readonly example?: { readonly typescript: string; readonly yaml: string };
}

/** A definition's declaration as its schema parses it: the type `hooks`, `create` and friends get as `inputs`. */
export type DeclarationOf<D extends ResourceDefinition> = z.output<D["schema"]>;

/** The outputs a refresh keeps as recorded (OutputSpec.volatile). */
export function volatileOutputs(definition: ResourceDefinition): string[] {
  return Object.entries(definition.outputs).flatMap(([key, spec]) => (spec.volatile ? [key] : []));
}
