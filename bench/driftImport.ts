/**
 * `pulumi-zoom drift` and `pulumi-zoom import` at scale against Zoom's Pro limits.
 *
 * The commands run as child processes (bench/cliRun.ts), as users run them: the measured wall time includes
 * process start-up, reading the stack export and writing the report or program, and the peak RSS is the
 * command's own (in-process, the emulator's worker thread and the bench itself would share the figure). The
 * start-up alone (`pulumi-zoom --help`, which loads every module the commands load) is measured beside them.
 *
 * Set-up, not measured: the fleet (bench/fleet.ts) is deployed with `pulumi up` through the real host on an
 * unlimited emulator, and the stack exported (`pulumi stack export` form); then the emulator switches to Pro
 * limits, and drift reads that stack while import scans the account that holds it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { EmulatorInfo, EmulatorPlan } from "../emulator";
import { DEFAULT_PARALLEL } from "../harness";
import { runCli, type CliRun } from "./cliRun";
import { benchDeployment } from "./deployment";
import { driftMinimum, fleetUsers, flatten, importMinimum, type KindCounts } from "./driftImportMinimum";
import { startBenchEmulator, type BenchEmulator } from "./emulator";
import { fleetOf, fleetProgram, planFleet, seedFleetUsers, type Fleet, type FleetKind } from "./fleet";
import { lowerBoundSeconds, type OperationCounts } from "./minimum";
import { delta, type StatsDelta } from "./stats";

export type ScanCommand = "drift" | "import";

export interface ScanRun {
  readonly command: ScanCommand;
  readonly exitCode: number | null;
  readonly seconds: number;
  readonly minimum: KindCounts;
  /** Zoom's Pro limits for the minimum requests. */
  readonly lowerBoundSeconds: number;
  readonly stats: StatsDelta;
  readonly peakRssKb: number | undefined;
  /**
   * Where the wall time went, from the emulator's request log: spawn to Zoom's first answer (start-up, reading
   * the input, the token), first to last answer (the requests, paced by the limiter), last answer to exit.
   */
  readonly timeline: { readonly toFirstAnswer: number; readonly requests: number; readonly afterLastAnswer: number } | undefined;
  /** What the command reported (objects read or written), to show the run did the whole job. */
  readonly outcome: string;
  readonly problems: readonly string[];
}

export interface DriftImportRun {
  readonly objects: number;
  readonly plan: EmulatorPlan;
  readonly fleet: Pick<Fleet, "counts" | "notes">;
  /** `pulumi-zoom --help`: process start-up and module loading. */
  readonly startup: { readonly seconds: number; readonly peakRssKb: number | undefined };
  readonly runs: readonly ScanRun[];
}

export interface DriftImportOptions {
  readonly objects: number;
  /** Exact counts per kind instead of the fleet's mix for `objects` (which they must add up to). */
  readonly counts?: Readonly<Record<FleetKind, number>>;
  /** Default `pro`; the request-count test runs `unlimited` (counts do not depend on the limits). */
  readonly plan?: EmulatorPlan;
  readonly commands?: readonly ScanCommand[];
  readonly log?: (line: string) => void;
}

function zoomEnv(info: EmulatorInfo): Record<string, string> {
  return { ZOOM_API_URL: info.url, ZOOM_OAUTH_URL: info.oauthUrl, ZOOM_ACCOUNT_ID: info.accountId, ZOOM_CLIENT_ID: info.clientId, ZOOM_CLIENT_SECRET: info.clientSecret };
}

export type ScanEmulator = Pick<BenchEmulator, "info" | "control">;

/** Deploys the fleet on the (unlimited) emulator and returns its stack export text. */
async function deployFleet(emulator: ScanEmulator, fleet: Fleet): Promise<string> {
  const deployment = benchDeployment(emulator.info, { project: `scan-${fleet.objects}`, parallel: Math.max(fleet.objects, DEFAULT_PARALLEL) });
  try {
    const summary = await deployment.up(fleetProgram(fleet));
    if (summary.errors.length > 0) throw new Error(`deploying the fleet failed: ${summary.errors.slice(0, 3).join("; ")}`);
    return JSON.stringify(deployment.exportState());
  } finally {
    await deployment.close();
  }
}

