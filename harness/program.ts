/**
 * runProgram: executes a Pulumi TypeScript program in this process under `pulumi.runtime.setMocks` and captures every
 * resource it registers, with the options the engine would see.
 *
 * `setMocks` installs a MockMonitor whose `newResource` hook only sees type, name and inputs. The engine needs more
 * (parent, dependencies, import id, additionalSecretOutputs, deleteBeforeReplace, ...), so after `setMocks` the
 * monitor's `registerResource`, `readResource` and `registerResourceOutputs` are replaced on that instance with
 * implementations that read the full request, hand it to a `ProgramEngine` (the harness's Deployment, which runs the
 * real provider host) and answer with the real id and outputs. `invoke` and feature negotiation stay the MockMonitor's.
 *
 * The SDK awaits a resource's input Outputs before it sends RegisterResource, so when B takes A's output the
 * registration of B only arrives after A's has been answered: dependency order falls out of the SDK, as with Pulumi.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { fromStruct, isRecord, PROVIDER_KEY, toStruct, type PropertyMap } from "./values";

export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** One resource as the program registered it. Inputs are in RPC form: secrets wrapped, preview unknowns as UNKNOWN. */
export interface ResourceRegistration {
  /** "register" for `new Resource(...)` (including `import`), "read" for `Resource.get` / the `id` option. */
  kind: "register" | "read";
  urn: string;
  type: string;
  name: string;
  /** false for component resources (including the root stack). */
  custom: boolean;
  parent?: string;
  inputs: PropertyMap;
  /** The serialised dynamic provider (`inputs.__provider`) when this is a dynamic resource. */
  provider?: string;
  /** The `import` option: adopt this existing id. */
  importId?: string;
  /** The id to read for `kind: "read"`. */
  readId?: string;
  /** Every resource this one depends on: `dependsOn`, its parent-free input dependencies. Stored in state. */
  dependencies: string[];
  /** Which inputs came from which resources' outputs. */
  propertyDependencies: Record<string, string[]>;
  /** Inputs whose values came from other resources' outputs (the keys of propertyDependencies that are non-empty). */
  dependentInputs: string[];
  /**
   * `dependencies` not explained by any input: the `dependsOn` option. An approximation: a resource named both in
   * `dependsOn` and through an input shows up only as an input dependency.
   */
  dependsOn: string[];
  additionalSecretOutputs: string[];
  protect: boolean;
  /** The `deleteBeforeReplace` option (undefined when the program did not set it). */
  deleteBeforeReplace?: boolean;
  ignoreChanges: string[];
  replaceOnChanges: string[];
  retainOnDelete: boolean;
  /**
   * Resource options the program set that the harness does not model (aliases, deletedWith, replaceWith,
   * replacementTrigger, transforms, hooks): the Deployment refuses such a registration instead of ignoring it.
   */
  unmodelledOptions: string[];
  /** Where the SDK says the resource was declared: its first frame outside the SDK's own constructors. */
  sourcePosition?: { uri: string; line: number };
  /** The call stack the SDK sends with the registration, as "uri:line" frames, innermost first. */
  stackTrace?: string[];
}

/** What the engine answers for one registration. Outputs in RPC form (secrets wrapped). */
export interface RegistrationOutcome {
  /** Empty or undefined during a preview create: the program then sees an unknown id. */
  id?: string;
  outputs: PropertyMap;
}

/**
 * How a registration the engine refused (threw for) is answered: like the engine answers a resource it skipped
 * (`RegisterResourceResponse.unknown`): no id and unknown outputs. Answering with an error instead would reject the
 * resource's outputs, and a dependent resource's inputs would then fail inside the SDK as a rejection nobody awaits:
 * the Node.js language host turns that into a failed program, jest into a failed test, whatever the test expected.
 * The refusal itself is kept in `ProgramRun.errors`, and the Deployment reports it from `up`.
 */
const SKIPPED: RegistrationOutcome = { outputs: {} };

/** The receiving side of a program run: the Deployment, or a simple capture-only stand-in. */
export interface ProgramEngine {
  register(registration: ResourceRegistration): Promise<RegistrationOutcome>;
  /** A component (or the stack) called registerOutputs. */
  registerOutputs?(urn: string, outputs: PropertyMap): void;
}

