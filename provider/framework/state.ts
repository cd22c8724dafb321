/**
 * A resource's state, written and read back: what the provider returns as outputs (and, after a refresh, as
 * inputs) and what it makes of the properties the engine passes in.
 *
 * Outputs are the normalized live object in the resource's camelCase shape, plus the inputs Zoom does not
 * return (create-only, provider and scope properties), plus computed outputs, plus the framework keys of
 * stateKeys.ts. Inputs after a refresh are the declared paths (`__declared`) rewritten from the live object,
 * in the user's own form where Zoom's answer means the same (`__declaredForms`).
 */
import equal from "fast-deep-equal";
import { isPlainObject } from "./case";
import type { PropertySpec, ResourceDefinition, ZoomObject } from "./definition";
import { declaredSatisfied } from "./diff";
import { MalformedAnswerError } from "./answers";
import { ResourceInitError } from "./errors";
import { formatPath, getPath, isDeclarablePath, isPrototypeKey, leafPaths, parsePath, pickPaths, setPath, withoutUndefined } from "./paths";
import { classify, type PropertyClasses } from "./propertyClasses";
import { ADOPT_KEY, ADOPTED_KEY, DECLARED_FORMS_KEY, DECLARED_KEY, INCOMPLETE_KEY, isFrameworkKey, NAME_KEY } from "./stateKeys";
import { dropUnset } from "./validate";

/** Properties as the engine passes them and the provider returns them: the user's, plus framework keys. */
export type Props = Record<string, unknown>;
/** The user's properties alone: no framework keys, no unset values. */
export type UserProps = Record<string, unknown>;

export function userProperties(props: Props): UserProps {
  const out: UserProps = {};
  for (const [key, value] of Object.entries(props)) if (!isFrameworkKey(key) && !isPrototypeKey(key)) out[key] = value;
  return dropUnset(out);
}

/** The logical name recorded in the properties, for messages. */
export function nameOf(props: Props): string {
  return typeof props[NAME_KEY] === "string" ? props[NAME_KEY] : "(unnamed)";
}

/** What an operation's messages start with: `creating zoom:Meeting "standup"`. */
export function labelOf(verb: string, kind: string, props: Props): string {
  return `${verb} zoom:${kind} "${nameOf(props)}"`;
}

/** The dotted paths of every value the user declared, sorted: what `__declared` records. */
export function declaredOf(inputs: UserProps): string[] {
  return leafPaths(inputs).map(formatPath).sort();
}

/** What a create or update that made or changed an object records when it cannot record the live object. */
export interface IncompleteState {
  readonly id: string;
  /** The properties to keep (the inputs; for an update, the old state under them). */
  readonly properties: Props;
  readonly name: unknown;
  readonly declared: readonly string[];
}

/**
 * The object exists in Zoom but state cannot have its live outputs: the host records `state` marked `__incomplete`,
 * so the object is never orphaned and the next diff plans an update that reads it back.
 */
export function incompleteStateError(message: string, state: IncompleteState): ResourceInitError {
  return new ResourceInitError(message, state.id, {
    ...state.properties,
    [NAME_KEY]: state.name,
    [DECLARED_KEY]: state.declared,
    [INCOMPLETE_KEY]: true,
  });
}

/** Adopted stays adopted (its create-only values were never sent to Zoom); the `adoptId` given is recorded. */
export function recordAdoption(outputs: Props, adopted: boolean, adoptId: unknown): void {
  if (adopted) outputs[ADOPTED_KEY] = true;
  if (typeof adoptId === "string") outputs[ADOPT_KEY] = adoptId;
}

/** Encodes and decodes the state of one resource kind. */
export class StateCodec {
  readonly classes: PropertyClasses;

  constructor(private readonly definition: ResourceDefinition) {
    this.classes = classify(definition);
  }

  /** The inputs state keeps because Zoom does not return them. */
  keptInputs(inputs: UserProps): UserProps {
    const out: UserProps = {};
    for (const key of this.classes.kept) if (inputs[key] !== undefined) out[key] = inputs[key];
    return out;
  }

