/** The fault plan: each kind of fault, probabilities (seeded, so they repeat), sequences and matching. */
import type { FaultPlan } from "../../emulator";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { RawZoom } from "../support/zoomHttp";

let t: TestEmulator;
let zoom: RawZoom;

beforeAll(async () => {
  t = await startTestEmulator({ plan: "unlimited", randomSeed: 42 });
  zoom = new RawZoom(t.emulator);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control.reset();
  await zoom.accessToken(true);
});

async function fieldCount(): Promise<number> {
  return ((await zoom.call("GET", "/tracking_fields")).json as { total_records: number }).total_records;
}

test("status 429: Zoom's QPS answer with its headers", async () => {
  await t.control.setFaults({ rules: [{ fault: { kind: "status", status: 429, retryAfterSeconds: 3 }, times: 1 }] });
  const answer = await zoom.call("GET", "/tracking_fields");
  expect(answer.status).toBe(429);
  expect(answer.json).toMatchObject({ code: 429 });
  expect(answer.headers.get("x-ratelimit-type")).toBe("QPS");
  expect(answer.headers.get("x-ratelimit-category")).toBe("Medium");
  expect(answer.headers.get("retry-after")).toBe("3");
  expect((await zoom.call("GET", "/tracking_fields")).status).toBe(200);
  expect(await t.control.stats()).toMatchObject({ faultsInjected: 1, rateLimited: 1 });
});

test.each([500, 502, 503] as const)("status %d does not apply the request", async (status) => {
  await t.control.setFaults({ rules: [{ match: { method: "POST" }, fault: { kind: "status", status }, times: 1 }] });
  const answer = await zoom.call("POST", "/tracking_fields", { body: { field: "F" } });
  expect(answer.status).toBe(status);
  expect(await fieldCount()).toBe(0);
});

test("reset destroys the connection without an answer", async () => {
  await t.control.setFaults({ rules: [{ fault: { kind: "reset" }, times: 1 }] });
  await expect(zoom.call("GET", "/tracking_fields")).rejects.toThrow();
  expect((await zoom.call("GET", "/tracking_fields")).status).toBe(200);
  const log = await t.control.requests();
  expect(log.map((e) => e.status)).toEqual([0, 200]);
});

test("delay answers normally, later", async () => {
  await t.control.setFaults({ rules: [{ fault: { kind: "delay", ms: 50 }, times: 1 }] });
  expect((await zoom.call("POST", "/tracking_fields", { body: { field: "Slow" } })).status).toBe(201);
  expect(await fieldCount()).toBe(1);
});

test("applyThenStatus: the write happens, the client sees a 5xx", async () => {
  await t.control.setFaults({
    rules: [{ match: { operationId: "trackingfieldCreate" }, fault: { kind: "applyThenStatus", status: 502 } }],
  });
  expect((await zoom.call("POST", "/tracking_fields", { body: { field: "Ghost" } })).status).toBe(502);
  expect(await fieldCount()).toBe(1);
});

test("applyThenDrop: the write happens, the connection dies", async () => {
  await t.control.setFaults({ rules: [{ match: { method: "POST" }, fault: { kind: "applyThenDrop" } }] });
  await expect(zoom.call("POST", "/tracking_fields", { body: { field: "Ghost" } })).rejects.toThrow();
  expect(await fieldCount()).toBe(1);
});

test("respond: any answer, e.g. an HTML error page or an empty 200", async () => {
  await t.control.setFaults({
    sequence: {
      steps: [
        { kind: "respond", status: 502, body: "<html><body>Bad Gateway</body></html>" },
        { kind: "respond", status: 200, body: "", contentType: "application/json" },
      ],
    },
  });
  const html = await zoom.call("GET", "/tracking_fields");
  expect(html.status).toBe(502);
  expect(html.headers.get("content-type")).toBe("text/html");
  expect(html.text).toContain("Bad Gateway");
  const empty = await zoom.call("GET", "/tracking_fields");
  expect(empty.status).toBe(200);
  expect(empty.text).toBe("");
  expect((await zoom.call("GET", "/tracking_fields")).text).toContain("total_records");
});

