/**
 * What a generated program declares for one existing object: its live values for the properties a person
 * would write (the definition's `live` inputs, fitted to the schema), its scope (account, user) where it is
 * not the default, and references to secret config for secrets.
 *
 * Every declaration is checked the way the engine will check it on import, with the provider's own `check`
 * and `diff` (local: no API call): a value the schema refuses (Zoom answers `jbhTime: 0` with join before host
 * off, which `check` rejects) or that does not compare equal to itself after normalization is left out and
 * named in a comment. So the first `pulumi up` imports the object and plans no other change, by construction.
 *
 * Secrets are never written: `--secrets omit` (default) leaves optional ones out (Zoom keeps its value, and no
 * diff is ever computed on a property nobody declared); required ones (a TSP account's leader PIN) and, with
 * `--secrets config`, all of them become `config.requireSecret("<key>")`.
 *
 * Objects whose required create-only inputs Zoom never reports (a template's source meeting) cannot be
 * declared truthfully: they are adopted read-only with `.get()`.
 */
import type { z } from "zod";
import type { ObjectRef, PropertySpec, ResourceDefinition } from "../framework/definition";
import { declaredDifferences } from "../framework/diff";
import { DECLARED_KEY, NAME_KEY } from "../framework/stateKeys";
import { dynamicProvider } from "../resources/registry";
import { deletePath } from "./paths";
import { conform, defaultOf, isOptional } from "./schemaValues";

export type SecretMode = "omit" | "config";

export interface SecretReference {
  readonly property: string;
  /** The stack config key the program reads with `config.requireSecret`. */
  readonly configKey: string;
}

export interface LeftOut {
  /** Dotted path. */
  readonly path: string;
  readonly reason: string;
}

export type Declaration =
  | {
      readonly adoption: "import";
      /** Literal values, in the schema's order. */
      readonly properties: Readonly<Record<string, unknown>>;
      readonly secrets: readonly SecretReference[];
      /** Optional secrets not declared (`--secrets omit`). */
      readonly omittedSecrets: readonly string[];
      readonly leftOut: readonly LeftOut[];
    }
  | {
      readonly adoption: "get";
      readonly reason: string;
    };

export interface DeclareInput {
  readonly definition: ResourceDefinition;
  readonly id: string;
  readonly ref: ObjectRef;
  /** The object as the provider's `read` returned it (state outputs). */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** The logical name (for messages only). */
  readonly name: string;
}

export interface DeclareOptions {
  readonly secrets: SecretMode;
  configKeyFor(property: string): string;
}

/** Attempts at fixing a declaration before giving up on it (each removes at least one path). */
const MAX_ROUNDS = 25;

function userProperties(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) if (!key.startsWith("__") && value !== undefined && value !== null) out[key] = value;
  return out;
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function declare(input: DeclareInput, options: DeclareOptions): Promise<Declaration> {
  const { definition, id, ref, outputs, name } = input;
  const properties = definition.properties as Record<string, PropertySpec>;
  const shape = definition.schema.shape as Record<string, z.ZodType>;
  const candidate: Record<string, unknown> = {};

  for (const [key, spec] of Object.entries(properties)) {
    if (spec.source !== "live" || spec.scope) continue;
    const value = conform(shape[key], outputs[key]);
    if (value !== undefined) candidate[key] = value;
  }
  // Scope, where it is not what the program gets by default.
  const scope: Record<string, string | undefined> = { accountId: ref.accountId, userId: ref.userId ?? (typeof outputs.userId === "string" ? outputs.userId : undefined) };
  for (const [key, value] of Object.entries(scope)) {
    if (value !== undefined && key in properties && value !== defaultOf(shape[key])) candidate[key] = value;
  }

  const secrets: SecretReference[] = [];
  const omittedSecrets: string[] = [];
  for (const [key, spec] of Object.entries(properties)) {
    if (!spec.secret || candidate[key] === undefined) continue;
    if (options.secrets === "config" || !isOptional(shape[key])) {
      // The live value stays in the candidate to verify the declaration; the program reads it from config.
      secrets.push({ property: key, configKey: options.configKeyFor(key) });
    } else {
      delete candidate[key];
      omittedSecrets.push(key);
    }
  }
  // A value equal to the default reads as noise: `check` fills it in anyway.
  for (const key of Object.keys(candidate)) {
    if (!secrets.some((s) => s.property === key) && isEqual(candidate[key], defaultOf(shape[key]))) delete candidate[key];
  }

  const provider = dynamicProvider(definition.kind, 1);
  const leftOut: LeftOut[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const checked = await provider.check!({}, { ...candidate, [NAME_KEY]: name });
    const failures = checked.failures ?? [];
    if (failures.length > 0) {
      for (const failure of failures) {
        const path = failure.property;
        const root = path.split(".")[0]!;
        const spec = properties[root];
        if (spec?.source === "createOnly" && candidate[root] === undefined) {
          return { adoption: "get", reason: `Zoom does not report ${root}, which declaring a ${definition.kind} needs` };
        }
        if (path === "(resource)" || spec === undefined || candidate[root] === undefined || secrets.some((s) => s.property === root)) {
          return { adoption: "get", reason: `its live values do not make a valid declaration (${path}: ${failure.reason})` };
        }
        deletePath(candidate, path);
        leftOut.push({ path, reason: `Zoom's value is not accepted by the schema: ${failure.reason}` });
      }
      continue;
    }
    const inputs = (checked.inputs ?? {}) as Record<string, unknown>;
    // What the engine asks when importing: the read object (olds) against the program's checked inputs.
    // Without the recorded `__declared` of the scan's read: the adopting create records the program's own.
    const { [DECLARED_KEY]: _scanned, ...olds } = outputs;
    const diff = await provider.diff!(id, olds, inputs);
    if (!diff.changes) {
      const literal: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(candidate)) if (!secrets.some((s) => s.property === key)) literal[key] = value;
      return { adoption: "import", properties: literal, secrets, omittedSecrets, leftOut };
    }
    const differences = declaredDifferences(definition, userProperties(inputs), userProperties(outputs)).filter(
      (d) => candidate[d.path.split(".")[0]!] !== undefined && !secrets.some((s) => s.property === d.path.split(".")[0]),
    );
    if (differences.length === 0) return { adoption: "get", reason: "the declaration Zoom's values give would not import without changes" };
    for (const difference of differences) {
      deletePath(candidate, difference.path);
      leftOut.push({ path: difference.path, reason: "Zoom's value does not compare equal to itself once normalized" });
    }
  }
  return { adoption: "get", reason: "no declaration of Zoom's values passes check and diff" };
}
