/**
 * An API address that accepts connections and never answers (a black hole on loopback), through the real
 * host as `pulumi up` runs it and through `pulumi-zoom drift`: each fails within its operation deadline
 * (zoom:operationTimeoutSeconds, set small here through stack config and ZOOM_* env), with ONE error that says
 * what was tried and what to check; every other operation fails at once, pointing to it.
 *
 * Times are printed, not asserted tightly (shared machines): the bound is generous, and far below what the
 * old policy took (6 attempts x the response timeout + backoff).
 */
import * as net from "node:net";
import { H323Device, Meeting, TrackingField } from "../../provider";
import { runDrift } from "../../provider/cli/commands/drift";
import { DeploymentError } from "../../harness";
import { fakeIO } from "../drift/cliIO";
import { stackExportText } from "../drift/fixtures";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { zoomDeployment } from "../support/zoomDeployment";

let emu: TestEmulator;
let hole: net.Server;
const sockets = new Set<net.Socket>();
let holeUrl: string;
const accepted = () => sockets.size;

beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited" });
  // Accepts every connection, reads whatever comes, never writes a byte.
  hole = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("data", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => hole.listen(0, "127.0.0.1", resolve));
  holeUrl = `http://127.0.0.1:${(hole.address() as net.AddressInfo).port}/v2`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => hole.close(resolve));
  await emu.close();
});

/** Small deadlines: 1 s per answer, 3 s per operation. */
const TIMEOUTS = { "zoom:requestTimeoutSeconds": "1", "zoom:operationTimeoutSeconds": "3", "zoom:connectTimeoutSeconds": "1" };

test("pulumi up against a silent API: fails fast with one explanation; the other resources point to it", async () => {
  const e = emu.emulator;
  const deployment = zoomDeployment("black-hole", e, { config: { "zoom:apiUrl": holeUrl, ...TIMEOUTS } });
  const program = () => {
    const field = new TrackingField("field", { field: "Silent field" });
    new Meeting("meeting", { topic: "Silent meeting", type: 2, startTime: "2031-05-01T10:00:00Z" });
    new H323Device("room", { name: "silent-room", ip: "192.0.2.61", protocol: "SIP", encryption: "auto" });
    new TrackingField("later", { field: "Later field" }, { dependsOn: [field] });
  };
  const started = Date.now();
  try {
    const failed = await deployment.up(program).then(
      () => undefined,
      (error: unknown) => error,
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(`black hole, up of 3 independent creates (response timeout 1 s, operation deadline 3 s): failed after ${seconds.toFixed(1)} s`);
    expect(failed).toBeInstanceOf(DeploymentError);
    const errors = (failed as DeploymentError).summary.errors;
    console.log(errors.join("\n"));
    // Each create was sent, so each says its own outcome is unknown; what was tried is explained once.
    expect(errors).toHaveLength(3);
    for (const error of errors) {
      expect(error).toMatch(/: creating zoom:(TrackingField|Meeting|H323Device) "(field|meeting|room)": create \(POST [^)]+\) got no usable answer \(timeout after 1000 ms\)/);
      expect(error).toContain("the create's outcome is unknown; check whether Zoom has it");
      expect(error).toContain("set the resource's `adoptId` to its id");
    }
    expect(errors.filter((error) => error.includes("tried up to"))).toHaveLength(1);
    expect(errors.filter((error) => error.includes("earlier in this run; the first error"))).toHaveLength(2);
    const full = errors.find((error) => error.includes("tried up to"))!;
    expect(full).toContain(`no answer from Zoom at ${holeUrl}`);
    expect(full).toContain("zoom:operationTimeoutSeconds");
    expect(full).toContain("zoom:connectTimeoutSeconds");
    expect(full).toContain("zoom:requestTimeoutSeconds");
    // The old policy: 6 attempts x 1 s per operation, settle, lookups of 6 more: far beyond this bound.
    expect(seconds).toBeLessThan(30);
    expect(deployment.state.resources.filter((r) => r.custom && r.id)).toEqual([]);
  } finally {
    await deployment.close();
  }
});

test("pulumi-zoom drift against a silent API: one error, exit 1, settings from ZOOM_* env", async () => {
  const e = emu.emulator;
  // Two tracking fields and a device in state: reads of each, and listings of their kinds, all at once.
  const field = (id: string, name: string) => ({ kind: "TrackingField", name, id, inputs: { field: name, __declared: ["field"] }, outputs: { field: name, fieldId: id, __declared: ["field"] } });
  const stack = stackExportText([
    field("f1", "One"),
    field("f2", "Two"),
    { kind: "H323Device", name: "room", id: "d1", inputs: { name: "room", ip: "192.0.2.1", protocol: "SIP", encryption: "auto" }, outputs: { name: "room", deviceId: "d1", ip: "192.0.2.1", protocol: "SIP", encryption: "auto" } },
  ]);
  const env = {
    ZOOM_API_URL: holeUrl,
    ZOOM_OAUTH_URL: e.oauthUrl,
    ZOOM_ACCOUNT_ID: e.accountId,
    ZOOM_CLIENT_ID: e.clientId,
    ZOOM_CLIENT_SECRET: e.clientSecret,
    ZOOM_REQUEST_TIMEOUT_SECONDS: "1",
    ZOOM_OPERATION_TIMEOUT_SECONDS: "3",
  };
  const io = fakeIO({ stdin: stack, env });
  const before = accepted();
  const started = Date.now();
  const code = await runDrift("-", { ignore: [] }, io.io);
  const seconds = (Date.now() - started) / 1000;
  console.log(`black hole, drift (response timeout 1 s, operation deadline 3 s): failed after ${seconds.toFixed(1)} s; stderr:\n${io.stderr()}`);
  expect(code).toBe(1);
  const lines = io.stderr().split("\n").filter((line) => line.startsWith("pulumi-zoom drift:"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`no answer from Zoom at ${holeUrl}`);
  expect(lines[0]).toMatch(/\d+ attempts? in \d+ s: timeout after \d+ ms/);
  expect(io.stdout()).toBe("");
  expect(seconds).toBeLessThan(30);
  expect(accepted()).toBeGreaterThanOrEqual(before);
});
