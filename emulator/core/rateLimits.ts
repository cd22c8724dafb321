/**
 * Zoom's rate limits, per account and per category (LIGHT/MEDIUM/HEAVY), per plan: requests per second over a
 * sliding one-second window, daily caps per category on free accounts, and the 100 meeting creates/updates per
 * host user per UTC day. `unlimited` turns every limit off.
 *
 * `admit` checks every limit that applies before it counts anything, so a refused request never uses up quota
 * (and, refused before the handler, never applies).
 */
import {
  DAILY_MEETING_WRITES_PER_USER,
  FREE_DAILY_LIMITS,
  RATE_LIMITS_PER_SECOND,
  type RateLimitCategory,
} from "../../catalogue/operations";
import type { EmulatorPlan } from "../controlTypes";
import { ZoomHttpError } from "../types";
import { nextUtcMidnight, utcDay } from "./clock";

const WINDOW_MS = 1000;

/** What Zoom prints in `X-RateLimit-Category`: `Light`, `Medium`, `Heavy`. */
function categoryHeader(category: RateLimitCategory): string {
  return category[0] + category.slice(1).toLowerCase();
}

export const QPS_MESSAGE = "You have reached the maximum per-second rate limit for this API. Try again later.";
const DAILY_CATEGORY_MESSAGE =
  "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.";
function dailyMeetingMessage(limit: number): string {
  return `You have exceeded the daily rate limit (${limit}) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.`;
}

/** The 429 Zoom answers when a request exceeds a per-second limit (also used for injected 429 faults). */
export function qpsError(category: RateLimitCategory, limit: number, retryAfterSeconds: number): ZoomHttpError {
  return new ZoomHttpError(429, 429, QPS_MESSAGE, undefined, {
    "X-RateLimit-Category": categoryHeader(category),
    "X-RateLimit-Type": "QPS",
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": "0",
    "Retry-After": String(retryAfterSeconds),
  });
}

function dailyError(category: RateLimitCategory, limit: number, message: string, nowMs: number): ZoomHttpError {
  return new ZoomHttpError(429, 429, message, undefined, {
    "X-RateLimit-Category": categoryHeader(category),
    "X-RateLimit-Type": "Daily-limit",
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": "0",
    "Retry-After": nextUtcMidnight(nowMs),
  });
}

export interface AdmitRequest {
  readonly accountId: string;
  readonly category: RateLimitCategory;
  /** Set for meeting create/update: the host user the daily meeting limit counts against. */
  readonly meetingHostId?: string;
}

export class RateLimiter {
  /** Accepted request times per `account|category`, oldest first, within the last second. */
  private readonly windows = new Map<string, number[]>();
  /** Counters of the current UTC day per `account|category` (free plan) and `account|user:id` (meeting writes). */
  private readonly daily = new Map<string, number>();
  private dailyDay = "";

  constructor(
    private readonly nowMs: () => number,
    private readonly plan: () => EmulatorPlan,
  ) {}

  /** The per-second limit for a category on the current plan (undefined: unlimited). */
  perSecond(category: RateLimitCategory): number | undefined {
    const plan = this.plan();
    return plan === "unlimited" ? undefined : RATE_LIMITS_PER_SECOND[plan][category];
  }

  /** Counts the request, or throws Zoom's 429 (with its headers) without counting anything. */
  admit(request: AdmitRequest): Record<string, string> {
    const plan = this.plan();
    if (plan === "unlimited") return {};
    const now = this.nowMs();
    const day = utcDay(now);
    if (day !== this.dailyDay) {
      // Zoom's daily limits reset at 00:00 UTC: yesterday's counts never matter again.
      this.daily.clear();
      this.dailyDay = day;
    }
    const { accountId, category } = request;

    const limit = RATE_LIMITS_PER_SECOND[plan][category];
    const windowKey = `${accountId}|${category}`;
    const window = (this.windows.get(windowKey) ?? []).filter((t) => t > now - WINDOW_MS);
    this.windows.set(windowKey, window);
    if (window.length >= limit) {
      throw qpsError(category, limit, Math.max(1, Math.ceil((window[0] + WINDOW_MS - now) / 1000)));
    }

    const categoryKey = `${accountId}|${category}`;
    if (plan === "free" && (this.daily.get(categoryKey) ?? 0) >= FREE_DAILY_LIMITS[category]) {
      throw dailyError(category, FREE_DAILY_LIMITS[category], DAILY_CATEGORY_MESSAGE, now);
    }

    const meetingKey = request.meetingHostId && `${accountId}|user:${request.meetingHostId}`;
    if (meetingKey && (this.daily.get(meetingKey) ?? 0) >= DAILY_MEETING_WRITES_PER_USER) {
      throw dailyError(category, DAILY_MEETING_WRITES_PER_USER, dailyMeetingMessage(DAILY_MEETING_WRITES_PER_USER), now);
    }

    window.push(now);
    if (plan === "free") this.daily.set(categoryKey, (this.daily.get(categoryKey) ?? 0) + 1);
    if (meetingKey) this.daily.set(meetingKey, (this.daily.get(meetingKey) ?? 0) + 1);

    return {
      "X-RateLimit-Category": categoryHeader(category),
      "X-RateLimit-Limit": String(limit),
      "X-RateLimit-Remaining": String(limit - window.length),
    };
  }

  reset(): void {
    this.windows.clear();
    this.daily.clear();
  }
}