  /** Defaults of kept properties, for `.get()` of an object whose state we never had. */
  storedDefaults(): UserProps {
    const shape = this.definition.schema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
    const out: UserProps = {};
    for (const key of this.classes.kept) {
      const parsed = shape[key]?.safeParse(undefined);
      if (parsed?.success && parsed.data !== undefined) out[key] = parsed.data;
    }
    return out;
  }

  /**
   * Outputs: normalized live object + kept inputs + framework keys. `formsFrom`: the declaration whose forms are
   * recorded (or how to make it from the outputs).
   */
  outputsFor(live: ZoomObject, kept: UserProps, name: unknown, declared: readonly string[], formsFrom?: UserProps | ((outputs: Props) => UserProps)): Props {
    const { definition } = this;
    let normalized: Record<string, unknown>;
    try {
      normalized = definition.normalize(live, kept);
    } catch (error) {
      // A resource's normalization met a shape it does not expect (a list of nulls): Zoom's answer is malformed.
      throw new MalformedAnswerError(`Zoom's answer is not a ${definition.kind} pulumi-zoom can read (${error instanceof Error ? error.message : String(error)})`);
    }
    // Only what the definition declares is kept: a field Zoom adds one day (as it added `dynamic_host_key`)
    // could be a secret, and state would hold it in plaintext. Nested fields of declared properties stay.
    const outputs: Props = {};
    for (const [key, value] of Object.entries(normalized)) if (Object.hasOwn(definition.properties, key) || Object.hasOwn(definition.outputs, key)) outputs[key] = value;
    for (const key of this.classes.kept) {
      if (kept[key] !== undefined) outputs[key] = kept[key];
      else delete outputs[key];
    }
    outputs[NAME_KEY] = name;
    outputs[DECLARED_KEY] = [...declared];
    const from = typeof formsFrom === "function" ? formsFrom(outputs) : formsFrom;
    const forms = from ? this.formsOf(from, declared, outputs) : {};
    if (Object.keys(forms).length > 0) outputs[DECLARED_FORMS_KEY] = forms;
    return withoutUndefined(outputs);
  }

  /**
   * The outputs of an update that sends Zoom nothing (only provider-side settings or the declared set changed):
   * the old state with the new kept inputs and framework keys, as `outputsFor` records them.
   */
  stateOnlyUpdate(olds: Props, news: Props, inputs: UserProps, declared: readonly string[]): Props {
    const forms = this.formsOf(inputs, declared, olds);
    const outputs: Props = { ...olds, ...this.keptInputs(inputs), [NAME_KEY]: news[NAME_KEY], [DECLARED_KEY]: declared, [ADOPT_KEY]: news[ADOPT_KEY] };
    // No key when there is no form, or a refresh would report a change.
    if (Object.keys(forms).length > 0) outputs[DECLARED_FORMS_KEY] = forms;
    else delete outputs[DECLARED_FORMS_KEY];
    return withoutUndefined(outputs);
  }

  /**
   * Values to send for live properties the last applied declaration had and this one removed, where the
   * definition says a removal resets the property (`onRemove`): the property's reset value, when Zoom's value
   * (in `olds`) differs from it. Properties without `onRemove` are left as Zoom has them. Objects adopted by id
   * never reset: their recorded declaration is everything Zoom had, not what a program declared.
   */
  resetsFor(olds: Props, inputs: UserProps): UserProps {
    const recorded = olds[DECLARED_KEY];
    if (!Array.isArray(recorded) || olds[ADOPTED_KEY] === true) return {};
    const before = new Set((recorded as string[]).map((path) => path.split(".")[0]!));
    const resets: UserProps = {};
    for (const key of this.classes.live) {
      const reset = (this.definition.properties as Record<string, PropertySpec>)[key]!.onRemove;
      if (!reset || !before.has(key) || inputs[key] !== undefined) continue;
      if (!declaredSatisfied(this.definition, key, reset.reset, { [key]: reset.reset }, olds)) resets[key] = reset.reset;
    }
    return resets;
  }

