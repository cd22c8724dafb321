/**
 * Property values as the Pulumi engine moves them around, and their conversions.
 *
 * Three encodings meet in the harness:
 *  - RPC form (what the language SDK sends and receives): secrets are `{[sig]: secretSig, value: v}`, unknowns during
 *    preview are the string `UNKNOWN`.
 *  - plain form (what the dynamic-provider host sees): the host answers Configure with `acceptSecrets=false`, so the
 *    engine strips every secret envelope before calling it.
 *  - state form (`pulumi stack export`, deployment v3): secrets are `{[sig]: secretSig, plaintext: JSON}` or
 *    `{[sig]: secretSig, ciphertext: "..."}`.
 */
import { Struct, type JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";

/** The value the engine substitutes for outputs it cannot know yet during a preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Property name that marks an object as a special Pulumi value. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Signature value of a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The input that carries a dynamic resource's serialized provider. */
export const PROVIDER_KEY = "__provider";

export type PropertyMap = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for a secret envelope in any of the three encodings. */
export function isSecret(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && value[SIG_KEY] === SECRET_SIG;
}

/** Wraps a plain value as an RPC secret. */
export function rpcSecret(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** Wraps a plain value as a state secret with plaintext (Pulumi stores the JSON text of the value). */
export function stateSecret(value: unknown): Record<string, unknown> {
  return { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(value) };
}

/**
 * Removes every secret envelope (RPC or plaintext state form), giving the plain value the host expects.
 * A ciphertext envelope cannot be revealed here: callers decrypt exported state before loading it.
 */
export function reveal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reveal);
  if (!isRecord(value)) return value;
  if (isSecret(value)) {
    if ("value" in value) return reveal(value.value);
    if (typeof value.plaintext === "string") return reveal(JSON.parse(value.plaintext) as unknown);
    throw new Error("cannot reveal an encrypted secret; load state with its secrets key");
  }
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(value)) out[k] = reveal(v);
  return out;
}

export function revealMap(map: PropertyMap): PropertyMap {
  return reveal(map) as PropertyMap;
}

/** True when the value holds a secret anywhere inside it. */
export function containsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (isRecord(value)) return Object.values(value).some(containsSecret);
  return false;
}

/** True when the value holds the preview unknown anywhere inside it. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isRecord(value)) return Object.values(value).some(containsUnknown);
  return false;
}

/**
 * Copies the secretness of inputs onto plain outputs, as the engine does for providers that do not accept secrets
 * (sdk/go/common/resource/plugin: annotateSecrets): where the same key exists on both sides and both are objects it
 * recurses; otherwise an input value containing a secret makes the whole output value secret.
 */
export function annotateSecrets(outputs: PropertyMap, inputs: PropertyMap): PropertyMap {
  const result: PropertyMap = {};
  for (const [key, out] of Object.entries(outputs)) {
    const input = inputs[key];
    if (input === undefined || isSecret(out)) {
      result[key] = out;
    } else if (isRecord(out) && isRecord(input) && !isSecret(input)) {
      result[key] = annotateSecrets(out, input);
    } else {
      result[key] = containsSecret(input) ? rpcSecret(reveal(out)) : out;
    }
  }
  return result;
}

/** Marks the listed top-level outputs secret (the `additionalSecretOutputs` resource option). */
export function markSecretKeys(outputs: PropertyMap, keys: readonly string[]): PropertyMap {
  const result: PropertyMap = { ...outputs };
  for (const key of keys) {
    if (key in result && !isSecret(result[key])) result[key] = rpcSecret(reveal(result[key]));
  }
  return result;
}

/** RPC form → state form (secrets as `plaintext` JSON). */
export function rpcToState(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rpcToState);
  if (!isRecord(value)) return value;
  if (isSecret(value)) return "value" in value ? stateSecret(reveal(value.value)) : value;
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(value)) out[k] = rpcToState(v);
  return out;
}

/** State form (plaintext secrets) → RPC form. */
export function stateToRpc(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stateToRpc);
  if (!isRecord(value)) return value;
  if (isSecret(value)) return rpcSecret(reveal(value));
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(value)) out[k] = stateToRpc(v);
  return out;
}

/** Rewrites every secret envelope of a state value with `transform` (used to encrypt or decrypt exports). */
export function mapSecrets(value: unknown, transform: (secret: Record<string, unknown>) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapSecrets(v, transform));
  if (!isRecord(value)) return value;
  if (isSecret(value)) return transform(value);
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(value)) out[k] = mapSecrets(v, transform);
  return out;
}

/**
 * Makes a value JSON-shaped the way protobuf Struct needs it: `undefined` members are dropped (as JSON.stringify
 * does), everything else must already be JSON data. Throws on values Struct cannot carry, naming the path.
 */
export function toJsonValue(value: unknown, path = "$"): JavaScriptValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} cannot be sent in a protobuf Struct`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => (v === undefined ? null : toJsonValue(v, `${path}[${i}]`)));
  if (isRecord(value)) {
    const out: Record<string, JavaScriptValue> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toJsonValue(v, `${path}.${k}`);
    }
    return out;
  }
  throw new TypeError(`${path}: a ${typeof value} cannot be sent in a protobuf Struct`);
}

export function toStruct(map: PropertyMap): Struct {
  return Struct.fromJavaScript(toJsonValue(map) as Record<string, JavaScriptValue>);
}

export function fromStruct(struct: Struct | undefined): PropertyMap {
  return struct ? (struct.toJavaScript() as PropertyMap) : {};
}

/** Structural equality for JSON-shaped values; object key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Top-level keys whose values differ between two maps (secretness is ignored; values are compared revealed). */
export function changedKeys(before: PropertyMap, after: PropertyMap): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !jsonEqual(reveal(before[k]), reveal(after[k]))).sort();
}
