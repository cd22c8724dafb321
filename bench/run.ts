/**
 * `npm run bench` (full: 100, 1,000 and 5,000 objects; several minutes) or `npm run bench -- --quick` (100
 * objects; about a minute). Prints the tables and writes bench/results.json (quick: bench/results.quick.json).
 * Options: `--scales 100,1000` overrides the scales, `--no-mechanisms` skips the runs with mechanisms off,
 * `--only scan` runs only the drift-and-import section (driftImport.ts) at the scales, into bench/results.scan.json.
 *
 * Every run is bounded: each operation ends (Zoom errors and exhausted retries fail operations, they do not hang),
 * and a watchdog stops the process if a run ever takes longer than the budget below.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_PARALLEL } from "../harness";
import { measureCalls } from "./calls";
import { REPO_ROOT } from "./deployment";
import { doorsTable, runDoors } from "./doors";
import { runDriftImport, type DriftImportRun } from "./driftImport";
import { driftImportFigures, driftImportTable } from "./driftImportReport";
import { startBenchEmulator } from "./emulator";
import { machineInfo, type MachineInfo } from "./machine";
import { runOverhead, type OverheadRun } from "./overhead";
import {
  callsTable,
  collectFigures,
  figuresTable,
  mechanismsTable,
  overheadTable,
  scalingTable,
  stateTable,
  throughputTable,
  type BenchResults,
  type MechanismRuns,
} from "./report";
import { runFleet, type FleetRun } from "./throughput";

interface Options {
  readonly quick: boolean;
  readonly scales: readonly number[];
  readonly mechanisms: boolean;
  readonly mechanismScale: number;
  readonly onlyScan: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes("--quick");
  const scalesArg = argv.find((a, i) => a.startsWith("--scales=") || argv[i - 1] === "--scales");
  const scales = scalesArg
    ? scalesArg.replace("--scales=", "").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0)
    : quick
      ? [100]
      : [100, 1000, 5000];
  const onlyScan = argv.includes("--only=scan") || argv.some((a, i) => a === "scan" && argv[i - 1] === "--only");
  return { quick, scales, mechanisms: !argv.includes("--no-mechanisms"), mechanismScale: quick ? 100 : scales.includes(1000) ? 1000 : scales[0]!, onlyScan };
}

/**
 * The throughput and overhead runs hand every operation to the host at once (`pulumi up --parallel N` with N at
 * least the number of resources), so that the provider's limiter, not the engine's step scheduling, decides the
 * pace. With Pulumi's default (four per CPU) the steps come in registration order, which the SDK groups by
 * resource kind, so one rate-limit category is busy at a time; the mechanisms table shows that run too.
 */
