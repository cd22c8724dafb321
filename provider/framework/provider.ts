/**
 * Builds a Pulumi dynamic resource provider from a resource definition: the one implementation of check,
 * diff, create, read, update and delete that all seven resources share.
 *
 * State layout (outputs): the normalized live object in the resource's camelCase shape, plus the inputs
 * Zoom does not return (create-only, provider and scope properties), plus computed outputs, plus framework keys: `__name` (the logical name,
 * for error messages), `__declared` (the dotted paths the user declared, so a refresh can rewrite exactly
 * those inputs from the live object) and `__adopted` (the object was read by id alone, see `diff`).
 */
import type * as pulumi from "@pulumi/pulumi";
import equal from "fast-deep-equal";
import { ZoomOutcomeUnknownError } from "../client/errors";
import { OPERATIONS } from "../client/operations";
import type { ConfigSource } from "../client/config";
import { fromZoom, isPlainObject, toZoom } from "./case";
import type { ObjectRef, OperationContext, PropertySpec, ResourceDefinition, ZoomObject } from "./definition";
import { declaredDifferences, declaredSatisfied, replacementsAmong } from "./diff";
import { idOf, labelled, MalformedAnswerError, requireIdentity } from "./answers";
import { CreateLedger } from "./createLedger";
import { explain, isGone, ResourceInitError } from "./errors";
import { formatId, parseId, shownId } from "./ids";
import { listCacheFor } from "./listCache";
import { formatPath, getPath, leafPaths, parsePath, pickPaths, setPath, withoutUndefined } from "./paths";
import { configure, currentClient } from "./runtime";
import { containsUnknown } from "./unknown";
import { dropUnset, validate } from "./validate";

/** Keys the framework adds to inputs/outputs; never part of a Zoom object. */
const PROVIDER_KEY = "__provider";
export const NAME_KEY = "__logicalName";
const DECLARED_KEY = "__declared";
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
 * Set on objects adopted by id alone (`pulumi import`, `.get()`): we never saw their create, and Zoom does not
 * return create-only inputs, so state has no value for them.
 */
const ADOPTED_KEY = "__adopted";
const FRAMEWORK_KEYS = new Set([PROVIDER_KEY, NAME_KEY, DECLARED_KEY, DECLARED_FORMS_KEY, ADOPTED_KEY, INCOMPLETE_KEY]);

/** How many times a create whose outcome stayed unknown is attempted in all. */
const CREATE_ATTEMPTS = 3;
/** The longest wait, after a create timed out, before looking for what it may have made. */
const TIMED_OUT_SETTLE_MAX_MS = 60_000;

type Props = Record<string, unknown>;
type Inputs = Record<string, unknown>;

