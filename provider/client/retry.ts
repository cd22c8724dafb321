/**
 * Retry policy as pure functions: how long to wait, whether the budget allows another attempt, and what a
 * 429 means. The request loop in client.ts applies them; keeping them here keeps that loop readable and lets
 * the rules be tested without a server.
 */
import type { RateLimitCategory } from "../../catalogue/operations";
import type { RateLimitKind } from "./errors";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Total time the request may spend waiting between attempts. */
  readonly maxTotalDelayMs: number;
  /** First backoff ceiling; doubles per retry (full jitter draws uniformly below it). */
  readonly baseDelayMs: number;
  /** Largest single wait, backoff or Retry-After. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxTotalDelayMs: 60_000,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
};

/** Full jitter (AWS architecture blog): uniform in [0, min(max, base * 2^(retry-1))). `retry` counts from 1. */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` as milliseconds from now: delta-seconds (`1`), an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`)
 * or an ISO date as Zoom sends for daily limits (`2020-05-31T00:00:00Z`). Undefined when absent or unreadable.
 */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  const at = parseRetryAfterDate(value, nowMs);
  return at === undefined ? undefined : Math.max(0, at.getTime() - nowMs);
}

export function parseRetryAfterDate(value: string | undefined, nowMs: number): Date | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return new Date(nowMs + Math.round(Number(text) * 1000));
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** The next 00:00:00 UTC after `nowMs`: Zoom's daily limits reset at GMT midnight. */
export function nextUtcMidnight(nowMs: number): Date {
  const d = new Date(nowMs);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1));
}

export type RateLimitVerdict =
  | { readonly retryable: true; readonly retryAfterMs: number | undefined }
  | { readonly retryable: false; readonly limit: Exclude<RateLimitKind, "perSecond">; readonly category?: RateLimitCategory; readonly resetsAt: Date };

const CATEGORIES: readonly RateLimitCategory[] = ["LIGHT", "MEDIUM", "HEAVY"];

/**
 * What a 429 means. Daily limits (`X-RateLimit-Type: Daily-limit`, or the per-user meeting create/update
 * message, which real answers send without headers) will not clear by waiting seconds: fail at once. Anything
 * else (`QPS`, or no type at all) is a per-second limit: wait and retry.
 */
export function classifyRateLimit(headers: Readonly<Record<string, string>>, zoomMessage: string, nowMs: number): RateLimitVerdict {
  const type = headers["x-ratelimit-type"]?.trim().toLowerCase();
  const categoryHeader = headers["x-ratelimit-category"]?.trim().toUpperCase();
  const category = CATEGORIES.find((c) => categoryHeader?.startsWith(c));
  const retryAfter = headers["retry-after"];
  const meetingWrites = /daily rate limit.*meeting create\/update/i.test(zoomMessage);
  const daily = meetingWrites || type === "daily-limit" || /daily (rate )?limit/i.test(zoomMessage);
  if (!daily) return { retryable: true, retryAfterMs: parseRetryAfterMs(retryAfter, nowMs) };
  // A Retry-After in seconds on a daily limit is still a time: honour whatever Zoom says, else GMT midnight.
  const resetsAt = parseRetryAfterDate(retryAfter, nowMs) ?? nextUtcMidnight(nowMs);
  const limit = meetingWrites ? "dailyMeetingWritesPerUser" : "dailyCategory";
  return category ? { retryable: false, limit, category, resetsAt } : { retryable: false, limit, resetsAt };
}

/** Tracks one request's attempts and waits against the policy. */
export class RetryBudget {
  private attempts = 0;
  private waitedMs = 0;

  constructor(private readonly policy: RetryPolicy) {}

  /** Call before each attempt. */
  startAttempt(): void {
    this.attempts += 1;
  }

  get attemptCount(): number {
    return this.attempts;
  }

  get retries(): number {
    return Math.max(0, this.attempts - 1);
  }

  /**
   * The wait before the next attempt, or undefined when the budget is spent. `requestedMs` is the server's
   * Retry-After; without one the policy's backoff applies. A server asking for more than the remaining budget
   * gets no retry: waiting part of it would only earn another 429.
   */
  nextDelayMs(requestedMs: number | undefined, random: () => number = Math.random): number | undefined {
    if (this.attempts >= this.policy.maxAttempts) return undefined;
    const remaining = this.policy.maxTotalDelayMs - this.waitedMs;
    let delay: number;
    if (requestedMs !== undefined) {
      if (requestedMs > Math.min(remaining, this.policy.maxDelayMs)) return undefined;
      // A little jitter on top, so that many requests told "1 second" do not return in one burst.
      delay = requestedMs + Math.floor(random() * Math.min(250, this.policy.baseDelayMs));
    } else {
      delay = backoffDelayMs(this.attempts, this.policy, random);
    }
    delay = Math.min(delay, remaining);
    if (delay < 0) return undefined;
    this.waitedMs += delay;
    return delay;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
