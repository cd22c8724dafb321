/**
 * Builds a Pulumi dynamic resource provider from a resource definition: the one implementation of check,
 * diff, create, read, update and delete that all seven resources share.
 *
 * State layout (outputs): the normalized live object in the resource's camelCase shape, plus the inputs
 * Zoom does not return (create-only, provider and scope properties), plus computed outputs, plus framework keys: `__name` (the logical name,
 * for error messages), `__declared` (the dotted paths the user declared, so a refresh can rewrite exactly
 * those inputs from the live object) and `__adopted` (an existing object adopted with `adoptId` or `.get()`, see
 * adoption.ts and `diff`).
 */
import type * as pulumi from "@pulumi/pulumi";
import equal from "fast-deep-equal";
import { ZoomApiError, ZoomOutcomeUnknownError } from "../client/errors";
import { OPERATIONS } from "../../catalogue/operations";
import type { ConfigSource } from "../client/config";
import { fromZoom, isPlainObject, toZoom } from "./case";
import { volatileOutputs, type ObjectRef, type OperationContext, type PropertySpec, type ResourceDefinition, type ZoomObject } from "./definition";
import { ADOPT_KEY, checkAdoptId, heldElsewhereError, missingObjectError, unadoptableDifferenceError } from "./adoption";
import { declaredDifferences, declaredSatisfied, replacementsAmong } from "./diff";
import { idOf, labelled, MalformedAnswerError, requireIdentity } from "./answers";
import { CreateLedger } from "./createLedger";
import { explain, isGone, LookupVerdict, ResourceInitError } from "./errors";
import { formatId, parseId, shownId } from "./ids";
import { listCacheFor } from "./listCache";
import { formatPath, getPath, isDeclarablePath, isPrototypeKey, leafPaths, parsePath, pickPaths, setPath, withoutUndefined } from "./paths";
import { configure, currentClient } from "./runtime";
import { containsUnknown } from "./unknown";
import { dropUnset, validate } from "./validate";

/** Keys the framework adds to inputs/outputs; never part of a Zoom object. */
const PROVIDER_KEY = "__provider";
export const NAME_KEY = "__logicalName";
export const DECLARED_KEY = "__declared";
/**
 * The declared values of paths compared through a comparator (`startTime: "2030-02-04T14:00:00"` with a zone),
 * so a refresh keeps the user's form when Zoom's answer (`2030-02-04T13:00:00Z`) means the same. Only
 * comparator paths are recorded: never secrets, and nothing the live object already says word for word.
 */
const DECLARED_FORMS_KEY = "__declaredForms";
/**
 * Set in the properties of a ResourceInitError: the object exists in Zoom but state lacks its live outputs.
 * The next diff plans an update, and that update reads the object back.
 */
const INCOMPLETE_KEY = "__incomplete";
/**
 * Set on adopted objects (`adoptId`, `.get()`): we never saw their create, and Zoom does not return create-only
 * inputs, so a create-only value in state (declared at adoption, or none) says nothing about the object.
 */
const ADOPTED_KEY = "__adopted";
const FRAMEWORK_KEYS = new Set([PROVIDER_KEY, NAME_KEY, DECLARED_KEY, DECLARED_FORMS_KEY, ADOPTED_KEY, INCOMPLETE_KEY, ADOPT_KEY]);

/** How many times a create whose outcome stayed unknown is attempted in all. */
const CREATE_ATTEMPTS = 3;
/**
 * The longest wait, after a create timed out, before looking for what it may have made. 15 s beyond a 30 s
 * response timeout is long for a Zoom create, and keeps a silent Zoom's failure (30 s + 15 s + the client's 5 s
 * probe, about 56 s from the first request as measured at the defaults with 20 s) under a minute.
 */
const TIMED_OUT_SETTLE_MAX_MS = 15_000;

type Props = Record<string, unknown>;
type Inputs = Record<string, unknown>;

/** The user's properties, without framework keys and unset values. */
function userProperties(props: Props): Inputs {
  const out: Inputs = {};
  for (const [key, value] of Object.entries(props)) if (!FRAMEWORK_KEYS.has(key) && !isPrototypeKey(key)) out[key] = value;
  return dropUnset(out);
}

export interface ZoomDynamicProvider extends pulumi.dynamic.ResourceProvider {
  configure(req: { config: ConfigSource }): Promise<void>;
}