  /** The declared paths differ from those recorded at the last create or update (never for adopted objects). */
  declaredSetChanged(olds: Props, inputs: UserProps): boolean {
    const recorded = olds[DECLARED_KEY];
    if (!Array.isArray(recorded) || olds[ADOPTED_KEY] === true) return false;
    const now = declaredOf(inputs);
    return now.length !== recorded.length || now.some((path, i) => path !== [...(recorded as string[])].sort()[i]);
  }

  /**
   * The paths a read treats as declared: those recorded in state, or (import with the program) the program's own.
   * Recorded paths come from state, which a hand-edited export can make say anything: only paths into the kind's
   * own properties are followed (never into a prototype, never an output such as `joinUrl`).
   */
  declaredAtRead(props: Props, passed: UserProps): string[] {
    const recorded = props[DECLARED_KEY];
    return Array.isArray(recorded)
      ? recorded.filter((p): p is string => typeof p === "string" && isDeclarablePath(parsePath(p), this.classes.roots))
      : declaredOf(pickPaths(passed, this.classes.all.map((k) => [k])));
  }

  /**
   * The declaration whose forms a read records: a refresh keeps the forms recorded at the last create or update
   * (only those into the kind's own properties: state may say anything); an import with the program, its own.
   */
  formsAtRead(props: Props, passed: UserProps): UserProps | ((outputs: Props) => UserProps) {
    const recorded = props[DECLARED_FORMS_KEY];
    if (!isPlainObject(recorded)) return passed;
    const own: Props = {};
    for (const [dotted, form] of Object.entries(recorded)) if (isDeclarablePath(parsePath(dotted), this.classes.roots)) own[dotted] = form;
    // The outputs with the recorded forms laid over them: the declaration as last applied.
    return (outputs) => {
      const out = structuredClone(userProperties(outputs));
      for (const [dotted, form] of Object.entries(own)) setPath(out, parsePath(dotted), form);
      return out;
    };
  }

  /**
   * The inputs a read returns: each declared path now holds the live value (drift recorded against the program),
   * in the user's form where that form means what Zoom has (a local time for a UTC one). Only declared paths are
   * rewritten: an object adopted by `.get()` declares nothing, so its inputs stay empty (the program's), and a
   * secret Zoom returns (a passcode, a PIN) never becomes a plaintext input.
   */
  refreshedInputs(declared: readonly string[], outputs: Props, props: Props, refreshing: boolean): Props {
    const inputs: Props = {};
    for (const dotted of declared) {
      const path = parsePath(dotted);
      const value = getPath(outputs, path);
      if (value !== undefined) setPath(inputs, path, value);
    }
    const forms = outputs[DECLARED_FORMS_KEY];
    for (const [dotted, form] of Object.entries(isPlainObject(forms) ? forms : {})) {
      if (getPath(outputs, parsePath(dotted)) !== undefined || Array.isArray(form)) {
        if (declaredSatisfied(this.definition, dotted, form, outputs, outputs)) setPath(inputs, parsePath(dotted), form);
      }
    }
    // A secret input is returned only where the old inputs had it: the dynamic host cannot mark a value secret,
    // and the engine keeps a refreshed input secret only when the same input was secret before.
    for (const key of this.classes.secret) if (!declared.some((path) => path === key || path.startsWith(`${key}.`))) delete inputs[key];
    inputs[NAME_KEY] = props[NAME_KEY];
    if (refreshing && typeof props[ADOPT_KEY] === "string") inputs[ADOPT_KEY] = props[ADOPT_KEY];
    return withoutUndefined(inputs);
  }

  /**
   * The declared values Zoom's answer satisfies without saying them word for word (a local time for a UTC one,
   * an invitee without Zoom's `internal_user`, `settings: {}`), so a refresh keeps the user's form (see
   * DECLARED_FORMS_KEY). Never secrets: they compare exactly.
   */
  private formsOf(inputs: UserProps, declared: readonly string[], outputs: Props): Props {
    const forms: Props = {};
    for (const path of declared) {
      if (this.classes.secret.includes(path.split(".")[0]!)) continue;
      const value = getPath(inputs, parsePath(path));
      if (value === undefined || equal(value, getPath(outputs, parsePath(path)))) continue;
      if (declaredSatisfied(this.definition, path, value, inputs, outputs)) forms[path] = value;
    }
    return forms;
  }
}
