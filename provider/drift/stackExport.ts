/**
 * Reads the Zoom resources out of a stack's state as `pulumi stack export` prints it (deployment format,
 * version 3; version 4 has the same resource layout).
 *
 *   {"version": 3, "deployment": {"manifest": {...}, "secrets_providers": {...}, "resources": [
 *     {"urn": "urn:pulumi:dev::org::pulumi-nodejs:dynamic/zoom:Meeting::standup", "custom": true,
 *      "id": "85746065432", "type": "pulumi-nodejs:dynamic/zoom:Meeting", "inputs": {...}, "outputs": {...}}, ...]}}
 *
 * Secrets are objects marked with Pulumi's signature key: `plaintext` holds the value's JSON text (an export
 * with `--show-secrets`), `ciphertext` the value encrypted by the stack's secrets provider, which this tool
 * cannot decrypt. Encrypted values are reported as unreadable paths, never guessed and never an error.
 */
import { isPlainObject, isPrototypeKey } from "../framework/case";

/** Pulumi's marker of special values, and the marker value of a secret. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

const ZOOM_TYPE = /^pulumi-nodejs:dynamic\/zoom:([A-Za-z0-9]+)$/;
const SUPPORTED_VERSIONS = new Set([3, 4]);

/** Property values of one side (inputs or outputs), with secrets opened where possible. */
export interface DecodedProperties {
  readonly values: Record<string, unknown>;
  /** Dotted paths whose value was a secret (readable or not). */
  readonly secretPaths: readonly string[];
  /** Dotted paths whose value is encrypted: absent from `values`. */
  readonly unreadablePaths: readonly string[];
}

export interface StackZoomResource {
  readonly urn: string;
  /** `Meeting`, from the type `pulumi-nodejs:dynamic/zoom:Meeting`. */
  readonly kind: string;
  /** The logical name (the URN's last part). */
  readonly name: string;
  readonly id: string;
  readonly inputs: DecodedProperties;
  readonly outputs: DecodedProperties;
  /** Read with `.get()`: Pulumi tracks it but the program does not manage it. */
  readonly external: boolean;
  /** The old half of a replacement, still waiting to be deleted: not managed, but not unmanaged either. */
  readonly pendingDelete: boolean;
}

export interface StackSummary {
  /** From the URNs: `urn:pulumi:<stack>::<project>::...`. */
  readonly stack?: string;
  readonly project?: string;
  readonly resources: readonly StackZoomResource[];
}

export class StackExportError extends Error {
  override readonly name = "StackExportError";
}

function isSecret(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && value[SIG_KEY] === SECRET_SIG;
}

/**
 * How deep a property value (secrets opened) may nest. Zoom's objects nest a few levels; an export nesting
 * deeper was crafted, and walking it would exhaust the stack.
 */
export const MAX_VALUE_DEPTH = 64;

/** A value the walk could not read (an encrypted secret, or an array holding one). */
const UNREADABLE: unique symbol = Symbol("unreadable");

/**
 * Opens secrets (recursively: a secret's JSON text may hold more secrets) and records where they were. A value
 * with nothing to open is returned as it is, not copied, and its path is spelled only when something is
 * recorded at it: a 5,000-resource export is mostly such values, and copying them and spelling every path
 * took a third of parsing and decoding it (32 MB: 370 ms, now 255; bench, drift's start-up).
 */
class SecretWalk {
  readonly secretPaths: string[] = [];
  readonly unreadablePaths: string[] = [];
  /** The path to the value being walked: keys and array indexes from the root. */
  private readonly at: (string | number)[] = [];

  walk(value: unknown, depth = 0): unknown {
    if (depth > MAX_VALUE_DEPTH) {
      throw new StackExportError(`the value at ${this.path() || "(root)"} is nested deeper than ${MAX_VALUE_DEPTH} levels: not a state pulumi-zoom wrote`);
    }
    if (isSecret(value)) {
      this.secretPaths.push(this.path());
      if (typeof value.plaintext === "string") {
        let inner: unknown;
        try {
          inner = JSON.parse(value.plaintext);
        } catch {
          throw new StackExportError(`the secret at ${this.path() || "(root)"} has plaintext that is not JSON text`);
        }
        return this.walk(inner, depth + 1);
      }
      this.unreadablePaths.push(this.path());
      return UNREADABLE;
    }
    if (Array.isArray(value)) {
      let items: unknown[] | undefined;
      let readable = true;
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        this.at.push(index);
        const decoded = this.walk(item, depth + 1);
        this.at.pop();
        if (decoded === UNREADABLE) readable = false;
        else if (decoded !== item) (items ??= value.slice())[index] = decoded;
      }
      // An array with an unreadable item cannot be compared as a whole: it is unreadable too.
      if (!readable) {
        this.unreadablePaths.push(this.path());
        return UNREADABLE;
      }
      return items ?? value;
    }
    if (isPlainObject(value)) {
      let out: Record<string, unknown> | undefined;
      const keys = Object.keys(value);
      for (let index = 0; index < keys.length; index++) {
        const key = keys[index]!;
        // JSON.parse keeps `__proto__` as an own key; copied by assignment it would set the copy's prototype.
        // No Zoom property is named so: such keys are dropped, never followed.
        if (isPrototypeKey(key)) {
          out ??= copyOfKeys(value, keys, index);
          continue;
        }
        const inner = value[key];
        this.at.push(key);
        const decoded = this.walk(inner, depth + 1);
        this.at.pop();
        if (decoded !== inner) out ??= copyOfKeys(value, keys, index);
        if (out && decoded !== UNREADABLE) out[key] = decoded;
      }
      return out ?? value;
    }
    return value;
  }

  /** `settings.approvedOrDeniedCountriesOrRegions.approvedList[0]`; "" at the root. */
  private path(): string {
    let text = "";
    for (const part of this.at) text = typeof part === "number" ? `${text}[${part}]` : text === "" ? part : `${text}.${part}`;
    return text;
  }
}