/** A Pulumi program: a function (its result becomes the stack outputs) or the path of a module to load. */
export type Program = (() => unknown) | string;

export interface RunProgramOptions {
  project: string;
  stack: string;
  /** Stack config with namespaced keys, e.g. `{"zoom:clientId": "..."}`; `new pulumi.Config("zoom")` reads it. */
  config?: Record<string, string>;
  secretConfigKeys?: string[];
  /** Runs with `pulumi.runtime.isDryRun() === true`. */
  preview?: boolean;
  /** Receives registrations. Without it each custom resource gets id `<name>-id` and its inputs as outputs. */
  engine?: ProgramEngine;
}

export interface ProgramRunError {
  urn?: string;
  message: string;
}

export interface ProgramRun {
  /** In the order the program's registrations reached the monitor. */
  resources: ResourceRegistration[];
  /** The stack outputs (RPC form: secrets wrapped), as the stack registered them. */
  outputs: PropertyMap;
  /** Registrations the engine refused, SDK-side failures (e.g. closure serialisation), and program exceptions. */
  errors: ProgramRunError[];
}

/** Thrown by callers that want a failed run to be an exception. */
export class ProgramError extends Error {
  override readonly name = "ProgramError";
  constructor(readonly errors: ProgramRunError[]) {
    super(`program failed:\n${errors.map((e) => `  - ${e.urn ? `${e.urn}: ` : ""}${e.message}`).join("\n")}`);
  }
}

type Callback = (err: unknown, response?: unknown) => void;

/** The methods of a MockMonitor instance this module replaces; typed loosely because the SDK types them `any`. */
interface PatchableMonitor {
  resources: Map<string, { urn: string; id: string | null; state: unknown }>;
  registerResource(req: resproto.RegisterResourceRequest, callback: Callback): Promise<void>;
  readResource(req: resproto.ReadResourceRequest, callback: Callback): Promise<void>;
  registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, callback: Callback): void;
}