export function buildProvider(definition: ResourceDefinition): ZoomDynamicProvider {
  const kind = definition.kind;
  const properties = definition.properties as Record<string, PropertySpec>;
  const keys = Object.keys(properties);
  /** Compared with the live object; sent on update. */
  const liveKeys = keys.filter((key) => properties[key]!.source === "live" && !properties[key]!.scope);
  /** Sent in the create body. */
  const createKeys = keys.filter((key) => properties[key]!.source !== "provider" && !properties[key]!.scope);
  /** Kept in state from the inputs, because Zoom does not return them. */
  const keptKeys = keys.filter((key) => !liveKeys.includes(key));
  const createOnlyKeys = keys.filter((key) => properties[key]!.source === "createOnly" && !properties[key]!.scope);
  const secretKeys = keys.filter((key) => properties[key]!.secret);
  const roots: ReadonlySet<string> = new Set(keys);

  /** Objects the creates of this process made or adopted (see createLedger.ts). */
  const ledger = new CreateLedger();

  const nameOf = (props: Props): string => (typeof props[NAME_KEY] === "string" ? (props[NAME_KEY] as string) : "(unnamed)");
  const labelFor = (verb: string, props: Props) => `${verb} zoom:${kind} "${nameOf(props)}"`;

  function context(label: string): OperationContext {
    const client = currentClient();
    return {
      client,
      label,
      lists: listCacheFor(client),
      warn: (message) => console.error(`warning: ${label}: ${message}`),
    };
  }

  function refOf(inputs: Inputs, zoomId: string): ObjectRef {
    const ref: { accountId?: string; userId?: string; zoomId: string } = { zoomId };
    if (typeof inputs.accountId === "string") ref.accountId = inputs.accountId;
    if (typeof inputs.userId === "string") ref.userId = inputs.userId;
    return ref;
  }

  /** Scope properties recovered from the id win over whatever the props say (import passes none). */
  function withScope(inputs: Inputs, ref: ObjectRef): Inputs {
    const out = { ...inputs };
    if (ref.accountId !== undefined) out.accountId = ref.accountId;
    if (ref.userId !== undefined) out.userId = ref.userId;
    return out;
  }

  /** Defaults of kept properties, for `.get()` of an object whose state we never had. */
  function storedDefaults(): Inputs {
    const shape = definition.schema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
    const out: Inputs = {};
    for (const key of keptKeys) {
      const parsed = shape[key]?.safeParse(undefined);
      if (parsed?.success && parsed.data !== undefined) out[key] = parsed.data;
    }
    return out;
  }

  async function readLive(ctx: OperationContext, ref: ObjectRef, inputs: Inputs): Promise<ZoomObject | undefined> {
    const read = definition.read;
    if (read.kind === "get") {
      try {
        const response = await ctx.client.request<ZoomObject>({
          operation: read.operation,
          pathParams: read.pathParams(ref),
          query: read.query?.(ref, inputs),
          accountId: ref.accountId,
          context: ctx.label,
        });
        if (!isPlainObject(response.data)) {
          throw new Error(`${ctx.label}: Zoom answered ${response.status} without the object's JSON`);
        }
        // An answer without the object's id (or with another's) is not this object: an error, never state.
        return requireIdentity(response.data, ref.zoomId, read.operation);
      } catch (error) {
        if (isGone(error, definition.goneCodes, definition.goneErrors)) return undefined;
        throw labelled(explain(error, "read", definition.errors, inputs, ctx.label), ctx.label);
      }
    }
    try {
      const request = {
        operation: read.operation,
        accountId: ref.accountId,
        pathParams: read.pathParams?.(ref),
        itemsKey: read.itemsKey,
        paginated: read.paginated,
      };
      const asked = Date.now();
      const found = read.find(await ctx.lists.all(request), ref, inputs);
      if (found) return found;
      // Missing from a sweep that may predate the object (made since in the portal, or by another stack):
      // "gone" would drop it from state, so only a sweep started after we asked may say so. When the first
      // sweep already started after `asked`, this reuses it without another request.
      return read.find(await ctx.lists.all(request, { sweptSince: asked }), ref, inputs);
    } catch (error) {
      if (isGone(error, definition.goneCodes, definition.goneErrors)) return undefined;
      // A sweep is shared by concurrent readers, so its errors carry no resource: say which one asked.
      throw labelled(explain(error, "read", definition.errors, inputs, ctx.label), ctx.label);
    }
  }

  function invalidateLists(ctx: OperationContext, ref: ObjectRef): void {
    const read = definition.read;
    if (read.kind === "list") {
      ctx.lists.invalidate({ operation: read.operation, accountId: ref.accountId, pathParams: read.pathParams?.(ref) });
    }
  }

  /** Outputs: normalized live object + kept inputs + framework keys. */
  function outputsFor(live: ZoomObject, kept: Inputs, name: unknown, declared: readonly string[], formsFrom?: Inputs | ((outputs: Props) => Inputs)): Props {
    let normalized: Record<string, unknown>;
    try {
      normalized = definition.normalize(live, kept);
    } catch (error) {
      // A resource's normalization met a shape it does not expect (a list of nulls): Zoom's answer is malformed.
      throw new MalformedAnswerError(`Zoom's answer is not a ${kind} pulumi-zoom can read (${error instanceof Error ? error.message : String(error)})`);
    }
    // Only what the definition declares is kept: a field Zoom adds one day (as it added `dynamic_host_key`)
    // could be a secret, and state would hold it in plaintext. Nested fields of declared properties stay.
    const outputs: Props = {};
    for (const [key, value] of Object.entries(normalized)) if (Object.hasOwn(properties, key) || Object.hasOwn(definition.outputs, key)) outputs[key] = value;
    for (const key of keptKeys) {
      if (kept[key] !== undefined) outputs[key] = kept[key];
      else delete outputs[key];
    }
    outputs[NAME_KEY] = name;
    outputs[DECLARED_KEY] = [...declared];
    const from = typeof formsFrom === "function" ? formsFrom(outputs) : formsFrom;
    const forms = from ? formsOf(from, declared, outputs) : {};
    if (Object.keys(forms).length > 0) outputs[DECLARED_FORMS_KEY] = forms;
    return withoutUndefined(outputs);
  }

  /**
   * The declared values Zoom's answer satisfies without saying them word for word (a local time for a UTC one,
   * an invitee without Zoom's `internal_user`, `settings: {}`), so a refresh keeps the user's form (see
   * DECLARED_FORMS_KEY). Never secrets: they compare exactly.
   */
  function formsOf(inputs: Inputs, declared: readonly string[], outputs: Props): Props {
    const forms: Props = {};
    for (const path of declared) {
      if (properties[path.split(".")[0]!]?.secret) continue;
      const value = getPath(inputs, parsePath(path));
      if (value === undefined || equal(value, getPath(outputs, parsePath(path)))) continue;
      if (declaredSatisfied(definition, path, value, inputs, outputs)) forms[path] = value;
    }
    return forms;
  }

  /** The outputs with the recorded declared forms laid over them: the declaration as last applied. */
  function withForms(outputs: Props, forms: Props): Inputs {
    const out = structuredClone(userProperties(outputs));
    for (const [dotted, form] of Object.entries(forms)) setPath(out, parsePath(dotted), form);
    return out;
  }

  function keptInputs(inputs: Inputs): Inputs {
    const out: Inputs = {};
    for (const key of keptKeys) if (inputs[key] !== undefined) out[key] = inputs[key];
    return out;
  }

  /**
   * Values to send for live properties the last applied declaration had and this one removed, where the
   * definition says a removal resets the property (`onRemove`): the property's reset value, when Zoom's value
   * (in `olds`) differs from it. Properties without `onRemove` are left as Zoom has them. Objects adopted by id
   * never reset: their recorded declaration is everything Zoom had, not what a program declared.
   */
  function resetsFor(olds: Props, inputs: Inputs): Inputs {
    const recorded = olds[DECLARED_KEY];
    if (!Array.isArray(recorded) || olds[ADOPTED_KEY] === true) return {};
    const before = new Set((recorded as string[]).map((path) => path.split(".")[0]!));
    const resets: Inputs = {};
    for (const key of liveKeys) {
      const reset = properties[key]!.onRemove;
      if (!reset || !before.has(key) || inputs[key] !== undefined) continue;
      if (!declaredSatisfied(definition, key, reset.reset, { [key]: reset.reset }, olds)) resets[key] = reset.reset;
    }
    return resets;
  }

  /** The declared paths differ from those recorded at the last create or update (never for adopted objects). */
  function declaredSetChanged(olds: Props, inputs: Inputs): boolean {
    const recorded = olds[DECLARED_KEY];
    if (!Array.isArray(recorded) || olds[ADOPTED_KEY] === true) return false;
    const now = declaredOf(inputs);
    return now.length !== recorded.length || now.some((path, i) => path !== [...(recorded as string[])].sort()[i]);
  }

  function declaredOf(inputs: Inputs): string[] {
    return leafPaths(inputs).map(formatPath).sort();
  }

  /** The snake_case body of the declared `bodyKeys`, restricted to `paths` when given. */
  function zoomBody(inputs: Inputs, bodyKeys: readonly string[], paths?: readonly string[]): ZoomObject {
    const live: Inputs = {};
    for (const key of bodyKeys) if (inputs[key] !== undefined) live[key] = inputs[key];
    const selected = paths ? pickPaths(live, paths.map(parsePath)) : live;
    return toZoom(selected) as ZoomObject;
  }

  async function createOnce(ctx: OperationContext, inputs: Inputs): Promise<{ zoomId: string; answer?: ZoomObject }> {
    const create = definition.create;
    const response = await ctx.client.request<ZoomObject>({
      operation: create.operation,
      pathParams: create.pathParams?.(inputs),
      accountId: typeof inputs.accountId === "string" ? inputs.accountId : undefined,
      body: create.body ? create.body(zoomBody(inputs, createKeys), inputs) : zoomBody(inputs, createKeys),
      context: ctx.label,
    });
    // Without the object in the answer, an answer without JSON is fine when the id comes from the inputs
    // (Zoom documents the SIP trunk assignment both as 201 with a body and as 204).
    const data = isPlainObject(response.data) ? response.data : undefined;
    // Zoom said yes but its answer does not say what it made: as good as not knowing, so the object is looked
    // for (an error here would orphan it; a garbled id would put a wrong one in state).
    const unreadable = (why: string) =>
      new ZoomOutcomeUnknownError({
        operationId: create.operation,
        method: OPERATIONS[create.operation].method,
        pathTemplate: OPERATIONS[create.operation].path,
        context: ctx.label,
        reason: `Zoom ${response.status} ${why}`,
        status: response.status,
      });
    if (!data && create.answerIsObject) throw unreadable("without the created object's JSON");
    const zoomId = create.zoomId ? create.zoomId(data ?? {}, inputs) : idOf(data);
    if (!zoomId) throw unreadable("without a usable id of the created object");
    if (!data || !create.answerIsObject) return { zoomId };
    const answer = create.answerObject ? create.answerObject(data) : data;
    // Without the object where it should be, the framework reads it back rather than failing the create.
    return { zoomId, answer: isPlainObject(answer) ? answer : undefined };
  }

  /**
   * Runs the lookup after an unknown outcome. When the lookup itself fails (Zoom down, a garbled list), the
   * object may exist: say so, in the same words for every kind, naming the create operation (not the list the
   * lookup used, which the user never asked for) and both reasons. A LookupVerdict is the lookup's conclusion,
   * not a failure of it, and passes as it is.
   */
  async function lookUp<T>(ctx: OperationContext, unknown: ZoomOutcomeUnknownError, find: () => Promise<T>): Promise<T> {
    try {
      return await find();
    } catch (error) {
      if (error instanceof LookupVerdict) throw error;
      const raw = error instanceof Error ? error.message : String(error);
      const why = raw.startsWith(`${ctx.label}: `) ? raw.slice(ctx.label.length + 2) : raw;
      throw new Error(
        `${ctx.label}: create (${unknown.method} ${unknown.pathTemplate}) got no usable answer (${unknown.reason}), and looking for the object in Zoom failed (${why}); ` +
          `the create's outcome is unknown; check whether Zoom has it before running pulumi up again (if it does, adopt it with the resource's \`get\` or \`pulumi-zoom import\` instead of creating it again)`,
        { cause: error },
      );
    }
  }

  /**
   * Updating an object Zoom no longer has: it was deleted outside Pulumi (the web portal, another tool). The
   * update cannot bring it back, a refresh drops it from state and the next up recreates it: say so, with
   * Zoom's own answer when there was one, instead of a bare "does not exist".
   */
  function deletedOutsidePulumi(label: string, id: string, zoom?: unknown): Error {
    const said = zoom instanceof ZoomApiError ? ` (Zoom ${zoom.status}${zoom.zoomCode !== undefined ? ` code ${zoom.zoomCode}` : ""}: ${zoom.zoomMessage})` : "";
    return new Error(
      `${label}: ${shownId(id)} was deleted outside Pulumi, so it cannot be updated${said}; ` +
        `\`pulumi refresh\` (or \`pulumi up --refresh\`) drops it from the state, and the up recreates it as declared`,
      zoom === undefined ? undefined : { cause: zoom },
    );
  }

  /**
   * Some refusals do not say whether the object is gone (an internal number's update answers 400 code 2 "Your
   * request to update the internal number has failed." for a number that no longer exists): after a 4xx that
   * is not a known "gone", one read tells. A read that fails too leaves the refusal as it was.
   */
  async function goneAfterRefusal(ctx: OperationContext, ref: ObjectRef, inputs: Inputs, error: unknown): Promise<boolean> {
    if (!(error instanceof ZoomApiError) || error.status < 400 || error.status >= 500 || error.status === 429) return false;
    try {
      invalidateLists(ctx, ref);
      return (await readLive(ctx, ref, inputs)) === undefined;
    } catch {
      return false;
    }
  }

  /** The Pulumi id of an object these inputs would create: the key of its claim in the ledger. */
  const claimKey = (inputs: Inputs, zoomId: string) => ledgerKey(refOf(inputs, zoomId));
  /**
   * The ledger's key for an object: its Pulumi id with the credentials' own account written one way (`me/x` and
   * `x` name one object), so that two resources cannot hold one object under two spellings of its id.
   */
  function ledgerKey(ref: ObjectRef): string {
    return formatId(definition.idParts, ref.accountId === "me" ? { ...ref, accountId: undefined } : ref);
  }
  /** The ledger's key for a Pulumi id from state (as it is, when it does not parse). */
  function ledgerKeyOfId(id: string): string {
    try {
      return ledgerKey(parseId(definition.idParts, id, kind, definition.accountIdRequired));
    } catch {
      return id;
    }
  }

  /**
   * Creates the object, never twice: when the outcome of an attempt is unknown (timeout, reset, 5xx after the
   * request left), the resource's `findCreated` hook looks for it before another attempt is made; after a
   * timeout, only once Zoom has had as long again to finish the request. The ledger keeps that lookup from
   * taking an object a concurrent create of this process made (createLedger.ts).
   */
  async function createWithoutDuplicates(ctx: OperationContext, inputs: Inputs, holder: string): Promise<{ zoomId: string; answer?: ZoomObject }> {
    for (let attempt = 1; ; attempt++) {
      const since = new Date(Date.now() - 1000);
      try {
        return await ledger.attempt(async () => {
          const created = await createOnce(ctx, inputs);
          ledger.claim(claimKey(inputs, created.zoomId), holder);
          return created;
        });
      } catch (error) {
        const findCreated = definition.hooks?.findCreated;
        if (!(error instanceof ZoomOutcomeUnknownError) || !findCreated) {
          throw explain(error, "create", definition.errors, inputs, ctx.label);
        }
        if (error.timedOutAfterMs !== undefined) {
          // A timed-out request may still be at work in Zoom: a lookup now could miss an object that appears a
          // moment later, and the next attempt would make a second one. Give it as long again to land.
          const settleMs = Math.min(error.timedOutAfterMs, TIMED_OUT_SETTLE_MAX_MS);
          ctx.warn(`create attempt ${attempt} timed out; waiting ${Math.round(settleMs / 1000)} s for Zoom to finish it before looking for the object`);
          await new Promise((resolve) => setTimeout(resolve, settleMs));
        }
        const found = await lookUp(ctx, error, () => ledger.lookup(async () => {
          const taken = (zoomId: string) => ledger.isClaimed(claimKey(inputs, zoomId));
          const zoomId = await findCreated({ ...ctx, taken }, inputs, since);
          if (zoomId === undefined) return undefined;
          if (!ledger.claim(claimKey(inputs, zoomId), holder)) {
            throw new LookupVerdict(
              `${ctx.label}: the outcome of the create is unknown, and the only matching object in Zoom (${claimKey(inputs, zoomId)}) belongs to another resource of this deployment; nothing was adopted or created again: run pulumi up again`,
            );
          }
          return zoomId;
        }));
        if (found !== undefined) return { zoomId: found };
        if (attempt >= CREATE_ATTEMPTS) throw error;
        ctx.warn(`the outcome of create attempt ${attempt} is unknown and no such object exists; trying again`);
      }
    }
  }

  /**
   * Create with `adoptId` (adoption.ts): reads the object instead of creating one, then sends the declared
   * differences through `update`, exactly as an update of a managed object would.
   */
  async function adopt(adoptId: string, news: Props): Promise<{ id: string; outs: Props } | undefined> {
    const inputs = userProperties(news);
    const name = nameOf(news);
    const ctx = context(labelFor("adopting", news));
    let ref: ObjectRef;
    try {
      // check filled the scope from the id, so the inputs locate the object.
      ref = refOf(inputs, parseId(definition.idParts, adoptId, kind, definition.accountIdRequired).zoomId);
    } catch (error) {
      throw labelled(error, ctx.label);
    }
    const id = formatId(definition.idParts, ref);
    const key = ledgerKey(ref);
    const holder = ledger.holderOf(key);
    // This resource already holds the object (its diff claimed it) or just deleted it: this create is its
    // replacement, which makes a new object; adopting the old one again would lose it to the delete.
    if (holder === name || ledger.deletedBy(key) === name) return undefined;
    if (holder !== undefined && holder !== name) throw heldElsewhereError(ctx.label, definition, id, holder);
    const found = await readLive(ctx, ref, inputs);
    // The object with exactly this id: a list read's fallback match (a template by name) is another object.
    const live = found && (idOf(found) === "" || idOf(found) === ref.zoomId) ? found : undefined;
    if (!live) throw missingObjectError(ctx.label, definition, ref, "adoptId");
    if (!ledger.claim(key, name)) throw heldElsewhereError(ctx.label, definition, id, ledger.holderOf(key) ?? "");
    ledger.markAdopted(key, name);
    try {
      const declared = declaredOf(inputs);
      let current: Props;
      try {
        current = outputsFor(live, keptInputs(inputs), news[NAME_KEY], declared, inputs);
      } catch (error) {
        throw labelled(error, ctx.label);
      }
      const mismatch = definition.hooks?.adoptionMismatch?.(inputs, current);
      if (mismatch !== undefined) throw new Error(`${ctx.label}: ${kind} ${shownId(id)} ${mismatch}; nothing was adopted or changed`);
      const differences = declaredDifferences(definition, inputs, userProperties(current));
      const replaces = replacementsAmong(definition, differences);
      if (replaces.length > 0) throw unadoptableDifferenceError(ctx.label, definition, id, replaces);
      if (differences.length === 0) return { id, outs: { ...current, [ADOPTED_KEY]: true, [ADOPT_KEY]: adoptId } };
      const { outs } = await provider.update!(id, current, news);
      return { id, outs: { ...outs, [ADOPTED_KEY]: true, [ADOPT_KEY]: adoptId } };
    } catch (error) {
      // Not adopted: the object stays the user's, free for another resource.
      if (!(error instanceof ResourceInitError)) ledger.release(key);
      throw error;
    }
  }

  const provider: ZoomDynamicProvider = {
    async configure(req) {
      configure(req.config);
    },

    async check(olds: Props, news: Props) {
      const adoptId = news[ADOPT_KEY];
      const adoption = checkAdoptId(definition, adoptId, userProperties(news));
      const result = validate(definition.schema, adoption.declared);
      if (!result.ok || adoption.failures.length > 0) {
        return { inputs: news, failures: [...adoption.failures, ...(result.ok ? [] : result.failures)] };
      }
      const inputs = result.value as Inputs;
      const stored = userProperties(olds ?? {});
      const previous = Object.keys(stored).length > 0 ? stored : undefined;
      const failures = containsUnknown(inputs) ? [] : [...(definition.hooks?.check?.(inputs, previous) ?? [])];
      if (failures.length === 0 && !containsUnknown(inputs)) {
        for (const warning of definition.hooks?.warnings?.(inputs, previous) ?? []) {
          console.error(`warning: ${labelFor("checking", news)}: ${warning}`);
        }
      }
      const adopting = adoptId !== undefined && adoptId !== null ? { [ADOPT_KEY]: adoptId } : {};
      return { inputs: { ...inputs, [NAME_KEY]: news[NAME_KEY], ...adopting }, failures };
    },

    async diff(id: string, olds: Props, news: Props) {
      // This resource holds the object: an adoptId of another resource naming it is refused (adoption.ts).
      ledger.claim(ledgerKeyOfId(id), nameOf(olds));
      const declared = userProperties(news);
      const resets = resetsFor(olds, declared);
      let differences = declaredDifferences(definition, { ...declared, ...resets }, userProperties(olds));
      const adopted = olds[ADOPTED_KEY] === true;
      if (adopted) {
        // An adopted object's create-only inputs were never seen (Zoom does not return them): a declared value
        // with none in state (`.get()`) is not a difference.
        differences = differences.filter((d) => {
          const root = d.path.split(".")[0]!;
          return !(createOnlyKeys.includes(root) && olds[root] === undefined);
        });
      }
      // Nor is any create-only value a reason to replace an adopted object: the stored one (declared at
      // adoption) was never sent to Zoom, so a change of it is recorded in state (a state-only update).
      const replaces = replacementsAmong(definition, differences).filter((root) => !(adopted && createOnlyKeys.includes(root)));
      // adoptId changed or removed after adoption: recorded in state only (an update that sends nothing), so a
      // refresh, which returns the recorded one as an input, agrees with the program.
      const adoptIdChanged = (news[ADOPT_KEY] ?? undefined) !== (olds[ADOPT_KEY] ?? undefined);
      return {
        // A partially recorded object is updated even when the declaration matches, to read it back; one whose
        // declared properties changed (one removed, or one added that Zoom already has) gets a state-only
        // update, so state records what is managed and the next refresh rewrites exactly those inputs.
        changes: differences.length > 0 || olds[INCOMPLETE_KEY] === true || adoptIdChanged || declaredSetChanged(olds, declared),
        replaces,
        deleteBeforeReplace: replaces.length > 0 && definition.deleteBeforeReplace === true,
      };
    },

    async create(news: Props) {
      if (typeof news[ADOPT_KEY] === "string") {
        const adopted = await adopt(news[ADOPT_KEY], news);
        if (adopted) return adopted;
      }
      const inputs = userProperties(news);
      const ctx = context(labelFor("creating", news));
      const { zoomId, answer } = await createWithoutDuplicates(ctx, inputs, nameOf(news));
      const ref = refOf(inputs, zoomId);
      const id = formatId(definition.idParts, ref);
      invalidateLists(ctx, ref);
      const kept = keptInputs(inputs);
      const declared = declaredOf(inputs);
      let live = answer;
      if (!live) {
        try {
          live = await readLive(ctx, ref, inputs);
        } catch (error) {
          throw new ResourceInitError(`${ctx.label}: created ${id}, but reading it back failed: ${String(error)}`, id, {
            ...inputs,
            [NAME_KEY]: news[NAME_KEY],
            [DECLARED_KEY]: declared,
            [INCOMPLETE_KEY]: true,
          });
        }
        if (!live) {
          throw new ResourceInitError(`${ctx.label}: created ${id}, but Zoom does not list it yet`, id, {
            ...inputs,
            [NAME_KEY]: news[NAME_KEY],
            [DECLARED_KEY]: declared,
            [INCOMPLETE_KEY]: true,
          });
        }
      }
      try {
        return { id, outs: outputsFor(live, kept, news[NAME_KEY], declared, inputs) };
      } catch (error) {
        // The object exists: keep it in state with its id, to be read again by the next up.
        throw new ResourceInitError(`${ctx.label}: created ${id}, but ${String(error)}`, id, {
          ...inputs,
          [NAME_KEY]: news[NAME_KEY],
          [DECLARED_KEY]: declared,
          [INCOMPLETE_KEY]: true,
        });
      }
    },

    async read(id: string, props: Props) {
      const ref = parseId(definition.idParts, id, kind, definition.accountIdRequired);
      // Refresh passes our outputs (with the declared paths); import with the program passes its inputs;
      // import by id alone passes nothing.
      const passed = userProperties(props);
      const given = withScope(passed, ref);
      const ctx = context(labelFor("reading", props));
      const live = await readLive(ctx, ref, given);
      // A refresh passes the state's outputs, which always hold `__declared` (every create, update, adoption and
      // partial failure writes it); a `.get()` passes the program's properties, which never do (the engine's
      // ReadStep sends them as inputs, RefreshStep sends the state). A gone object is news for a refresh (it
      // leaves the stack) and an error for a `.get()` (the engine would record a resource with no outputs).
      const refreshing = Array.isArray(props[DECLARED_KEY]);
      if (!live) {
        if (!refreshing) throw missingObjectError(ctx.label, definition, ref, "get");
        ledger.release(ledgerKey(ref));
        return { id: "", props: {} };
      }
      // A refreshed resource holds its object; a `.get()` only looks at it.
      if (refreshing) ledger.claim(ledgerKey(ref), nameOf(props));

      const kept = { ...storedDefaults(), ...keptInputs(given) };
      const recorded = props[DECLARED_KEY];
      // What the caller declared, not the scope recovered from the id: an import by id alone declares nothing,
      // so every property Zoom has becomes an input (importAll), not only `userId`.
      // Recorded paths come from state, which a hand-edited export can make say anything: only paths into the
      // kind's own properties are followed (never into a prototype, never an output such as `joinUrl`).
      const declared = Array.isArray(recorded)
        ? recorded.filter((p): p is string => typeof p === "string" && isDeclarablePath(parsePath(p), roots))
        : declaredOf(pickPaths(passed, keys.map((k) => [k])));
      const adopted = props[ADOPTED_KEY] === true || (!Array.isArray(recorded) && declared.length === 0);
      const recordedForms = props[DECLARED_FORMS_KEY];
      // A refresh keeps the forms recorded at the last create or update (only those into the kind's own
      // properties: state may say anything); an import with the program, its own.
      const forms = isPlainObject(recordedForms) ? (outputs: Props) => withForms(outputs, ownForms(recordedForms, roots)) : passed;
      let outputs: Props;
      try {
        outputs = outputsFor(live, kept, props[NAME_KEY], declared, forms);
      } catch (error) {
        throw labelled(error, ctx.label);
      }
      if (adopted) outputs[ADOPTED_KEY] = true;
      if (typeof props[ADOPT_KEY] === "string") outputs[ADOPT_KEY] = props[ADOPT_KEY];
      // A refresh of an unchanged object changes nothing: values Zoom re-issues on every read stay as recorded.
      for (const key of volatileOutputs(definition)) if (props[key] !== undefined) outputs[key] = props[key];
      // Only declared paths are rewritten: an object adopted by `.get()` declares nothing, so its inputs stay
      // empty (the program's), and a secret Zoom returns (a passcode, a PIN) never becomes a plaintext input.
      const inputs: Props = rewriteDeclared(declared, outputs, outputs[DECLARED_FORMS_KEY]);
      // A secret input is returned only where the old inputs had it: the dynamic host cannot mark a value secret,
      // and the engine keeps a refreshed input secret only when the same input was secret before.
      for (const key of secretKeys) if (!declared.some((path) => path === key || path.startsWith(`${key}.`))) delete inputs[key];
      inputs[NAME_KEY] = props[NAME_KEY];
      if (refreshing && typeof props[ADOPT_KEY] === "string") inputs[ADOPT_KEY] = props[ADOPT_KEY];
      return { id, props: outputs, inputs: withoutUndefined(inputs) };
    },

    async update(id: string, olds: Props, news: Props) {
      const ref = parseId(definition.idParts, id, kind, definition.accountIdRequired);
      const inputs = userProperties(news);
      const ctx = context(labelFor("updating", news));
      // Removed properties that reset are sent, but not recorded as declared: from now on Zoom's value is its own.
      const sent = { ...inputs, ...resetsFor(olds, inputs) };
      const differences = declaredDifferences(definition, sent, userProperties(olds));
      const changedLive = differences.map((d) => d.path).filter((path) => liveKeys.includes(path.split(".")[0]!));
      const declared = declaredOf(inputs);
      const kept = keptInputs(inputs);
      if (changedLive.length === 0 && olds[INCOMPLETE_KEY] === true) {
        // An earlier create or update made the object but could not read it back: read it now.
        const live = await readLive(ctx, ref, inputs);
        if (!live) throw deletedOutsidePulumi(ctx.label, id);
        try {
          const outs = outputsFor(live, kept, news[NAME_KEY], declared, inputs);
          if (olds[ADOPTED_KEY] === true) outs[ADOPTED_KEY] = true;
          if (typeof news[ADOPT_KEY] === "string") outs[ADOPT_KEY] = news[ADOPT_KEY];
          return { outs };
        } catch (error) {
          throw labelled(error, ctx.label);
        }
      }
      if (changedLive.length === 0) {
        // Only provider-side settings changed (e.g. notifyOnDelete): nothing to send to Zoom.
        const forms = formsOf(inputs, declared, olds);
        // As outputsFor records them: no key when there is no form, or a refresh would report a change.
        const outputs: Props = { ...olds, ...kept, [NAME_KEY]: news[NAME_KEY], [DECLARED_KEY]: declared, [ADOPT_KEY]: news[ADOPT_KEY] };
        if (Object.keys(forms).length > 0) outputs[DECLARED_FORMS_KEY] = forms;
        else delete outputs[DECLARED_FORMS_KEY];
        return { outs: withoutUndefined(outputs) };
      }
      const update = definition.update;
      if (update === "replace") throw new Error(`${ctx.label}: Zoom cannot update a ${kind} in place; this change needs a replacement`);
      const body = update.body === "full" ? zoomBody(sent, liveKeys) : zoomBody(sent, liveKeys, changedLive);
      try {
        await ctx.client.request({
          operation: update.operation,
          pathParams: update.pathParams(ref),
          accountId: ref.accountId,
          body: update.shapeBody ? update.shapeBody(body, sent) : body,
          context: ctx.label,
        });
      } catch (error) {
        if (isGone(error, definition.goneCodes, definition.goneErrors) || (await goneAfterRefusal(ctx, ref, inputs, error))) {
          throw deletedOutsidePulumi(ctx.label, id, error);
        }
        throw explain(error, "update", definition.errors, inputs, ctx.label);
      } finally {
        invalidateLists(ctx, ref);
      }
      let outs: Props | undefined;
      try {
        const live = await readLive(ctx, ref, inputs);
        if (live) outs = outputsFor(live, kept, news[NAME_KEY], declared, inputs);
      } catch (error) {
        throw new ResourceInitError(`${ctx.label}: updated ${id}, but reading it back failed: ${String(error)}`, id, {
          ...olds,
          ...inputs,
          [NAME_KEY]: news[NAME_KEY],
          [DECLARED_KEY]: declared,
          [INCOMPLETE_KEY]: true,
        });
      }
      if (!outs) throw new Error(`${ctx.label}: ${shownId(id)} disappeared from Zoom right after the update`);
      // Adopted stays adopted: its create-only values were still never sent to Zoom (see diff).
      if (olds[ADOPTED_KEY] === true) outs[ADOPTED_KEY] = true;
      if (typeof news[ADOPT_KEY] === "string") outs[ADOPT_KEY] = news[ADOPT_KEY];
      return { outs };
    },

    async delete(id: string, props: Props) {
      const ref = parseId(definition.idParts, id, kind, definition.accountIdRequired);
      const inputs = withScope(userProperties(props), ref);
      const ctx = context(labelFor("deleting", props));
      const spec = definition.delete;
      const holder = ledger.adoptedBy(ledgerKey(ref));
      if (holder !== undefined && holder !== nameOf(props)) {
        // Another resource adopted the object in this deployment (a rename with adoptId): deleting it would
        // take it from under that resource. Only this resource's state goes.
        ctx.warn(`${shownId(id)} is now managed by zoom:${kind} "${holder}" (adopted in this deployment), so it is kept in Zoom; only this resource leaves the stack`);
        return;
      }
      if ("unsupported" in spec) {
        ctx.warn(spec.unsupported(ref, inputs));
        ledger.release(ledgerKey(ref));
        return;
      }
      try {
        await definition.hooks?.beforeDelete?.(ctx, ref, inputs);
        await ctx.client.request({
          operation: spec.operation,
          pathParams: spec.pathParams(ref),
          query: spec.query?.(inputs),
          accountId: ref.accountId,
          context: ctx.label,
        });
        ledger.release(ledgerKey(ref), nameOf(props));
      } catch (error) {
        if (isGone(error, definition.goneCodes, definition.goneErrors)) {
          ledger.release(ledgerKey(ref));
          return;
        }
        throw explain(error, "delete", definition.errors, inputs, ctx.label);
      } finally {
        invalidateLists(ctx, ref);
      }
    },
  };
  return provider;

  /** Recorded forms of paths into the kind's own properties only (state may hold anything). */
  function ownForms(recorded: Props, roots: ReadonlySet<string>): Props {
    const forms: Props = {};
    for (const [dotted, form] of Object.entries(recorded)) if (isDeclarablePath(parsePath(dotted), roots)) forms[dotted] = form;
    return forms;
  }

  /** Inputs after a refresh: each declared path now holds the live value (drift recorded against the program). */
  function rewriteDeclared(declared: readonly string[], outputs: Props, forms: unknown): Props {
    const inputs: Props = {};
    for (const dotted of declared) {
      const path = parsePath(dotted);
      const value = getPath(outputs, path);
      if (value !== undefined) setPath(inputs, path, value);
    }
    // Where the user's form means what Zoom has (a local time for a UTC one), the input keeps the user's form.
    for (const [dotted, form] of Object.entries(isPlainObject(forms) ? forms : {})) {
      if (getPath(outputs, parsePath(dotted)) !== undefined || Array.isArray(form)) {
        if (declaredSatisfied(definition, dotted, form, outputs, outputs)) setPath(inputs, parsePath(dotted), form);
      }
    }
    return inputs;
  }

}

/** Zoom's snake_case answer in camelCase: the default normalization step resources build on. */
export function camelCaseOf(live: ZoomObject): Record<string, unknown> {
  return fromZoom(live) as Record<string, unknown>;
}
