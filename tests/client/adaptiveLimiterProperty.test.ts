/**
 * The adaptive limiter's promise, generatively, through real HTTP against the emulator (provider/client/limiter.ts;
 * README, Performance). Each run is a burst of ours (LIGHT, MEDIUM or both, real operations of those categories)
 * on an account where, maybe, another app of the SAME account spends a share of one category's per-second limit
 * from some point of our burst to some later point. Our client and the other app's are separate clients with
 * limiters of their own: ours cannot see the other app, only Zoom's (the emulator's) answers.
 *
 * What is asserted, per run:
 * - every one of our requests succeeds: no error ever reaches the caller;
 * - no other app: not one of ours is answered 429 (the budget starts at the published limit, and a permit returns
 *   a window after its answer, so this process alone never puts more than the limit into a second);
 * - every per-second 429 the limiter is told of is learned from: it cuts the budget, or comes within a window of
 *   the cut that an earlier 429 (or a Remaining 0) made (a cut is made at most once a window);
 * - the budget moves only as the design says (designViolations): a 429 cuts it to 3/4, a Remaining 0 to what we
 *   sent, once a window at most; a clean window gives one back, up to the limit. With cuts geometric and once a
 *   window, the budget is at or under the room left within log(room/limit)/log(3/4) windows;
 * - the 429s we get are bounded by what that learning costs (learningBound below, derived from the design);
 * - once the other app has stopped, each clean window gives one permit back: the budget is the published limit
 *   again after exactly (limit - budget) clean windows, none of them answered 429.
 *
 * No assertion is about time. The seed is fixed (LIMITER_PROPERTY_SEED overrides it) and printed on a failure.
 */
import fc from "fast-check";
import { RATE_LIMITS_PER_SECOND, type RateLimitCategory } from "../../catalogue/operations";
import type { HttpZoomClient } from "../../provider/client";
import { isolatedClient, settingsFor, startClientTestEmulator, type TestEmulator } from "./helpers";
import { designViolations, learningBound, unlearned429s, watchedLimiter, WINDOW_MS } from "./limiterWatch";

const SEED = Number(process.env.LIMITER_PROPERTY_SEED ?? 20261206);
const RUNS = Number(process.env.LIMITER_PROPERTY_RUNS ?? 18);
const LIMITS = RATE_LIMITS_PER_SECOND.pro;

let t: TestEmulator;

beforeAll(async () => {
  t = await startClientTestEmulator({ plan: "pro" });
});
afterAll(() => t.close());

type Mix = "LIGHT" | "MEDIUM" | "mixed";

interface Scenario {
  readonly mix: Mix;
  readonly count: number;
  /** The other app: its category, its share of that category's limit, and when (in our completed requests) it runs. */
  readonly other?: { readonly category: RateLimitCategory; readonly share: number; readonly startAfter: number; readonly stopAfter: number };
}

const categoriesOf = (mix: Mix): RateLimitCategory[] => (mix === "mixed" ? ["LIGHT", "MEDIUM"] : [mix]);

// Unbiased: fast-check's usual bias towards small integers would make most bursts and shares tiny.
const scenarios: fc.Arbitrary<Scenario> = fc
  .noBias(fc.record({
    mix: fc.constantFrom<Mix>("LIGHT", "MEDIUM", "mixed"),
    count: fc.integer({ min: 30, max: 160 }),
    otherApp: fc.boolean(),
    pick: fc.nat(),
    share: fc.integer({ min: 0, max: 60 }),
    // Percent of our burst done when the other app starts, and percent of the rest done when it stops.
    start: fc.integer({ min: 0, max: 50 }),
    stop: fc.integer({ min: 10, max: 100 }),
  }))
  .map(({ mix, count, otherApp, pick, share, start, stop }) => {
    if (!otherApp) return { mix, count };
    // In a category of ours; for a one-category burst, a quarter of the time in the other (counted apart).
    const categories = pick % 4 === 3 ? (["LIGHT", "MEDIUM"] as const).filter((c) => mix === "mixed" || c !== mix) : categoriesOf(mix);
    const startAfter = Math.floor((start / 100) * count);
    // Stops somewhere after it started, or (stop 100) only when our burst is over.
    const stopAfter = Math.max(startAfter + 1, Math.floor(startAfter + (stop / 100) * (count - startAfter)));
    return { mix, count, other: { category: categories[pick % categories.length]!, share: share / 100, startAfter, stopAfter } };
  });

/** The other app's requests per second: its share of the category's limit, whole requests. */
const otherRate = (s: Scenario) => (s.other ? Math.round(s.other.share * LIMITS[s.other.category]) : 0);

function requestOf(client: HttpZoomClient, category: RateLimitCategory, fieldId: string): Promise<{ status: number }> {
  return category === "LIGHT"
    ? client.request({ operation: "trackingfieldGet", pathParams: { fieldId } })
    : client.request({ operation: "trackingfieldList" });
}

