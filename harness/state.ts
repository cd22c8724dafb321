/**
 * The harness's deployment state and its export in the shape of `pulumi stack export` (deployment version 3).
 *
 * Internally state is JSON-serialisable and keeps secrets as `{[sig]: secretSig, plaintext: "<JSON>"}` (what
 * `pulumi stack export --show-secrets` prints). `exportStack` encrypts them into `ciphertext` by default, so a
 * test can scan an export for leaked values: anything found outside a secret envelope is a leak.
 */
import * as crypto from "crypto";
import type { ResourceRegistration } from "./program";
import { annotateSecrets, isSecret, mapSecrets, markSecretKeys, PROVIDER_KEY, rpcToState, SECRET_SIG, SIG_KEY, type PropertyMap } from "./values";

/** One resource in the harness's state. Inputs/outputs use the state encoding (plaintext secrets). */
export interface StateResource {
  urn: string;
  type: string;
  custom: boolean;
  id?: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
  /** The serialised dynamic provider stored with the resource (its `__provider`): what refresh and delete run. */
  provider?: string;
  parent?: string;
  dependencies: string[];
  propertyDependencies?: Record<string, string[]>;
  additionalSecretOutputs?: string[];
  protect?: boolean;
  retainOnDelete?: boolean;
  /** Read through `Resource.get` / the `id` option: never deleted by the harness, only forgotten. */
  external?: boolean;
  /** Set when create/update failed with ErrorResourceInitFailed: the next `up` updates it even without a diff. */
  initErrors?: string[];
  /** A replaced resource whose delete is still pending (create-before-delete), as in Pulumi's state. */
  delete?: boolean;
  /**
   * Delete-before-replace: the old object was deleted (or retained) and its replacement not created yet. The entry
   * stays in state until the replacement is created (step.go: DeleteStep.Apply sets it after the delete succeeded).
   */
  pendingReplacement?: boolean;
  /** The `import` option's id the resource was adopted with (ResourceV3.importID); no re-import while it matches. */
  importId?: string;
  /** The `ignoreChanges` option, kept in state as the engine does (ResourceV3.ignoreChanges): refresh diffs use it. */
  ignoreChanges?: string[];
}

export interface DeploymentState {
  resources: StateResource[];
}

/** The fields a state entry and an exported resource share, with the same meaning. */
type SharedFields = Pick<
  StateResource,
  | "urn"
  | "custom"
  | "id"
  | "type"
  | "parent"
  | "propertyDependencies"
  | "additionalSecretOutputs"
  | "protect"
  | "retainOnDelete"
  | "external"
  | "initErrors"
  | "delete"
  | "pendingReplacement"
  | "ignoreChanges"
>;

/** A resource as `pulumi stack export` writes it. */
export interface ExportedResource extends SharedFields {
  inputs?: PropertyMap;
  outputs?: PropertyMap;
  dependencies?: string[];
  /** A reference to the provider resource (`<urn>::<id>`), not the provider's code as in StateResource. */
  provider?: string;
  importID?: string;
}

/** Optional fields written only when set, the same way in both directions (Pulumi omits false and empty ones). */
const FLAGS = ["protect", "retainOnDelete", "external", "delete", "pendingReplacement"] as const;
const LISTS = ["additionalSecretOutputs", "initErrors", "ignoreChanges"] as const;

function copySetFields(from: SharedFields, to: SharedFields): void {
  if (from.parent) to.parent = from.parent;
  for (const key of FLAGS) if (from[key]) to[key] = true;
  for (const key of LISTS) {
    const list = from[key];
    if (list?.length) to[key] = [...list];
  }
}

export interface StackExport {
  version: 3;
  deployment: {
    manifest: { time: string; magic: string; version: string };
    secrets_providers?: { type: string; state: Record<string, unknown> };
    resources: ExportedResource[];
  };
}

