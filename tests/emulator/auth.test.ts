/** Server-to-server OAuth: the token endpoint and what the API does with missing, expired and revoked tokens. */
import { useFreshEmulator } from "../support/emulator";
import { basicAuth } from "../support/zoomHttp";

const t = useFreshEmulator({ tokenTtlSeconds: 120 });

const INVALID_TOKEN = { code: 124, message: "Invalid access token." };

test("good credentials get a bearer token with the configured lifetime and the catalogue's scopes", async () => {
  const answer = await t.zoom.requestToken();
  expect(answer.status).toBe(200);
  expect(answer.json).toEqual({
    access_token: expect.any(String),
    token_type: "bearer",
    expires_in: 120,
    scope: expect.stringContaining("meeting:write:admin"),
  });
  expect(answer.json.scope.split(" ")).toEqual(expect.arrayContaining(["sip_trunk:master", "tracking_fields:master"]));
  const api = await t.zoom.call("GET", "/tracking_fields", { token: answer.json.access_token });
  expect(api.status).toBe(200);
});

test("parameters may also come in a form body", async () => {
  const response = await fetch(t.emulator.oauthUrl, {
    method: "POST",
    headers: {
      Authorization: basicAuth(t.emulator.clientId, t.emulator.clientSecret),
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: "account_credentials", account_id: t.emulator.accountId }).toString(),
  });
  expect(response.status).toBe(200);
});

test.each([
  ["a wrong secret", { clientSecret: "nope" }, 401, { reason: "Invalid client_id or client_secret", error: "invalid_client" }],
  ["a wrong client id", { clientId: "nope" }, 401, { reason: "Invalid client_id or client_secret", error: "invalid_client" }],
  ["another grant type", { grantType: "client_credentials" }, 400, { reason: "unsupported grant type", error: "unsupported_grant_type" }],
  ["another account id", { accountId: "someoneElse" }, 400, { reason: "Invalid account_id: someoneElse", error: "invalid_request" }],
])("%s is refused as zoom.us/oauth answers", async (_name, overrides, status, body) => {
  const answer = await t.zoom.requestToken(overrides);
  expect(answer.status).toBe(status);
  expect(answer.json).toEqual(body);
});

test("no Basic credentials at all is an invalid request", async () => {
  const response = await fetch(`${t.emulator.oauthUrl}?grant_type=account_credentials&account_id=${t.emulator.accountId}`, {
    method: "POST",
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ reason: "Client ID or client secret is missing", error: "invalid_request" });
});

test("the API answers 401 code 124 without a token, with a bad one, and with a non-bearer scheme", async () => {
  expect((await t.zoom.call("GET", "/tracking_fields", { token: null })).json).toEqual(INVALID_TOKEN);
  const bad = await t.zoom.call("GET", "/tracking_fields", { token: "forged" });
  expect(bad.status).toBe(401);
  expect(bad.json).toEqual(INVALID_TOKEN);
  const basic = await t.zoom.call("GET", "/tracking_fields", {
    token: null,
    headers: { Authorization: basicAuth(t.emulator.clientId, t.emulator.clientSecret) },
  });
  expect(basic.status).toBe(401);
});

test("tokens expire after tokenTtlSeconds on the emulator's clock", async () => {
  const token = await t.zoom.accessToken(true);
  await t.control.advanceClock(119);
  expect((await t.zoom.call("GET", "/tracking_fields", { token })).status).toBe(200);
  await t.control.advanceClock(1);
  const expired = await t.zoom.call("GET", "/tracking_fields", { token });
  expect(expired.status).toBe(401);
  // The spec documents both messages under code 124; an expired token gets its own.
  expect(expired.json).toEqual({ code: 124, message: "Access token has expired." });
  expect((await t.zoom.call("GET", "/tracking_fields", { token: await t.zoom.accessToken(true) })).status).toBe(200);
});

test("revoking tokens ends every issued token; a new one works", async () => {
  const token = await t.zoom.accessToken(true);
  await t.control.revokeTokens();
  expect((await t.zoom.call("GET", "/tracking_fields", { token })).status).toBe(401);
  expect((await t.zoom.call("GET", "/tracking_fields", { token: await t.zoom.accessToken(true) })).status).toBe(200);
});

test("rotating the client secret refuses the old secret for new tokens", async () => {
  const old = t.emulator.clientSecret;
  const { clientSecret } = await t.control.rotateCredentials();
  expect(clientSecret).not.toBe(old);
  expect(t.emulator.clientSecret).toBe(clientSecret);
  expect((await t.zoom.requestToken({ clientSecret: old })).status).toBe(401);
  expect((await t.zoom.requestToken({ clientSecret })).status).toBe(200);
  await t.control.reset();
  expect(t.emulator.clientSecret).toBe(old);
});

test("token requests are counted", async () => {
  await t.zoom.requestToken();
  await t.zoom.requestToken({ clientSecret: "nope" });
  expect((await t.control.stats()).tokenRequests).toBe(2);
});
