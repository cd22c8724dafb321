/**
 * A limiter watched while it works (provider/client/limiter.ts), and what its design says of the budget's moves
 * and of the 429s learning may cost. For tests that run a client against the emulator with another app of the
 * same account sending (tests/client/limiter.test.ts, adaptiveLimiterProperty.test.ts).
 */
import { RATE_LIMITS_PER_SECOND, type RateLimitCategory } from "../../catalogue/operations";
import { isolatedLimiter, type AnswerSignal, type RateLimiter } from "../../provider/client/limiter";

/** The limiter's window (limiter.ts WINDOW_MS): a permit returns this long after its answer. */
export const WINDOW_MS = 1_005;
const LIMITS = RATE_LIMITS_PER_SECOND.pro;

/** What the limiter was told, and what it did, in its own clock. */
export interface Event {
  readonly category: RateLimitCategory;
  readonly atMs: number;
  readonly status: number | undefined;
  readonly before: number;
  readonly after: number;
}

/**
 * The limiter our client uses, on a clock the test can move forward (only after the burst, to count clean windows
 * without waiting for them), recording each answer it is given and the budget before and after it.
 */
export function watchedLimiter() {
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;
  const inner = isolatedLimiter("pro", 0, now);
  const events: Event[] = [];
  const limiter: RateLimiter = {
    get budget() {
      return inner.budget;
    },
    async acquire(category) {
      const release = await inner.acquire(category);
      return (answer?: AnswerSignal) => {
        const before = inner.budget[category];
        const atMs = now();
        release(answer);
        events.push({ category, atMs, status: answer?.status, before, after: inner.budget[category] });
      };
    },
  };
  return { limiter, events, skipWindow: () => (offsetMs += WINDOW_MS) };
}

/**
 * The bound on the 429s answered to us, from the design:
 * - The other app sends one request at a time, the next one 1000/r ms after the previous answer (whatever it was),
 *   so its requests reach Zoom at least 1000/r ms apart and no second of Zoom's sees more than r of them; the room
 *   left to us is R = limit - r.
 * - No second of Zoom's sees more of our requests than the permits in circulation (a permit returns a window after
 *   its answer). A request of ours is refused only when Zoom's second is full, i.e. holds at least R of ours
 *   accepted: so any one second sees at most (permits - R) of ours refused.
 * - Every 429 cuts the budget, or comes within a window of a cut (checked separately). A cut takes permits back
 *   only as they return, so the permits of before the cut can still be out for the window after it; and the 429s
 *   answered within a window of the cut arrived within that window plus one answer's latency: at most two of
 *   Zoom's seconds.
 * So the 429s answered within a window of a cut are at most 2 x (B - R), B the highest budget of the two windows
 * before the cut; summed over the cuts. No learning (no cuts) would make this 0, and a limiter that cut too
 * little too late would see more refused than the cuts pay for.
 */
export function learningBound(events: readonly Event[], category: RateLimitCategory, room: number): number {
  const mine = events.filter((e) => e.category === category);
  let bound = 0;
  for (const cut of mine.filter((e) => e.after < e.before)) {
    const highest = Math.max(cut.before, ...mine.filter((e) => e.atMs >= cut.atMs - 2 * WINDOW_MS && e.atMs <= cut.atMs).map((e) => e.before));
    bound += 2 * Math.max(0, highest - room);
  }
  return bound;
}

/** The limiter's clock and ours read a millisecond apart at most. */
export const CLOCK_SLACK_MS = 2;

/**
 * Budget moves the design does not make: a cut on a 429 to more than 3/4 of the budget, a cut on a Remaining 0
 * to more than what we sent (at least two short of the budget), two cuts within a window, growth by more than one
 * or sooner than a clean window after the last change, or past the limit.
 */
export function designViolations(events: readonly Event[], category: RateLimitCategory): string[] {
  const found: string[] = [];
  let lastCutMs = Number.NEGATIVE_INFINITY;
  let lastChangeMs = Number.NEGATIVE_INFINITY;
  for (const e of events.filter((x) => x.category === category)) {
    if (e.after < e.before) {
      const most = e.status === 429 ? Math.max(1, Math.floor(e.before * 0.75)) : e.before - 2;
      if (e.after > most) found.push(`a cut on ${e.status} from ${e.before} to ${e.after} (at most ${most})`);
      if (e.atMs - lastCutMs < WINDOW_MS - CLOCK_SLACK_MS) found.push(`two cuts ${e.atMs - lastCutMs} ms apart`);
      lastCutMs = lastChangeMs = e.atMs;
    } else if (e.after > e.before) {
      if (e.after !== e.before + 1 || e.after > LIMITS[category]) found.push(`growth from ${e.before} to ${e.after}`);
      if (e.atMs - lastChangeMs < WINDOW_MS - CLOCK_SLACK_MS) found.push(`growth ${e.atMs - lastChangeMs} ms after the last change`);
      lastChangeMs = e.atMs;
    }
  }
  return found;
}

/** 429s that neither cut the budget nor came within a window of a cut: answers the limiter did not learn from. */
export function unlearned429s(events: readonly Event[], category: RateLimitCategory): Event[] {
  let lastCutMs = Number.NEGATIVE_INFINITY;
  const missed: Event[] = [];
  for (const e of events.filter((x) => x.category === category)) {
    if (e.after < e.before) lastCutMs = e.atMs;
    else if (e.status === 429 && e.atMs - lastCutMs >= WINDOW_MS + CLOCK_SLACK_MS) missed.push(e);
  }
  return missed;
}