/** A state entry for a custom resource. `outputsPlain` from the host get their secretness restored. */
export function stateEntry(reg: ResourceRegistration, id: string, inputs: PropertyMap, outputsPlain?: PropertyMap, stateOutputs?: PropertyMap): StateResource {
  let outputs = stateOutputs;
  // provider_plugin.go annotateSecrets (the host does not accept secrets), then step_executor.go: the
  // additionalSecretOutputs and outputs whose input of the same name is secret.
  if (outputsPlain) outputs = rpcToState(markSecretKeys(annotateSecrets(outputsPlain, inputs), reg.additionalSecretOutputs)) as PropertyMap;
  const entry: StateResource = {
    urn: reg.urn,
    type: reg.type,
    custom: true,
    id,
    inputs: rpcToState(inputs) as PropertyMap,
    outputs: outputs ?? {},
    dependencies: reg.dependencies,
  };
  const code = (outputs ?? {})[PROVIDER_KEY] ?? reg.provider;
  if (typeof code === "string") entry.provider = code;
  if (reg.parent) entry.parent = reg.parent;
  if (Object.keys(reg.propertyDependencies).length) entry.propertyDependencies = reg.propertyDependencies;
  if (reg.additionalSecretOutputs.length) entry.additionalSecretOutputs = reg.additionalSecretOutputs;
  if (reg.protect) entry.protect = true;
  if (reg.retainOnDelete) entry.retainOnDelete = true;
  if (reg.importId !== undefined) entry.importId = reg.importId;
  if (reg.ignoreChanges.length) entry.ignoreChanges = [...reg.ignoreChanges];
  return entry;
}

export const DEFAULT_NODEJS_PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";

/**
 * Orders resources so that every resource comes after its parent and its dependencies (Pulumi's state invariant),
 * keeping the given order where it is free. References to resources not in the list are ignored.
 */
export function topoSort<T extends { urn: string; parent?: string; dependencies: string[] }>(resources: readonly T[]): T[] {
  const byUrn = new Map<string, T[]>();
  for (const r of resources) byUrn.set(r.urn, [...(byUrn.get(r.urn) ?? []), r]);
  const placed = new Set<T>();
  const visiting = new Set<T>();
  const result: T[] = [];
  const visit = (r: T): void => {
    if (placed.has(r) || visiting.has(r)) return;
    visiting.add(r);
    for (const dep of [r.parent, ...r.dependencies]) {
      if (!dep || dep === r.urn) continue;
      for (const d of byUrn.get(dep) ?? []) visit(d);
    }
    visiting.delete(r);
    placed.add(r);
    result.push(r);
  };
  for (const r of resources) visit(r);
  return result;
}

/** AES-256-GCM secrets for exports: "v1:<nonce>:<ciphertext+tag>", the layout of Pulumi's passphrase manager. */
export class SecretsCrypter {
  constructor(private readonly key: Buffer = crypto.randomBytes(32)) {
    if (key.length !== 32) throw new Error("secrets key must be 32 bytes");
  }

  encrypt(plaintext: string): string {
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", this.key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return `v1:${nonce.toString("base64")}:${body.toString("base64")}`;
  }

  decrypt(ciphertext: string): string {
    const [version, nonce, body] = ciphertext.split(":");
    if (version !== "v1" || !nonce || !body) throw new Error("unrecognised ciphertext");
    const raw = Buffer.from(body, "base64");
    const decipher = crypto.createDecipheriv("aes-256-gcm", this.key, Buffer.from(nonce, "base64"));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString("utf8");
  }
}

export interface ExportOptions {
  project: string;
  stack: string;
  /** Id of the default `pulumi-nodejs` provider resource that dynamic resources reference. */
  defaultProviderId: string;
  /** Keep secrets as plaintext (`pulumi stack export --show-secrets`). Default: encrypt them. */
  showSecrets?: boolean;
  crypter: SecretsCrypter;
  pulumiVersion: string;
}

