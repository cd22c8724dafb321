/** The drift-and-import section of the bench report: a table for the terminal and figures for results.json. */
import type { DriftImportRun, ScanRun } from "./driftImport";
import { byKind, flatten } from "./driftImportMinimum";
import { total, type OperationCounts } from "./minimum";
import { figure, TARGETS, type Figure } from "./report";
import { fixed, passMark, renderTable, type Cell } from "./table";

/** The commands' own memory: peak RSS above what start-up alone takes (`pulumi-zoom --help`), per object. */
export function rssPerObjectKb(run: DriftImportRun, scan: ScanRun): number | undefined {
  if (scan.peakRssKb === undefined || run.startup.peakRssKb === undefined) return undefined;
  return (scan.peakRssKb - run.startup.peakRssKb) / run.objects;
}

export function wallOverBound(scan: ScanRun): number {
  return scan.seconds / scan.lowerBoundSeconds;
}

/** Measured requests per kind (of the minimum's kinds; any other operation under "other"). */
export function perKind(scan: ScanRun): { kind: string; measured: number; minimum: number }[] {
  const measured = byKind(scan.stats.byOperation, scan.minimum);
  const minimum = scan.minimum as Record<string, OperationCounts | undefined>;
  const kinds = [...new Set([...Object.keys(minimum), ...Object.keys(measured)])];
  return kinds.map((kind) => ({ kind, measured: total(measured[kind] ?? {}), minimum: total(minimum[kind] ?? {}) }));
}

/**
 * Memory each further object costs: the growth of peak RSS between the two largest scales, per object added
 * (flat memory per object: this stays small and does not grow with the scale).
 */
export function rssGrowthKb(runs: readonly DriftImportRun[], command: ScanRun["command"]): { from: number; to: number; kbPerObject: number } | undefined {
  const sized = [...runs].sort((a, b) => a.objects - b.objects);
  const [lower, upper] = sized.slice(-2);
  if (!lower || !upper || lower === upper) return undefined;
  const rss = (run: DriftImportRun) => run.runs.find((r) => r.command === command)?.peakRssKb;
  const a = rss(lower);
  const b = rss(upper);
  if (a === undefined || b === undefined) return undefined;
  return { from: lower.objects, to: upper.objects, kbPerObject: (b - a) / (upper.objects - lower.objects) };
}

/** A ratio to the thousandth: the precision a figure is written and judged at. */
function thousandths(ratio: number): number {
  return Math.round(ratio * 1000) / 1000;
}

export function driftImportFigures(runs: readonly DriftImportRun[]): Figure[] {
  const figures: Figure[] = [];
  const add = (...args: Parameters<typeof figure>) => figures.push(figure(...args));
  for (const run of runs) {
    for (const scan of run.runs) {
      const key = `scan.${run.objects}.${scan.command}`;
      add(`${key}.wallOverLowerBound`, thousandths(wallOverBound(scan)), "x", TARGETS.scanRatio);
      if (scan.timeline) add(`${key}.requestsPhaseOverLowerBound`, thousandths(scan.timeline.requests / scan.lowerBoundSeconds), "x");
      add(`${key}.requests`, scan.stats.requests, "requests", { op: "<=", value: total(flatten(scan.minimum)) });
      for (const k of perKind(scan)) add(`${key}.requests.${k.kind}`, k.measured, "requests", { op: "<=", value: k.minimum });
      add(`${key}.rateLimited`, scan.stats.rateLimited, "429s", { op: "==", value: 0 });
      add(`${key}.problems`, scan.problems.length, "problems", TARGETS.failed);
      const perObject = rssPerObjectKb(run, scan);
      if (scan.peakRssKb !== undefined) add(`${key}.peakRss`, Math.round(scan.peakRssKb / 1024), "MB");
      if (perObject !== undefined) add(`${key}.rssPerObject`, Math.round(perObject * 10) / 10, "KB per object");
    }
  }
  for (const command of ["drift", "import"] as const) {
    const growth = rssGrowthKb(runs, command);
    if (growth) add(`scan.${command}.rssGrowth.${growth.from}to${growth.to}`, Math.round(growth.kbPerObject * 10) / 10, "KB per object");
  }
  return figures;
}

export function driftImportTable(runs: readonly DriftImportRun[]): string {
  const rows: Cell[][] = [];
  const kindRows: Cell[][] = [];
  for (const run of runs) {
    for (const scan of run.runs) {
      // Judged as the figure is (to the thousandth), so the table and bench/results.json never disagree.
      const ratio = thousandths(wallOverBound(scan));
      const t = scan.timeline;
      rows.push([
        run.objects,
        scan.command,
        fixed(scan.seconds, 1),
        fixed(scan.lowerBoundSeconds, 1),
        `${fixed(ratio)} ${passMark(ratio <= TARGETS.scanRatio.value)}`,
        t ? `${fixed(t.toFirstAnswer, 1)} + ${fixed(t.requests, 1)} + ${fixed(t.afterLastAnswer, 1)}` : "-",
        t ? fixed(t.requests / scan.lowerBoundSeconds) : "-",
        `${scan.stats.requests}/${total(flatten(scan.minimum))}`,
        scan.stats.rateLimited,
        scan.peakRssKb === undefined ? "-" : fixed(scan.peakRssKb / 1024, 0),
        fixed(rssPerObjectKb(run, scan), 1),
        `${scan.outcome}${scan.problems.length ? ` MISS: ${scan.problems.join("; ")}` : ""}`,
      ]);
      kindRows.push([run.objects, scan.command, perKind(scan).map((k) => `${k.kind} ${k.measured}/${k.minimum}${k.measured > k.minimum ? " MISS" : ""}`).join(", ")]);
    }
  }
  const startups = runs.map((r) => `${fixed(r.startup.seconds, 1)} s, ${r.startup.peakRssKb === undefined ? "-" : fixed(r.startup.peakRssKb / 1024, 0)} MB`);
  return [
    renderTable(
      "Drift and import at scale against Zoom's Pro limits (the CLI as a child process; lower bound: the minimum requests at Pro's per-second limits)",
      ["objects", "command", "wall s", "bound s", "wall/bound", "start + requests + end s", "requests/bound", "requests/min", "429s", "peak RSS MB", "RSS KB/object", "outcome"],
      rows,
    ),
    `  targets: wall/bound ${TARGETS.scanRatio.op} ${TARGETS.scanRatio.value}, requests at the minimum, no 429s. Start-up alone (pulumi-zoom --help): ${[...new Set(startups)].join("; ")}.`,
    `  RSS KB/object: peak RSS above the start-up's, per object.${(["drift", "import"] as const)
      .map((command) => ({ command, growth: rssGrowthKb(runs, command) }))
      .filter((g) => g.growth)
      .map((g) => ` ${g.command}: ${fixed(g.growth!.kbPerObject, 1)} KB per object added from ${g.growth!.from} to ${g.growth!.to}.`)
      .join("")}`,
    "",
    renderTable("Drift and import: requests per kind (measured/minimum)", ["objects", "command", "per kind"], kindRows),
  ].join("\n");
}
