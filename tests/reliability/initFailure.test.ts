/**
 * A create whose object Zoom made but whose later step failed, through the real dynamic-provider host: the
 * engine keeps the object in state with its id (ErrorResourceInitFailed), and the next `up` completes it, with
 * every output, without making another.
 */
import * as path from "node:path";
import type { EmulatorStateSummary } from "../../emulator";
import { Meeting, SipTrunk } from "../../provider";
import { Deployment, DeploymentError, plainValue } from "../../harness";
import { createClient, type HttpZoomClient } from "../../provider/client";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { accountObjects, stateKey } from "../../fixtures/account";

const root = path.resolve(__dirname, "../..");
let emu: TestEmulator;
let accounts: EmulatorStateSummary;
let portal: HttpZoomClient;

beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited" });
  accounts = await emu.control.state();
  const e = emu.emulator;
  portal = createClient(
    { apiUrl: e.url, oauthUrl: e.oauthUrl, plan: "business", credentials: { kind: "clientCredentials", accountId: e.accountId, clientId: e.clientId, clientSecret: e.clientSecret } },
    { limiter: "isolated", env: {} },
  );
});
afterAll(async () => emu.close());

function deployment(): Deployment {
  const e = emu.emulator;
  return new Deployment({
    project: "init-failure",
    stack: "dev",
    cwd: root,
    config: { "zoom:apiUrl": e.url, "zoom:oauthUrl": e.oauthUrl, "zoom:accountId": e.accountId, "zoom:clientId": e.clientId, "zoom:clientSecret": e.clientSecret },
    secretConfigKeys: ["zoom:clientSecret"],
    reuseHost: true,
  });
}

const refused = { kind: "respond", status: 400, body: JSON.stringify({ code: 300, message: "Request failed." }), contentType: "application/json" } as const;

test("a SIP trunk assigned but not read back, and a meeting whose answer was lost and whose read failed: in state, completed by the next up", async () => {
  const sub = accounts.subAccounts[0]!;
  const trunk = accounts.master.sipTrunks[0]!;
  const program = () => {
    new SipTrunk("trunk", { accountId: sub.id, trunkId: trunk.id, dnis: `${trunk.dnis.slice(0, 5)}042` });
    new Meeting("review", { topic: "Init failure review", type: 2, startTime: "2031-02-03T10:00:00Z", duration: 30 });
  };
  const d = deployment();
  try {
    await emu.control.setFaults({
      sequence: { match: { operationId: "meetingCreate" }, steps: [{ kind: "applyThenDrop" }] },
      rules: [
        { match: { operationId: "ListSIPTrunks" }, fault: refused, times: 1 },
        { match: { operationId: "meeting" }, fault: refused, times: 1 },
      ],
    });
    const failed = await d.up(program).then(
      () => undefined,
      (e: unknown) => e,
    );
    await emu.control.clearFaults();
    expect(failed).toBeInstanceOf(DeploymentError);
    const errors = (failed as DeploymentError).summary.errors.join("\n");
    expect(errors).toMatch(/creating zoom:SipTrunk "trunk": created .*, but reading it back failed/);
    expect(errors).toMatch(/creating zoom:Meeting "review": created .*, but reading it back failed/);

    const keys = () => d.state.resources.filter((r) => r.custom).map((r) => stateKey(accounts, r.type, r.id!)).sort();
    const live = async () => (await accountObjects(portal, accounts, ["SipTrunk", "Meeting"])).map((o) => o.key).sort();
    // Both objects are in state, with their ids, and marked as not initialised.
    expect(d.state.resources.filter((r) => r.custom).map((r) => r.initErrors?.length)).toEqual([1, 1]);
    expect(keys()).toEqual(await live());

    const repaired = await d.up(program);
    expect(repaired.steps.filter((s) => s.custom && s.op === "create")).toEqual([]);
    const custom = d.state.resources.filter((r) => r.custom);
    expect(custom.map((r) => r.initErrors)).toEqual([undefined, undefined]);
    expect(keys()).toEqual(await live());
    // Complete: the outputs only Zoom knows are there.
    const outputs = (name: string) => custom.find((r) => r.urn.endsWith(`::${name}`))!.outputs;
    expect(plainValue(outputs("trunk").name)).toBe(trunk.name);
    expect(plainValue(outputs("review").meetingId)).toEqual(expect.any(Number));
    expect(plainValue(outputs("review").joinUrl)).toEqual(expect.stringContaining("/j/"));

    expect((await d.up(program)).changes).toBe(0);
    await d.destroy();
    expect(await live()).toEqual([]);
  } finally {
    await d.close();
  }
});
