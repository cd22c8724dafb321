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
 * configured as a SLIDING one-second window whose size follows what Zoom's answers say (CategoryBudget below), because that is how the emulator counts and the safe reading of
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
 * Fraction of Zoom's published limit held back at the start: none. A permit returns a window after its answer,
 * so this process alone can never put more than the budget into any second of Zoom's; what other apps of the
 * account spend is learned from Zoom's answers instead (below). The cost of a fixed margin was measured: 5%
 * held back cost 7% of a large `up`'s wall time (bench, 2026-11-22).
 */
export const DEFAULT_SAFETY_MARGIN = 0;
/** A permit comes back this long after its request's answer: one second, plus slack for timer rounding. */
const WINDOW_MS = 1_005;
/** After a per-second 429 the category's budget is cut to this share of what it was (at most once a window). */
const CUT_FACTOR = 0.75;

/** What an answer said, for the limiter to learn from: its status and (lower-cased) headers. */
export interface AnswerSignal {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Gives a permit back; call it once the request's answer (or failure) is in, with the answer when there is one.
 * Calling it again does nothing.
 */
export type Release = (answer?: AnswerSignal) => void;

export interface RateLimiter {
  /**
   * Resolves when a request of this category may be sent now, with the permit's release: the caller calls it
   * when the answer is in (the permit returns one window later).
   */
  acquire(category: RateLimitCategory): Promise<Release>;
  /** Requests per second allowed per category now (it moves with what Zoom's answers say). */
  readonly budget: Readonly<Record<RateLimitCategory, number>>;
}

/** Requests per second we allow for a published limit: the limit less the margin, at least 1. */
export function budgetFor(limitPerSecond: number, margin = DEFAULT_SAFETY_MARGIN): number {
  return Math.max(1, Math.floor(limitPerSecond * (1 - margin)));
}

const CATEGORIES: readonly RateLimitCategory[] = ["LIGHT", "MEDIUM", "HEAVY"];

/** The category an answer's `X-RateLimit-Category` names ("Light", "Medium", "Heavy"), if any. */
export function categoryOfAnswer(headers: Readonly<Record<string, string>>): RateLimitCategory | undefined {
  const named = headers["x-ratelimit-category"]?.trim().toUpperCase();
  return CATEGORIES.find((c) => named?.startsWith(c));
}

/** A per-second reading of an answer's headers; undefined for daily limits and answers that say nothing. */
function perSecondReading(headers: Readonly<Record<string, string>>): { limit?: number; remaining?: number } | undefined {
  const type = headers["x-ratelimit-type"]?.trim().toLowerCase();
  if (type !== undefined && type !== "qps") return undefined;
  const number = (name: string) => {
    const value = Number(headers[name]);
    return headers[name] !== undefined && Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  const limit = number("x-ratelimit-limit");
  const remaining = number("x-ratelimit-remaining");
  return { ...(limit !== undefined && limit > 0 ? { limit } : {}), ...(remaining !== undefined ? { remaining } : {}) };
}

/**
 * One category's budget. Bottleneck (a maintained, widely used scheduler) holds the permits as its reservoir and
 * spaces launches by `minTime`; this class decides how many permits there are:
 * - it starts at Zoom's published limit for the plan, and follows `X-RateLimit-Limit` when answers state another;
 * - a per-second 429 means someone (another app of the account, or a plan set too high) spends the rest: the
 *   budget is cut to 3/4 (once a window), and grows back by one per clean window (additive increase,
 *   multiplicative decrease, as TCP shares a link);
 * - `X-RateLimit-Remaining: 0` while this process sent fewer than the budget in that second says the same
 *   before any 429: the budget drops to what this process sent.
 * A smaller budget takes permits out as they come back (`owed`), so no request already admitted is revoked.
 */
class CategoryBudget {
  private readonly scheduler: Bottleneck;
  private limit: number;
  private allowed: number;
  /** Permits to keep when they come back, because the budget was cut while they were out. */
  private owed = 0;
  /** Launch times of this process's requests within the last window, oldest first. */
  private readonly launches: number[] = [];
  private lastCutMs = Number.NEGATIVE_INFINITY;
  private lastChangeMs: number;

  constructor(limit: number, private readonly now: () => number) {
    this.limit = limit;
    this.allowed = limit;
    this.lastChangeMs = now();
    this.scheduler = new Bottleneck({ reservoir: limit, minTime: spacing(limit), maxConcurrent: null });
  }

  get budget(): number {
    return this.allowed;
  }

  async acquire(): Promise<Release> {
    await this.scheduler.schedule(() => Promise.resolve());
    const launchedMs = this.now();
    this.launches.push(launchedMs);
    this.forgetLaunchesBefore(launchedMs - 2 * WINDOW_MS);
    let released = false;
    return (answer) => {
      if (released) return;
      released = true;
      if (answer) this.learn(answer, launchedMs);
      this.growIfQuiet();
      // Unref'd: a pending return must not keep a finished process alive.
      setTimeout(() => this.returnPermit(), WINDOW_MS).unref();
    };
  }

  /** What an answer to a request launched at `launchedMs` says about the room left in Zoom's window. */
  learn(answer: AnswerSignal, launchedMs: number): void {
    const reading = perSecondReading(answer.headers);
    if (answer.status === 429) {
      if (reading) this.cut(Math.floor(this.allowed * CUT_FACTOR));
      return;
    }
    if (!reading) return;
    if (reading.limit !== undefined && reading.limit !== this.limit) {
      this.limit = reading.limit;
      if (this.allowed > reading.limit) this.cut(reading.limit, false);
    }
    if (reading.remaining === 0) {
      const ours = this.launchesWithin(launchedMs);
      // One short is arrival jitter (Zoom counts arrivals, we count launches); two or more is someone else.
      if (ours < this.allowed - 1) this.cut(ours);
    }
  }

  private launchesWithin(endMs: number): number {
    return this.launches.filter((t) => t > endMs - WINDOW_MS && t <= endMs).length;
  }

  /** Launches older than two windows can no longer be in any window an answer speaks of. */
  private forgetLaunchesBefore(ms: number): void {
    while (this.launches.length > 0 && this.launches[0]! < ms) this.launches.shift();
  }

  private cut(to: number, onceAWindow = true): void {
    const target = Math.max(1, to);
    const now = this.now();
    if (target >= this.allowed || (onceAWindow && now - this.lastCutMs < WINDOW_MS)) return;
    this.owed += this.allowed - target;
    this.allowed = target;
    this.lastCutMs = now;
    this.lastChangeMs = now;
    this.scheduler.updateSettings({ minTime: spacing(target) });
  }

  /** One more permit for each full window without a cut, up to the limit. */
  private growIfQuiet(): void {
    const now = this.now();
    if (this.allowed >= this.limit || now - this.lastChangeMs < WINDOW_MS) return;
    this.allowed += 1;
    this.lastChangeMs = now;
    this.scheduler.updateSettings({ minTime: spacing(this.allowed) });
    if (this.owed > 0) this.owed -= 1;
    else void this.scheduler.incrementReservoir(1);
  }

  private returnPermit(): void {
    if (this.owed > 0) this.owed -= 1;
    else void this.scheduler.incrementReservoir(1);
  }
}

/** Launches spread evenly over the window instead of all at its start. */
const spacing = (perSecond: number) => Math.floor(1000 / perSecond);

class AdaptiveLimiter implements RateLimiter {
  private readonly categories: Record<RateLimitCategory, CategoryBudget>;
  /** Requests waiting for a permit, and the timer that keeps the process alive while there are any. */
  private waiting = 0;
  private keepAlive: NodeJS.Timeout | undefined;

  constructor(plan: ZoomPlan, margin: number, now: () => number = Date.now) {
    const limits = RATE_LIMITS_PER_SECOND[plan];
    this.categories = {
      LIGHT: new CategoryBudget(budgetFor(limits.LIGHT, margin), now),
      MEDIUM: new CategoryBudget(budgetFor(limits.MEDIUM, margin), now),
      HEAVY: new CategoryBudget(budgetFor(limits.HEAVY, margin), now),
    };
  }

  get budget(): Readonly<Record<RateLimitCategory, number>> {
    return { LIGHT: this.categories.LIGHT.budget, MEDIUM: this.categories.MEDIUM.budget, HEAVY: this.categories.HEAVY.budget };
  }

  async acquire(category: RateLimitCategory): Promise<Release> {
    this.holdProcess();
    try {
      return await this.categories[category].acquire();
    } finally {
      this.releaseProcess();
    }
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
  const entry = { plan, limiter: new AdaptiveLimiter(plan, DEFAULT_SAFETY_MARGIN) };
  registry.set(key, entry);
  return entry.limiter;
}

/** A limiter of its own, outside the registry (tests that must not share a budget with other tests). */
export function isolatedLimiter(plan: ZoomPlan, margin = DEFAULT_SAFETY_MARGIN, now: () => number = Date.now): RateLimiter {
  return new AdaptiveLimiter(plan, margin, now);
}
