/**
 * The two front doors to the same framework, as the engine reaches them: the dynamic resources through
 * @pulumi/pulumi's dynamic-provider host (type `pulumi-nodejs:dynamic/zoom:<Kind>`, the provider stub as
 * `__provider`, the logical name as an input, secrets stripped by the engine), and the native plugin (type
 * `zoom:index:<Kind>`, secrets wrapped). Each `start()` is a new process, as each `pulumi` command is.
 */
import * as path from "path";
import type { EngineHost } from "../../harness/host";
import { ProviderHost } from "../../harness/host";
import { PluginHost } from "../../harness/plugin";
import { serializeProvider } from "../../harness/serialize";
import { rpcSecret, type PropertyMap } from "../../harness/values";
import { shapeOf } from "../../provider/framework/resource";
import { providerStub } from "../../provider/framework/stub";
import { pluginDefinitions } from "../../provider/plugin/kinds";

const root = path.resolve(__dirname, "../..");

export type DoorName = "dynamic" | "plugin";

export interface FrontDoor {
  readonly name: DoorName;
  /** A new provider process, configured with `config` (stack config, `zoom:*`). */
  start(): Promise<EngineHost>;
  urn(kind: string, name: string): string;
  /** A declaration as the engine sends it to this door's provider. */
  inputs(kind: string, name: string, declared: PropertyMap): Promise<PropertyMap>;
}

/** The test process's ZOOM_* variables blanked: settings come from the stack config only. */
function withoutZoomEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith("ZOOM_")).map((key) => [key, ""]));
}

export function secretInputsOf(kind: string): readonly string[] {
  const definition = pluginDefinitions().find((candidate) => candidate.kind === kind);
  if (!definition) throw new Error(`no kind ${kind}`);
  return shapeOf(definition).secretInputs;
}

/** Properties secret by definition (secret inputs and outputs). */
export function secretPropertiesOf(kind: string): readonly string[] {
  const definition = pluginDefinitions().find((candidate) => candidate.kind === kind);
  if (!definition) throw new Error(`no kind ${kind}`);
  return shapeOf(definition).secretOutputs;
}

const SECRET_CONFIG = ["zoom:clientSecret", "zoom:accessToken"];

export function dynamicDoor(config: Record<string, string>): FrontDoor {
  const stubs = new Map<string, Promise<string>>();
  return {
    name: "dynamic",
    async start() {
      // The host's cwd is where the stub finds node_modules/pulumi-zoom (linked to this checkout).
      const host = await ProviderHost.start({ cwd: root, project: "proj", stack: "dev", env: withoutZoomEnv() });
      await host.configure(config, { secretKeys: SECRET_CONFIG });
      return host;
    },
    urn: (kind, name) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/zoom:${kind}::${name}`,
    async inputs(kind, name, declared) {
      if (!stubs.has(kind)) stubs.set(kind, serializeProvider(providerStub(kind)));
      return { ...declared, __provider: await stubs.get(kind)!, __logicalName: name };
    },
  };
}

export function pluginDoor(config: Record<string, string>): FrontDoor {
  return {
    name: "plugin",
    async start() {
      const host = await PluginHost.start({ project: "proj", stack: "dev", env: withoutZoomEnv() });
      await host.configure(config, { secretKeys: SECRET_CONFIG });
      return host;
    },
    urn: (kind, name) => `urn:pulumi:dev::proj::zoom:index:${kind}::${name}`,
    async inputs(kind, _name, declared) {
      const secret = secretInputsOf(kind);
      return Object.fromEntries(Object.entries(declared).map(([key, value]) => [key, secret.includes(key) ? rpcSecret(value) : value]));
    },
  };
}
