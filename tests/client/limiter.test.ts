import { createClient, getClient, HttpZoomClient } from "../../provider/client";
import { axiosTransport, type Transport } from "../../provider/client/http";
import { isolatedLimiter } from "../../provider/client/limiter";
import { isolatedClient, settingsFor, startClientTestEmulator, type TestEmulator } from "./helpers";
import { designViolations, learningBound, unlearned429s, watchedLimiter } from "./limiterWatch";

let t: TestEmulator;

beforeAll(async () => {
  t = await startClientTestEmulator({ plan: "pro" });
});
afterAll(() => t.close());
beforeEach(() => t.control.reset());

async function seedField(client: HttpZoomClient): Promise<string> {
  const created = await client.request<{ id: string }>({ operation: "trackingfieldCreate", body: { field: `f-${Math.random()}` } });
  return created.data?.id ?? "";
}

function burst(client: HttpZoomClient, fieldId: string, count: number): Promise<unknown[]> {
  // Half LIGHT (get), half MEDIUM (list): both categories' budgets at once.
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      i % 2 === 0
        ? client.request({ operation: "trackingfieldGet", pathParams: { fieldId } })
        : client.request({ operation: "trackingfieldList" }),
    ),
  );
}

test("a 300-request burst from two clients of one account stays under Zoom's Pro limits: zero 429s", async () => {
  const settings = settingsFor(t.emulator);
  // Two separate clients (own tokens), one account: they share the process-wide limiter.
  const first = getClient(settings, { env: {} });
  const second = createClient({ ...settings }, { env: {} });
  const fieldId = await seedField(first);
  await t.control.resetStats();
  await Promise.all([burst(first, fieldId, 150), burst(second, fieldId, 150)]);
  const stats = await t.control.stats();
  expect(stats.requests).toBe(300);
  expect(stats.rateLimited).toBe(0);
  expect(first.counters.rateLimited + second.counters.rateLimited).toBe(0);
  expect(first.counters.requestsByCategory.LIGHT + second.counters.requestsByCategory.LIGHT).toBe(151);
});

test("a busy event loop cannot crowd a second's requests into Zoom's window: zero 429s however late each is sent", async () => {
  // The first second's requests leave 400 ms after their permits (a stalled event loop, a slow token fetch, a slow
  // network), the later ones at once: the arrival jitter the limiter cannot control. With permits returning a
  // window after the LAUNCH, the next second's requests then arrived among the late ones: 429s.
  let sent = 0;
  const late: Transport = async (request) => {
    if (++sent <= 28) await new Promise((resolve) => setTimeout(resolve, 400));
    return axiosTransport(request);
  };
  const fieldId = await seedField(isolatedClient(settingsFor(t.emulator)).client);
  const client = new HttpZoomClient(settingsFor(t.emulator), { limiter: "isolated", env: {} }, late);
  await client.request({ operation: "trackingfieldList" }); // the token, before the burst
  sent = 0;
  await t.control.resetStats();
  await Promise.all(Array.from({ length: 90 }, () => client.request({ operation: "trackingfieldGet", pathParams: { fieldId } })));
  const stats = await t.control.stats();
  expect({ requests: stats.requests, rateLimited: stats.rateLimited }).toEqual({ requests: 90, rateLimited: 0 });
});

test("a permit returns a window after its request's answer, not after its launch", async () => {
  const limiter = isolatedLimiter("pro");
  const budget = limiter.budget.HEAVY;
  const releases = await Promise.all(Array.from({ length: budget }, () => limiter.acquire("HEAVY")));
  // The first request's answer takes 600 ms; the others answer at once.
  releases.slice(1).forEach((release) => release());
  await new Promise((resolve) => setTimeout(resolve, 600));
  const answered = Date.now();
  releases[0]!();
  releases[0]!(); // twice: no second permit
  const next = await Promise.all(Array.from({ length: budget }, () => limiter.acquire("HEAVY").then(() => Date.now())));
  // All but one permit were back a window after their early answers; the last waits a window from the late one.
  expect(Math.max(...next) - answered).toBeGreaterThanOrEqual(1_000);
});