function driftOutcome(run: CliRun, objects: number): { outcome: string; problems: string[] } {
  try {
    const report = JSON.parse(run.stdout) as { summary: Record<string, number> };
    const s = report.summary;
    const problems = [
      ...(s.managed !== objects ? [`${s.managed} managed, expected ${objects}`] : []),
      ...((s.errors ?? 0) > 0 ? [`${s.errors} errors`] : []),
      ...((s.missing ?? 0) > 0 ? [`${s.missing} missing`] : []),
    ];
    return { outcome: `${s.managed} managed, ${s.drifted} drifted, ${s.unmanaged} unmanaged`, problems };
  } catch {
    return { outcome: "no report", problems: [`exit ${run.exitCode}: ${run.stderr.slice(0, 300)}`] };
  }
}

function importOutcome(run: CliRun, expected: number): { outcome: string; problems: string[] } {
  const match = /pulumi-zoom import: (\d+) objects?/.exec(run.stderr);
  if (run.exitCode !== 0 || !match) return { outcome: "nothing written", problems: [`exit ${run.exitCode}: ${run.stderr.slice(0, 300)}`] };
  const written = Number(match[1]);
  return { outcome: `${written} objects written`, problems: written === expected ? [] : [`${written} objects written, expected ${expected}`] };
}

function timelineOf(spawned: number, seconds: number, first: number, last: number): ScanRun["timeline"] {
  const toFirstAnswer = (first - spawned) / 1000;
  const requests = (last - first) / 1000;
  return { toFirstAnswer, requests, afterLastAnswer: Math.max(0, seconds - toFirstAnswer - requests) };
}

/** On a fresh bench emulator (a worker thread), closed afterwards. */
export async function runDriftImport(options: DriftImportOptions): Promise<DriftImportRun> {
  const emulator = await startBenchEmulator("unlimited");
  try {
    return await measureScans(emulator, options);
  } finally {
    await emulator.close();
  }
}

/** On an emulator of the caller's (unlimited, empty: the fleet is deployed on it), which keeps it. */
export async function measureScans(emulator: ScanEmulator, options: DriftImportOptions): Promise<DriftImportRun> {
  const log = options.log ?? (() => undefined);
  const plan = options.plan ?? "pro";
  const commands = options.commands ?? ["drift", "import"];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-zoom-scan-"));
  try {
    const users = await seedFleetUsers(emulator.control);
    const fleet = options.counts ? fleetOf(options.counts, users) : planFleet(options.objects, users);
    if (fleet.objects !== options.objects) throw new Error(`the counts add up to ${fleet.objects} objects, not ${options.objects}`);
    const stateFile = path.join(dir, "state.json");
    fs.writeFileSync(stateFile, await deployFleet(emulator, fleet));
    await emulator.control.setPlan(plan);
    // A clean rate-limit window: nothing of the set-up counts against the measured runs.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const env = zoomEnv(emulator.info);
    const startupRun = await runCli(["--help"], env);
    const scanUsers = [...fleetUsers(fleet).keys()];
    const runs: ScanRun[] = [];
    for (const command of commands) {
      const args =
        command === "drift"
          ? ["drift", stateFile, "--json", "--plan", plan === "unlimited" ? "business" : plan]
          : ["import", "--users", scanUsers.join(","), "--out", path.join(dir, "index.ts"), "--plan", plan === "unlimited" ? "business" : plan];
      const minimum = command === "drift" ? driftMinimum(fleet) : importMinimum(fleet, users.length);
      await emulator.control.resetStats();
      const before = await emulator.control.stats();
      const spawned = Date.now();
      const run = await runCli(args, env);
      const stats = delta(await emulator.control.stats(), before);
      const answers = (await emulator.control.requests()).map((r) => Date.parse(r.at)).filter(Number.isFinite);
      const { outcome, problems } = command === "drift" ? driftOutcome(run, options.objects) : importOutcome(run, options.objects + users.length);
      const flat: OperationCounts = flatten(minimum);
      runs.push({
        command,
        exitCode: run.exitCode,
        seconds: run.seconds,
        minimum,
        lowerBoundSeconds: lowerBoundSeconds(flat, "pro"),
        stats,
        peakRssKb: run.peakRssKb,
        timeline: answers.length === 0 ? undefined : timelineOf(spawned, run.seconds, Math.min(...answers), Math.max(...answers)),
        outcome,
        problems,
      });
      log(`    ${command}: ${run.seconds.toFixed(1)} s, ${stats.requests} requests, ${stats.rateLimited} x 429, ${outcome}${problems.length ? `; PROBLEMS: ${problems.join("; ")}` : ""}`);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
    return { objects: options.objects, plan, fleet: { counts: fleet.counts, notes: fleet.notes }, startup: { seconds: startupRun.seconds, peakRssKb: startupRun.peakRssKb }, runs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
