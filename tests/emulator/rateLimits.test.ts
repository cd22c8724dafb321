/**
 * Rate limits, counted exactly: the emulator's clock is frozen, so a "second" lasts until the test moves the
 * clock on, and nothing here depends on how fast the machine is.
 */
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { RawZoom, type RawAnswer } from "../support/zoomHttp";

let t: TestEmulator;
let zoom: RawZoom;

beforeAll(async () => {
  t = await startTestEmulator({ plan: "pro", tokenTtlSeconds: 10 * 24 * 3600 });
  zoom = new RawZoom(t.emulator);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control.reset();
  await t.control.freezeClock();
});

/** Moves the emulator's clock to one minute past the next UTC midnight, so a whole UTC day lies ahead. */
async function startOfNextUtcDay(): Promise<void> {
  const { now } = await t.control.advanceClock(0);
  const ms = Date.parse(now);
  const next = Date.UTC(new Date(ms).getUTCFullYear(), new Date(ms).getUTCMonth(), new Date(ms).getUTCDate() + 1, 0, 1);
  await t.control.advanceClock((next - ms) / 1000);
}

function rateHeaders(answer: RawAnswer) {
  return {
    category: answer.headers.get("x-ratelimit-category"),
    type: answer.headers.get("x-ratelimit-type"),
    limit: answer.headers.get("x-ratelimit-limit"),
    remaining: answer.headers.get("x-ratelimit-remaining"),
    retryAfter: answer.headers.get("retry-after"),
  };
}

/**
 * What a daily limit answers in its headers: refused until the next UTC midnight after the emulator's `now`
 * (returned too, to move the clock there).
 */
async function dailyLimitHeaders(category: string, limit: number) {
  const { now } = await t.control.advanceClock(0);
  const day = new Date(now);
  const midnight = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1));
  const retryAfter = midnight.toISOString().replace(".000Z", "Z");
  return { now, midnight, headers: { category, type: "Daily-limit", limit: String(limit), remaining: "0", retryAfter } };
}

const QPS_BODY = { code: 429, message: "You have reached the maximum per-second rate limit for this API. Try again later." };

test("pro LIGHT: 30 per second, then 429 with Zoom's QPS headers; the next second is free again", async () => {
  await zoom.accessToken();
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) statuses.push((await zoom.call("GET", "/tracking_fields/x")).status);
  expect(statuses.every((s) => s === 404)).toBe(true);
  const refused = await zoom.call("GET", "/tracking_fields/x");
  expect(refused.status).toBe(429);
  expect(refused.json).toEqual(QPS_BODY);
  expect(rateHeaders(refused)).toEqual({ category: "Light", type: "QPS", limit: "30", remaining: "0", retryAfter: "1" });
  await t.control.advanceClock(1);
  expect((await zoom.call("GET", "/tracking_fields/x")).status).toBe(404);
});

test("a burst of concurrent requests gets exactly the limit through", async () => {
  await zoom.accessToken();
  const answers = await Promise.all(Array.from({ length: 50 }, () => zoom.call("GET", "/tracking_fields/x")));
  expect(answers.filter((a) => a.status === 404)).toHaveLength(30);
  expect(answers.filter((a) => a.status === 429)).toHaveLength(20);
  expect((await t.control.stats()).rateLimited).toBe(20);
});

test("limits are per category and per account", async () => {
  const sub = (await t.control.state()).subAccounts[0].id;
  for (let i = 0; i < 30; i++) await zoom.call("GET", "/tracking_fields/x");
  expect((await zoom.call("GET", "/tracking_fields/x")).status).toBe(429);
  // MEDIUM has its own budget; another account has its own LIGHT budget.
  expect((await zoom.call("GET", "/tracking_fields")).status).toBe(200);
  expect((await zoom.call("GET", `/accounts/${sub}/tracking_fields/x`)).status).toBe(404);
});

test("successful answers carry the category and the remaining budget", async () => {
  const answer = await zoom.call("GET", "/tracking_fields");
  expect(rateHeaders(answer)).toMatchObject({ category: "Medium", limit: "20", remaining: "19" });
});

test("a refused request does not apply", async () => {
  for (let i = 0; i < 30; i++) await zoom.call("GET", "/tracking_fields/x");
  const refused = await zoom.call("POST", "/tracking_fields", { body: { field: "Never" } });
  expect(refused.status).toBe(429);
  expect((await zoom.call("GET", "/tracking_fields")).json).toEqual({ total_records: 0, tracking_fields: [] });
});

