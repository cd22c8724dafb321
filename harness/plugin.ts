/**
 * PluginHost: runs pulumi-zoom's native provider plugin (the `plugin/` folder, as Pulumi's Node.js language host
 * runs a PulumiPlugin.yaml folder: `node <folder> <engine address>`) and calls it over gRPC as the engine calls a
 * resource provider. The process, port handshake and resource calls are ProviderHost's (host.ts); this adds what
 * the engine sends a real provider and never a dynamic one: GetSchema, CheckConfig, DiffConfig, and Configure with
 * the provider's own inputs (`clientId`, not `zoom:clientId`), secrets kept wrapped.
 */
import * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { pluginFolder } from "../provider/plugin/location";
import {
  ProviderHost,
  toProviderError,
  type CheckResult,
  type ConfigureOptions,
  type CreateResult,
  type DiffResult,
  type EngineHost,
  type HostExit,
  type HostOutput,
  type ProviderHostOptions,
  type ReadResult,
  type UpdateResult,
} from "./host";
import { fromStruct, revealMap, rpcSecret, toStruct, type PropertyMap } from "./values";

export interface PluginHostOptions extends Omit<ProviderHostOptions, "script"> {
  /** The plugin folder (with PulumiPlugin.yaml) or script; default pulumi-zoom's `plugin/`. */
  plugin?: string;
}

/** The provider's URN the engine sends with CheckConfig and DiffConfig: the default provider of `pkg`. */
export function defaultProviderUrn(pkg: string, project = "project", stack = "stack"): string {
  return `urn:pulumi:${stack}::${project}::pulumi:providers:${pkg}::default`;
}

/**
 * The provider's inputs from stack config as the engine builds them for a default provider: the package's
 * `<pkg>:<name>` keys become inputs `<name>` (the rest of the stack config is not the provider's), secret keys
 * wrapped.
 */
export function providerInputs(pkg: string, config: Record<string, string>, secretKeys: readonly string[] = []): PropertyMap {
  const inputs: PropertyMap = {};
  for (const [key, value] of Object.entries(config)) {
    if (!key.startsWith(`${pkg}:`)) continue;
    inputs[key.slice(pkg.length + 1)] = secretKeys.includes(key) ? rpcSecret(value) : value;
  }
  return inputs;
}

export class PluginHost implements EngineHost {
  private constructor(
    readonly host: ProviderHost,
    private readonly client: ResourceProviderClient,
    private readonly pkg: string,
  ) {}

  static async start(options: PluginHostOptions = {}): Promise<PluginHost> {
    const { plugin, ...hostOptions } = options;
    const host = await ProviderHost.start({ ...hostOptions, script: plugin ?? pluginFolder() });
    const client = new ResourceProviderClient(`127.0.0.1:${host.port}`, grpc.credentials.createInsecure());
    return new PluginHost(host, client, "zoom");
  }

  getPluginInfo(): Promise<string> {
    return this.host.getPluginInfo();
  }

  async getSchema(): Promise<string> {
    const req = new provproto.GetSchemaRequest();
    const resp = await this.unary<provproto.GetSchemaResponse>("getSchema", (cb) => this.client.getSchema(req, cb));
    return resp.getSchema();
  }

  /** CheckConfig with the provider's inputs (`olds` the last configured ones). */
  async checkConfig(news: PropertyMap, olds: PropertyMap = {}): Promise<CheckResult> {
    const urn = defaultProviderUrn(this.pkg);
    const req = new provproto.CheckRequest().setUrn(urn).setName("default").setType(`pulumi:providers:${this.pkg}`).setOlds(toStruct(olds)).setNews(toStruct(news));
    const resp = await this.unary<provproto.CheckResponse>("checkConfig", (cb) => this.client.checkConfig(req, cb));
    const failures = resp.getFailuresList().map((failure) => ({ property: failure.getProperty(), reason: failure.getReason() }));
    return { inputs: fromStruct(resp.getInputs()), failures };
  }

  async diffConfig(olds: PropertyMap, news: PropertyMap): Promise<Pick<DiffResult, "changes" | "replaces">> {
    const req = new provproto.DiffRequest();
    req.setUrn(defaultProviderUrn(this.pkg)).setId("default");
    req.setOlds(toStruct(olds));
    req.setOldInputs(toStruct(olds));
    req.setNews(toStruct(news));
    const resp = await this.unary<provproto.DiffResponse>("diffConfig", (cb) => this.client.diffConfig(req, cb));
    const Changes = provproto.DiffResponse.DiffChanges;
    const changes = resp.getChanges();
    return { changes: changes === Changes.DIFF_SOME ? "some" : changes === Changes.DIFF_NONE ? "none" : "unknown", replaces: resp.getReplacesList() };
  }

  /**
   * Configure with the provider's inputs, as the engine sends them (pkg/resource/plugin/provider_plugin.go): typed
   * `args` with secrets wrapped, and `variables` keyed `<pkg>:config:<name>` with text values.
   */
  async configureInputs(inputs: PropertyMap): Promise<{ acceptSecrets: boolean }> {
    // What the engine says it can do: secrets, resource references, old inputs with Diff, Update and Delete.
    const req = new provproto.ConfigureRequest().setArgs(toStruct(inputs)).setAcceptsecrets(true).setAcceptresources(true);
    req.setSendsOldInputs(true).setSendsOldInputsToDelete(true);
    for (const [name, value] of Object.entries(revealMap(inputs))) {
      req.getVariablesMap().set(`${this.pkg}:config:${name}`, typeof value === "string" ? value : JSON.stringify(value));
    }
    const resp = await this.unary<provproto.ConfigureResponse>("configure", (cb) => this.client.configure(req, cb));
    return { acceptSecrets: resp.getAcceptsecrets() };
  }

  /** EngineHost's Configure, from stack config (`zoom:clientId`): the default provider's inputs. */
  configure(config: Record<string, string>, options: ConfigureOptions = {}): Promise<{ acceptSecrets: boolean }> {
    return this.configureInputs(providerInputs(this.pkg, config, options.secretKeys));
  }

  check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    return this.host.check(urn, olds, news);
  }

  diff(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<DiffResult> {
    return this.host.diff(id, urn, olds, news, oldInputs);
  }

  create(urn: string, properties: PropertyMap): Promise<CreateResult> {
    return this.host.create(urn, properties);
  }

  read(id: string, urn: string, properties: PropertyMap, inputs?: PropertyMap): Promise<ReadResult> {
    return this.host.read(id, urn, properties, inputs);
  }

  update(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<UpdateResult> {
    return this.host.update(id, urn, olds, news, oldInputs);
  }

  delete(id: string, urn: string, properties: PropertyMap, oldInputs?: PropertyMap): Promise<void> {
    return this.host.delete(id, urn, properties, oldInputs);
  }

  output(): HostOutput {
    return this.host.output();
  }

  async close(): Promise<HostExit> {
    this.client.close();
    return this.host.close();
  }

  private unary<Res>(method: string, start: (cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      start((err, res) => (err ? reject(toProviderError(method, err)) : resolve(res)));
    });
  }
}
