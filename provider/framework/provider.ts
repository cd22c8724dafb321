/**
 * Builds a Pulumi dynamic resource provider from a resource definition: the one implementation of check,
 * diff, create, read, update and delete that all seven resources share.
 *
 * The methods here say what each step does; the parts live beside them:
 * - state.ts writes and reads state: outputs are the normalized live object, the inputs Zoom does not return
 *   and computed outputs, plus the framework keys of stateKeys.ts: `__logicalName` (the logical name, for
 *   messages), `__declared` (the dotted paths the user declared, so a refresh rewrites exactly those inputs),
 *   `__declaredForms` (the user's form of values Zoom says differently), `__incomplete` (an object Zoom has
 *   whose live outputs state lacks) and `__adopted` (an object adopted with `adoptId` or `.get()`);
 * - zoomCalls.ts sends the requests; createRecovery.ts makes creates whose outcome is unknown safe to retry,
 *   and keeps the ledger of which resource holds which object; adoption.ts adopts existing objects.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ConfigSource } from "../client/config";
import { labelled } from "./answers";
import { adoptExisting, checkAdoptId, missingObjectError } from "./adoption";
import { CreateRecovery } from "./createRecovery";
import { volatileOutputs, type ResourceDefinition } from "./definition";
import { declaredDifferences, replacementsAmong } from "./diff";
import { formatId, parseId, refOf, shownId, withScope } from "./ids";
import { configure } from "./runtime";
import {
  declaredOf,
  incompleteStateError,
  labelOf,
  nameOf,
  recordAdoption,
  StateCodec,
  userProperties,
  type IncompleteState,
  type Props,
  type UserProps,
} from "./state";
import { ADOPT_KEY, ADOPTED_KEY, DECLARED_KEY, INCOMPLETE_KEY, NAME_KEY } from "./stateKeys";
import { containsUnknown } from "./unknown";
import { validate } from "./validate";
import { deletedOutsidePulumi, operationContext, ZoomCalls } from "./zoomCalls";

/** A diff with the declared paths that differ: the dynamic host ignores them, the plugin reports them. */
export interface ZoomDiffResult extends pulumi.dynamic.DiffResult {
  readonly changedPaths: readonly string[];
}

export interface ZoomDynamicProvider extends pulumi.dynamic.ResourceProvider {
  configure(req: { config: ConfigSource }): Promise<void>;
  diff(id: string, olds: Props, news: Props): Promise<ZoomDiffResult>;
}

