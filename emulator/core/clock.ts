/**
 * The emulator's clock: real time plus an offset tests move forward through `/_emulator/clock`. Tests can also
 * freeze it, so per-second rate limits count exactly instead of depending on how fast the machine is.
 */
export class EmulatorClock {
  private offsetMs = 0;
  private frozenAtMs: number | undefined;

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return (this.frozenAtMs ?? Date.now()) + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  /** Stops (or restarts) real time flowing; advancing still works while frozen. */
  freeze(frozen: boolean): void {
    if (frozen && this.frozenAtMs === undefined) this.frozenAtMs = Date.now();
    if (!frozen && this.frozenAtMs !== undefined) {
      // Keep the emulator's time continuous: what was frozen stays where it was, then flows again.
      this.offsetMs += this.frozenAtMs - Date.now();
      this.frozenAtMs = undefined;
    }
  }

  get frozen(): boolean {
    return this.frozenAtMs !== undefined;
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAtMs = undefined;
  }
}

/** `YYYY-MM-DD` of the UTC day `ms` falls in: the key of Zoom's daily limits, which reset at 00:00 UTC. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The next UTC midnight after `ms`, as Zoom prints it in `Retry-After` for daily limits (`2020-05-31T00:00:00Z`). */
export function nextUtcMidnight(ms: number): string {
  const d = new Date(ms);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
  return new Date(next).toISOString().replace(".000Z", "Z");
}