test("unlimited turns every limit off", async () => {
  await t.control.setPlan("unlimited");
  const answers = await Promise.all(Array.from({ length: 120 }, () => zoom.call("GET", "/tracking_fields/x")));
  expect(answers.every((a) => a.status === 404)).toBe(true);
});

test("free MEDIUM: 2 per second and 2000 per UTC day; the daily 429 says when to come back", async () => {
  await t.control.setPlan("free");
  await startOfNextUtcDay();
  await zoom.accessToken(true);
  expect((await zoom.call("GET", "/tracking_fields")).status).toBe(200);
  expect((await zoom.call("GET", "/tracking_fields")).status).toBe(200);
  expect(rateHeaders(await zoom.call("GET", "/tracking_fields"))).toMatchObject({ type: "QPS", limit: "2" });
  let ok = 2;
  while (ok < 2000) {
    await t.control.advanceClock(1);
    for (const answer of [await zoom.call("GET", "/tracking_fields"), await zoom.call("GET", "/tracking_fields")]) {
      expect(answer.status).toBe(200);
      ok += 1;
    }
  }
  await t.control.advanceClock(1);
  const refused = await zoom.call("GET", "/tracking_fields");
  expect(refused.status).toBe(429);
  const { now, midnight, headers } = await dailyLimitHeaders("Medium", 2000);
  expect(rateHeaders(refused)).toEqual(headers);
  // LIGHT has its own daily budget.
  expect((await zoom.call("GET", "/tracking_fields/x")).status).toBe(404);
  await t.control.advanceClock((midnight.getTime() - Date.parse(now)) / 1000);
  expect((await zoom.call("GET", "/tracking_fields")).status).toBe(200);
});

describe("100 meeting creates/updates per host per UTC day", () => {
  const DAILY_BODY = {
    code: 429,
    message:
      "You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.",
  };

  test("the 101st create or update is refused with Zoom's exact answer; the next UTC day allows it again", async () => {
    await startOfNextUtcDay();
    const state = await t.control.state();
    let meetingId = 0;
    for (let i = 0; i < 100; i++) {
      // Stay under 30 LIGHT requests per (frozen) second.
      if (i % 25 === 0) await t.control.advanceClock(1);
      const answer =
        i < 60
          ? await zoom.call<{ id: number }>("POST", "/users/me/meetings", { body: { topic: `m${i}` } })
          : await zoom.call("PATCH", `/meetings/${meetingId}`, { body: { topic: `u${i}` } });
      expect(answer.status).toBe(i < 60 ? 201 : 204);
      if (i === 0) meetingId = (answer.json as { id: number }).id;
    }
    await t.control.advanceClock(1);
    const refused = await zoom.call("POST", "/users/me/meetings", { body: { topic: "one too many" } });
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual(DAILY_BODY);
    const { now, midnight, headers } = await dailyLimitHeaders("Light", 100);
    expect(rateHeaders(refused)).toEqual(headers);
    expect((await zoom.call("PATCH", `/meetings/${meetingId}`, { body: { topic: "x" } })).status).toBe(429);
    // Refused requests did not apply; reads are not limited; other hosts have their own 100.
    const list = await zoom.call<{ total_records: number }>("GET", "/users/me/meetings");
    expect(list.json.total_records).toBe(60);
    expect((await zoom.call("GET", `/meetings/${meetingId}`)).json).toMatchObject({ topic: "u99" });
    expect((await zoom.call("POST", `/users/${state.master.users[1].id}/meetings`, { body: {} })).status).toBe(201);

    await t.control.advanceClock((midnight.getTime() - Date.parse(now)) / 1000);
    expect((await zoom.call("POST", "/users/me/meetings", { body: { topic: "tomorrow" } })).status).toBe(201);
  });

  test("unlimited lifts the meeting limit too; an unknown meeting does not count", async () => {
    await t.control.setPlan("unlimited");
    for (let i = 0; i < 105; i++) {
      expect((await zoom.call("POST", "/users/me/meetings", { body: {} })).status).toBe(201);
    }
    await t.control.setPlan("pro");
    // More than 100 updates of a meeting that does not exist: all answered 404, none counted.
    for (let i = 0; i < 101; i++) {
      if (i % 25 === 0) await t.control.advanceClock(1);
      expect((await zoom.call("PATCH", "/meetings/1", { body: {} })).status).toBe(404);
    }
  });
});
