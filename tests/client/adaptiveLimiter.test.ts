/**
 * The limiter learns from Zoom's answers (provider/client/limiter.ts): a per-second 429 cuts a category's budget,
 * clean windows grow it back, `X-RateLimit-Limit` replaces the plan's published figure, `X-RateLimit-Remaining: 0`
 * with fewer of our own requests in the window means another app spends the rest. Daily limits teach nothing.
 */
import { isolatedLimiter, type AnswerSignal } from "../../provider/client/limiter";

const qps429: AnswerSignal = {
  status: 429,
  headers: { "x-ratelimit-category": "Light", "x-ratelimit-type": "QPS", "x-ratelimit-limit": "30", "x-ratelimit-remaining": "0", "retry-after": "1" },
};
const ok = (limit: number, remaining: number): AnswerSignal => ({
  status: 200,
  headers: { "x-ratelimit-category": "Light", "x-ratelimit-limit": String(limit), "x-ratelimit-remaining": String(remaining) },
});

function clocked() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test("Pro's published limits are the starting budget: nothing held back", () => {
  expect(isolatedLimiter("pro").budget).toEqual({ LIGHT: 30, MEDIUM: 20, HEAVY: 10 });
  expect(isolatedLimiter("free").budget).toEqual({ LIGHT: 4, MEDIUM: 2, HEAVY: 1 });
});

test("a per-second 429 cuts the category's budget to 3/4, once a window, and clean windows grow it back by one", async () => {
  const clock = clocked();
  const limiter = isolatedLimiter("pro", 0, clock.now);
  (await limiter.acquire("LIGHT"))(qps429);
  expect(limiter.budget.LIGHT).toBe(22);
  (await limiter.acquire("LIGHT"))(qps429); // the same window: one cut, not one per 429
  expect(limiter.budget).toEqual({ LIGHT: 22, MEDIUM: 20, HEAVY: 10 });
  clock.advance(1_100);
  (await limiter.acquire("LIGHT"))(ok(30, 10));
  expect(limiter.budget.LIGHT).toBe(23);
  clock.advance(500);
  (await limiter.acquire("LIGHT"))(ok(30, 10)); // not a full window since the last change
  expect(limiter.budget.LIGHT).toBe(23);
  for (let i = 0; i < 10; i++) {
    clock.advance(1_100);
    (await limiter.acquire("LIGHT"))(ok(30, 10));
  }
  expect(limiter.budget.LIGHT).toBe(30); // never above the limit
});

test("a daily-limit 429 and answers without rate-limit headers teach nothing", async () => {
  const limiter = isolatedLimiter("pro");
  (await limiter.acquire("MEDIUM"))({ status: 429, headers: { "x-ratelimit-type": "Daily-limit", "x-ratelimit-limit": "100", "retry-after": "2030-01-01T00:00:00Z" } });
  (await limiter.acquire("MEDIUM"))({ status: 200, headers: {} });
  (await limiter.acquire("MEDIUM"))();
  expect(limiter.budget.MEDIUM).toBe(20);
});

test("X-RateLimit-Limit replaces the plan's figure: lower at once, higher by one a clean window", async () => {
  const clock = clocked();
  const limiter = isolatedLimiter("pro", 0, clock.now);
  (await limiter.acquire("HEAVY"))(ok(4, 3));
  expect(limiter.budget.HEAVY).toBe(4);
  const higher = isolatedLimiter("pro", 0, clock.now);
  for (let i = 0; i < 3; i++) {
    clock.advance(1_100);
    (await higher.acquire("HEAVY"))(ok(40, 39));
  }
  expect(higher.budget.HEAVY).toBe(13);
});

test("Remaining 0 while this process sent fewer than its budget in that second: the budget drops to what it sent", async () => {
  const clock = clocked();
  const limiter = isolatedLimiter("pro", 0, clock.now);
  const releases = [];
  for (let i = 0; i < 12; i++) releases.push(await limiter.acquire("LIGHT"));
  releases[11]!(ok(30, 0)); // Zoom's window is full with 12 of ours in it: 18 were someone else's
  expect(limiter.budget.LIGHT).toBe(12);
  const alone = isolatedLimiter("pro", 0, clock.now);
  const ours = [];
  for (let i = 0; i < 29; i++) ours.push(await alone.acquire("LIGHT"));
  ours[28]!(ok(30, 0)); // one short of the budget: arrival jitter, not another app
  expect(alone.budget.LIGHT).toBe(30);
}, 20_000);
