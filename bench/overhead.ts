/**
 * Provider overhead: the fleet's up, refresh and destroy end to end through the host with every limit off (the
 * emulator unlimited, the client's limiter off), against the same requests from a plain loop (bareLoop.ts) with
 * the same parallelism, each on a fresh emulator in the same run. Also the engine floor: the same registrations
 * with a provider that does nothing (nullProvider.ts), so the report can tell Pulumi's per-resource cost from ours.
 */
import type { Switches } from "./deployment";
import { startBenchEmulator } from "./emulator";
import { planFleet, seedFleetUsers } from "./fleet";
import { runBareLoop, type BarePhase } from "./bareLoop";
import { runFleet, type FleetPhase, type FleetRun } from "./throughput";

export interface OverheadRun {
  readonly objects: number;
  readonly parallel: number;
  readonly bare: readonly BarePhase[];
  readonly e2e: FleetRun;
  /** The null provider through the same host. */
  readonly engine: FleetRun;
  /** Through the host / bare HTTP. */
  readonly ratios: Readonly<Record<FleetPhase | "total", number>>;
  /** (Through the host - engine floor) / bare HTTP: what the provider adds to the requests. */
  readonly providerRatios: Readonly<Record<FleetPhase | "total", number>>;
}

export async function runOverhead(objects: number, parallel: number, switches: Switches = {}, log?: (line: string) => void): Promise<OverheadRun> {
  const emulator = await startBenchEmulator("unlimited");
  let bare: BarePhase[];
  try {
    const users = await seedFleetUsers(emulator.control);
    bare = await runBareLoop(emulator.info, planFleet(objects, users), parallel);
  } finally {
    await emulator.close();
  }
  log?.(`    bare loop: ${bare.map((p) => `${p.phase} ${p.seconds.toFixed(2)} s`).join(", ")}`);
  const e2e = await runFleet({ objects, plan: "unlimited", parallel, switches: { ...switches, noLimiter: true }, ...(log ? { log } : {}) });
  log?.("    engine floor (null provider):");
  const engine = await runFleet({ objects, plan: "unlimited", parallel, program: "null", ...(log ? { log } : {}) });
  const seconds = (phase: FleetPhase | "total", of: readonly { phase: FleetPhase; seconds: number }[]) =>
    of.filter((p) => phase === "total" || p.phase === phase).reduce((a, p) => a + p.seconds, 0);
  const ratio = (phase: FleetPhase | "total") => seconds(phase, e2e.phases) / seconds(phase, bare);
  const providerRatio = (phase: FleetPhase | "total") => (seconds(phase, e2e.phases) - seconds(phase, engine.phases)) / seconds(phase, bare);
  const each = (f: (phase: FleetPhase | "total") => number) => ({ up: f("up"), refresh: f("refresh"), destroy: f("destroy"), total: f("total") });
  return { objects, parallel, bare, e2e, engine, ratios: each(ratio), providerRatios: each(providerRatio) };
}