/**
 * A fresh object holding `value`'s first `count` keys (of `keys`). None of them is a prototype key: the walk
 * copies at the first one, so one never lies before the point of copying.
 */
function copyOfKeys(value: Record<string, unknown>, keys: readonly string[], count: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) out[keys[index]!] = value[keys[index]!];
  return out;
}

export function decodeProperties(value: unknown, where: string): DecodedProperties {
  if (value === undefined || value === null) return { values: {}, secretPaths: [], unreadablePaths: [] };
  if (!isPlainObject(value)) throw new StackExportError(`${where} is not an object`);
  const walk = new SecretWalk();
  const decoded = walk.walk(value);
  const values = decoded !== UNREADABLE && isPlainObject(decoded) ? decoded : {};
  // An array's unreadable item was reported with its index; the array itself is what is missing.
  return {
    values,
    secretPaths: [...new Set(walk.secretPaths)],
    unreadablePaths: [...new Set(walk.unreadablePaths.filter((p) => !p.endsWith("]")))],
  };
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>`; the name may itself contain `::`. */
function urnParts(urn: string): { stack?: string; project?: string; name: string } {
  const parts = urn.split("::");
  if (parts.length < 4 || !parts[0]!.startsWith("urn:pulumi:")) return { name: urn };
  return { stack: parts[0]!.slice("urn:pulumi:".length), project: parts[1], name: parts.slice(3).join("::") };
}

/** The deployment object of an export, or of a backend checkpoint file (`{version, checkpoint: {latest}}`). */
function deploymentOf(document: unknown): Record<string, unknown> {
  if (!isPlainObject(document)) throw new StackExportError("the stack state is not a JSON object");
  const version = document.version;
  if (version === undefined) {
    throw new StackExportError("this is not a Pulumi stack export (it has no version): give the output of `pulumi stack export`");
  }
  if (typeof version !== "number" || !SUPPORTED_VERSIONS.has(version)) {
    throw new StackExportError(
      `unsupported stack state version ${JSON.stringify(version)}: expected the output of \`pulumi stack export\` (deployment version 3)`,
    );
  }
  const deployment = isPlainObject(document.deployment)
    ? document.deployment
    : isPlainObject(document.checkpoint) && isPlainObject(document.checkpoint.latest)
      ? document.checkpoint.latest
      : isPlainObject(document.checkpoint)
        ? {}
        : undefined;
  if (!deployment) throw new StackExportError("the stack state has no `deployment`: expected the output of `pulumi stack export`");
  return deployment;
}

/** Parses an export's text and keeps the Zoom resources. */
export function readStackExport(text: string): StackSummary {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StackExportError(`the stack state is not JSON (${reason}): expected the output of \`pulumi stack export\``);
  }
  const deployment = deploymentOf(document);
  const listed = deployment.resources ?? [];
  if (!Array.isArray(listed)) throw new StackExportError("deployment.resources is not a list");
  const resources: StackZoomResource[] = [];
  let stack: string | undefined;
  let project: string | undefined;
  listed.forEach((entry: unknown, index) => {
    if (!isPlainObject(entry)) throw new StackExportError(`deployment.resources[${index}] is not an object`);
    const { urn, type, id } = entry;
    if (typeof urn !== "string" || typeof type !== "string") {
      throw new StackExportError(`deployment.resources[${index}] lacks a urn or type`);
    }
    const parts = urnParts(urn);
    stack ??= parts.stack;
    project ??= parts.project;
    const match = ZOOM_TYPE.exec(type);
    if (!match || entry.custom !== true) return;
    // A resource whose create never finished has no id: there is nothing in Zoom to compare.
    if (typeof id !== "string" || id === "") return;
    resources.push({
      urn,
      kind: match[1]!,
      name: parts.name,
      id,
      inputs: decodeProperties(entry.inputs, `${urn}: inputs`),
      outputs: decodeProperties(entry.outputs, `${urn}: outputs`),
      external: entry.external === true,
      pendingDelete: entry.delete === true,
    });
  });
  return { ...(stack === undefined ? {} : { stack }), ...(project === undefined ? {} : { project }), resources };
}