test("a sequence applies in order to matching requests; null lets one pass", async () => {
  await t.control.setFaults({
    sequence: {
      match: { operationId: "trackingfieldList" },
      steps: [{ kind: "status", status: 503 }, null, { kind: "status", status: 500 }],
    },
  });
  const statuses = [];
  for (let i = 0; i < 4; i++) {
    statuses.push((await zoom.call("GET", "/tracking_fields")).status);
    // Other operations do not consume the sequence.
    expect((await zoom.call("GET", "/tracking_fields/x")).status).toBe(404);
  }
  expect(statuses).toEqual([503, 200, 500, 200]);
});

test("after and times bound a rule", async () => {
  await t.control.setFaults({ rules: [{ fault: { kind: "status", status: 500 }, after: 2, times: 2 }] });
  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await zoom.call("GET", "/tracking_fields/x")).status);
  expect(statuses).toEqual([404, 404, 500, 500, 404, 404]);
});

test("probabilities draw from the seeded generator: the same seed repeats the same failures", async () => {
  const plan: FaultPlan = { rules: [{ fault: { kind: "status", status: 503 }, probability: 0.3 }] };
  const run = async () => {
    await t.control.reset();
    await t.control.setFaults(plan);
    const statuses = [];
    for (let i = 0; i < 100; i++) statuses.push((await zoom.call("GET", "/tracking_fields/x", { token: await zoom.accessToken() })).status);
    return statuses;
  };
  const first = await run();
  const failures = first.filter((s) => s === 503).length;
  expect(failures).toBeGreaterThan(10);
  expect(failures).toBeLessThan(60);
  expect(await run()).toEqual(first);
});

test("faults can target the token endpoint", async () => {
  await t.control.setFaults({ rules: [{ match: { target: "oauth" }, fault: { kind: "status", status: 503 }, times: 1 }] });
  expect((await zoom.call("GET", "/tracking_fields")).status).toBe(200);
  expect((await zoom.requestToken()).status).toBe(503);
  expect((await zoom.requestToken()).status).toBe(200);
});

test("clearFaults ends the plan; a bad plan is refused", async () => {
  await t.control.setFaults({ rules: [{ fault: { kind: "status", status: 500 } }] });
  await t.control.clearFaults();
  expect((await zoom.call("GET", "/tracking_fields")).status).toBe(200);
  await expect(t.control.setFaults({ rules: [{ fault: { kind: "explode" } }] } as unknown as FaultPlan)).rejects.toThrow(/400/);
});

test("a reset drops a request held by a delay: no answer, nothing applied, not in the log that starts again", async () => {
  await t.control.setFaults({ rules: [{ match: { method: "POST" }, fault: { kind: "delay", ms: 600_000 }, times: 1 }] });
  const held = zoom.call("POST", "/tracking_fields", { body: { field: "Held" } });
  // The request reaches the emulator and waits in its delay (the fault is counted when it is drawn).
  while ((await t.control.stats()).faultsInjected === 0) await new Promise((resolve) => setImmediate(resolve));
  await t.control.reset();
  await expect(held).rejects.toThrow();
  await zoom.accessToken(true);
  expect(await fieldCount()).toBe(0);
  expect((await t.control.requests()).map((e) => `${e.method} ${e.rawPath}`)).toEqual(["GET /v2/tracking_fields"]);
});

test("closing the emulator ends a delay in progress: no timer of it outlives the emulator", async () => {
  const other = await startTestEmulator({ plan: "unlimited" });
  const raw = new RawZoom(other.emulator);
  await raw.accessToken(true);
  await other.control.setFaults({ rules: [{ fault: { kind: "delay", ms: 600_000 }, times: 1 }] });
  const timers = () => process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
  const before = timers();
  const pending = raw.call("GET", "/tracking_fields").catch((error: unknown) => error);
  // The request reaches the emulator and waits in its delay: a timer more.
  for (let turn = 0; turn < 10_000 && timers() === before; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(timers()).toBe(before + 1);
  await other.close();
  await pending;
  expect(timers()).toBeLessThanOrEqual(before);
});