/** The user's properties, without framework keys and unset values. */
function userProperties(props: Props): Inputs {
  const out: Inputs = {};
  for (const [key, value] of Object.entries(props)) if (!FRAMEWORK_KEYS.has(key)) out[key] = value;
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
    const outputs: Props = { ...normalized };
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
   * object may exist: say so, with both reasons, rather than only the lookup's error.
   */
  async function lookUp<T>(ctx: OperationContext, unknown: ZoomOutcomeUnknownError, find: () => Promise<T>): Promise<T> {
    try {
      return await find();
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(ctx.label)) throw error;
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${ctx.label}: the outcome of the create is unknown (${unknown.reason}) and looking for the object in Zoom failed (${why}); check whether Zoom has it before running pulumi up again`,
        { cause: error },
      );
    }
  }

  /** The Pulumi id of an object these inputs would create: the key of its claim in the ledger. */
  const claimKey = (inputs: Inputs, zoomId: string) => formatId(definition.idParts, refOf(inputs, zoomId));

  /**
   * Creates the object, never twice: when the outcome of an attempt is unknown (timeout, reset, 5xx after the
   * request left), the resource's `findCreated` hook looks for it before another attempt is made; after a
   * timeout, only once Zoom has had as long again to finish the request. The ledger keeps that lookup from
   * taking an object a concurrent create of this process made (createLedger.ts).
   */
  async function createWithoutDuplicates(ctx: OperationContext, inputs: Inputs): Promise<{ zoomId: string; answer?: ZoomObject }> {
    for (let attempt = 1; ; attempt++) {
      const since = new Date(Date.now() - 1000);
      try {
        return await ledger.attempt(async () => {
          const created = await createOnce(ctx, inputs);
          ledger.claim(claimKey(inputs, created.zoomId));
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
          if (!ledger.claim(claimKey(inputs, zoomId))) {
            throw new Error(
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

  return {
    async configure(req) {
      configure(req.config);
    },

    async check(olds: Props, news: Props) {
      const declared = userProperties(news);
      const result = validate(definition.schema, declared);
      if (!result.ok) return { inputs: news, failures: [...result.failures] };
      const inputs = result.value as Inputs;
      // Pulumi passes `{}` as olds before the first create.
      const stored = userProperties(olds ?? {});
      const previous = Object.keys(stored).length > 0 ? stored : undefined;
      const failures = containsUnknown(inputs) ? [] : [...(definition.hooks?.check?.(inputs, previous) ?? [])];
      if (failures.length === 0 && !containsUnknown(inputs)) {
        for (const warning of definition.hooks?.warnings?.(inputs, previous) ?? []) {
          console.error(`warning: ${labelFor("checking", news)}: ${warning}`);
        }
      }
      return { inputs: { ...inputs, [NAME_KEY]: news[NAME_KEY] }, failures };
    },

    async diff(_id: string, olds: Props, news: Props) {
      const declared = userProperties(news);
      const resets = resetsFor(olds, declared);
      let differences = declaredDifferences(definition, { ...declared, ...resets }, userProperties(olds));
      if (olds[ADOPTED_KEY] === true) {
        // An adopted object's create-only inputs were never seen (Zoom does not return them), so a declared
        // value cannot be told apart from the real one: it is not a difference, and not a reason to replace
        // what was just imported. Once a value is stored (by a later update), it is compared as usual.
        differences = differences.filter((d) => {
          const root = d.path.split(".")[0]!;
          return !(createOnlyKeys.includes(root) && olds[root] === undefined);
        });
      }
      const replaces = replacementsAmong(definition, differences);
      return {
        // A partially recorded object is updated even when the declaration matches, to read it back; one whose
        // declared properties changed (one removed, or one added that Zoom already has) gets a state-only
        // update, so state records what is managed and the next refresh rewrites exactly those inputs.
        changes: differences.length > 0 || olds[INCOMPLETE_KEY] === true || declaredSetChanged(olds, declared),
        replaces,
        deleteBeforeReplace: replaces.length > 0 && definition.deleteBeforeReplace === true,
      };
    },

    async create(news: Props) {
      const inputs = userProperties(news);
      const ctx = context(labelFor("creating", news));
      const { zoomId, answer } = await createWithoutDuplicates(ctx, inputs);
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
      if (!live) {
        ledger.release(formatId(definition.idParts, ref));
        return { id: "", props: {} };
      }

      const kept = { ...storedDefaults(), ...keptInputs(given) };
      const recorded = props[DECLARED_KEY];
      // What the caller declared, not the scope recovered from the id: an import by id alone declares nothing,
      // so every property Zoom has becomes an input (importAll), not only `userId`.
      const declared = Array.isArray(recorded) ? (recorded as string[]) : declaredOf(pickPaths(passed, keys.map((k) => [k])));
      const adopted = props[ADOPTED_KEY] === true || (!Array.isArray(recorded) && declared.length === 0);
      const recordedForms = props[DECLARED_FORMS_KEY];
      // A refresh keeps the forms recorded at the last create or update; an import with the program, its own.
      const forms = isPlainObject(recordedForms) ? (outputs: Props) => withForms(outputs, recordedForms) : passed;
      let outputs: Props;
      try {
        outputs = outputsFor(live, kept, props[NAME_KEY], declared, forms);
      } catch (error) {
        throw labelled(error, ctx.label);
      }
      if (adopted) outputs[ADOPTED_KEY] = true;
      // A refresh of an unchanged object changes nothing: values Zoom re-issues on every read stay as recorded.
      for (const key of definition.volatile ?? []) if (props[key] !== undefined) outputs[key] = props[key];
      const inputs: Props = declared.length > 0 ? rewriteDeclared(declared, outputs, outputs[DECLARED_FORMS_KEY]) : importAll(outputs);
      inputs[NAME_KEY] = props[NAME_KEY];
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
        if (!live) throw new Error(`${ctx.label}: ${shownId(id)} no longer exists in Zoom; run pulumi refresh, then pulumi up`);
        try {
          return { outs: outputsFor(live, kept, news[NAME_KEY], declared, inputs) };
        } catch (error) {
          throw labelled(error, ctx.label);
        }
      }
      if (changedLive.length === 0) {
        // Only provider-side settings changed (e.g. notifyOnDelete): nothing to send to Zoom.
        const forms = formsOf(inputs, declared, olds);
        const outputs: Props = { ...olds, ...kept, [NAME_KEY]: news[NAME_KEY], [DECLARED_KEY]: declared, [DECLARED_FORMS_KEY]: forms };
        // As outputsFor records them: no key when there is no form, or a refresh would report a change.
        if (Object.keys(forms).length === 0) delete outputs[DECLARED_FORMS_KEY];
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
      return { outs };
    },

    async delete(id: string, props: Props) {
      const ref = parseId(definition.idParts, id, kind, definition.accountIdRequired);
      const inputs = withScope(userProperties(props), ref);
      const ctx = context(labelFor("deleting", props));
      const spec = definition.delete;
      if ("unsupported" in spec) {
        ctx.warn(spec.unsupported(ref, inputs));
        ledger.release(formatId(definition.idParts, ref));
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
        ledger.release(formatId(definition.idParts, ref));
      } catch (error) {
        if (isGone(error, definition.goneCodes, definition.goneErrors)) {
          ledger.release(formatId(definition.idParts, ref));
          return;
        }
        throw explain(error, "delete", definition.errors, inputs, ctx.label);
      } finally {
        invalidateLists(ctx, ref);
      }
    },
  };

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

  /** Inputs of an object adopted with `.get()`: every property the resource can declare, as Zoom has it. */
  function importAll(outputs: Props): Props {
    const inputs: Props = {};
    for (const key of Object.keys(properties)) if (outputs[key] !== undefined) inputs[key] = outputs[key];
    return inputs;
  }
}

/** Zoom's snake_case answer in camelCase: the default normalization step resources build on. */
export function camelCaseOf(live: ZoomObject): Record<string, unknown> {
  return fromZoom(live) as Record<string, unknown>;
}
