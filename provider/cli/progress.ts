/**
 * The progress display of `drift` and `import` while they scan Zoom: objects done of the total, the kind just
 * read, the listings and an estimate of the time left, on one stderr line (`ProgressLine`). Only on a terminal,
 * and never with `--json`: a log, CI output or a pipe read by a program gets no progress noise.
 */
import { ProgressLine, type OutputStream } from "./io";

/** Where a scan stands (what the library's progress callbacks report, in the display's terms). */
export interface ScanCounts {
  /** Objects read so far, of `total`. */
  readonly done: number;
  readonly total: number;
  /** False while listings that may still add objects are running (import): no ETA then. */
  readonly totalKnown: boolean;
  /** The kind of the read or listing that just finished. */
  readonly kind?: string;
  readonly listed: number;
  readonly lists: number;
}

/** `7 s`, `2 min 05 s`, `1 h 03 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** Estimated seconds left at the pace so far; undefined until the total is known and something is done. */
export function etaSeconds(counts: ScanCounts, elapsedMs: number): number | undefined {
  if (!counts.totalKnown || counts.done <= 0 || elapsedMs <= 0) return undefined;
  return ((elapsedMs / 1000) * Math.max(0, counts.total - counts.done)) / counts.done;
}

/** `scanning Zoom: 1200/5000 objects (Meeting), 7/9 lists, ETA 41 s`. */
export function renderProgress(counts: ScanCounts, elapsedMs: number): string {
  const eta = etaSeconds(counts, elapsedMs);
  return [
    `scanning Zoom: ${counts.done}/${counts.total}${counts.totalKnown ? "" : "+"} objects${counts.kind === undefined ? "" : ` (${counts.kind})`}`,
    `${counts.listed}/${counts.lists} lists`,
    `ETA ${eta === undefined ? "--" : formatDuration(eta)}`,
  ].join(", ");
}

/** The display is for people at a terminal: stderr is a TTY and stdout is not asked for JSON. */
export function progressWanted(stderr: OutputStream, options: { readonly json?: boolean }): boolean {
  return stderr.isTTY === true && options.json !== true;
}

export interface ProgressDisplayOptions {
  readonly enabled: boolean;
  /** Milliseconds, monotonic. */
  readonly now?: () => number;
  /** Redraw at most this often (a 5,000-object scan reports 5,000 times). */
  readonly intervalMs?: number;
}

export class ScanProgressDisplay {
  private readonly line: ProgressLine;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly started: number;
  private lastDraw: number | undefined;

  constructor(stream: OutputStream, options: ProgressDisplayOptions) {
    this.line = new ProgressLine(stream, options.enabled);
    this.now = options.now ?? (() => performance.now());
    this.intervalMs = options.intervalMs ?? 100;
    this.started = this.now();
  }

  update(counts: ScanCounts): void {
    if (!this.line.enabled) return;
    const now = this.now();
    const finished = counts.totalKnown && counts.done >= counts.total && counts.listed >= counts.lists;
    if (this.lastDraw !== undefined && now - this.lastDraw < this.intervalMs && !finished) return;
    this.lastDraw = now;
    this.line.update(renderProgress(counts, now - this.started));
  }

  done(): void {
    this.line.done();
  }
}
