/**
 * Everything a run measured, as figures with targets (results.json) and as tables (the terminal, the README).
 * Every figure is a count or a ratio of two things measured side by side in the same run.
 */
import type { DoorRun } from "./doors";
import type { DriftImportRun } from "./driftImport";
import type { CallsResult } from "./calls";
import type { MachineInfo } from "./machine";
import { total } from "./minimum";
import type { OverheadRun } from "./overhead";
import { fixed, passMark, renderTable, type Cell } from "./table";
import type { FleetRun } from "./throughput";

export interface Target {
  readonly op: "<=" | "<" | "==";
  readonly value: number;
}

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: Target;
  readonly pass?: boolean;
}

export interface MechanismRuns {
  readonly objects: number;
  /** Pro limits: default, list cache off, limiter off. */
  readonly pro: readonly FleetRun[];
  /** Limits off: default and list cache off (the limiter is off in every overhead run). */
  readonly unlimited: readonly OverheadRun[];
}

export interface BenchResults {
  readonly mode: "quick" | "full";
  readonly machine: MachineInfo;
  /** Pulumi's default --parallel on this machine (four per CPU); the runs' own is in each run. */
  readonly defaultParallel: number;
  readonly durationSeconds: number;
  readonly figures: readonly Figure[];
  readonly calls: CallsResult;
  readonly throughput: readonly FleetRun[];
  readonly overhead: readonly OverheadRun[];
  readonly mechanisms?: MechanismRuns;
  /** `pulumi-zoom drift` and `import` at each scale, Pro limits (driftImport.ts). */
  readonly driftImport?: readonly DriftImportRun[];
  /** The dynamic resources and the native plugin side by side (doors.ts). */
  readonly doors: readonly DoorRun[];
}

export const TARGETS = {
  // 2.5 KB: resolving only the project's own pulumi-zoom (stub.ts) costs ~400 bytes over a bare require.
  providerBytes: { op: "<=", value: 2560 },
  /** Issue 17: wall time within 10% of the lower bound Zoom's Pro limits allow (was 1.15). */
  throughputRatio: { op: "<=", value: 1.1 },
  /** Issue 17: `pulumi-zoom drift` and `import`, start-up included, within 15% of the bound. */
  scanRatio: { op: "<=", value: 1.15 },
  rateLimitedShare: { op: "<", value: 0.01 },
  failed: { op: "==", value: 0 },
  /**
   * Issue 17: what the provider itself adds, (through the host − the engine floor) ÷ bare HTTP, at most 2. The
   * earlier target (host ÷ bare ≤ 1.5) was below the floor of Pulumi's own machinery: a provider doing nothing
   * costs 5-10x the bare loopback time through the same SDK, gRPC and host.
   */
  providerCostRatio: { op: "<=", value: 2 },
  /** Mine, not the issue's ("should stay flat"): the largest scale's per-object figure within 25% of 1,000's. */
  flatness: { op: "<=", value: 1.25 },
} as const satisfies Record<string, Target>;

function meets(value: number, target: Target): boolean {
  return target.op === "<=" ? value <= target.value : target.op === "<" ? value < target.value : value === target.value;
}

/** A measured figure, judged against its target when it has one. */
export function figure(name: string, value: number, unit: string, target?: Target): Figure {
  return target ? { name, value, unit, target, pass: meets(value, target) } : { name, value, unit };
}

const targetText = (t: Target | undefined) => (t ? `${t.op} ${t.value}` : "");
const mb = (kb: number | undefined) => (kb === undefined ? "-" : (kb / 1024).toFixed(0));

export function throughputRatio(run: FleetRun): number {
  return run.totals.seconds / run.totals.lowerBoundSeconds;
}

export function rateLimitedShare(run: FleetRun): number {
  return run.totals.requests === 0 ? 0 : run.totals.rateLimited / run.totals.requests;
}

