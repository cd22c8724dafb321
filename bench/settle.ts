/**
 * The generative settle test: random valid declarations of every kind (settleKinds.ts), created through the real
 * dynamic-provider host against the spec-maximal emulator, then refreshed by a fresh host (the plan must be
 * empty, and the refresh must change nothing), then changed to another random declaration (at most one update
 * or replace per resource) and checked empty again the same way. Many resources share one program per round, so
 * thousands of declarations take minutes, not hours.
 *
 *   npm run settle -- --runs 2000 --seed 1 [--kinds Meeting,TrackingField] [--per-round 40]
 *
 * Every round prints its seed; `--seed N --runs <per-round>` repeats one round exactly.
 */
import fc from "fast-check";
import type { EmulatorControl, EmulatorInfo, EmulatorStateSummary } from "../emulator";
import { DeploymentError, type Deployment, type PlanSummary, type StepRecord } from "../harness";
import { seedAccount } from "../fixtures/seed";
import { benchDeployment } from "./deployment";
import { SETTLE_KINDS, type Props, type SettleKind } from "./settleKinds";

export interface RoundReport {
  readonly kind: string;
  readonly seed: number;
  readonly declarations: number;
  /** Each a sentence with the resource, what went wrong, and its two declarations. */
  readonly failures: readonly string[];
}

function deployment(info: EmulatorInfo, state?: Deployment["state"]): Deployment {
  return benchDeployment(info, { project: "settle", stack: "settle", ...(state ? { state } : {}) });
}

async function run(operation: () => Promise<PlanSummary>): Promise<PlanSummary> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof DeploymentError) return error.summary;
    throw error;
  }
}

const nameOf = (urn: string) => urn.split("::").pop()!;
const changing = (step: StepRecord) => step.custom && step.op !== "same" && step.op !== "read";

/** One round: up to `count` resources of each of `kinds` in one program, declarations drawn with `seed`. */
export async function settleRound(
  info: EmulatorInfo,
  state: EmulatorStateSummary,
  kinds: readonly SettleKind[],
  seed: number,
  count: number,
  trace?: (line: string) => void,
): Promise<RoundReport> {
  const started = Date.now();
  const phase = (name: string) => trace?.(`  seed ${seed}: ${name} at ${Math.round((Date.now() - started) / 1000)} s`);
  const tag = String(seed);
  const slots = kinds.flatMap((kind) => Array.from({ length: Math.min(count, kind.capacity(state)) }, (_, i) => ({ kind, i, name: `${kind.kind}-${i}` })));
  const pairs = fc.sample(fc.tuple(...slots.map((slot) => slot.kind.pair(state, slot.i, tag))), { seed, numRuns: 1 })[0]! as readonly (readonly [Props, Props])[];
  const program = (which: 0 | 1) => () => {
    slots.forEach((slot, n) => slot.kind.register(slot.name, pairs[n]![which]));
    return {};
  };
  const failures: string[] = [];
  const shown = (name: string) => {
    const n = slots.findIndex((slot) => slot.name === name);
    return n >= 0 ? ` first ${JSON.stringify(pairs[n]![0])} then ${JSON.stringify(pairs[n]![1])}` : "";
  };
  const fail = (what: string, summary: PlanSummary, steps = true) => {
    for (const error of summary.errors) failures.push(`${what}: ${error}`);
    if (!steps) return;
    for (const step of summary.steps.filter(changing)) {
      const name = nameOf(step.urn);
      failures.push(`${what}: ${name} planned ${step.op} (${[...(step.changedKeys ?? []), ...(step.diff?.replaces ?? []).map((r) => `replaces ${r}`)].join(", ")});${shown(name)}`);
    }
  };
  /** A fresh host refreshes, then plans `which`: both must change nothing. */
  const expectSettled = async (d: Deployment, which: 0 | 1, after: string) => {
    const fresh = deployment(info, d.state);
    phase(`refresh after ${after}`);
    const refreshed = await run(() => fresh.refresh());
    phase(`plan after ${after}`);
    if (refreshed.errors.length > 0 || refreshed.changes > 0) fail(`refresh after ${after}`, refreshed);
    const plan = await run(() => fresh.preview(program(which)));
    if (plan.errors.length > 0 || plan.changes > 0) fail(`plan after ${after}`, plan);
    return fresh;
  };
  const report = () => ({ kind: [...new Set(kinds.map((k) => k.kind))].join(","), seed, declarations: slots.length, failures });

  const first = deployment(info);
  phase("create");
  const created = await run(() => first.up(program(0)));
  if (created.errors.length > 0) {
    fail("create", created, false);
    return report();
  }
  const settled = await expectSettled(first, 0, "create");
  phase("change");
  const changed = await run(() => settled.up(program(1)));
  if (changed.errors.length > 0) fail("change", changed, false);
  const perResource = new Map<string, StepRecord[]>();
  for (const step of changed.steps.filter(changing)) perResource.set(nameOf(step.urn), [...(perResource.get(nameOf(step.urn)) ?? []), step]);
  for (const [name, steps] of perResource) {
    // A template's source meeting is not what was changed; each declared resource gets at most one step.
    if (steps.length > 1 && !name.endsWith("-meeting")) failures.push(`change: ${name} took ${steps.map((s) => s.op).join(" + ")};${shown(name)}`);
  }
  await expectSettled(settled, 1, "change");
  return report();
}

