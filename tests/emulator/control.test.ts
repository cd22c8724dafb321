/** The control endpoints and their client, request-size limits, and the test support's own spec check. */
import { EmulatorControl } from "../../emulator";
import { startTestEmulator, useFreshEmulator } from "../support/emulator";
import { testWithSpec } from "../support/spec";
import { RawZoom } from "../support/zoomHttp";

const t = useFreshEmulator();

test("the client takes the info, or the API url or the bare origin with the control token", async () => {
  const origin = t.emulator.url.replace(/\/v2$/, "");
  expect((await new EmulatorControl(t.emulator).state()).master.id).toBe(t.emulator.accountId);
  for (const base of [t.emulator.url, origin, `${origin}/`]) {
    expect((await new EmulatorControl(base, t.emulator.controlToken).state()).master.id).toBe(t.emulator.accountId);
  }
});

describe("the control endpoints are guarded", () => {
  const origin = () => t.emulator.url.replace(/\/v2$/, "");
  const port = () => new URL(t.emulator.url).port;

  test("without the control token, or with a wrong one: 401, and nothing happens", async () => {
    const before = t.emulator.clientSecret;
    for (const headers of [{} as Record<string, string>, { "X-Emulator-Token": "wrong" }, { "X-Emulator-Token": `${t.emulator.controlToken}x` }]) {
      const answer = await fetch(`${origin()}/_emulator/credentials/rotate`, { method: "POST", headers });
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ message: expect.stringMatching(/X-Emulator-Token/) });
    }
    expect(t.emulator.clientSecret).toBe(before);
    await expect(new EmulatorControl(t.emulator.url, "wrong").state()).rejects.toThrow(/401/);
  });

  test("a Host header that is not a loopback name (DNS rebinding) is refused even with the token: 403", async () => {
    const http = await import("node:http");
    const ask = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          { host: "127.0.0.1", port: Number(port()), path: "/_emulator/state", headers: { Host: host, "X-Emulator-Token": t.emulator.controlToken } },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on("error", reject);
        request.end();
      });
    for (const host of ["evil.example", `evil.example:${port()}`, "127.0.0.1.evil.example", "localhost.evil.example"]) expect([host, await ask(host)]).toEqual([host, 403]);
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, "localhost", `[::1]:${port()}`]) expect([host, await ask(host)]).toEqual([host, 200]);
  });

  test("the API itself needs no control token (it has Zoom's own auth)", async () => {
    expect((await t.zoom.call("GET", "/tracking_fields")).status).toBe(200);
  });
});

test("reset brings back the initial seed and clears stats, requests, emails, faults, clock and plan", async () => {
  const before = await t.control.state();
  await t.zoom.call("POST", "/tracking_fields", { body: { field: "X" } });
  const meeting = await t.zoom.call<{ id: number }>("POST", "/users/me/meetings", { body: {} });
  await t.zoom.call("DELETE", `/meetings/${meeting.json.id}`);
  await t.control.setFaults({ rules: [{ fault: { kind: "status", status: 500 }, match: { operationId: "meeting" } }] });
  await t.control.setPlan("free");
  const moved = await t.control.advanceClock(3600);
  expect((await t.control.emails()).length).toBeGreaterThan(0);

  await t.control.reset();
  expect(await t.control.state()).toEqual(before);
  expect(await t.control.requests()).toEqual([]);
  expect(await t.control.emails()).toEqual([]);
  const counters = { requests: 0, rateLimited: 0, tokenRequests: 0, faultsInjected: 0 };
  expect(await t.control.stats()).toEqual({ ...counters, byOperation: {}, byCategory: { LIGHT: 0, MEDIUM: 0, HEAVY: 0 }, faultsByKind: {} });
  expect(Date.parse((await t.control.advanceClock(0)).now)).toBeLessThan(Date.parse(moved.now));
  expect((await t.zoom.call("GET", "/tracking_fields")).json).toEqual({ total_records: 0, tracking_fields: [] });
  expect((await t.zoom.call("GET", "/meetings/1")).status).toBe(404); // no 500 fault any more
});

test("stats count per operation and category; resetStats clears them and the log only", async () => {
  await t.zoom.call("GET", "/tracking_fields");
  await t.zoom.call("GET", "/tracking_fields/x");
  await t.zoom.call("POST", "/users/me/meetings", { body: {} });
  expect(await t.control.stats()).toMatchObject({
    requests: 3,
    byOperation: { trackingfieldList: 1, trackingfieldGet: 1, meetingCreate: 1 },
    byCategory: { LIGHT: 2, MEDIUM: 1, HEAVY: 0 },
  });
  await t.control.resetStats();
  expect((await t.control.stats()).requests).toBe(0);
  expect(await t.control.requests()).toEqual([]);
  expect(((await t.zoom.call("GET", "/users/me/meetings")).json as { total_records: number }).total_records).toBe(1);
});

