/**
 * Client-side rate limiting, so that a large `pulumi up` stays under Zoom's per-second limits instead of
 * bouncing off 429s.
 *
 * Zoom counts per account and per category, across every app and process of the account. We can only see our
 * own process, so the budget is shared by everything in it: a module-level registry keyed by (API URL,
 * account) hands every client of the same account (every resource, every provider instance the dynamic
 * provider host deserializes) the same three limiters.
 *
 * Each category's limiter is Bottleneck (a maintained, widely used scheduler with queueing and a reservoir)
 * configured as a SLIDING one-second window, because that is how the emulator counts and the safe reading of
 * Zoom's "requests per second": the reservoir holds `budget` permits, each launch takes one, and a timer returns
 * it `WINDOW_MS` after the launch. So no window of one second ever sees more than `budget` launches, whatever
 * the event loop does (a late timer only returns a permit later). Bottleneck's own reservoir refresh would be
 * a fixed window, which allows twice the budget across a window boundary. `minTime` additionally spreads a
 * burst evenly over the window instead of sending it at once.
 */
import Bottleneck from "bottleneck";
import type { ZoomPlan } from "./types";
import { RATE_LIMITS_PER_SECOND, type RateLimitCategory } from "./operations";

/**
 * Fraction of Zoom's published limit we leave unused: room for latency jitter and other apps.
 *
 * How much jitter a budget tolerates: with `budget = limit - k` permits per WINDOW_MS and launches at least
 * `minTime = 1000 / budget` apart, the (limit + 1)-th launch after any launch comes at least
 * `WINDOW_MS + k * minTime` later, so a server counting arrivals over a sliding second answers 429 only when
 * two requests' latencies differ by more than `WINDOW_MS - 1000 + k * minTime`: on Pro 90 ms for LIGHT
 * (28/s), 72 ms for MEDIUM (19/s), 131 ms for HEAVY (9/s). The share of the limit used is
 * `budget * 1000 / WINDOW_MS`: 0.92, 0.93 and 0.88 of it. A 10% margin and a 1,050 ms window used 0.86 of
 * each, so a deployment could not come closer than 1.17x the time Zoom's limits allow (bench/).
 */
export const DEFAULT_SAFETY_MARGIN = 0.05;
/** A permit comes back this long after its request was launched: one second plus slack for latency jitter. */
const WINDOW_MS = 1_020;

export interface RateLimiter {
  /** Resolves when a request of this category may be sent now. */
  acquire(category: RateLimitCategory): Promise<void>;
  /** Requests per second allowed per category. */
  readonly budget: Readonly<Record<RateLimitCategory, number>>;
}

/** Requests per second we allow for a published limit: the limit less the margin, at least 1. */
export function budgetFor(limitPerSecond: number, margin = DEFAULT_SAFETY_MARGIN): number {
  return Math.max(1, Math.floor(limitPerSecond * (1 - margin)));
}

class SlidingWindowLimiter implements RateLimiter {
  private readonly limiters: Record<RateLimitCategory, Bottleneck>;
  readonly budget: Readonly<Record<RateLimitCategory, number>>;

  constructor(plan: ZoomPlan, margin: number) {
    const limits = RATE_LIMITS_PER_SECOND[plan];
    const budget = {
      LIGHT: budgetFor(limits.LIGHT, margin),
      MEDIUM: budgetFor(limits.MEDIUM, margin),
      HEAVY: budgetFor(limits.HEAVY, margin),
    };
    this.budget = budget;
    const make = (perSecond: number): Bottleneck =>
      new Bottleneck({ reservoir: perSecond, minTime: Math.floor(1000 / perSecond), maxConcurrent: null });
    this.limiters = { LIGHT: make(budget.LIGHT), MEDIUM: make(budget.MEDIUM), HEAVY: make(budget.HEAVY) };
  }

  acquire(category: RateLimitCategory): Promise<void> {
    const limiter = this.limiters[category];
    return limiter.schedule(async () => {
      // The permit returns one window after THIS launch. Unref'd: a pending return must not keep a finished
      // process alive.
      setTimeout(() => void limiter.incrementReservoir(1), WINDOW_MS).unref();
    });
  }
}

/** No limiting at all. Only for benchmarks that measure what the limiter costs (ZOOM_BENCH_NO_LIMITER=1). */
export const UNLIMITED: RateLimiter = {
  acquire: () => Promise.resolve(),
  budget: { LIGHT: Number.POSITIVE_INFINITY, MEDIUM: Number.POSITIVE_INFINITY, HEAVY: Number.POSITIVE_INFINITY },
};

interface RegistryEntry {
  readonly plan: ZoomPlan;
  readonly limiter: RateLimiter;
}

const registry = new Map<string, RegistryEntry>();

/**
 * The process-wide limiter for an account. The first client of an account fixes its plan; a later client
 * naming another plan shares the first one's budget (there is one account and one set of limits) and is told
 * so through `onPlanMismatch`.
 */
export function sharedLimiter(
  apiUrl: string,
  accountKey: string,
  plan: ZoomPlan,
  onPlanMismatch?: (existingPlan: ZoomPlan) => void,
): RateLimiter {
  const key = `${apiUrl}\u0000${accountKey}`;
  const existing = registry.get(key);
  if (existing) {
    if (existing.plan !== plan) onPlanMismatch?.(existing.plan);
    return existing.limiter;
  }
  const entry = { plan, limiter: new SlidingWindowLimiter(plan, DEFAULT_SAFETY_MARGIN) };
  registry.set(key, entry);
  return entry.limiter;
}

/** A limiter of its own, outside the registry (tests that must not share a budget with other tests). */
export function isolatedLimiter(plan: ZoomPlan, margin = DEFAULT_SAFETY_MARGIN): RateLimiter {
  return new SlidingWindowLimiter(plan, margin);
}
