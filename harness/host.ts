/**
 * ProviderHost: runs the real dynamic-provider host that ships in @pulumi/pulumi
 * (`@pulumi/pulumi/cmd/dynamic-provider`) as a child process and calls it over gRPC the way the Pulumi engine does.
 *
 * Nothing here re-implements the host: every provider call crosses a real process and gRPC boundary, so closure
 * deserialisation (`require-from-string` of `__provider`), `configure`, secrets stripping and error packing are the
 * shipped code's behaviour.
 */
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { HostCrashedError, ProviderError, ResourceInitError } from "./errors";
import type { CheckResult, ConfigureOptions, CreateResult, DiffResult, EngineHost, HostExit, HostOutput, ReadResult, UpdateResult } from "./engineHost";
import { fromStruct, rpcSecret, toStruct, type PropertyMap } from "./values";

// The provider interface and its answers are engineHost.ts's; importers of this module keep finding them here.
export type * from "./engineHost";

export interface ProviderHostOptions {
  /**
   * Working directory of the host. The engine starts the plugin in the Pulumi program's directory, and a provider
   * stub that resolves its implementation with `require.resolve(pkg, { paths: [process.cwd()] })` depends on it.
   * Defaults to this process's cwd.
   */
  cwd?: string;
  /** Project name. The host reads it from PULUMI_NODEJS_PROJECT; `config.get("key")` without a namespace uses it. */
  project?: string;
  /** Stack name, passed as PULUMI_NODEJS_STACK for symmetry with the language host. */
  stack?: string;
  /** Extra environment for the host (merged over this process's environment). */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the host to print its port. Generous: two-core CI machines load @pulumi/pulumi slowly. */
  startTimeoutMs?: number;
  /** Copy the host's stdout/stderr to this process's stderr as it arrives (debugging). */
  echo?: boolean;
  /** What `node` runs instead of the dynamic-provider host: a provider plugin's script or folder (plugin.ts). */
  script?: string;
}

const HOST_SCRIPT = require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js");
const INIT_FAILED_TYPE = "pulumirpc.ErrorResourceInitFailed";
const STDERR_TAIL = 4000;

/** Splits a URN into the type and name the engine also sends alongside it. */
export function parseUrn(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  if (parts.length < 4) return { type: "", name: "" };
  const qualifiedType = parts[2] ?? "";
  return { type: qualifiedType.split("$").pop() ?? "", name: parts.slice(3).join("::") };
}

/** What every provider request carries: the URN, and the type and name the engine sends alongside it. */
interface AddressedRequest<R> {
  setUrn(urn: string): R;
  setName(name: string): R;
  setType(type: string): R;
}

function addressed<R extends AddressedRequest<R>>(req: R, urn: string): R {
  const { type, name } = parseUrn(urn);
  return req.setUrn(urn).setName(name).setType(type);
}

/** What Diff and Update both send: the state's outputs (`olds`), the checked new inputs and the state's inputs. */
interface ChangeRequest {
  setOlds(olds: Struct): unknown;
  setNews(news: Struct): unknown;
  setOldInputs(oldInputs: Struct): unknown;
}

function withChange<R extends ChangeRequest>(req: R, olds: PropertyMap, news: PropertyMap, oldInputs: PropertyMap | undefined): R {
  req.setOlds(toStruct(olds));
  req.setNews(toStruct(news));
  if (oldInputs) req.setOldInputs(toStruct(oldInputs));
  return req;
}

interface HostRegistry {
  __providerHostPids?: Set<number>;
  __providerHostsStopped?: boolean;
}

/**
 * Process ids of the hosts running, on the global object: jest's test environment (tests/support/environment.js)
 * stops those a test file left running (a timed-out test's deployment goes on in the background, its hosts
 * retrying against an emulator that is gone), which kept jest's worker from exiting. A host is listed from its
 * spawn on, not from its port line: one still starting when the file ended was missed.
 */
function runningHosts(): Set<number> {
  const holder = globalThis as HostRegistry;
  holder.__providerHostPids ??= new Set<number>();
  return holder.__providerHostPids;
}