test("seed validates its input", async () => {
  await expect(t.control.seed({ nonsense: [] })).rejects.toThrow(/Unknown seed key: nonsense/);
  await expect(t.control.seed({ meetings: {} as unknown as unknown[] })).rejects.toThrow(/must be an array/);
  await expect(t.control.seed({ accountId: "nobody", meetings: [] })).rejects.toThrow(/404/);
  await expect(t.control.seed({ meetings: [{ topic: 5 }] })).rejects.toThrow(/Validation Failed/);
});

test("the clock can be frozen and moved", async () => {
  const frozen = await t.control.freezeClock();
  expect(frozen.frozen).toBe(true);
  const moved = await t.control.advanceClock(90);
  expect(Date.parse(moved.now) - Date.parse(frozen.now)).toBe(90_000);
  expect((await t.control.freezeClock(false)).frozen).toBe(false);
});

test("unknown control endpoints and bad bodies answer 4xx", async () => {
  const origin = t.emulator.url.replace(/\/v2$/, "");
  const headers = { "X-Emulator-Token": t.emulator.controlToken };
  expect((await fetch(`${origin}/_emulator/nothing`, { headers })).status).toBe(404);
  const bad = await fetch(`${origin}/_emulator/plan`, { method: "POST", headers, body: JSON.stringify({ plan: "gold" }) });
  expect(bad.status).toBe(400);
  const notJson = await fetch(`${origin}/_emulator/clock`, { method: "POST", headers, body: "{" });
  expect(notJson.status).toBe(400);
});

test("bodies over 2 MB are refused with a 400 and the emulator keeps serving", async () => {
  const huge = JSON.stringify({ field: "x".repeat(3 * 1024 * 1024) });
  const answer = await t.zoom.call("POST", "/tracking_fields", { rawBody: huge });
  expect(answer.status).toBe(400);
  expect(answer.json).toEqual({ code: 300, message: "Request Body is too large." });
  expect((await t.zoom.call("GET", "/tracking_fields")).json).toEqual({ total_records: 0, tracking_fields: [] });
});

testWithSpec("startTestEmulator fails close() when an answer breaks Zoom's documents", async () => {
  // A hook that corrupts one answer after it was sent stands in for a non-conforming emulator.
  const broken = await startTestEmulator({
    plan: "unlimited",
    onExchange: (exchange) => {
      if (exchange.operationId === "trackingfieldList") exchange.body = JSON.stringify({ total_records: "many" });
    },
  });
  await new RawZoom(broken.emulator).call("GET", "/tracking_fields");
  expect(broken.violations).toEqual([expect.stringMatching(/GET \/v2\/tracking_fields -> 200: body\/total_records must be integer/)]);
  await expect(broken.close()).rejects.toThrow(/1 answer\(s\) that Zoom's OpenAPI documents do not allow/);
});

test("bound to a non-loopback address, the emulator warns on stderr", async () => {
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const { startEmulator } = await import("../../emulator");
  const exposed = await startEmulator({ host: "0.0.0.0", port: 0 });
  try {
    expect(errors.mock.calls.flat().join("\n")).toMatch(/warning: listening on 0\.0\.0\.0, not a loopback address/);
  } finally {
    await exposed.close();
    errors.mockRestore();
  }
  const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const local = await startEmulator({ host: "127.0.0.1", port: 0 });
  await local.close();
  expect(quiet).not.toHaveBeenCalled();
  quiet.mockRestore();
});

test("a kept-alive connection is never closed by the emulator while idle: reused after 6 s, it is answered", async () => {
  // The client closes idle connections (Node's fetch after 4 s, the provider's agent after 15 s); a server closing
  // them too raced a late client timer and reset a reused connection (ECONNRESET) on a busy machine.
  const { connect } = await import("node:net");
  const { hostname, port } = new URL(t.emulator.url);
  const socket = connect(Number(port), hostname);
  const request = `GET /_emulator/state HTTP/1.1\r\nHost: ${hostname}\r\nX-Emulator-Token: ${t.emulator.controlToken}\r\nConnection: keep-alive\r\n\r\n`;
  let received = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (received += chunk));
  const answers = () => received.split("HTTP/1.1 200").length - 1;
  const waitFor = async (count: number) => {
    while (answers() < count) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  try {
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.write(request);
    await waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 6000)); // past Node's default of 5 s
    expect(socket.destroyed || socket.readableEnded).toBe(false);
    socket.write(request);
    await waitFor(2);
    expect(answers()).toBe(2);
  } finally {
    socket.destroy();
  }
}, 20_000);