/** The figures with targets (and a few without), flat, for results.json and the summary table. */
export function collectFigures(calls: CallsResult, throughput: readonly FleetRun[], overhead: readonly OverheadRun[]): Figure[] {
  const figures: Figure[] = [];
  for (const s of calls.stateSizes) {
    figures.push(figure(`state.${s.kind}.__provider`, s.providerBytes, "B", TARGETS.providerBytes));
    figures.push(figure(`state.${s.kind}.resource`, s.resourceBytes, "B"));
  }
  for (const row of calls.rows) figures.push(figure(`calls.${row.kind}.${row.phase}`, row.measured, "requests", { op: "<=", value: row.expected }));
  for (const row of calls.listReads) figures.push(figure(`calls.${row.kind}.${row.objects}.${row.phase}`, row.measured, "list requests", { op: "<=", value: row.expected }));
  for (const row of calls.tokens) figures.push(figure(`tokens.${row.phase}`, row.tokenRequests, "token requests", { op: "<=", value: row.expected }));
  for (const run of throughput) {
    figures.push(figure(`throughput.${run.objects}.wallOverLowerBound`, round(throughputRatio(run)), "x", TARGETS.throughputRatio));
    figures.push(figure(`throughput.${run.objects}.rateLimitedShare`, round(rateLimitedShare(run), 4), "share", TARGETS.rateLimitedShare));
    figures.push(figure(`throughput.${run.objects}.failedOperations`, run.totals.failedOperations, "operations", TARGETS.failed));
    figures.push(figure(`throughput.${run.objects}.tokenRequests`, run.totals.tokenRequests, "token requests", { op: "<=", value: 1 }));
  }
  for (const run of overhead) {
    figures.push(figure(`overhead.${run.objects}.e2eOverBare`, round(run.ratios.total), "x"));
    figures.push(figure(`overhead.${run.objects}.e2eMinusEngineFloorOverBare`, round(run.providerRatios.total), "x", TARGETS.providerCostRatio));
    figures.push(figure(`overhead.${run.objects}.hostPeakRss`, Math.round((run.e2e.peakRssKb ?? 0) / 1024), "MB"));
  }
  const largest = (runs: readonly { objects: number }[]) => runs.reduce<{ objects: number } | undefined>((a, r) => (!a || r.objects > a.objects ? r : a), undefined);
  const at1000 = overhead.find((r) => r.objects === 1000);
  const top = largest(overhead) as OverheadRun | undefined;
  if (at1000 && top && top.objects > 1000) {
    const perObject = (r: OverheadRun) => r.e2e.totals.seconds / r.objects;
    figures.push(figure(`scaling.unlimited.msPerObject.${top.objects}over1000`, round(perObject(top) / perObject(at1000)), "x", TARGETS.flatness));
    const t1000 = throughput.find((r) => r.objects === 1000);
    const tTop = throughput.find((r) => r.objects === top.objects);
    if (t1000 && tTop) figures.push(figure(`scaling.pro.ratio.${top.objects}over1000`, round(throughputRatio(tTop) / throughputRatio(t1000)), "x", TARGETS.flatness));
    const rssPerObject = ((top.e2e.peakRssKb ?? 0) - (at1000.e2e.peakRssKb ?? 0)) / (top.objects - 1000);
    figures.push(figure(`scaling.hostRssGrowth`, round(rssPerObject, 1), "KB per object"));
  }
  return figures;
}

function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// ---- tables ------------------------------------------------------------------------------------------------

export function stateTable(calls: CallsResult): string {
  return renderTable(
    "State size (one object of each kind, from exportState)",
    ["kind", "__provider B", "resource B", "target", ""],
    calls.stateSizes.map((s) => [s.kind, s.providerBytes, s.resourceBytes, `__provider ${targetText(TARGETS.providerBytes)}`, passMark(meets(s.providerBytes, TARGETS.providerBytes))]),
  );
}