/**
 * Rounds until `runs` declarations per kind, seeds from `seed` upwards, an emulator reset per round. Every round
 * holds every kind not yet done (each capped by its capacity), so a stopped run has covered all kinds evenly.
 */
export async function settleRuns(
  emulator: { info: EmulatorInfo; control: EmulatorControl },
  options: { runs: number; seed: number; perRound: number; kinds?: readonly string[]; log?: (line: string) => void },
): Promise<RoundReport[]> {
  const reports: RoundReport[] = [];
  const done = new Map(SETTLE_KINDS.filter((k) => !options.kinds || options.kinds.includes(k.kind)).map((k) => [k, 0]));
  for (let seed = options.seed; [...done.values()].some((n) => n < options.runs); seed++) {
    await emulator.control.reset();
    // Zoom keeps TSP accounts per user: enough users that TSP rounds are as full as the others (3 would take
    // hundreds of rounds to reach thousands of declarations). SIP trunks: each master trunk once per
    // sub-account, so enough master trunks for a full round too.
    const subAccounts = (await emulator.control.state()).subAccounts.length;
    const state = await seedAccount(emulator.control, { label: "settle", users: options.perRound, masterTrunks: Math.ceil(options.perRound / subAccounts) });
    const kinds = [...done].filter(([, n]) => n < options.runs).map(([k]) => k);
    const report = await settleRound(emulator.info, state, kinds, seed, options.perRound, options.log);
    reports.push(report);
    for (const kind of kinds) done.set(kind, done.get(kind)! + Math.min(options.perRound, kind.capacity(state)));
    options.log?.(`seed ${seed}: ${report.declarations} declarations (${report.kind}), ${report.failures.length === 0 ? "settled" : `${report.failures.length} failures`}; so far ${[...done].map(([k, n]) => `${k.kind} ${n}`).join(", ")}`);
    for (const failure of report.failures) options.log?.(`  ${failure}`);
  }
  return reports;
}

async function main(argv: readonly string[]): Promise<number> {
  const value = (flag: string, fallback: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
  };
  const runs = Number(value("--runs", "200"));
  const seed = Number(value("--seed", String(Date.now() % 1_000_000)));
  const perRound = Number(value("--per-round", "40"));
  const kinds = argv.includes("--kinds") ? value("--kinds", "").split(",") : undefined;
  const { startEmulator, EmulatorControl } = await import("../emulator");
  const emulator = await startEmulator({ plan: "unlimited", specMaximal: true });
  const control = new EmulatorControl(emulator);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`settle: ${runs} declarations per kind, first seed ${seed}, at most ${perRound} per round, spec-maximal emulator`);
  try {
    const reports = await settleRuns({ info: emulator, control }, { runs, seed, perRound, ...(kinds ? { kinds } : {}), log });
    const seeds = reports.map((r) => r.seed);
    const failures = reports.reduce((sum, r) => sum + r.failures.length, 0);
    log(`done: ${reports.length} rounds, seeds ${Math.min(...seeds)}..${Math.max(...seeds)}, ${reports.reduce((sum, r) => sum + r.declarations, 0)} declarations, ${failures} failures`);
    return reports.some((r) => r.failures.length > 0) ? 1 : 0;
  } finally {
    await emulator.close();
  }
}

if (require.main === module) {
  // exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it off.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