/**
 * Set by the test environment once it has stopped the hosts of a finished test file. A deployment still going on
 * in the background (its test timed out) starts no host after that: a timed-out test's `finally { await up() }`
 * (adoption.test.ts has one) would spawn one after the environment's sweep, and a host never exits on its own: it kept
 * the worker alive and outlived jest (reproduced with a test that times out in a host call).
 */
function hostsStopped(): boolean {
  return (globalThis as HostRegistry).__providerHostsStopped === true;
}

export class ProviderHost implements EngineHost {
  private readonly out: HostOutput;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;
  private closed = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: ResourceProviderClient,
    readonly port: number,
    out: HostOutput,
    exited: Promise<void>,
    setExit: (listener: (code: number | null, signal: NodeJS.Signals | null) => void) => void,
  ) {
    this.out = out;
    this.exited = exited;
    setExit((code, signal) => {
      this.exitInfo = { code, signal };
    });
  }

  /** Starts the host and connects to it. */
  static async start(options: ProviderHostOptions = {}): Promise<ProviderHost> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      PULUMI_NODEJS_PROJECT: options.project ?? "project",
      PULUMI_NODEJS_STACK: options.stack ?? "stack",
    };
    if (hostsStopped()) {
      throw new HostCrashedError("provider host not started: the test file that asked for it has ended (its test timed out and its deployment went on in the background)", null, null, "");
    }
    // The host's only required argument is the engine address; the dynamic host never dials it.
    const child = spawn(process.execPath, [options.script ?? HOST_SCRIPT, "127.0.0.1:1"], {
      cwd: options.cwd ?? process.cwd(),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const pid = child.pid;
    if (pid !== undefined) {
      runningHosts().add(pid);
      child.once("exit", () => runningHosts().delete(pid));
    }
    const out: HostOutput = { stdout: "", stderr: "" };
    let exitListener: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
    let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    // Resolved on "close", not "exit": a process can exit before its last output has been read from the pipes.
    const exited = new Promise<void>((resolve) => {
      child.once("exit", (code, signal) => {
        exitInfo = { code, signal };
        exitListener?.(code, signal);
      });
      child.once("close", () => resolve());
    });
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      out.stderr += chunk;
      if (options.echo) process.stderr.write(`[provider-host] ${chunk}`);
    });

    const port = await new Promise<number>((resolve, reject) => {
      let buffered = "";
      let portSeen = false;
      // Unref'd: the child's own handle keeps this process alive while it runs, which is all the timer needs.
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new HostCrashedError("provider host did not print its port in time", null, null, out.stderr));
      }, options.startTimeoutMs ?? 60_000).unref();
      child.stdout?.setEncoding("utf8");
      child.stdout?.on("data", (chunk: string) => {
        if (portSeen) {
          out.stdout += chunk;
          if (options.echo) process.stderr.write(`[provider-host] ${chunk}`);
          return;
        }
        buffered += chunk;
        const newline = buffered.indexOf("\n");
        if (newline < 0) return;
        portSeen = true;
        clearTimeout(timer);
        const line = buffered.slice(0, newline).trim();
        out.stdout += buffered.slice(newline + 1);
        const parsed = Number(line);
        if (Number.isInteger(parsed) && parsed > 0) resolve(parsed);
        else reject(new HostCrashedError(`provider host printed ${JSON.stringify(line)} instead of a port`, null, null, out.stderr));
      });
      child.once("error", (err) => {
        clearTimeout(timer);
        reject(new HostCrashedError(`provider host could not start: ${err.message}`, null, null, out.stderr));
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new HostCrashedError("provider host exited before printing its port", exitInfo?.code ?? null, exitInfo?.signal ?? null, out.stderr));
      });
    });

    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new ProviderHost(child, client, port, out, exited, (listener) => {
      exitListener = listener;
      if (exitInfo) listener(exitInfo.code, exitInfo.signal);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** What the host printed after its port line, so tests can scan it (e.g. for leaked secrets). */
  output(): HostOutput {
    return { stdout: this.out.stdout, stderr: this.out.stderr };
  }

  /** True once the host process has ended. */
  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  async getPluginInfo(): Promise<string> {
    const info = await this.unary<PluginInfo>("getPluginInfo", (cb) => this.client.getPluginInfo(new Empty(), cb));
    return info.getVersion();
  }

  /**
   * Configure, as the engine sends it to the dynamic provider: the whole stack config with namespaced keys
   * (e.g. `{"zoom:clientId": "..."}`), both as `variables` and as `args`. The host answers acceptSecrets=false.
   * Note that the host only hands config to a provider's `configure` the first time it deserialises that provider,
   * so configure must come before any other call, as the engine does.
   */
  async configure(config: Record<string, string>, options: ConfigureOptions = {}): Promise<{ acceptSecrets: boolean }> {
    const req = new provproto.ConfigureRequest();
    const variables = req.getVariablesMap();
    const args: PropertyMap = {};
    const secret = new Set(options.secretKeys ?? []);
    for (const [key, value] of Object.entries(config)) {
      variables.set(key, value);
      args[key] = secret.has(key) ? rpcSecret(value) : value;
    }
    req.setArgs(toStruct(args));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    req.setSendsOldInputs(true);
    req.setSendsOldInputsToDelete(true);
    const resp = await this.unary<provproto.ConfigureResponse>("configure", (cb) => this.client.configure(req, cb));
    return { acceptSecrets: resp.getAcceptsecrets() };
  }

  async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const req = addressed(new provproto.CheckRequest(), urn);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    const resp = await this.unary<provproto.CheckResponse>("check", (cb) => this.client.check(req, cb));
    return {
      inputs: fromStruct(resp.getInputs()),
      failures: resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /** `olds` are the OUTPUTS in state (the engine's convention); `oldInputs` the inputs in state. */
  async diff(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<DiffResult> {
    const req = withChange(addressed(new provproto.DiffRequest().setId(id), urn), olds, news, oldInputs);
    const resp = await this.unary<provproto.DiffResponse>("diff", (cb) => this.client.diff(req, cb));
    const Changes = provproto.DiffResponse.DiffChanges;
    const changes = resp.getChanges();
    return {
      changes: changes === Changes.DIFF_SOME ? "some" : changes === Changes.DIFF_NONE ? "none" : "unknown",
      replaces: resp.getReplacesList(),
      deleteBeforeReplace: resp.getDeletebeforereplace(),
      stables: resp.getStablesList(),
      changedKeys: resp.getDiffsList(),
      hasDetailedDiff: resp.getHasdetaileddiff(),
    };
  }

  async create(urn: string, properties: PropertyMap): Promise<CreateResult> {
    const req = addressed(new provproto.CreateRequest(), urn);
    req.setProperties(toStruct(properties));
    const resp = await this.unary<provproto.CreateResponse>("create", (cb) => this.client.create(req, cb));
    return { id: resp.getId(), properties: fromStruct(resp.getProperties()) };
  }

  /**
   * What the engine sends (pkg/resource/deploy/step.go): refresh (RefreshStep.Apply) the state outputs as
   * `properties` and the state inputs as `inputs`; `.get()` (ReadStep.Apply) the program's properties as both; the
   * `import` option (ImportStep.Apply) neither: `properties` is an empty struct and `inputs` is unset, so the dynamic
   * host finds no `__provider` to load.
   */
  async read(id: string, urn: string, properties: PropertyMap, inputs?: PropertyMap): Promise<ReadResult> {
    const req = addressed(new provproto.ReadRequest().setId(id), urn);
    req.setProperties(toStruct(properties));
    if (inputs) req.setInputs(toStruct(inputs));
    const resp = await this.unary<provproto.ReadResponse>("read", (cb) => this.client.read(req, cb));
    const result: ReadResult = { id: resp.getId(), properties: fromStruct(resp.getProperties()) };
    if (resp.hasInputs()) result.inputs = fromStruct(resp.getInputs());
    if (!resp.hasProperties()) result.noProperties = true;
    return result;
  }

  /** `olds` are the OUTPUTS in state, `news` the checked new inputs. */
  async update(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<UpdateResult> {
    const req = withChange(addressed(new provproto.UpdateRequest().setId(id), urn), olds, news, oldInputs);
    const resp = await this.unary<provproto.UpdateResponse>("update", (cb) => this.client.update(req, cb));
    return { properties: fromStruct(resp.getProperties()) };
  }

  /** `properties` are the state OUTPUTS: their `__provider` is the code that runs (pulumi#6490). */
  async delete(id: string, urn: string, properties: PropertyMap, oldInputs?: PropertyMap): Promise<void> {
    const req = addressed(new provproto.DeleteRequest().setId(id), urn);
    req.setProperties(toStruct(properties));
    if (oldInputs) req.setOldInputs(toStruct(oldInputs));
    await this.unary<Empty>("delete", (cb) => this.client.delete(req, cb));
  }

  /** Stops the host. Safe to call twice. Returns how it ended and its peak memory. */
  async close(): Promise<HostExit> {
    const peakRssKb = this.readPeakRss();
    if (!this.closed) {
      this.closed = true;
      this.client.close();
      if (!this.exitInfo) {
        this.child.kill("SIGTERM");
        // Unref'd, as the start timer: the child keeps this process alive until it exits.
        const forced = setTimeout(() => this.child.kill("SIGKILL"), 5_000).unref();
        await this.exited;
        clearTimeout(forced);
      }
    }
    await this.exited;
    const result: HostExit = { exitCode: this.exitInfo?.code ?? null, signal: this.exitInfo?.signal ?? null };
    if (peakRssKb !== undefined) result.peakRssKb = peakRssKb;
    return result;
  }

  /** VmHWM from /proc: the kernel's own high-water mark, so no polling is needed. Linux only. */
  private readPeakRss(): number | undefined {
    if (this.exitInfo || this.child.pid === undefined) return undefined;
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, "utf8");
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return match ? Number(match[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  private crashError(method: string): HostCrashedError {
    const info = this.exitInfo;
    return new HostCrashedError(
      `provider host ${this.closed ? "was closed" : "exited"} (code ${info?.code ?? "?"}, signal ${info?.signal ?? "none"}) during or before ${method}`,
      info?.code ?? null,
      info?.signal ?? null,
      this.out.stderr.slice(-STDERR_TAIL),
    );
  }

  /** Runs one unary call and turns gRPC failures into the harness's typed errors. */
  private unary<Res>(method: string, start: (cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown): Promise<Res> {
    if (this.closed || this.exitInfo) return Promise.reject(this.crashError(method));
    return new Promise<Res>((resolve, reject) => {
      start((err, res) => {
        if (!err) {
          resolve(res);
          return;
        }
        if (err.code === grpc.status.UNAVAILABLE || this.exitInfo) {
          // Give the exit event a moment to land so the error can carry the exit status and stderr.
          // Unref'd: when the exit lands first, the timer must not keep a test worker alive.
          void Promise.race([this.exited, new Promise((r) => setTimeout(r, 1_000).unref())]).then(() =>
            reject(this.exitInfo || this.closed ? this.crashError(method) : toProviderError(method, err)),
          );
          return;
        }
        reject(toProviderError(method, err));
      });
    });
  }
}

/** Decodes the host's error, including ErrorResourceInitFailed details from `grpc-status-details-bin`. */
export function toProviderError(method: string, err: grpc.ServiceError): ProviderError {
  const details = err.details ?? err.message;
  const bins = err.metadata?.get("grpc-status-details-bin") ?? [];
  for (const bin of bins) {
    if (typeof bin === "string") continue;
    const status = Status.deserializeBinary(new Uint8Array(bin));
    for (const any of status.getDetailsList()) {
      if (any.getTypeName() !== INIT_FAILED_TYPE) continue;
      const failed = any.unpack((bytes) => provproto.ErrorResourceInitFailed.deserializeBinary(bytes), INIT_FAILED_TYPE);
      if (failed) {
        return new ResourceInitError(method, err.code, details, failed.getId(), fromStruct(failed.getProperties()), failed.getReasonsList());
      }
    }
  }
  return new ProviderError(method, err.code, details);
}