/**
 * Converts harness state to the `pulumi stack export` v3 shape. Like Pulumi, dynamic resources reference the
 * default `pulumi:providers:pulumi-nodejs` provider resource, which is written first; their code is in the
 * `__provider` input and output.
 */
export function exportStack(state: DeploymentState, options: ExportOptions): StackExport {
  const encrypt = (value: PropertyMap): PropertyMap =>
    options.showSecrets
      ? value
      : (mapSecrets(value, (secret) =>
          typeof secret.plaintext === "string" ? { [SIG_KEY]: SECRET_SIG, ciphertext: options.crypter.encrypt(secret.plaintext) } : secret,
        ) as PropertyMap);
  const providerUrn = `urn:pulumi:${options.stack}::${options.project}::${DEFAULT_NODEJS_PROVIDER_TYPE}::default`;
  const providerRef = `${providerUrn}::${options.defaultProviderId}`;
  const resources: ExportedResource[] = [];
  if (state.resources.some((r) => r.provider !== undefined)) {
    resources.push({ urn: providerUrn, custom: true, id: options.defaultProviderId, type: DEFAULT_NODEJS_PROVIDER_TYPE, inputs: {}, outputs: {} });
  }
  for (const r of state.resources) {
    const out: ExportedResource = { urn: r.urn, custom: r.custom, type: r.type };
    if (r.custom && r.id !== undefined) out.id = r.id;
    out.inputs = encrypt(r.inputs);
    out.outputs = encrypt(r.outputs);
    if (r.dependencies.length) out.dependencies = [...r.dependencies];
    if (r.propertyDependencies && Object.keys(r.propertyDependencies).length) out.propertyDependencies = { ...r.propertyDependencies };
    if (r.provider !== undefined) out.provider = providerRef;
    copySetFields(r, out);
    if (r.importId !== undefined) out.importID = r.importId;
    resources.push(out);
  }
  const version = `v${options.pulumiVersion}`;
  const deployment: StackExport["deployment"] = {
    // Pulumi's manifest magic is the SHA-256 of the version string.
    manifest: { time: new Date().toISOString(), magic: crypto.createHash("sha256").update(version).digest("hex"), version },
    resources,
  };
  if (!options.showSecrets) deployment.secrets_providers = { type: "harness-aes-256-gcm", state: {} };
  return { version: 3, deployment };
}

/**
 * Reads an export back into harness state: ciphertext is decrypted with `crypter` (the key of the Deployment that
 * wrote it); the default provider resource is dropped; `provider` is restored from each resource's `__provider`.
 */
export function importStack(exported: StackExport, crypter: SecretsCrypter): DeploymentState {
  if (exported.version !== 3) throw new Error(`unsupported deployment version ${String(exported.version)}`);
  const decrypt = (value: PropertyMap | undefined): PropertyMap =>
    mapSecrets(value ?? {}, (secret) =>
      typeof secret.ciphertext === "string" ? { [SIG_KEY]: SECRET_SIG, plaintext: crypter.decrypt(secret.ciphertext) } : secret,
    ) as PropertyMap;
  const resources: StateResource[] = [];
  for (const r of exported.deployment.resources) {
    if (r.type.startsWith("pulumi:providers:")) continue;
    const outputs = decrypt(r.outputs);
    const inputs = decrypt(r.inputs);
    const res: StateResource = { urn: r.urn, type: r.type, custom: r.custom, inputs, outputs, dependencies: [...(r.dependencies ?? [])] };
    if (r.id !== undefined) res.id = r.id;
    const code = outputs.__provider ?? inputs.__provider;
    if (typeof code === "string") res.provider = code;
    else if (isSecret(code)) throw new Error(`${r.urn}: a secret __provider is not supported`);
    if (r.propertyDependencies) res.propertyDependencies = { ...r.propertyDependencies };
    copySetFields(r, res);
    if (r.importID !== undefined) res.importId = r.importID;
    resources.push(res);
  }
  return { resources };
}