const parallelFor = (objects: number): number => Math.max(objects, DEFAULT_PARALLEL);
/** Generous: a full run takes about ten minutes on two cores. */
const WATCHDOG_MS = 60 * 60_000;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; stopping`);
    process.exit(2);
  }, WATCHDOG_MS).unref();
  const log = (line: string) => console.error(line);
  const machine = machineInfo();
  log(`pulumi-zoom bench (${options.quick ? "quick" : "full"}): ${machine.cpus} CPUs, ${machine.memoryMb} MB, node ${machine.node}, load average ${machine.loadAverage}`);
  if (options.onlyScan) {
    await scanOnly(options, machine, log);
    clearTimeout(watchdog);
    return;
  }

  log("calls per operation and state size ...");
  const emulator = await startBenchEmulator("unlimited");
  const calls = await measureCalls(emulator.info, emulator.control).finally(() => emulator.close());

  const throughput: FleetRun[] = [];
  const overhead: OverheadRun[] = [];
  for (const objects of options.scales) {
    log(`${objects} objects, pro limits ...`);
    throughput.push(await runFleet({ objects, plan: "pro", parallel: parallelFor(objects), log }));
    log(`${objects} objects, limits off ...`);
    overhead.push(await runOverhead(objects, parallelFor(objects), {}, log));
  }

  let mechanisms: MechanismRuns | undefined;
  if (options.mechanisms) {
    const objects = options.mechanismScale;
    const base = throughput.find((r) => r.objects === objects);
    const baseOverhead = overhead.find((r) => r.objects === objects);
    const pro: FleetRun[] = base ? [base] : [];
    for (const switches of [{ noListCache: true }, { noLimiter: true }]) {
      log(`${objects} objects, pro limits, ${Object.keys(switches)[0]} ...`);
      pro.push(await runFleet({ objects, plan: "pro", parallel: parallelFor(objects), switches, log }));
    }
    log(`${objects} objects, pro limits, Pulumi's default parallelism (${DEFAULT_PARALLEL}) ...`);
    pro.push(await runFleet({ objects, plan: "pro", parallel: DEFAULT_PARALLEL, log }));
    log(`${objects} objects, limits off, noListCache ...`);
    const unlimited = [...(baseOverhead ? [baseOverhead] : []), await runOverhead(objects, parallelFor(objects), { noListCache: true }, log)];
    mechanisms = { objects, pro, unlimited };
  }

  const driftImport: DriftImportRun[] = [];
  for (const objects of options.scales) {
    log(`${objects} objects, pulumi-zoom drift and import, pro limits ...`);
    driftImport.push(await runDriftImport({ objects, plan: "pro", log }));
  }

  const doorObjects = options.quick ? 10 : 50;
  const doorsEmulator = await startBenchEmulator("unlimited");
  const doors = await runDoors(doorsEmulator.info, doorObjects, log).finally(() => doorsEmulator.close());

  const figures = [...collectFigures(calls, throughput, overhead), ...driftImportFigures(driftImport)];
  const results: BenchResults = {
    mode: options.quick ? "quick" : "full",
    machine,
    defaultParallel: DEFAULT_PARALLEL,
    durationSeconds: Math.round((performance.now() - started) / 1000),
    figures,
    calls,
    throughput,
    overhead,
    ...(mechanisms ? { mechanisms } : {}),
    driftImport,
    doors,
  };
  const tables = [
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryMb} MB, node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage} at start, ${machine.date}`,
    stateTable(calls),
    callsTable(calls),
    throughputTable(throughput),
    overheadTable(overhead),
    ...(options.scales.length > 1 ? [scalingTable(throughput, overhead)] : []),
    ...(mechanisms ? [mechanismsTable(mechanisms)] : []),
    driftImportTable(driftImport),
    doorsTable(doors),
    figuresTable(figures),
  ];
  console.log(tables.join("\n\n"));
  const file = path.join(REPO_ROOT, "bench", options.quick ? "results.quick.json" : "results.json");
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  log(`\nwrote ${path.relative(REPO_ROOT, file)} in ${results.durationSeconds} s`);
  clearTimeout(watchdog);
}

/** `--only scan`: the drift-and-import section alone, written to bench/results.scan.json. */
async function scanOnly(options: Options, machine: MachineInfo, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const driftImport: DriftImportRun[] = [];
  for (const objects of options.scales) {
    log(`${objects} objects, pulumi-zoom drift and import, pro limits ...`);
    driftImport.push(await runDriftImport({ objects, plan: "pro", log }));
  }
  const figures = driftImportFigures(driftImport);
  const loadAtEnd = Math.round(os.loadavg()[0]! * 10) / 10;
  console.log([`Machine: ${machine.cpus} CPUs, load average ${machine.loadAverage} at start, ${loadAtEnd} at end, ${machine.date}`, driftImportTable(driftImport), figuresTable(figures)].join("\n\n"));
  const file = path.join(REPO_ROOT, "bench", "results.scan.json");
  const results = { mode: options.quick ? "quick" : "full", machine, loadAverageAtEnd: loadAtEnd, durationSeconds: Math.round((performance.now() - started) / 1000), figures, driftImport };
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  log(`\nwrote ${path.relative(REPO_ROOT, file)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
