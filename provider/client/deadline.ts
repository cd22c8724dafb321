/**
 * One operation's time budget: every attempt, backoff and token fetch of one request fits in it, so a Zoom
 * that accepts connections and never answers fails the operation after `totalMs` (zoom:operationTimeoutSeconds),
 * not after attempts x the response timeout. Time spent queued in the client's own rate limiter is not Zoom's
 * silence and does not count (`pause`).
 */
export class OperationDeadline {
  private endMs: number;
  /** What each attempt ended with, for the message when the budget runs out. */
  readonly tried: string[] = [];

  constructor(
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.endMs = now() + totalMs;
  }

  remainingMs(): number {
    return Math.max(0, this.endMs - this.now());
  }

  /** Moves the end by the time spent on something that is not waiting for Zoom (the rate limiter). */
  exclude(ms: number): void {
    this.endMs += ms;
  }

  /** The timeout for the next attempt: the response timeout, cut to what is left; undefined when nothing is. */
  attemptTimeoutMs(responseTimeoutMs: number): number | undefined {
    const left = this.remainingMs();
    // Less than a quarter second left cannot get an answer from anywhere: stop rather than send in vain.
    return left < 250 ? undefined : Math.min(responseTimeoutMs, left);
  }

  /** A wait before the next attempt, cut so the attempt still has time; undefined when it would not. */
  fitDelayMs(delayMs: number): number | undefined {
    const left = this.remainingMs() - 250;
    return left <= 0 ? undefined : Math.min(delayMs, left);
  }

  /** `2 attempts in 45 s: timeout after 30000 ms; timeout after 15000 ms`. */
  describe(elapsedMs: number): string {
    const counts = new Map<string, number>();
    for (const reason of this.tried) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    const reasons = [...counts].map(([reason, n]) => (n > 1 ? `${reason} (x${n})` : reason)).join("; ");
    const n = this.tried.length;
    return `${n} attempt${n === 1 ? "" : "s"} in ${Math.round(elapsedMs / 1000)} s: ${reasons}`;
  }
}