/** The engine's URN rule: children of the root stack do not carry its type; other parents prefix theirs. */
export function makeUrn(stack: string, project: string, type: string, name: string, parentUrn?: string): string {
  let qualified = type;
  if (parentUrn) {
    const parentType = parentUrn.split("::")[2] ?? "";
    if (parentType !== ROOT_STACK_TYPE && parentType !== "") qualified = `${parentType}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** A capture-only engine: what plain `setMocks` tests do. */
export const echoEngine: ProgramEngine = {
  async register(reg) {
    return { id: reg.custom ? (reg.readId ?? reg.importId ?? `${reg.name}-id`) : undefined, outputs: reg.inputs };
  },
};

// One program at a time per module registry: the Pulumi runtime keeps its settings in a process-global store.
let queue: Promise<unknown> = Promise.resolve();

/** Runs a program in this process. Concurrent calls are queued. */
export function runProgram(program: Program, options: RunProgramOptions): Promise<ProgramRun> {
  const run = queue.then(() => runExclusive(program, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runExclusive(program: Program, options: RunProgramOptions): Promise<ProgramRun> {
  const engine = options.engine ?? echoEngine;
  const resources: ResourceRegistration[] = [];
  const errors: ProgramRunError[] = [];

  await pulumi.runtime.setMocks(
    {
      newResource: () => Promise.reject(new Error("harness: registerResource is handled by the patched monitor")),
      call: (args) => Promise.reject(new Error(`harness: invokes are not supported (${args.token})`)),
    },
    options.project,
    options.stack,
    options.preview ?? false,
  );
  pulumi.runtime.setAllConfig(options.config ?? {}, options.secretConfigKeys ?? []);
  const monitor = pulumi.runtime.getMonitor() as unknown;
  if (!(monitor instanceof MockMonitor)) throw new Error("harness: setMocks did not install a MockMonitor");
  const patchable = monitor as unknown as PatchableMonitor;

  const register = async (reg: ResourceRegistration): Promise<RegistrationOutcome> => {
    resources.push(reg);
    try {
      const outcome = await engine.register(reg);
      patchable.resources.set(reg.urn, { urn: reg.urn, id: outcome.id ?? null, state: outcome.outputs });
      return outcome;
    } catch (err) {
      errors.push({ urn: reg.urn, message: messageOf(err) });
      return SKIPPED;
    }
  };
  /** A monitor method that answers a registration request with the engine's outcome, or the SDK with a gRPC error. */
  const answer =
    <Req>(toRegistration: (req: Req) => ResourceRegistration, respond: (reg: ResourceRegistration, outcome: RegistrationOutcome) => unknown) =>
    async (req: Req, callback: Callback): Promise<void> => {
      try {
        const reg = toRegistration(req);
        callback(null, respond(reg, await register(reg)));
      } catch (err) {
        callback(grpcError(err));
      }
    };

  patchable.registerResource = answer(
    (req: resproto.RegisterResourceRequest) => registrationFromRequest(req, options),
    (reg, outcome) => {
      const resp = new resproto.RegisterResourceResponse();
      resp.setUrn(reg.urn);
      resp.setId(outcome.id ?? "");
      resp.setObject(toStruct(outcome.outputs));
      // Non-preview: tells the SDK the outputs are unknown rather than "missing, so take them from the inputs".
      if (outcome === SKIPPED) resp.setUnknown(true);
      return resp;
    },
  );
  patchable.readResource = answer(
    (req: resproto.ReadResourceRequest) => registrationFromReadRequest(req, options),
    (reg, outcome) => new resproto.ReadResourceResponse().setUrn(reg.urn).setProperties(toStruct(outcome.outputs)),
  );
  let outputs: PropertyMap = {};
  patchable.registerResourceOutputs = (req, callback) => {
    try {
      const registered = fromStruct(req.getOutputs());
      if (req.getUrn().split("::")[2] === ROOT_STACK_TYPE) outputs = registered;
      engine.registerOutputs?.(req.getUrn(), registered);
      callback(null, {});
    } catch (err) {
      callback(grpcError(err));
    }
  };

  // The SDK reports its own failures (e.g. closure serialisation of a provider) only as rejected promises nobody
  // awaits; the Node.js language host turns them into a failed program. Record them. Under jest this listener never
  // fires (a test's `process` is a copy whose listeners do not reach the real process): jest reports them itself and
  // fails the test, which is the right outcome for such bugs.
  // One failure rejects many promises; keep each message once.
  const onUnhandled = (reason: unknown): void => {
    const message = messageOf(reason);
    if (!errors.some((e) => e.message === message)) errors.push({ message });
  };
  process.on("unhandledRejection", onUnhandled);
  try {
    await pulumi.runtime.runInPulumiStack(async () => {
      // A program exception is recorded here rather than thrown into the Stack resource, whose internal promises
      // would otherwise reject unobserved (see SKIPPED).
      try {
        return await runUserProgram(program);
      } catch (err) {
        errors.push({ message: messageOf(err) });
        return {};
      }
    });
  } catch (err) {
    errors.push({ message: messageOf(err) });
  } finally {
    // Waits for every outstanding registration (the SDK's RPC keep-alive), then drops the monitor.
    await pulumi.runtime.disconnect();
    // Let rejections of outputs nobody awaited surface before the listener goes.
    await new Promise((resolve) => setImmediate(resolve));
    process.off("unhandledRejection", onUnhandled);
  }
  return { resources, outputs, errors };
}

// Module programs already run once in this process, by resolved path, with the exports seen then.
const loadedModules = new Map<string, unknown>();

/** Runs the program body inside the stack, as the Node.js language host does with a project's main module. */
async function runUserProgram(program: Program): Promise<unknown> {
  if (typeof program === "function") return program();
  const resolved = require.resolve(path.resolve(program));
  const previous = loadedModules.get(resolved);
  // Plain Node re-executes a module once it is out of the cache; jest's registry ignores require.cache, so a second
  // run there would register nothing and the engine would delete everything. Detect that instead of guessing.
  delete require.cache[resolved];
  // A program is loaded the way the language host loads a project's main module: a runtime require of a path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported: unknown = require(resolved);
  loadedModules.set(resolved, exported);
  const main = typeof exported === "function" ? exported : isRecord(exported) && typeof exported.default === "function" ? exported.default : undefined;
  if (main) return (main as () => unknown)();
  if (previous !== undefined && previous === exported) {
    throw new Error(
      `program module ${resolved} was already loaded in this module registry and cannot be re-run; export a function ` +
        "(`export = async () => { ... }` or `export default function`), or pass the program as a function",
    );
  }
  if (!isRecord(exported)) return {};
  const { __esModule: _esm, ...outputs } = exported;
  return outputs;
}

/** What both kinds of request say alike: the resource's URN, type, name and parent, and its dynamic provider. */
function identify(
  req: { getType(): string; getName(): string; getParent(): string },
  inputs: PropertyMap,
  options: RunProgramOptions,
): Pick<ResourceRegistration, "urn" | "type" | "name" | "parent" | "provider"> {
  const type = req.getType();
  const name = req.getName();
  const parent = req.getParent() || undefined;
  const provider = inputs[PROVIDER_KEY];
  return {
    urn: makeUrn(options.stack, options.project, type, name, parent),
    type,
    name,
    ...(parent ? { parent } : {}),
    ...(typeof provider === "string" ? { provider } : {}),
  };
}

function registrationFromRequest(req: resproto.RegisterResourceRequest, options: RunProgramOptions): ResourceRegistration {
  const inputs = fromStruct(req.getObject());
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => {
    propertyDependencies[key] = deps.getUrnsList();
  });
  const dependencies = req.getDependenciesList();
  const viaInputs = new Set(Object.values(propertyDependencies).flat());
  const reg: ResourceRegistration = {
    kind: "register",
    ...identify(req, inputs, options),
    custom: req.getCustom(),
    inputs,
    dependencies,
    propertyDependencies,
    dependentInputs: Object.keys(propertyDependencies).filter((k) => (propertyDependencies[k] ?? []).length > 0).sort(),
    dependsOn: dependencies.filter((d) => !viaInputs.has(d)),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    protect: req.getProtect() === true,
    ignoreChanges: req.getIgnorechangesList(),
    replaceOnChanges: req.getReplaceonchangesList(),
    retainOnDelete: req.getRetainondelete() === true,
    unmodelledOptions: unmodelledOptions(req),
  };
  if (req.getImportid()) reg.importId = req.getImportid();
  if (req.getDeletebeforereplacedefined()) reg.deleteBeforeReplace = req.getDeletebeforereplace();
  reg.stackTrace = (req.getStacktrace()?.getFramesList() ?? []).flatMap((frame) => {
    const pc = frame.getPc();
    return pc ? [`${pc.getUri()}:${pc.getLine()}`] : [];
  });
  const position = req.getSourceposition();
  if (position) reg.sourcePosition = { uri: position.getUri(), line: position.getLine() };
  return reg;
}

function registrationFromReadRequest(req: resproto.ReadResourceRequest, options: RunProgramOptions): ResourceRegistration {
  const inputs = fromStruct(req.getProperties());
  return {
    kind: "read",
    ...identify(req, inputs, options),
    custom: true,
    inputs,
    readId: req.getId(),
    dependencies: req.getDependenciesList(),
    propertyDependencies: {},
    dependentInputs: [],
    dependsOn: req.getDependenciesList(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    protect: false,
    ignoreChanges: [],
    replaceOnChanges: [],
    retainOnDelete: false,
    unmodelledOptions: [],
  };
}

/** The options of a RegisterResourceRequest that change what the engine does in ways the harness does not follow. */
function unmodelledOptions(req: resproto.RegisterResourceRequest): string[] {
  const found: string[] = [];
  if (req.getAliasurnsList().length > 0 || req.getAliasesList().length > 0) found.push("aliases");
  if (req.getDeletedwith()) found.push("deletedWith");
  if (req.getReplaceWithList().length > 0) found.push("replaceWith");
  const trigger = req.getReplacementTrigger();
  // Value.KindCase: 0 = not set, 1 = null.
  if (trigger && trigger.getKindCase() > 1) found.push("replacementTrigger");
  if (req.getTransformsList().length > 0) found.push("transforms");
  const hooks = req.getHooks()?.toObject() ?? {};
  if (Object.values(hooks).some((v) => Array.isArray(v) && v.length > 0)) found.push("hooks");
  return found;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The SDK reads `code` and `message` from monitor errors, as from a grpc-js ServiceError. */
function grpcError(err: unknown): { code: number; message: string; details: string } {
  const message = messageOf(err);
  return { code: 2, message, details: message };
}