export function callsTable(calls: CallsResult): string {
  const phases = ["create", "read", "update", "delete", "noop"] as const;
  const kinds = [...new Set(calls.rows.map((r) => r.kind))];
  const cell = (kind: string, phase: string): Cell => {
    const row = calls.rows.find((r) => r.kind === kind && r.phase === phase);
    if (!row) return "-";
    return `${row.measured}/${row.expected}${row.measured > row.expected ? " MISS" : ""}`;
  };
  const main = renderTable(
    "Calls per operation (measured/minimum; one object of each kind, each phase its own host process)",
    ["kind", ...phases.map((p) => (p === "noop" ? "up, no change" : p))],
    kinds.map((k) => [k, ...phases.map((p) => cell(k, p))]),
  );
  const notes = calls.rows.filter((r) => r.note).map((r) => `  ${r.kind} ${r.phase}: ${r.note}`);
  const lists = renderTable(
    "List-only reads at scale (list requests per kind and account)",
    ["kind", "objects", "phase", "measured", "minimum ceil(N/300)", ""],
    calls.listReads.map((r) => [r.kind, r.objects, r.phase, r.measured, r.expected, passMark(r.measured <= r.expected)]),
  );
  const tokens = renderTable(
    "Token requests per host process (token lifetime 1 h)",
    ["phase", "token requests", "expected", ""],
    calls.tokens.map((t) => [t.phase, t.tokenRequests, t.expected, passMark(t.tokenRequests <= t.expected)]),
  );
  const errors = calls.errors.length ? `\nErrors:\n${calls.errors.map((e) => `  ${e}`).join("\n")}` : "";
  return `${main}\nWhy more than one call:\n${[...new Set(notes)].join("\n")}\n\n${lists}\n\n${tokens}${errors}`;
}

export function throughputTable(runs: readonly FleetRun[], title = "Throughput against Zoom's Pro limits (LIGHT 30/s, MEDIUM 20/s): up, refresh, destroy"): string {
  const rows: Cell[][] = [];
  for (const run of runs) {
    for (const p of run.phases) {
      rows.push([run.objects, run.switches, run.parallel, p.phase, fixed(p.seconds, 1), fixed(p.lowerBoundSeconds, 1), fixed(p.seconds / p.lowerBoundSeconds), `${p.stats.requests}/${total(p.minimum)}`, p.stats.rateLimited, p.failedOperations]);
    }
    rows.push([
      run.objects,
      run.switches,
      run.parallel,
      "total",
      fixed(run.totals.seconds, 1),
      fixed(run.totals.lowerBoundSeconds, 1),
      `${fixed(throughputRatio(run))} ${passMark(meets(throughputRatio(run), TARGETS.throughputRatio))}`,
      `${run.totals.requests}/${run.totals.minimumRequests}`,
      `${run.totals.rateLimited} (${fixed(100 * rateLimitedShare(run), 1)}%) ${passMark(meets(rateLimitedShare(run), TARGETS.rateLimitedShare))}`,
      `${run.totals.failedOperations} ${passMark(run.totals.failedOperations === 0)}`,
    ]);
  }
  const mixes = runs.map((r) => `  ${r.objects} (${r.switches}): ${Object.entries(r.fleet.counts).map(([k, n]) => `${n} ${k}`).join(", ")}${r.fleet.notes.length ? `; ${r.fleet.notes.join("; ")}` : ""}`);
  const startUp = runs.map((r) => `${r.objects} (${r.switches}) host ${fixed(r.startUp.hostSeconds, 2)} s + serializer ${fixed(r.startUp.serializerSeconds, 2)} s`);
  return `${renderTable(title, ["objects", "switches", "parallel", "phase", "wall s", "bound s", "wall/bound", "requests/min", "429s", "failed"], rows)}\n  targets: wall/bound ${targetText(TARGETS.throughputRatio)}, 429s < 1% of requests, failed 0\n  start-up before the clock (Pulumi's: the host process, the program's closure serializer): ${startUp.join("; ")}\n${[...new Set(mixes)].join("\n")}`;
}

