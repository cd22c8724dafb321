/**
 * The lookups as a user's program calls them: `import * as zoom from "pulumi-zoom"`, run by the engine harness
 * (up and preview) with the `zoom:*` stack config, real HTTP to the emulator (every answer checked against
 * Zoom's references). The program's lookups feed a SipTrunk that the real dynamic-provider host creates.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type * as Zoom from "../../provider";
import { Deployment, plainValue } from "../../harness";
import { isSecret, reveal, UNKNOWN } from "../../harness/values";
import { useTestEmulator, zoomConfig } from "../support/emulator";

// The package as programs resolve it (node_modules/pulumi-zoom, linked to this checkout's dist/).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zoom = require("pulumi-zoom") as typeof Zoom;

const t = useTestEmulator({ plan: "unlimited" });
beforeEach(() => t.control.reset());

const root = path.resolve(__dirname, "../..");

function deployment(config: Record<string, string> = {}): Deployment {
  return new Deployment({
    project: "lookups",
    stack: "test",
    cwd: root,
    config: { ...zoomConfig(t.emulator), ...config },
    secretConfigKeys: ["zoom:clientSecret"],
  });
}

/** Runs `body` as a program through `up` and answers its outputs, plain. */
async function run(body: () => Promise<Record<string, unknown>> | Record<string, unknown>, preview = false): Promise<Record<string, unknown>> {
  const d = deployment();
  const summary = preview ? await d.preview(body) : await d.up(body);
  return Object.fromEntries(Object.entries(summary.outputs).map(([k, v]) => [k, plainValue(v)]));
}

