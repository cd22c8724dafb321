/**
 * Stack exports as `pulumi stack export` prints them (deployment version 3), written out from Pulumi's
 * documented format (apitype.UntypedDeployment / DeploymentV3 / ResourceV3), for the Zoom objects a test made
 * in the emulator. Secrets use Pulumi's encoding: an object with the signature key, holding either
 * `plaintext` (the value's JSON text, as `--show-secrets` prints it) or `ciphertext` (encrypted by the stack's
 * secrets provider, which pulumi-zoom cannot read).
 */
import * as crypto from "node:crypto";
import { shapeOf } from "../../provider/framework/resource";
import { definitionOf } from "../../provider/resources/registry";

export const SIG = "4dabf18193072939515e22adb298388d";
export const SECRET = "1b47061264138c4ac30d75fd1eb44270";

export const PROJECT = "zoom-org";
export const STACK = "dev";
const STACK_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`;
const NODEJS_PROVIDER_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:providers:pulumi-nodejs::default`;
const NODEJS_PROVIDER_ID = "4f6c9e0e-0e48-4c6d-9d0b-2b9f4f0f2a51";
/** What the stub serializes to, shortened: drift never runs it. */
const STUB = 'exports.handler = __f0;\nfunction __f0() { return (function() { const k = "Meeting"; ... })(); }';
const TIME = "2026-03-01T09:30:00.000000Z";

export type SecretForm = "plaintext" | "ciphertext";

export interface FixtureResource {
  readonly kind: string;
  readonly name: string;
  readonly id: string;
  /** The checked inputs the engine stored (framework keys included). */
  readonly inputs: Record<string, unknown>;
  readonly outputs: Record<string, unknown>;
  /** How the resource's secret properties are stored. Default: ciphertext (a plain `pulumi stack export`). */
  readonly secrets?: SecretForm;
  readonly external?: true;
}

/** Pulumi's AES-256-GCM layout `v1:<nonce>:<ciphertext>`: random bytes will do, nobody decrypts them here. */
function ciphertext(plaintext: string): string {
  return `v1:${crypto.randomBytes(12).toString("base64")}:${crypto.createHash("sha256").update(plaintext).digest("base64")}`;
}

export function secretOf(value: unknown, form: SecretForm): Record<string, unknown> {
  const text = JSON.stringify(value);
  return form === "plaintext" ? { [SIG]: SECRET, plaintext: text } : { [SIG]: SECRET, ciphertext: ciphertext(text) };
}

function encode(values: Record<string, unknown>, secretKeys: readonly string[], form: SecretForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out[key] = secretKeys.includes(key) ? secretOf(value, form) : value;
  }
  return out;
}

function zoomResource(resource: FixtureResource): Record<string, unknown> {
  const shape = shapeOf(definitionOf(resource.kind));
  const form = resource.secrets ?? "ciphertext";
  const type = `pulumi-nodejs:dynamic/zoom:${resource.kind}`;
  return {
    urn: `urn:pulumi:${STACK}::${PROJECT}::${type}::${resource.name}`,
    custom: true,
    id: resource.id,
    type,
    inputs: encode({ ...resource.inputs, __provider: STUB }, shape.secretInputs, form),
    outputs: encode({ ...resource.outputs, __provider: STUB }, shape.secretOutputs, form),
    parent: STACK_URN,
    provider: `${NODEJS_PROVIDER_URN}::${NODEJS_PROVIDER_ID}`,
    propertyDependencies: Object.fromEntries(Object.keys(resource.inputs).map((key) => [key, []])),
    additionalSecretOutputs: shape.secretOutputs,
    ...(resource.external ? { external: true } : {}),
    created: TIME,
    modified: TIME,
  };
}

/** A whole export: the stack, the default nodejs provider, the Zoom resources and one unrelated resource. */
export function stackExport(resources: readonly FixtureResource[]): Record<string, unknown> {
  const version = "v3.216.0";
  return {
    version: 3,
    deployment: {
      manifest: { time: TIME, magic: crypto.createHash("sha256").update(version).digest("hex"), version },
      secrets_providers: { type: "passphrase", state: { salt: "v1:Z2a8C+6o4Qo=:v1:lMdSZ4nQ6a3bS0rY:qZQ5Yx+Nc0mqzJ2p3x2n4Q==" } },
      resources: [
        { urn: STACK_URN, custom: false, type: "pulumi:pulumi:Stack", outputs: {}, created: TIME, modified: TIME },
        {
          urn: NODEJS_PROVIDER_URN,
          custom: true,
          id: NODEJS_PROVIDER_ID,
          type: "pulumi:providers:pulumi-nodejs",
          inputs: {},
          outputs: {},
          created: TIME,
          modified: TIME,
        },
        ...resources.map(zoomResource),
        {
          urn: `urn:pulumi:${STACK}::${PROJECT}::random:index/randomPet:RandomPet::pet`,
          custom: true,
          id: "quietly-eager-lynx",
          type: "random:index/randomPet:RandomPet",
          inputs: { length: 3 },
          outputs: { id: "quietly-eager-lynx", length: 3, separator: "-" },
          parent: STACK_URN,
          provider: `urn:pulumi:${STACK}::${PROJECT}::pulumi:providers:random::default_4_16_0::8a1c3f1e-62a4-4a3d-bb62-2f0c1d1a3b7e`,
          created: TIME,
          modified: TIME,
        },
      ],
    },
  };
}

export function stackExportText(resources: readonly FixtureResource[]): string {
  return JSON.stringify(stackExport(resources), null, 4);
}
