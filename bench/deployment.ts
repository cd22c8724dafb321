/** A harness Deployment against a bench emulator, with the benchmark-only switches on the host process. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { EmulatorInfo } from "../emulator";
import { Deployment, DeploymentError, serializeProvider, type PlanSummary } from "../harness";
import { providerStub } from "../provider/framework/stub";

/**
 * The host's cwd: the nearest directory above this module with `node_modules/pulumi-zoom`, where the state's stubs
 * `require("pulumi-zoom")` (the link `npm ci` makes to this checkout). The repository root, whether this runs from
 * dist/bench or, under jest, from bench/.
 */
export const REPO_ROOT = hostRoot(__dirname);

function hostRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "node_modules", "pulumi-zoom"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, "..", "..");
  }
}

/**
 * Serializes one provider stub as a dynamic resource's construction does. The first serialization in a process
 * loads Pulumi's closure serializer (it opens a V8 inspector session: ~0.5 s on two cores), which every later
 * one reuses: start-up, like the host's, measured apart from the work.
 */
export async function loadClosureSerializer(): Promise<void> {
  await serializeProvider(providerStub("Meeting"));
}

/** Mechanisms a run can switch off to show what they gain. */
export interface Switches {
  readonly noListCache?: boolean;
  readonly noLimiter?: boolean;
}

export function switchesLabel(switches: Switches): string {
  const off = [switches.noListCache ? "list cache off" : "", switches.noLimiter ? "limiter off" : ""].filter(Boolean);
  return off.length ? off.join(", ") : "default";
}

/** Where the emulator answers and the app's credentials: what the provider needs, without the control token. */
export type BenchEndpoint = Pick<EmulatorInfo, "url" | "oauthUrl" | "accountId" | "clientId" | "clientSecret">;

/** The stack config keys the benchmarks set as secrets (as a user sets the client secret). */
export const BENCH_SECRET_CONFIG_KEYS: readonly string[] = ["zoom:clientSecret"];

/** The `zoom:*` stack config pointing the provider at `info` with its credentials; `extra` over it. */
export function benchConfig(info: BenchEndpoint, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "zoom:apiUrl": info.url,
    "zoom:oauthUrl": info.oauthUrl,
    "zoom:accountId": info.accountId,
    "zoom:clientId": info.clientId,
    "zoom:clientSecret": info.clientSecret,
    ...extra,
  };
}

export interface BenchDeploymentOptions {
  readonly project: string;
  /** Default `bench`. */
  readonly stack?: string;
  /** The host's cwd, where `pulumi-zoom` resolves. Default: REPO_ROOT. */
  readonly cwd?: string;
  /** More stack config over benchConfig(info) (say `zoom:requestTimeoutSeconds`). */
  readonly config?: Record<string, string>;
  readonly switches?: Switches;
  /** Start from this state (a previous Deployment's `state`). */
  readonly state?: Deployment["state"];
  readonly reuseHost?: boolean;
  readonly parallel?: number;
}

export function benchDeployment(info: BenchEndpoint, options: BenchDeploymentOptions): Deployment {
  const hostEnv: NodeJS.ProcessEnv = {};
  if (options.switches?.noListCache) hostEnv.ZOOM_BENCH_NO_LIST_CACHE = "1";
  if (options.switches?.noLimiter) hostEnv.ZOOM_BENCH_NO_LIMITER = "1";
  return new Deployment({
    project: options.project,
    stack: options.stack ?? "bench",
    cwd: options.cwd ?? REPO_ROOT,
    config: benchConfig(info, options.config),
    secretConfigKeys: [...BENCH_SECRET_CONFIG_KEYS],
    hostEnv,
    reuseHost: options.reuseHost ?? false,
    ...(options.state ? { state: options.state } : {}),
    ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
  });
}

export interface Outcome {
  readonly summary: PlanSummary | undefined;
  readonly errors: readonly string[];
}

/** Runs an operation; a failed operation still returns its summary (the state keeps what happened). */
export async function attempt(operation: () => Promise<PlanSummary>): Promise<Outcome> {
  try {
    const summary = await operation();
    return { summary, errors: [] };
  } catch (error) {
    if (error instanceof DeploymentError) return { summary: error.summary, errors: error.summary.errors };
    return { summary: undefined, errors: [error instanceof Error ? error.message : String(error)] };
  }
}

/** Failed resource operations of an outcome: failed steps that were not skipped because of an earlier failure. */
export function failedOperations(outcome: Outcome): number {
  if (!outcome.summary) return outcome.errors.length;
  return outcome.summary.steps.filter((s) => s.custom && s.status === "failed").length;
}