export function overheadTable(runs: readonly OverheadRun[]): string {
  const rows: Cell[][] = [];
  const secondsOf = (phases: readonly { phase: string; seconds: number }[], phase: string) =>
    phases.filter((p) => phase === "total" || p.phase === phase).reduce((a, p) => a + p.seconds, 0);
  for (const run of runs) {
    for (const phase of ["up", "refresh", "destroy", "total"] as const) {
      const e2e = secondsOf(run.e2e.phases, phase);
      const ratio = run.ratios[phase];
      rows.push([
        run.objects,
        run.e2e.switches,
        phase,
        fixed(e2e, 2),
        fixed(secondsOf(run.engine.phases, phase), 2),
        fixed(secondsOf(run.bare, phase), 2),
        fixed(ratio),
        phase === "total" ? `${fixed(run.providerRatios[phase])} ${passMark(meets(run.providerRatios[phase], TARGETS.providerCostRatio))}` : fixed(run.providerRatios[phase]),
        phase === "total" ? fixed((1000 * e2e) / run.objects, 2) : "",
        phase === "total" ? mb(run.e2e.peakRssKb) : "",
      ]);
    }
  }
  return `${renderTable(
    "Provider overhead, limits off (emulator unlimited, client limiter off), every operation at once",
    ["objects", "switches", "phase", "host s", "engine floor s", "bare HTTP s", "host/bare", "(host-floor)/bare", "ms/object", "host peak RSS MB"],
    rows,
  )}\n  target: (host-floor)/bare ${targetText(TARGETS.providerCostRatio)} (total): what the provider adds. Engine floor: the same registrations through the same host with a provider that does nothing.`;
}

export function scalingTable(throughput: readonly FleetRun[], overhead: readonly OverheadRun[]): string {
  const rows: Cell[][] = throughput.map((run) => {
    const o = overhead.find((r) => r.objects === run.objects);
    return [
      run.objects,
      fixed((1000 * run.totals.seconds) / run.objects, 1),
      fixed(throughputRatio(run)),
      o ? fixed((1000 * o.e2e.totals.seconds) / o.objects, 2) : "-",
      o ? fixed(o.ratios.total) : "-",
      mb(run.peakRssKb),
      run.peakRssKb === undefined ? "-" : fixed(run.peakRssKb / run.objects, 1),
    ];
  });
  return renderTable(
    "Scaling: per object, pro limits and limits off",
    ["objects", "pro ms/object", "pro wall/bound", "unlimited ms/object", "host/bare", "host peak RSS MB (pro)", "RSS KB/object"],
    rows,
  );
}

export function mechanismsTable(m: MechanismRuns): string {
  const base = m.pro[0];
  const rows: Cell[][] = m.pro.map((run) => [
    "pro",
    run.switches,
    run.parallel,
    fixed(run.totals.seconds, 1),
    base ? fixed(run.totals.seconds / base.totals.seconds) : "-",
    run.totals.requests,
    base ? fixed(run.totals.requests / base.totals.requests) : "-",
    run.totals.rateLimited,
    run.totals.failedOperations,
  ]);
  const uBase = m.unlimited[0];
  for (const run of m.unlimited) {
    rows.push([
      "unlimited",
      run.e2e.switches,
      run.e2e.parallel,
      fixed(run.e2e.totals.seconds, 1),
      uBase ? fixed(run.e2e.totals.seconds / uBase.e2e.totals.seconds) : "-",
      run.e2e.totals.requests,
      uBase ? fixed(run.e2e.totals.requests / uBase.e2e.totals.requests) : "-",
      run.e2e.totals.rateLimited,
      run.e2e.totals.failedOperations,
    ]);
  }
  return renderTable(
    `What each mechanism gains (${m.objects} objects, up + refresh + destroy; ratios against the default run)`,
    ["limits", "switches", "parallel", "wall s", "x default", "requests", "x default", "429s", "failed"],
    rows,
  );
}

export function figuresTable(figures: readonly Figure[]): string {
  const misses = figures.filter((f) => f.pass === false);
  const checked = figures.filter((f) => f.pass !== undefined).length;
  const body = misses.length
    ? renderTable(`Targets missed: ${misses.length} of ${checked}`, ["figure", "value", "target"], misses.map((f) => [f.name, `${f.value} ${f.unit}`, targetText(f.target)]))
    : `All ${checked} targets met.`;
  return body;
}
