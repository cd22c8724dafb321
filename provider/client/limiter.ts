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
 * Zoom's "requests per second": the reservoir holds `budget` permits, each request takes one, and a timer returns
 * it `WINDOW_MS` after the request's ANSWER came back (or its attempt failed). Zoom stamps a request's arrival
 * before it answers, so the next request on that permit arrives more than a window after the previous one,
 * however late the event loop sent either of them, however long the token fetch or the network took. So no
 * window of one second ever sees more than `budget` arrivals from this process. (Returning a permit a window
 * after the LAUNCH, as before, assumed the time from launch to arrival varies by less than ~90 ms; a busy event
 * loop on a loaded 2-core machine broke that, and the load test saw 429s.) Bottleneck's own reservoir refresh would
 * be a fixed window, which allows twice the budget across a window boundary. `minTime` additionally spreads a
 * burst evenly over the window instead of sending it at once.
 */
import crypto from "node:crypto";
import Bottleneck from "bottleneck";
import type { ZoomPlan, ZoomSettings } from "./types";
import { RATE_LIMITS_PER_SECOND, type RateLimitCategory } from "../../catalogue/operations";

/**
 * Fraction of Zoom's published limit we leave unused: room for other apps of the account. A permit cycles once
 * per window plus one round trip, so the share of the limit used is `budget * 1000 / (WINDOW_MS + latency)`:
 * on Pro's LIGHT limit (30/s, budget 28), 0.93 of it at a few milliseconds' latency, 0.85 at 100 ms.
 */
export const DEFAULT_SAFETY_MARGIN = 0.05;
/** A permit comes back this long after its request's answer: one second, plus slack for timer rounding. */
const WINDOW_MS = 1_005;

/** Gives a permit back; call it once the request's answer (or failure) is in. Calling it again does nothing. */
export type Release = () => void;

export interface RateLimiter {
  /**
   * Resolves when a request of this category may be sent now, with the permit's release: the caller calls it
   * when the answer is in (the permit returns one window later).
   */
  acquire(category: RateLimitCategory): Promise<Release>;
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
  /** Requests waiting for a permit, and the timer that keeps the process alive while there are any. */
  private waiting = 0;
  private keepAlive: NodeJS.Timeout | undefined;

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

  async acquire(category: RateLimitCategory): Promise<Release> {
    const limiter = this.limiters[category];
    this.holdProcess();
    try {
      await limiter.schedule(() => Promise.resolve());
    } finally {
      this.releaseProcess();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Unref'd: a pending return must not keep a finished process alive.
      setTimeout(() => void limiter.incrementReservoir(1), WINDOW_MS).unref();
    };
  }

  /**
   * A request waiting for a permit is work in progress, but the only thing that will wake it is a permit's
   * (unref'd) return timer: without a handle of its own, a command-line run (`pulumi-zoom drift` with more
   * reads than a second's budget) ran out of handles and exited 0 in the middle of its scan, printing nothing.
   */
  private holdProcess(): void {
    if (this.waiting++ === 0) this.keepAlive = setInterval(() => undefined, 60_000);
  }

  private releaseProcess(): void {
    if (--this.waiting === 0) {
      clearInterval(this.keepAlive);
      this.keepAlive = undefined;
    }
  }
}

const NOTHING_TO_RELEASE: Release = () => undefined;

/** No limiting at all. Only for benchmarks that measure what the limiter costs (ZOOM_BENCH_NO_LIMITER=1). */
export const UNLIMITED: RateLimiter = {
  acquire: () => Promise.resolve(NOTHING_TO_RELEASE),
  budget: { LIGHT: Number.POSITIVE_INFINITY, MEDIUM: Number.POSITIVE_INFINITY, HEAVY: Number.POSITIVE_INFINITY },
};

interface RegistryEntry {
  readonly plan: ZoomPlan;
  readonly limiter: RateLimiter;
}

const registry = new Map<string, RegistryEntry>();

/** The account whose rate budget a client spends: Zoom counts per account. */
export function rateLimitAccountKey(settings: ZoomSettings): string {
  const creds = settings.credentials;
  if (creds.kind === "clientCredentials") return `account:${creds.accountId}`;
  if (creds.accountId) return `account:${creds.accountId}`;
  return `token:${crypto.createHash("sha256").update(creds.accessToken).digest("hex").slice(0, 16)}`;
}

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
