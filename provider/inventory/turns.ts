/**
 * CPU work that must not hold up Zoom's answers. `drift` and `import` compare or declare each object as it is
 * read, while most reads are still waiting on the rate limiter. A list page answers hundreds of reads at once,
 * and their work, chained on promises, ran back to back without the event loop turning: the answers that came in
 * meanwhile were seen late, and the limiter, which returns a permit a second after its answer is SEEN, sent the
 * next requests late too (import at 5,000 objects: its requests took 1.09 of Zoom's bound, drift's 1.03).
 */
export class TurnQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `job` after the jobs queued before it, in a turn of the event loop of its own. */
  run<T>(job: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
