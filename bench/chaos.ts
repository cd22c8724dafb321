/**
 * The large chaos run: at least 1,000 operations of every kind (create, update, replace, delete, refresh reads)
 * through the engine contract harness and the real dynamic-provider host, with 10% of all API requests spoiled
 * by every kind of fault; then a converging `up`, and the account compared with what was declared (see
 * bench/chaos/run.ts). `tests/reliability/chaos.test.ts` runs a small one in `npm test`.
 *
 *   npm run chaos [-- --seed 1 --rounds 40 --changes 35 --rate 0.1]
 *
 * Exits 1 when anything is off: orphans, duplicates, missing objects, lost updates, drift or changes after the
 * converging up, a converging up that failed, a failure that did not say which resource and operation, fewer
 * than 1,000 create/update/replace/delete operations, or a kind of fault the plan has that never struck.
 */
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { describeReport, runChaos } from "./chaos/run";

/** The repository root, where the host resolves `pulumi-zoom` (node_modules/pulumi-zoom links to it). */
function repositoryRoot(): string {
  // dist/bench/chaos.js -> repository root; bench/chaos.ts under a TypeScript runner -> the same.
  const here = __dirname;
  return path.basename(path.dirname(here)) === "dist" ? path.resolve(here, "../..") : path.resolve(here, "..");
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} takes a number`);
  return value;
}

async function main(): Promise<void> {
  const seed = option("seed", 1);
  const emulator = await startEmulator({ host: "127.0.0.1", port: 0, plan: "unlimited", randomSeed: seed });
  try {
    const report = await runChaos({
      emulator,
      cwd: repositoryRoot(),
      rounds: option("rounds", 40),
      changesPerRound: option("changes", 35),
      refreshEvery: 4,
      faultRate: option("rate", 0.1),
      seed,
      log: (line) => console.log(line),
    });
    console.log(describeReport(report));
    const problems = [
      ...report.orphans.map((o) => `orphan: ${o}`),
      ...report.missing.map((m) => `missing: ${m}`),
      ...report.duplicates.map((d) => `duplicate: ${d}`),
      ...report.lostUpdates.map((l) => `lost update: ${l}`),
      ...report.driftAfterConverge.map((d) => `drift after converging: ${d}`),
      ...report.convergeErrors.map((c) => `converging up: ${c}`),
      ...report.unclear.map((u) => `unclear failure: ${u.op} ${u.resource}: ${u.error}`),
      ...(report.changesAfterConverge > 0 ? [`${report.changesAfterConverge} change(s) planned after converging`] : []),
      ...(report.inState !== report.declared ? [`${report.declared} declared but ${report.inState} in state`] : []),
      ...report.faultKindsMissed.map((kind) => `the fault kind "${kind}" never struck`),
    ];
    const writes = report.totalOperations - (report.operations.read ?? 0);
    if (writes < 1000) problems.push(`only ${writes} create/update/replace/delete operations; raise --rounds or --changes for 1,000`);
    for (const failure of report.failed) console.log(`failed under faults (clear): ${failure.op} ${failure.resource}: ${failure.error.slice(0, 300)}`);
    for (const problem of problems) console.log(`PROBLEM ${problem}`);
    if (problems.length === 0) console.log(`OK: ${writes} create/update/replace/delete operations and ${report.operations.read ?? 0} refresh reads under faults; nothing lost, nothing duplicated`);
    process.exitCode = problems.length > 0 ? 1 : 0;
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
