import { ZoomAuthError, type HttpZoomClient } from "../../provider/client";
import { isolatedClient, issuedTokens, rejectionOf, settingsFor, startClientTestEmulator, type TestEmulator } from "./helpers";

let t: TestEmulator;

beforeAll(async () => {
  t = await startClientTestEmulator({ plan: "business" });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control.reset();
  t.exchanges.length = 0;
});

async function createField(client: HttpZoomClient, name: string): Promise<string> {
  const created = await client.request<{ id: string }>({ operation: "trackingfieldCreate", body: { field: name } });
  return created.data?.id ?? "";
}

test("one token for 100 concurrent requests (single flight)", async () => {
  const { client } = isolatedClient(settingsFor(t.emulator, { plan: "business" }));
  const results = await Promise.all(Array.from({ length: 100 }, () => client.request({ operation: "trackingfieldList" })));
  expect(results.every((r) => r.status === 200)).toBe(true);
  expect((await t.control.stats()).tokenRequests).toBe(1);
  expect(client.counters.tokenFetches).toBe(1);
  expect(client.counters.requests).toBe(100);
});

test("a token expired by Zoom's clock: one 401, one refresh, no failure", async () => {
  const { client } = isolatedClient(settingsFor(t.emulator));
  const id = await createField(client, "expiry");
  await t.control.advanceClock(3601);
  const got = await client.request<{ field: string }>({ operation: "trackingfieldGet", pathParams: { fieldId: id } });
  expect(got.data?.field).toBe("expiry");
  expect((await t.control.stats()).tokenRequests).toBe(2);
  const log = await t.control.requests();
  expect(log.map((r) => r.status)).toEqual([201, 401, 200]);
});

test("a short-lived token is refreshed before it expires: no 401 at all", async () => {
  const short = await startClientTestEmulator({ tokenTtlSeconds: 1 });
  try {
    const { client } = isolatedClient(settingsFor(short.emulator));
    await client.request({ operation: "trackingfieldList" });
    // Past 90% of the lifetime (the refresh margin), not past the end.
    await new Promise((resolve) => setTimeout(resolve, 950));
    await client.request({ operation: "trackingfieldList" });
    await client.request({ operation: "trackingfieldList" });
    const stats = await short.control.stats();
    expect(stats.tokenRequests).toBe(2);
    expect((await short.control.requests()).filter((r) => r.status === 401)).toEqual([]);
  } finally {
    await short.close();
  }
});

test("wrong credentials: one clear ZoomAuthError, one token request, no retry loop", async () => {
  const settings = settingsFor(t.emulator);
  const wrong = { ...settings, credentials: { kind: "clientCredentials" as const, accountId: t.emulator.accountId, clientId: t.emulator.clientId, clientSecret: "definitely-wrong-secret" } };
  const { client } = isolatedClient(wrong);
  const error = await rejectionOf(client.request({ operation: "trackingfieldList" }));
  expect(error).toBeInstanceOf(ZoomAuthError);
  expect(error.message).toContain("401 invalid_client");
  expect(error.message).toContain("zoom:clientSecret");
  expect(error.message).not.toContain("definitely-wrong-secret");
  expect((await t.control.stats()).tokenRequests).toBe(1);
  expect((await t.control.stats()).requests).toBe(0);
});

test("revoked tokens: one refresh, then success", async () => {
  const { client } = isolatedClient(settingsFor(t.emulator));
  await client.request({ operation: "trackingfieldList" });
  await t.control.revokeTokens();
  await Promise.all(Array.from({ length: 10 }, () => client.request({ operation: "trackingfieldList" })));
  // Ten requests failed on the same revoked token; they shared ONE refresh.
  expect((await t.control.stats()).tokenRequests).toBe(2);
});

test("revoked tokens and rotated credentials: one refresh attempt, then a clear error", async () => {
  const { client } = isolatedClient(settingsFor(t.emulator));
  await client.request({ operation: "trackingfieldList" });
  await t.control.revokeTokens();
  await t.control.rotateCredentials();
  const error = await rejectionOf(client.request({ operation: "trackingfieldList", context: "reading zoom:TrackingField \"x\"" }));
  expect(error).toBeInstanceOf(ZoomAuthError);
  expect(error.message).toMatch(/refused to issue an access token/);
  const stats = await t.control.stats();
  expect(stats.tokenRequests).toBe(2);
  expect(stats.requests).toBe(2);
});

test("a 401 that survives a fresh token is reported, not looped on", async () => {
  const { client } = isolatedClient(settingsFor(t.emulator));
  const invalid = { kind: "respond" as const, status: 401, body: JSON.stringify({ code: 124, message: "Invalid access token." }), contentType: "application/json" };
  await t.control.setFaults({ rules: [{ match: { operationId: "trackingfieldList" }, fault: invalid }] });
  const error = await rejectionOf(client.request({ operation: "trackingfieldList", context: "listing tracking fields" }));
  expect(error).toBeInstanceOf(ZoomAuthError);
  expect(error.message).toContain("listing tracking fields: Zoom 401 (code 124): Invalid access token.");
  expect(error.message).toContain("freshly fetched token");
  const stats = await t.control.stats();
  expect(stats.requests).toBe(2);
  expect(stats.tokenRequests).toBe(2);
});

test("a supplied access token that Zoom refuses: a clear error naming zoom:accessToken, no retry", async () => {
  const { client: fetcher } = isolatedClient(settingsFor(t.emulator));
  await fetcher.request({ operation: "trackingfieldList" });
  const [token] = issuedTokens(t.exchanges);
  const { client } = isolatedClient(settingsFor(t.emulator, { credentials: { kind: "accessToken", accessToken: token ?? "" } }));
  await client.request({ operation: "trackingfieldList" });
  await t.control.revokeTokens();
  const error = await rejectionOf(client.request({ operation: "trackingfieldList" }));
  expect(error).toBeInstanceOf(ZoomAuthError);
  expect(error.message).toContain("zoom:accessToken (env ZOOM_ACCESS_TOKEN)");
  expect(error.message).not.toContain(token);
  const stats = await t.control.stats();
  expect(stats.requests).toBe(3);
  expect(stats.tokenRequests).toBe(1);
});

test("a token endpoint that fails transiently is retried (fetching a token twice is harmless)", async () => {
  const { client } = isolatedClient(settingsFor(t.emulator), { retry: { baseDelayMs: 5, maxDelayMs: 20 } });
  await t.control.setFaults({ sequence: { match: { target: "oauth" }, steps: [{ kind: "status", status: 503 }, { kind: "reset" }] } });
  await client.request({ operation: "trackingfieldList" });
  expect((await t.control.stats()).tokenRequests).toBe(3);
});
