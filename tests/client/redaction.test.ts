import { inspect } from "node:util";
import { ZoomError } from "../../provider/client";
import type { Fault } from "../../emulator";
import { FAST_RETRIES, isolatedClient, issuedTokens, settingsFor, startClientTestEmulator, type TestEmulator } from "./helpers";

let t: TestEmulator;

beforeAll(async () => {
  t = await startClientTestEmulator();
});
afterAll(() => t.close());

const PASSWORD = "Pa55-w0rd-XyZ";
const ZAK = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJjbGllbnRzbSIsInVpZCI6IjEyMyJ9.c2lnbmF0dXJlLXBhcnQ";

test("no secret reaches a log line or an error, whatever Zoom echoes back", async () => {
  await t.control.reset();
  const { client, lines } = isolatedClient(settingsFor(t.emulator), FAST_RETRIES);
  const errors: string[] = [];
  const collect = async (promise: Promise<unknown>): Promise<void> => {
    try {
      await promise;
    } catch (error) {
      if (!(error instanceof ZoomError)) throw error;
      errors.push(error.message, String(error.stack), inspect(error, { depth: 10 }));
    }
  };

  await client.request({ operation: "trackingfieldList" });
  const [token] = issuedTokens(t.exchanges);
  expect(token).toBeDefined();
  const secret = t.emulator.clientSecret;

  // Zoom (or a gateway) echoing secrets: in Zoom's JSON error, in field errors, in an HTML page.
  const echoes: Fault[] = [
    {
      kind: "respond",
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({
        code: 300,
        message: `Invalid field: password ${JSON.stringify({ password: PASSWORD })} start_url https://zoom.us/s/1?zak=${ZAK}`,
        errors: [{ field: "settings.password", message: `"password": "${PASSWORD}"` }],
      }),
    },
    { kind: "respond", status: 200, body: `<html><title>Error</title>Authorization: Bearer ${token} secret=${secret} pstn_password=${PASSWORD}</html>` },
    { kind: "respond", status: 503, body: `upstream said: client_secret=${secret} token ${token}` },
  ];
  for (const fault of echoes) {
    await t.control.setFaults({ rules: [{ fault }] });
    await collect(client.request({ operation: "trackingfieldList", context: `reading with ${secret}` }));
    await collect(client.request({ operation: "trackingfieldCreate", body: { field: PASSWORD } }));
  }
  await t.control.clearFaults();
  await collect(client.request({ operation: "trackingfieldGet", pathParams: { fieldId: `${token}` } }));

  expect(errors.length).toBeGreaterThanOrEqual(7 * 3);
  expect(lines.length).toBeGreaterThan(5);
  const everything = [...lines, ...errors].join("\n");
  for (const leaked of [secret, token ?? "", PASSWORD, ZAK, Buffer.from(`${t.emulator.clientId}:${secret}`).toString("base64")]) {
    expect(everything).not.toContain(leaked);
  }
  expect(everything).toContain("[REDACTED]");
});

test("debug lines: method, path template, status, latency, retries", async () => {
  await t.control.reset();
  const { client, lines } = isolatedClient(settingsFor(t.emulator), FAST_RETRIES);
  await t.control.setFaults({ sequence: { steps: [{ kind: "status", status: 502 }] } });
  await client.request({ operation: "trackingfieldGet", pathParams: { fieldId: "x" } }).catch(() => undefined);
  const requestLines = lines.filter((l) => l.includes("/tracking_fields/{fieldId} ->"));
  expect(requestLines).toHaveLength(2);
  expect(requestLines[0]).toMatch(/^zoom: GET \/tracking_fields\/\{fieldId\} -> 502 in \d+ ms \(retries 0\) \[trackingfieldGet\]$/);
  expect(requestLines[1]).toMatch(/^zoom: GET \/tracking_fields\/\{fieldId\} -> 404 in \d+ ms \(retries 1\) \[trackingfieldGet\]$/);
});

test("no debug lines unless ZOOM_LOG=debug", async () => {
  const quiet = isolatedClient(settingsFor(t.emulator), { debug: undefined, env: {} });
  await quiet.client.request({ operation: "trackingfieldList" });
  expect(quiet.lines).toEqual([]);
  const loud = isolatedClient(settingsFor(t.emulator), { debug: undefined, env: { ZOOM_LOG: "debug" } });
  await loud.client.request({ operation: "trackingfieldList" });
  expect(loud.lines.some((l) => l.startsWith("zoom: GET /tracking_fields -> 200"))).toBe(true);
});
