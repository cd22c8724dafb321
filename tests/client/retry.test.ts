import { backoffDelayMs, classifyRateLimit, DEFAULT_RETRY_POLICY, nextUtcMidnight, parseRetryAfterMs, RetryBudget } from "../../provider/client/retry";
import { budgetFor } from "../../provider/client/limiter";
import { refreshMarginMs } from "../../provider/client/token";

const NOW = Date.parse("2024-05-30T12:00:00Z");

test("Retry-After: seconds, HTTP dates, ISO dates, garbage", () => {
  expect(parseRetryAfterMs("2", NOW)).toBe(2000);
  expect(parseRetryAfterMs("Thu, 30 May 2024 12:00:05 GMT", NOW)).toBe(5000);
  expect(parseRetryAfterMs("2024-05-31T00:00:00Z", NOW)).toBe(12 * 3600 * 1000);
  expect(parseRetryAfterMs("soon", NOW)).toBeUndefined();
  expect(parseRetryAfterMs(undefined, NOW)).toBeUndefined();
});

test("full jitter stays below the doubling ceiling", () => {
  expect(backoffDelayMs(1, DEFAULT_RETRY_POLICY, () => 0.999)).toBeLessThan(250);
  expect(backoffDelayMs(3, DEFAULT_RETRY_POLICY, () => 0.999)).toBeLessThan(1000);
  expect(backoffDelayMs(30, DEFAULT_RETRY_POLICY, () => 0.999)).toBeLessThan(DEFAULT_RETRY_POLICY.maxDelayMs);
  expect(backoffDelayMs(3, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
});

describe("classifyRateLimit", () => {
  test("QPS and untyped 429s are retryable", () => {
    expect(classifyRateLimit({ "x-ratelimit-type": "QPS", "retry-after": "1" }, "per-second", NOW)).toEqual({ retryable: true, retryAfterMs: 1000 });
    expect(classifyRateLimit({}, "Too many requests", NOW)).toEqual({ retryable: true, retryAfterMs: undefined });
  });

  test("daily category limits are final, with the reset time", () => {
    expect(
      classifyRateLimit({ "x-ratelimit-type": "Daily-limit", "x-ratelimit-category": "Medium", "retry-after": "2024-05-31T00:00:00Z" }, "daily", NOW),
    ).toEqual({ retryable: false, limit: "dailyCategory", category: "MEDIUM", resetsAt: new Date("2024-05-31T00:00:00Z") });
  });

  test("the per-user meeting limit is recognised by its message even without headers", () => {
    const message =
      "You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.";
    expect(classifyRateLimit({}, message, NOW)).toEqual({ retryable: false, limit: "dailyMeetingWritesPerUser", resetsAt: nextUtcMidnight(NOW) });
  });
});

describe("RetryBudget", () => {
  test("stops after maxAttempts", () => {
    const budget = new RetryBudget({ ...DEFAULT_RETRY_POLICY, maxAttempts: 3 });
    const delays: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      budget.startAttempt();
      delays.push(budget.nextDelayMs(undefined, () => 0.5));
    }
    expect(delays.filter((d) => d !== undefined)).toHaveLength(2);
  });

  test("a Retry-After beyond the remaining time budget is not waited for", () => {
    const budget = new RetryBudget({ ...DEFAULT_RETRY_POLICY, maxTotalDelayMs: 5000 });
    budget.startAttempt();
    expect(budget.nextDelayMs(10_000)).toBeUndefined();
    expect(budget.nextDelayMs(1000, () => 0)).toBe(1000);
  });
});

test("rate budget: the whole published limit by default, a margin on request, at least one", () => {
  expect(budgetFor(30)).toBe(30);
  expect(budgetFor(30, 0.05)).toBe(28);
  expect(budgetFor(4, 0.05)).toBe(3);
  expect(budgetFor(1, 0.5)).toBe(1);
});

test("tokens are refreshed 5 minutes early, or a tenth of short lifetimes", () => {
  expect(refreshMarginMs(3600_000)).toBe(300_000);
  expect(refreshMarginMs(60_000)).toBe(6_000);
});