export function buildProvider(definition: ResourceDefinition): ZoomDynamicProvider {
  const kind = definition.kind;
  const state = new StateCodec(definition);
  const { live: liveKeys, createOnly: createOnlyKeys } = state.classes;
  const zoom = new ZoomCalls(definition, state.classes);
  const recovery = new CreateRecovery(definition, zoom);
  const { ledger } = recovery;
  const contextFor = (verb: string, props: Props) => operationContext(labelOf(verb, kind, props));
  const parse = (id: string) => parseId(definition.idParts, id, kind, definition.accountIdRequired);

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
      const inputs = result.value as UserProps;
      const stored = userProperties(olds ?? {});
      const previous = Object.keys(stored).length > 0 ? stored : undefined;
      const failures = containsUnknown(inputs) ? [] : [...(definition.hooks?.check?.(inputs, previous) ?? [])];
      if (failures.length === 0 && !containsUnknown(inputs)) {
        for (const warning of definition.hooks?.warnings?.(inputs, previous) ?? []) {
          console.error(`warning: ${labelOf("checking", kind, news)}: ${warning}`);
        }
      }
      const adopting = adoptId !== undefined && adoptId !== null ? { [ADOPT_KEY]: adoptId } : {};
      return { inputs: { ...inputs, [NAME_KEY]: news[NAME_KEY], ...adopting }, failures };
    },

    async diff(id: string, olds: Props, news: Props) {
      // This resource holds the object: an adoptId of another resource naming it is refused (adoption.ts).
      ledger.claim(recovery.keyOfId(id), nameOf(olds));
      const declared = userProperties(news);
      const resets = state.resetsFor(olds, declared);
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
        changes: differences.length > 0 || olds[INCOMPLETE_KEY] === true || adoptIdChanged || state.declaredSetChanged(olds, declared),
        replaces,
        deleteBeforeReplace: replaces.length > 0 && definition.deleteBeforeReplace === true,
        changedPaths: [...differences.map((d) => d.path), ...(adoptIdChanged ? [ADOPT_KEY] : [])],
      };
    },

    async create(news: Props) {
      if (typeof news[ADOPT_KEY] === "string") {
        const adopted = await adoptExisting({ definition, state, zoom, recovery, update: provider.update! }, news[ADOPT_KEY], news);
        if (adopted) return adopted;
      }
      const inputs = userProperties(news);
      const ctx = contextFor("creating", news);
      const { zoomId, answer } = await recovery.create(ctx, inputs, nameOf(news));
      const ref = refOf(inputs, zoomId);
      const id = formatId(definition.idParts, ref);
      zoom.invalidateLists(ctx, ref);
      const declared = declaredOf(inputs);
      // The object exists: whatever fails from here keeps it in state with its id, to be read again by the next up.
      const incomplete: IncompleteState = { id, properties: inputs, name: news[NAME_KEY], declared };
      let live = answer;
      if (!live) {
        try {
          live = await zoom.read(ctx, ref, inputs);
        } catch (error) {
          throw incompleteStateError(`${ctx.label}: created ${id}, but reading it back failed: ${String(error)}`, incomplete);
        }
        if (!live) throw incompleteStateError(`${ctx.label}: created ${id}, but Zoom does not list it yet`, incomplete);
      }
      try {
        return { id, outs: state.outputsFor(live, state.keptInputs(inputs), news[NAME_KEY], declared, inputs) };
      } catch (error) {
        throw incompleteStateError(`${ctx.label}: created ${id}, but ${String(error)}`, incomplete);
      }
    },

    async read(id: string, props: Props) {
      const ref = parse(id);
      // Refresh passes our outputs (with the declared paths); import with the program passes its inputs;
      // import by id alone passes nothing.
      const passed = userProperties(props);
      const given = withScope(passed, ref);
      const ctx = contextFor("reading", props);
      const live = await zoom.read(ctx, ref, given);
      // A refresh passes the state's outputs, which always hold `__declared` (every create, update, adoption and
      // partial failure writes it); a `.get()` passes the program's properties, which never do (the engine's
      // ReadStep sends them as inputs, RefreshStep sends the state). A gone object is news for a refresh (it
      // leaves the stack) and an error for a `.get()` (the engine would record a resource with no outputs).
      const refreshing = Array.isArray(props[DECLARED_KEY]);
      if (!live) {
        if (!refreshing) throw missingObjectError(ctx.label, definition, ref, "get");
        ledger.release(recovery.keyOf(ref));
        return { id: "", props: {} };
      }
      // A refreshed resource holds its object; a `.get()` only looks at it.
      if (refreshing) ledger.claim(recovery.keyOf(ref), nameOf(props));

      const kept = { ...state.storedDefaults(), ...state.keptInputs(given) };
      // What the caller declared, not the scope recovered from the id: an import by id alone declares nothing,
      // so every property Zoom has becomes an input (importAll), not only `userId`.
      const declared = state.declaredAtRead(props, passed);
      const adopted = props[ADOPTED_KEY] === true || (!refreshing && declared.length === 0);
      let outputs: Props;
      try {
        outputs = state.outputsFor(live, kept, props[NAME_KEY], declared, state.formsAtRead(props, passed));
      } catch (error) {
        throw labelled(error, ctx.label);
      }
      recordAdoption(outputs, adopted, props[ADOPT_KEY]);
      // A refresh of an unchanged object changes nothing: values Zoom re-issues on every read stay as recorded.
      for (const key of volatileOutputs(definition)) if (props[key] !== undefined) outputs[key] = props[key];
      return { id, props: outputs, inputs: state.refreshedInputs(declared, outputs, props, refreshing) };
    },

    async update(id: string, olds: Props, news: Props) {
      const ref = parse(id);
      const inputs = userProperties(news);
      const ctx = contextFor("updating", news);
      // Removed properties that reset are sent, but not recorded as declared: from now on Zoom's value is its own.
      const sent = { ...inputs, ...state.resetsFor(olds, inputs) };
      const differences = declaredDifferences(definition, sent, userProperties(olds));
      const changedLive = differences.map((d) => d.path).filter((path) => liveKeys.includes(path.split(".")[0]!));
      const declared = declaredOf(inputs);
      const kept = state.keptInputs(inputs);
      if (changedLive.length === 0 && olds[INCOMPLETE_KEY] === true) {
        // An earlier create or update made the object but could not read it back: read it now.
        const live = await zoom.read(ctx, ref, inputs);
        if (!live) throw deletedOutsidePulumi(ctx.label, id);
        try {
          const outs = state.outputsFor(live, kept, news[NAME_KEY], declared, inputs);
          recordAdoption(outs, olds[ADOPTED_KEY] === true, news[ADOPT_KEY]);
          return { outs };
        } catch (error) {
          throw labelled(error, ctx.label);
        }
      }
      // Only provider-side settings changed (e.g. notifyOnDelete): nothing to send to Zoom.
      if (changedLive.length === 0) return { outs: state.stateOnlyUpdate(olds, news, inputs, declared) };
      await zoom.update(ctx, ref, id, sent, changedLive, inputs);
      let outs: Props | undefined;
      try {
        const live = await zoom.read(ctx, ref, inputs);
        if (live) outs = state.outputsFor(live, kept, news[NAME_KEY], declared, inputs);
      } catch (error) {
        throw incompleteStateError(`${ctx.label}: updated ${id}, but reading it back failed: ${String(error)}`, {
          id,
          properties: { ...olds, ...inputs },
          name: news[NAME_KEY],
          declared,
        });
      }
      if (!outs) throw new Error(`${ctx.label}: ${shownId(id)} disappeared from Zoom right after the update`);
      // Adopted stays adopted: its create-only values were still never sent to Zoom (see diff).
      recordAdoption(outs, olds[ADOPTED_KEY] === true, news[ADOPT_KEY]);
      return { outs };
    },

    async delete(id: string, props: Props) {
      const ref = parse(id);
      const inputs = withScope(userProperties(props), ref);
      const ctx = contextFor("deleting", props);
      const spec = definition.delete;
      const key = recovery.keyOf(ref);
      const holder = ledger.adoptedBy(key);
      if (holder !== undefined && holder !== nameOf(props)) {
        // Another resource adopted the object in this deployment (a rename with adoptId): deleting it would
        // take it from under that resource. Only this resource's state goes.
        ctx.warn(`${shownId(id)} is now managed by zoom:${kind} "${holder}" (adopted in this deployment), so it is kept in Zoom; only this resource leaves the stack`);
        return;
      }
      if ("unsupported" in spec) {
        ctx.warn(spec.unsupported(ref, inputs));
        ledger.release(key);
        return;
      }
      const outcome = await zoom.delete(ctx, spec, ref, inputs);
      // Deleted by this resource: its replacement's create must not adopt the old object (adoption.ts).
      ledger.release(key, outcome === "deleted" ? nameOf(props) : undefined);
    },
  };
  return provider;
}
