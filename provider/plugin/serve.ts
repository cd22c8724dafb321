/**
 * Serves the plugin with the Node SDK's provider server, `@pulumi/pulumi/provider`'s `main(provider, args)`: it
 * binds a gRPC ResourceProvider on 127.0.0.1, prints the port for the engine, and runs check, diff, CRUD and
 * GetSchema against the Provider object (packing ResourceInitError as the engine expects).
 *
 * That server answers CheckConfig and DiffConfig with UNIMPLEMENTED and ignores Configure's inputs (its Provider
 * interface has no configuration), which a provider with credentials needs. So, while `main` registers its
 * service (synchronously, before it binds), this module puts the plugin's own three configuration handlers on
 * the service implementation, and its own Diff (which reports the changed properties); every other call stays
 * the SDK's.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the grpc-js instance the SDK itself loaded */
import * as path from "path";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import { main } from "@pulumi/pulumi/provider";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { inputsFromVariables } from "./config";
import type { ZoomPluginProvider } from "./provider";

type Props = Record<string, unknown>;
type Callback<Res> = (error: Partial<grpcTypes.ServiceError> | null, response?: Res) => void;
type Handler<Req, Res> = (call: { request: Req }, callback: Callback<Res>) => void;

/**
 * A module as the SDK's server loads it: the same `@grpc/grpc-js` instance (whose Server it creates) and
 * `google-protobuf` (whose Struct its messages take), wherever npm put them. Both are the SDK's dependencies.
 */
function sdkRequire<T>(id: string): T {
  const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  return require(require.resolve(id, { paths: [sdkDir] })) as T;
}

function structOf(struct: { toJavaScript(): unknown } | undefined): Props {
  return (struct?.toJavaScript() ?? {}) as Props;
}

/** Runs `work`, answering its result or its error (as gRPC's UNKNOWN with the message, like the SDK's handlers). */
function answer<Res>(callback: Callback<Res>, work: () => Res): void {
  let response: Res;
  try {
    response = work();
  } catch (error) {
    callback({ code: 2, details: error instanceof Error ? error.message : String(error) });
    return;
  }
  callback(null, response);
}

/** The configuration handlers of the ResourceProvider service, over the plugin's provider. */
function configHandlers(provider: ZoomPluginProvider) {
  const { Struct } = sdkRequire<typeof structTypes>("google-protobuf/google/protobuf/struct_pb");
  const checkConfig: Handler<provproto.CheckRequest, provproto.CheckResponse> = (call, callback) =>
    answer(callback, () => {
      const news = structOf(call.request.getNews());
      const response = new provproto.CheckResponse();
      response.setInputs(Struct.fromJavaScript(news as Record<string, never>));
      response.setFailuresList(
        provider.checkConfig(news).map((failure) => new provproto.CheckFailure().setProperty(failure.property).setReason(failure.reason)),
      );
      return response;
    });
  const diffConfig: Handler<provproto.DiffRequest, provproto.DiffResponse> = (call, callback) =>
    answer(callback, () => {
      const changed = provider.diffConfig(structOf(call.request.getOlds()), structOf(call.request.getNews()));
      const Changes = provproto.DiffResponse.DiffChanges;
      return new provproto.DiffResponse().setChanges(changed ? Changes.DIFF_SOME : Changes.DIFF_NONE);
    });
  const configure: Handler<provproto.ConfigureRequest, provproto.ConfigureResponse> = (call, callback) =>
    answer(callback, () => {
      const args = call.request.getArgs();
      provider.configure(args ? structOf(args) : inputsFromVariables(call.request.getVariablesMap().entries() as Iterable<[string, string]>));
      // Secrets are accepted (and returned wrapped, secrets.ts); resources and outputs are not: inputs arrive as
      // plain values. No supportsPreview: the engine then never calls Create or Update during a preview.
      return new provproto.ConfigureResponse().setAcceptsecrets(true).setAcceptresources(false).setAcceptoutputs(false);
    });
  return { checkConfig, diffConfig, configure, diff: diffHandler(provider) };
}

/**
 * Diff, answered with what changed: the SDK's handler drops everything but changes, replaces and
 * deleteBeforeReplace, so the engine could not show `[diff: ~duration]`, match `replaceOnChanges`, or name the
 * keys of an import mismatch. Each declared path that differs is a detailed diff against Zoom's values (the
 * state's outputs, so not an input diff). Errors are answered once, without the SDK's stack trace on stderr.
 */
function diffHandler(provider: ZoomPluginProvider): Handler<provproto.DiffRequest, provproto.DiffResponse> {
  const { Kind } = provproto.PropertyDiff;
  return (call, callback) => {
    const request = call.request;
    const olds = structOf(request.getOlds());
    const news = structOf(request.getNews());
    provider.diff(request.getId(), request.getUrn(), olds, news).then(
      (result) => {
        const Changes = provproto.DiffResponse.DiffChanges;
        const replaces = result.replaces ?? [];
        const response = new provproto.DiffResponse()
          .setChanges(result.changes ? Changes.DIFF_SOME : Changes.DIFF_NONE)
          .setReplacesList([...replaces])
          .setDeletebeforereplace(result.deleteBeforeReplace === true)
          .setDiffsList([...new Set(result.changedPaths.map((path) => path.split(".")[0]!))])
          .setHasdetaileddiff(true);
        for (const path of result.changedPaths) {
          const root = path.split(".")[0]!;
          const replacing = replaces.includes(root);
          const kind = news[root] === undefined ? (replacing ? Kind.DELETE_REPLACE : Kind.DELETE) : olds[root] === undefined ? (replacing ? Kind.ADD_REPLACE : Kind.ADD) : replacing ? Kind.UPDATE_REPLACE : Kind.UPDATE;
          response.getDetaileddiffMap().set(path, new provproto.PropertyDiff().setKind(kind).setInputdiff(false));
        }
        callback(null, response);
      },
      (error: unknown) => callback({ code: 2, details: error instanceof Error ? error.message : String(error) }),
    );
  };
}

/** Serves `provider` until the engine stops the process. `args` are the plugin's command-line arguments. */
export async function servePlugin(provider: ZoomPluginProvider, args: readonly string[]): Promise<void> {
  const grpc = sdkRequire<typeof grpcTypes>("@grpc/grpc-js");
  const addService = grpc.Server.prototype.addService;
  let added = false;
  grpc.Server.prototype.addService = function (this: grpcTypes.Server, service, implementation) {
    if (service === ResourceProviderService) {
      Object.assign(implementation, configHandlers(provider));
      added = true;
    }
    return addService.call(this, service, implementation);
  };
  let serving: Promise<void>;
  try {
    serving = main(provider, [...args]);
  } finally {
    grpc.Server.prototype.addService = addService;
  }
  if (!added) throw new Error("the @pulumi/pulumi provider server did not register its service synchronously: pulumi-zoom's plugin cannot add CheckConfig/Configure");
  await serving;
}
