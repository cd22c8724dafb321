/**
 * One fleet through the real host: `up`, then `refresh`, then `destroy`, each timed, with what the emulator
 * counted for each phase. Start-up happens before the clock and is reported separately (`startUp`): the host is
 * started and configured, and Pulumi's closure serializer is loaded in this (the program's) process. Both are
 * fixed costs of one `pulumi up` whatever its size; the serializer's is paid once per process, so without this only
 * the first fleet of a bench run carried it (0.5-0.6 s, the difference between 1.18 and 1.08 of Zoom's bound at
 * 100 objects, none at 1,000).
 */
import type { EmulatorPlan } from "../emulator";
import { attempt, benchDeployment, failedOperations, loadClosureSerializer, switchesLabel, type Switches } from "./deployment";
import { startBenchEmulator } from "./emulator";
import { fleetProgram, nullProgram, planFleet, seedFleetUsers, type Fleet } from "./fleet";
import { fleetMinimum, lowerBoundSeconds, total, type OperationCounts } from "./minimum";
import { delta, type StatsDelta } from "./stats";

export type FleetPhase = "up" | "refresh" | "destroy";
export const FLEET_PHASES: readonly FleetPhase[] = ["up", "refresh", "destroy"];

export interface PhaseResult {
  readonly phase: FleetPhase;
  readonly seconds: number;
  readonly stats: StatsDelta;
  readonly minimum: OperationCounts;
  /** Zoom's pro limits for the minimum requests (0 on an unlimited emulator has no meaning: still computed). */
  readonly lowerBoundSeconds: number;
  readonly failedOperations: number;
  readonly errors: readonly string[];
}

export interface FleetRun {
  readonly objects: number;
  readonly plan: EmulatorPlan;
  /** Resource operations at once (the harness's, as `pulumi up --parallel`). */
  readonly parallel: number;
  readonly switches: string;
  readonly fleet: Pick<Fleet, "counts" | "notes">;
  readonly phases: readonly PhaseResult[];
  /** Before the clock: the host's start and configuration; the program's first provider serialization. */
  readonly startUp: { readonly hostSeconds: number; readonly serializerSeconds: number };
  readonly peakRssKb: number | undefined;
  readonly totals: {
    readonly seconds: number;
    readonly lowerBoundSeconds: number;
    readonly requests: number;
    readonly minimumRequests: number;
    readonly rateLimited: number;
    readonly failedOperations: number;
    readonly tokenRequests: number;
  };
}

export interface FleetRunOptions {
  readonly objects: number;
  readonly plan: EmulatorPlan;
  readonly switches?: Switches;
  /** Default: the harness's default, Pulumi's (four per CPU). */
  readonly parallel?: number;
  /** `null`: the same registrations with a provider that does nothing (the engine floor). Default `zoom`. */
  readonly program?: "zoom" | "null";
  readonly log?: (line: string) => void;
}

export async function runFleet(options: FleetRunOptions): Promise<FleetRun> {
  const log = options.log ?? (() => undefined);
  const emulator = await startBenchEmulator(options.plan);
  try {
    const users = await seedFleetUsers(emulator.control);
    const fleet = planFleet(options.objects, users);
    const deployment = benchDeployment(emulator.info, {
      project: `bench-${options.objects}`,
      reuseHost: true,
      ...(options.switches ? { switches: options.switches } : {}),
      ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
    });
    const program = options.program === "null" ? nullProgram(fleet) : fleetProgram(fleet);
    const phases: PhaseResult[] = [];
    let peakRssKb: number | undefined;
    let startUp = { hostSeconds: 0, serializerSeconds: 0 };
    try {
      // An empty refresh starts and configures the host without calling Zoom.
      const started = performance.now();
      await deployment.refresh();
      const hostStarted = performance.now();
      await loadClosureSerializer();
      startUp = { hostSeconds: (hostStarted - started) / 1000, serializerSeconds: (performance.now() - hostStarted) / 1000 };
      const operations: Record<FleetPhase, () => ReturnType<typeof deployment.up>> = {
        up: () => deployment.up(program),
        refresh: () => deployment.refresh(),
        destroy: () => deployment.destroy(),
      };
      for (const phase of FLEET_PHASES) {
        const before = await emulator.control.stats();
        const t0 = performance.now();
        const outcome = await attempt(operations[phase]);
        const seconds = (performance.now() - t0) / 1000;
        const stats = delta(await emulator.control.stats(), before);
        const minimum = fleetMinimum(fleet, phase);
        phases.push({
          phase,
          seconds,
          stats,
          minimum,
          lowerBoundSeconds: lowerBoundSeconds(minimum),
          failedOperations: failedOperations(outcome),
          errors: outcome.errors.slice(0, 5),
        });
        log(`    ${phase}: ${seconds.toFixed(1)} s, ${stats.requests} requests, ${stats.rateLimited} x 429, ${failedOperations(outcome)} failed`);
      }
    } finally {
      const exit = await deployment.close();
      peakRssKb = exit?.peakRssKb;
    }
    return {
      objects: options.objects,
      plan: options.plan,
      parallel: deployment.parallel,
      switches: options.program === "null" ? "null provider" : switchesLabel(options.switches ?? {}),
      fleet: { counts: fleet.counts, notes: fleet.notes },
      phases,
      startUp,
      peakRssKb,
      totals: {
        seconds: phases.reduce((a, p) => a + p.seconds, 0),
        lowerBoundSeconds: phases.reduce((a, p) => a + p.lowerBoundSeconds, 0),
        requests: phases.reduce((a, p) => a + p.stats.requests, 0),
        minimumRequests: phases.reduce((a, p) => a + total(p.minimum), 0),
        rateLimited: phases.reduce((a, p) => a + p.stats.rateLimited, 0),
        failedOperations: phases.reduce((a, p) => a + p.failedOperations, 0),
        tokenRequests: phases.reduce((a, p) => a + p.stats.tokenRequests, 0),
      },
    };
  } finally {
    await emulator.close();
  }
}