async function runScenario(s: Scenario): Promise<string | undefined> {
  await t.control.reset();
  const settings = settingsFor(t.emulator);
  const seeded = await isolatedClient(settings).client.request<{ id: string }>({
    operation: "trackingfieldCreate",
    body: { field: `f-${Math.random()}` },
  });
  const fieldId = seeded.data?.id ?? "";
  const watched = watchedLimiter();
  const ours = isolatedClient(settings, { limiter: watched.limiter, debug: false }).client;
  // The other app sends steadily: no limiter of ours (its own process, its own rules) and no retries (a 429
  // answered to it is its loss, and waiting out Retry-After would make it send less than its share).
  const other = isolatedClient(settings, { debug: false, env: { ZOOM_BENCH_NO_LIMITER: "1" }, retry: { maxAttempts: 1 } }).client;
  // The tokens first, so the burst is the only thing that counts.
  await Promise.all([ours.request({ operation: "trackingfieldList" }), other.request({ operation: "trackingfieldList" })]);
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  watched.events.length = 0;
  const categories = categoriesOf(s.mix);
  const r = otherRate(s);

  let completed = 0;
  const waiters: { at: number; resolve: () => void }[] = [];
  const reached = (at: number) =>
    completed >= at ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ at, resolve }));
  let stopped = false;
  const otherApp = (async () => {
    if (!s.other || r === 0) return 0;
    await reached(s.other.startAfter);
    const stopAt = reached(s.other.stopAfter).then(() => (stopped = true));
    let sent = 0;
    while (!stopped) {
      // The other app's own failures are not ours to judge (its limiter cannot see us either).
      await requestOf(other, s.other.category, fieldId).catch(() => undefined);
      sent += 1;
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 1000 / r)), stopAt]);
    }
    return sent;
  })();

  const errors: unknown[] = [];
  const results = await Promise.all(
    Array.from({ length: s.count }, (_, i) =>
      requestOf(ours, categories[i % categories.length]!, fieldId)
        .catch((error: unknown) => {
          errors.push(error);
          return { status: -1 };
        })
        .finally(() => {
          completed += 1;
          for (const w of waiters.filter((x) => completed >= x.at)) w.resolve();
        }),
    ),
  );
  stopped = true;
  const otherSent = await otherApp;

  const problems: string[] = [];
  const ok = results.filter((x) => x.status === 200).length;
  if (ok !== s.count) problems.push(`${s.count - ok} of ours did not succeed: ${errors.map(String).join("; ").slice(0, 500)}`);
  const by429 = (c: RateLimitCategory) => watched.events.filter((e) => e.category === c && e.status === 429).length;
  const roomOf = (c: RateLimitCategory) => (c === s.other?.category ? LIMITS[c] - r : LIMITS[c]);
  const report = categories
    .map((c) => `${c}: ${by429(c)} answered 429 (bound ${learningBound(watched.events, c, roomOf(c))}), budget ${watched.limiter.budget[c]}`)
    .join("; ");
  if (!s.other || r === 0 || !categories.includes(s.other.category)) {
    if (ours.counters.rateLimited !== 0) problems.push(`no other app in our categories, yet ${ours.counters.rateLimited} answered 429 (${report})`);
  } else {
    for (const c of categories) {
      const room = roomOf(c);
      const missed = unlearned429s(watched.events, c);
      if (missed.length > 0) problems.push(`${c}: ${missed.length} 429s neither cut the budget nor came within a window of a cut`);
      const bound = learningBound(watched.events, c, room);
      if (by429(c) > bound) problems.push(`${c}: ${by429(c)} answered 429, more than learning costs (${bound})`);
    }
  }

  // The other app has stopped: let Zoom's second empty, then count the clean windows the budget takes to be whole.
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 100));
  for (const c of categories) {
    const start = watched.limiter.budget[c];
    let windows = 0;
    while (watched.limiter.budget[c] < LIMITS[c] && windows <= LIMITS[c]) {
      watched.skipWindow();
      const answer = await requestOf(ours, c, fieldId);
      if (answer.status !== 200) problems.push(`${c}: a request after the other app stopped answered ${answer.status}`);
      windows += 1;
    }
    if (watched.limiter.budget[c] !== LIMITS[c] || windows !== LIMITS[c] - start) {
      problems.push(`${c}: from ${start}, the budget was ${watched.limiter.budget[c]} after ${windows} clean windows (limit ${LIMITS[c]})`);
    }
  }
  for (const c of categories) {
    const violations = designViolations(watched.events, c);
    if (violations.length > 0) problems.push(`${c}: ${violations.slice(0, 5).join("; ")}`);
  }
  if (ours.counters.rateLimited !== watched.events.filter((e) => e.status === 429).length) {
    problems.push(`the client counted ${ours.counters.rateLimited} 429s, the limiter was told of ${watched.events.filter((e) => e.status === 429).length}`);
  }
  const summary = `${JSON.stringify(s)} r=${r}/s other sent ${otherSent}: ${report}`;
  runLog.push(summary);
  return problems.length > 0 ? `${problems.join("\n")}\n  run: ${summary}` : undefined;
}

const runLog: string[] = [];

test("the adaptive limiter's promise, generatively: our requests all succeed, 429s cost no more than learning, the budget grows back", async () => {
  try {
    await fc.assert(
      fc.asyncProperty(scenarios, async (s) => {
        const problem = await runScenario(s);
        if (problem) throw new Error(problem);
      }),
      // No shrinking: every run is seconds of real HTTP; the failing scenario and the seed are in the report.
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  } finally {
    if (process.env.LIMITER_PROPERTY_LOG) process.stdout.write(`${runLog.join("\n")}\n`);
  }
}, 400_000);