/** What a failed lookup said, caught inside the program (one deployment for many cases). */
async function failure(lookup: () => Promise<unknown>): Promise<string> {
  try {
    await lookup();
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return "(the lookup succeeded)";
}

test("a sub-account, a master trunk and its DNIS prefix, looked up, then assigned by a SipTrunk", async () => {
  const sub = t.state.subAccounts[1];
  const master = t.state.master.sipTrunks[1];
  const outputs = await run(async () => {
    const account = await zoom.getSubAccount({ name: sub.name });
    const trunk = await zoom.getSipTrunk({ name: master.name });
    const assigned = new zoom.SipTrunk("branch", { accountId: account.id, trunkId: trunk.id, dnis: `${trunk.dnisPrefix}001` });
    return { accountId: account.id, trunkId: trunk.id, prefix: trunk.dnisPrefix, name: assigned.name };
  });
  expect(outputs).toEqual({ accountId: sub.id, trunkId: master.id, prefix: master.dnis.slice(0, 5), name: master.name });
  const assigned = await t.zoom.call<{ sip_trunks: { id: string; dnis: string }[] }>("GET", `/accounts/${sub.id}/sip_trunk/trunks`);
  expect(assigned.json.sip_trunks).toEqual([expect.objectContaining({ id: master.id, dnis: `${master.dnis.slice(0, 5)}001` })]);
});

test("getSipTrunks: the master's trunks, and a sub-account's assignments", async () => {
  const sub = t.state.subAccounts[0];
  const [first] = t.state.master.sipTrunks;
  await t.control.seed({ accountId: sub.id, sipTrunks: [{ id: first.id, dnis: `${first.dnis.slice(0, 5)}7` }] });
  const outputs = await run(async () => ({
    master: await zoom.getSipTrunks({}),
    sub: await zoom.getSipTrunks({ accountId: sub.id }),
  }));
  expect(outputs.master).toEqual({
    accountId: "me",
    sipTrunks: t.state.master.sipTrunks.map((trunk) => expect.objectContaining({ id: trunk.id, name: trunk.name, dnis: trunk.dnis, dnisPrefix: trunk.dnis.slice(0, 5) })),
  });
  expect(outputs.sub).toEqual({ accountId: sub.id, sipTrunks: [expect.objectContaining({ id: first.id, dnis: `${first.dnis.slice(0, 5)}7` })] });
});

test("getUser by email, by id, by name across more than one page of users, and in a sub-account", async () => {
  // 310 more users: the list takes two pages of 300.
  const extra = Array.from({ length: 310 }, (_, i) => ({ email: `person${i}@master.example.com`, first_name: "Person", last_name: `Number ${i}` }));
  await t.control.seed({ users: extra });
  const [, grace] = t.state.master.users;
  const subUser = t.state.subAccounts[0].users[1];
  const outputs = await run(async () => ({
    byEmail: await zoom.getUser({ email: grace.email.toUpperCase() }),
    byId: (await zoom.getUser({ id: grace.id })).email,
    last: await zoom.getUser({ name: "Person Number 309" }),
    sub: (await zoom.getUser({ email: subUser.email, accountId: t.state.subAccounts[0].id })).id,
  }));
  expect(outputs.byEmail).toMatchObject({ id: grace.id, email: grace.email, displayName: "Grace Hopper", firstName: "Grace", type: 2 });
  expect(outputs.byId).toBe(grace.email);
  expect(outputs.last).toMatchObject({ email: "person309@master.example.com", displayName: "Person Number 309" });
  expect(outputs.sub).toBe(subUser.id);
  const listed = (await t.control.requests()).filter((r) => r.operationId === "users");
  expect(listed).toHaveLength(2);
});

test("nothing found, or more than one: the error names the query and what was there", async () => {
  await t.control.seed({ users: [{ email: "ada.two@master.example.com", first_name: "Ada", last_name: "Lovelace" }] });
  const said = await run(async () => ({
    ambiguous: await failure(() => zoom.getUser({ name: "Ada Lovelace" })),
    noAccount: await failure(() => zoom.getSubAccount({ name: "Example Sub Three" })),
    noUser: await failure(() => zoom.getUser({ email: "nobody@example.com" })),
    noTrunk: await failure(() => zoom.getSipTrunk({ name: "trunk9" })),
  }));
  const { ambiguous, noAccount, noUser, noTrunk } = said as Record<string, string>;
  expect(ambiguous).toMatch(/^ZoomLookupError: /);
  expect(ambiguous).toContain('zoom.getUser({"name":"Ada Lovelace"}): 2 users match, expected one');
  expect(ambiguous).toContain("ada.lovelace@master.example.com");
  expect(ambiguous).toContain("ada.two@master.example.com");

  expect(noAccount).toContain('zoom.getSubAccount({"name":"Example Sub Three"}): no sub-account matches; the sub-accounts are: "Example Sub One"');
  expect(noAccount).toContain('"Example Sub Two"');

  expect(noUser).toContain('zoom.getUser({"email":"nobody@example.com"}): no user matches; Zoom answered that it does not exist');

  const [trunk1, trunk2] = t.state.master.sipTrunks;
  expect(noTrunk).toContain(
    `no SIP trunk matches; the SIP trunks in account me are: "trunk1" (id ${trunk1.id}, DNIS ${trunk1.dnis}); "trunk2" (id ${trunk2.id}, DNIS ${trunk2.dnis});`,
  );
});

test("bad arguments fail before any request, naming the argument", async () => {
  const said = await run(async () => ({
    both: await failure(() => zoom.getUser({ email: "a@example.com", name: "A" })),
    unknownKey: await failure(() => zoom.getTrackingField({ feild: "Region" } as never)),
  }));
  const { both, unknownKey } = said as Record<string, string>;
  expect(both).toContain('zoom.getUser({"email":"a@example.com","name":"A"}): invalid arguments');
  expect(both).toContain("invalid arguments: give exactly one of id, email or name");
  expect(both).not.toContain("(resource)");
  expect(unknownKey).toMatch(/feild: unknown property; did you mean "field"\?/);
  expect(await t.control.requests()).toEqual([]);
});

test("getTrackingField and getMeetingTemplate by name", async () => {
  const owner = t.state.master.users[0];
  await t.control.seed({
    tracking_fields: [{ field: "Cost center", recommended_values: ["CC-1", "CC-2"] }, { field: "Region" }],
    meetingTemplates: [{ user_id: owner.id, meeting_id: 85746065, name: "Weekly sync" }],
  });
  const outputs = await run(async () => ({
    field: await zoom.getTrackingField({ field: "Cost center" }),
    template: await zoom.getMeetingTemplate({ name: "Weekly sync" }),
  }));
  expect(outputs.field).toEqual({ id: expect.any(String), field: "Cost center", required: false, visible: true, recommendedValues: ["CC-1", "CC-2"] });
  expect(outputs.template).toEqual({ id: expect.any(String), name: "Weekly sync", type: 1 });
});

test("getTspSettings: the leader PIN is a secret Output in the Output form, plain in the Promise form", async () => {
  const owner = t.state.master.users[0];
  await t.control.seed({ tspAccounts: [{ user_id: owner.id, conference_code: "123456", leader_pin: "987654" }] });
  const d = deployment();
  const summary = await d.up(async () => {
    const promised = await zoom.getTspSettings({});
    const output = zoom.getTspSettingsOutput({ userId: pulumi.output(owner.email) });
    return { promisedPin: promised.tspAccounts[0]?.leaderPin, output };
  });
  expect(plainValue(summary.outputs.promisedPin)).toBe("987654");
  expect(isSecret(summary.outputs.output)).toBe(true);
  expect(reveal(summary.outputs.output)).toEqual({
    userId: owner.email,
    tspAccounts: [expect.objectContaining({ id: "1", conferenceCode: "123456", leaderPin: "987654" })],
  });
  // The Output form of a result without secrets is not secret.
  const plain = await d.up(() => ({ trunks: zoom.getSipTrunksOutput({}) }));
  expect(isSecret(plain.outputs.trunks)).toBe(false);
});

test("preview: lookups run (their results shape the plan); an argument unknown in preview leaves the result unknown", async () => {
  const sub = t.state.subAccounts[0];
  const d = deployment();
  const plan = await d.preview(async () => {
    const account = await zoom.getSubAccount({ name: sub.name });
    const field = new zoom.TrackingField("region", { accountId: account.id, field: "Region" });
    const unknownUser = zoom.getUserOutput({ id: field.id.apply(() => t.state.master.users[0].id) });
    return { accountId: account.id, user: unknownUser };
  });
  expect(plainValue(plan.outputs.accountId)).toBe(sub.id);
  expect(plan.steps.filter((step) => step.custom && step.op === "create")).toHaveLength(1);
  expect(plan.registrations.find((r) => r.name === "region")?.inputs.accountId).toBe(sub.id);
  expect(plan.outputs.user).toBe(UNKNOWN);
  // Preview creates nothing: only reads.
  expect((await t.control.requests()).every((r) => r.method === "GET")).toBe(true);
});