test("another app spending a third of the account's limit: every request succeeds, and each 429 we get is one the budget learns from", async () => {
  const settings = settingsFor(t.emulator);
  const fieldId = await seedField(isolatedClient(settings).client);
  const other = isolatedClient(settings).client;
  const watched = watchedLimiter();
  const ours = isolatedClient(settings, { limiter: watched.limiter }).client;
  await ours.request({ operation: "trackingfieldList" }); // the token, before the burst
  await t.control.resetStats();
  let running = true;
  const otherApp = (async () => {
    // At most ten LIGHT requests a second, as another integration of the same account might send: one at a time,
    // the next 100 ms after the previous answer (its retries wait a second and more), so no second of Zoom's sees
    // more than ten of them.
    while (running) {
      await other.request({ operation: "trackingfieldGet", pathParams: { fieldId } });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const results = await Promise.all(Array.from({ length: 240 }, () => ours.request({ operation: "trackingfieldGet", pathParams: { fieldId } })));
  running = false;
  await otherApp;
  expect(results.filter((r) => r.status === 200)).toHaveLength(240);
  // In terms the design guarantees, not a count measured on some machine (7-8 of ours were answered 429 with
  // learning; without it, 9 to 149 from one loaded run to the next): every 429 cut the budget or came within a window of
  // a cut; the budget moved only as the design moves it; the 429s are no more than those cuts cost with the other
  // app spending at most 10 of LIGHT's 30 (limiterWatch.ts, learningBound); and the budget was cut: with the other
  // app sending, our first second at the whole limit overflows Zoom's. A limiter that learns nothing fails three.
  const answered429 = watched.events.filter((e) => e.status === 429);
  expect(ours.counters.rateLimited).toBe(answered429.length);
  expect(unlearned429s(watched.events, "LIGHT").length).toBe(0);
  expect(designViolations(watched.events, "LIGHT")).toEqual([]);
  expect(answered429.length).toBeLessThanOrEqual(learningBound(watched.events, "LIGHT", 30 - 10));
  expect(watched.events.filter((e) => e.after < e.before).length).toBeGreaterThan(0);
});

test("a client budgeting for a bigger plan than the account has recovers from the real 429s", async () => {
  const { client } = isolatedClient(settingsFor(t.emulator, { plan: "business" }));
  const fieldId = await seedField(client);
  await t.control.resetStats();
  // 150 at 76 a second against Pro's 30: enough over the limit that even a loaded machine's slow sending cannot
  // spread them out below it.
  const results = await Promise.all(Array.from({ length: 150 }, () => client.request({ operation: "trackingfieldGet", pathParams: { fieldId } })));
  expect(results).toHaveLength(150);
  const stats = await t.control.stats();
  expect(stats.rateLimited).toBeGreaterThan(0);
  expect(client.counters.rateLimited).toBe(stats.rateLimited);
  expect(stats.requests).toBe(150 + stats.rateLimited);
});

test("getClient shares one client per API URL and credentials", () => {
  const settings = settingsFor(t.emulator);
  expect(getClient(settings)).toBe(getClient({ ...settings, plan: "pro" }));
  const other = { ...settings, credentials: { kind: "accessToken" as const, accessToken: "another-token-value" } };
  expect(getClient(other)).not.toBe(getClient(settings));
  expect(createClient(settings)).not.toBe(getClient(settings));
});

test("ZOOM_BENCH_NO_LIMITER=1 turns the limiter off, loudly", async () => {
  const { client, lines } = isolatedClient(settingsFor(t.emulator), { env: { ZOOM_BENCH_NO_LIMITER: "1" }, debug: false });
  await client.request({ operation: "trackingfieldList" });
  expect(lines).toEqual(["zoom: warning: ZOOM_BENCH_NO_LIMITER=1: client-side rate limiting is OFF (benchmarks only)"]);
});

test("a second plan for the same account is reported and the first budget kept", () => {
  const lines: string[] = [];
  const settings = settingsFor(t.emulator, { apiUrl: `${t.emulator.url.replace("/v2", "")}/v2` });
  createClient(settings, { env: {}, logSink: (l) => lines.push(l) });
  createClient({ ...settings, plan: "free" }, { env: {}, logSink: (l) => lines.push(l) });
  expect(lines.join("\n")).toContain('zoom:plan "free" ignored');
});
