/**
 * Wrong credentials (a client secret that is not the app's), as a new user first meets them: `drift`, `import`
 * and `pulumi up` each fail once, early, with ONE clear error; one token request in all, nothing written.
 */
import { H323Device, Meeting, TrackingField } from "../../provider";
import { runDrift } from "../../provider/cli/commands/drift";
import { runImport } from "../../provider/cli/commands/import";
import { DeploymentError } from "../../harness";
import { fakeIO } from "../drift/cliIO";
import { stackExportText } from "../drift/fixtures";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { zoomDeployment } from "../support/zoomDeployment";

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited" });
});
afterAll(async () => emu.close());

const REFUSED = "Zoom refused to issue an access token (401 invalid_client: Invalid client_id or client_secret)";

function wrongEnv(): Record<string, string> {
  const e = emu.emulator;
  return { ZOOM_API_URL: e.url, ZOOM_OAUTH_URL: e.oauthUrl, ZOOM_ACCOUNT_ID: e.accountId, ZOOM_CLIENT_ID: e.clientId, ZOOM_CLIENT_SECRET: "not-the-secret" };
}

async function tokenRequests(): Promise<number> {
  return (await emu.control.stats()).tokenRequests;
}

test("drift: one error line, one token request, no report", async () => {
  const field = (id: string, name: string) => ({ kind: "TrackingField", name, id, inputs: { field: name, __declared: ["field"] }, outputs: { field: name, fieldId: id, __declared: ["field"] } });
  const io = fakeIO({ stdin: stackExportText([field("f1", "One"), field("f2", "Two"), field("f3", "Three")]), env: wrongEnv() });
  const before = await tokenRequests();
  expect(await runDrift("-", { ignore: [] }, io.io)).toBe(1);
  const lines = io.stderr().split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^pulumi-zoom drift: .*Zoom refused to issue an access token \(401 invalid_client/);
  expect(lines[0]).toContain("check zoom:accountId, zoom:clientId and zoom:clientSecret");
  expect(io.stdout()).toBe("");
  expect((await tokenRequests()) - before).toBe(1);
});

test("import: one error line, one token request, nothing written", async () => {
  const io = fakeIO({ env: wrongEnv() });
  const before = await tokenRequests();
  expect(await runImport({ account: [], format: "ts", out: "index.ts", secrets: "omit", package: "pulumi-zoom" }, io.io)).toBe(1);
  const lines = io.stderr().split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(REFUSED);
  expect(io.written.size).toBe(0);
  // This process already met these credentials (the drift test): the refusal is remembered, not asked again.
  expect((await tokenRequests()) - before).toBeLessThanOrEqual(1);
});

test("pulumi up: the first refusal is the one full error; the others point to it", async () => {
  const e = emu.emulator;
  const deployment = zoomDeployment("wrong-credentials", e, { config: { "zoom:clientSecret": "not-the-secret" } });
  const before = await tokenRequests();
  try {
    const failed = await deployment
      .up(() => {
        new TrackingField("field", { field: "Wrong field" });
        new Meeting("meeting", { topic: "Wrong meeting", type: 2, startTime: "2031-05-01T10:00:00Z" });
        new H323Device("room", { name: "wrong-room", ip: "192.0.2.62", protocol: "SIP", encryption: "auto" });
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failed).toBeInstanceOf(DeploymentError);
    const errors = (failed as DeploymentError).summary.errors;
    expect(errors).toHaveLength(3);
    expect(errors.filter((error) => error.includes(REFUSED))).toHaveLength(1);
    const pointers = errors.filter((error) => !error.includes(REFUSED));
    for (const pointer of pointers) {
      expect(pointer).toMatch(/creating zoom:(TrackingField|Meeting|H323Device) "\w+": not sent: Zoom refused this stack's credentials earlier in this run; the first error \(on creating zoom:\w+ "\w+"\) says what was tried and what to check/);
    }
    expect((await tokenRequests()) - before).toBe(1);
    expect(deployment.state.resources.filter((r) => r.custom && r.id)).toEqual([]);
  } finally {
    await deployment.close();
  }
});
