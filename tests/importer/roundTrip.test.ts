/**
 * Adoption end to end: a busy account (about 200 objects of every kind) → `pulumi-zoom import` → the generated
 * program through the engine contract harness (the real dynamic-provider host) → the first `up` adopts
 * everything through `adoptId` (a create step that reads: no object is created, updated or replaced in Zoom);
 * the second `up` changes nothing; `refresh` changes nothing; `pulumi-zoom drift` on the resulting state finds
 * the account in sync with nothing unmanaged; and an edit in the portal then shows as drift.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ZoomStack } from "../../provider";
import { createClient } from "../../provider/client";
import { runDrift } from "../../provider/cli/commands/drift";
import { runImport, type ImportCommandOptions } from "../../provider/cli/commands/import";
import type { DriftReport } from "../../provider/drift/report";
import { allDefinitions } from "../../provider/resources/registry";
import { Deployment, type PlanSummary } from "../../harness";
import { fakeIO } from "../drift/cliIO";
import { startTestEmulator, zoomEnv, type TestEmulator } from "../support/emulator";
import { programOf, ROOT, typeErrors } from "./program";
import { seedBusyAccount, type SeededAccount } from "./seed";

const PROJECT = "adopted";
let emu: TestEmulator;
let seeded: SeededAccount;
let env: Record<string, string>;
let masterProgram: string;
let subProgram: string;

const importOptions: ImportCommandOptions = { account: [], format: "ts", secrets: "omit", package: "pulumi-zoom" };

async function importProgram(options: Partial<ImportCommandOptions>): Promise<string> {
  const io = fakeIO({ env });
  const code = await runImport({ ...importOptions, ...options }, io.io);
  if (code !== 0) throw new Error(`import failed (${code}): ${io.stderr()}`);
  return io.stdout();
}

beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited" });
  const e = emu.emulator;
  env = zoomEnv(e);
  seeded = await seedBusyAccount(emu.control);
  masterProgram = await importProgram({ users: seeded.users.join(",") });
  subProgram = await importProgram({ account: [seeded.subAccountId], kinds: "sipTrunks" });
});
afterAll(async () => emu.close());

/** `pulumi config set --secret <key> <leaderPin of TspAccount <id>>` lines of the header → config values. */
async function secretConfig(program: string): Promise<Record<string, string>> {
  const state = await emu.control.state();
  const idOf = new Map(state.master.users.map((u) => [u.email, u.id]));
  const config: Record<string, string> = {};
  for (const [, key, id] of program.matchAll(/pulumi config set --secret (\S+) <leaderPin of TspAccount (\S+)>/g)) {
    const [user, tsp] = decodeURIComponent(id!).split("/");
    config[`${PROJECT}:${key}`] = seeded.leaderPins[`${idOf.get(user!) ?? user}/${tsp}`]!;
  }
  return config;
}

const customCount = (summary: PlanSummary, op: string) => summary.steps.filter((s) => s.custom && s.op === op).length;

/** Zoom write operations (create, update, delete) of every kind. */
const WRITES = new Set<string>(
  allDefinitions().flatMap((d) => [d.create.operation, d.update === "replace" ? undefined : d.update.operation, "operation" in d.delete ? d.delete.operation : undefined]).filter((o): o is NonNullable<typeof o> => o !== undefined),
);

/** The Zoom writes the emulator answered since the last `resetStats`, by operation: none, when adoption only reads. */
async function zoomWrites(): Promise<Record<string, number>> {
  const { byOperation } = await emu.control.stats();
  return Object.fromEntries(Object.entries(byOperation).filter(([operation]) => WRITES.has(operation)));
}

/** A refresh that reports nothing: no resource changed, no input rewritten (`pulumi refresh --expect-no-changes`). */
async function expectQuietRefresh(deployment: Deployment): Promise<void> {
  const refresh = await deployment.refresh();
  expect(refresh.errors).toEqual([]);
  expect(refresh.changes).toBe(0);
  expect(refresh.steps.filter((s) => (s.changedInputs ?? []).length > 0 || (s.changedKeys ?? []).length > 0).map((s) => `${s.urn}: ${[...(s.changedInputs ?? []), ...(s.changedKeys ?? [])].join(", ")}`)).toEqual([]);
}

test("the generated program declares every object once, with a readable unique name", () => {
  const declared = [...`${masterProgram}\n${subProgram}`.matchAll(/(?:new zoom\.(\w+)\(|zoom\.(\w+)\.get\()("[^"]+")/g)];
  const byKind: Record<string, number> = {};
  for (const match of declared) byKind[match[1] ?? match[2]!] = (byKind[match[1] ?? match[2]!] ?? 0) + 1;
  expect(byKind).toEqual(seeded.counts);
  const names = declared.map((m) => `${m[1] ?? m[2]}:${m[3]}`);
  expect(new Set(names).size).toBe(names.length);
  expect(masterProgram).toContain('new zoom.TrackingField("cost-center", {');
  expect(masterProgram).toContain('new zoom.H323Device("board-room", {');
  expect(masterProgram).toMatch(/new zoom\.Meeting\("standup-\d+", \{/);
  expect(masterProgram).toMatch(/new zoom\.Meeting\("unicode-sync-ai-u-\d+", \{\n {4}adoptId: "\d+",\n {4}topic: "Ünïcödé sync — åíøü",/);
  // No secret value anywhere in the program.
  for (const pin of Object.values(seeded.leaderPins)) expect(masterProgram).not.toContain(pin);
  expect(masterProgram).not.toMatch(/password:/);
});

test("the generated programs type-check as a user's strict TypeScript project", () => {
  expect(typeErrors(masterProgram)).toEqual([]);
  expect(typeErrors(subProgram)).toEqual([]);
});

test("first up adopts everything and writes nothing to Zoom; second up and refresh plan nothing; drift finds the account in sync, then a portal edit", async () => {
  const e = emu.emulator;
  const config = {
    "zoom:apiUrl": e.url,
    "zoom:oauthUrl": e.oauthUrl,
    "zoom:accountId": e.accountId,
    "zoom:clientId": e.clientId,
    "zoom:clientSecret": e.clientSecret,
    ...(await secretConfig(masterProgram)),
  };
  const deployment = new Deployment({ project: PROJECT, stack: "dev", cwd: ROOT, config, secretConfigKeys: Object.keys(config).filter((k) => k !== "zoom:apiUrl" && k !== "zoom:oauthUrl") });
  const master = programOf(masterProgram);
  const sub = programOf(subProgram);
  const program = () => {
    master();
    sub();
  };
  const total = Object.values(seeded.counts).reduce((a, b) => a + b, 0);
  const readOnly = seeded.counts.MeetingTemplate ?? 0;
  try {
    await emu.control.resetStats();
    const first = await deployment.up(program);
    expect(first.errors).toEqual([]);
    // Adoption is a create step for the engine (adoptId), which reads the object: Zoom sees no write at all.
    const zoomSteps = (summary: PlanSummary) => Object.fromEntries(["create", "update", "replace", "delete"].map((op) => [op, customCount(summary, op)]));
    expect(zoomSteps(first)).toEqual({ create: total - readOnly, update: 0, replace: 0, delete: 0 });
    expect(customCount(first, "read")).toBe(readOnly);
    expect(await zoomWrites()).toEqual({});

    const second = await deployment.up(program);
    expect(second.errors).toEqual([]);
    expect(second.changes).toBe(0);
    expect(customCount(second, "same")).toBe(total - readOnly);
    await expectQuietRefresh(deployment);
    expect((await deployment.up(program)).changes).toBe(0);
    expect(await zoomWrites()).toEqual({});

    const io = fakeIO({ stdin: JSON.stringify(deployment.exportState()), env });
    const code = await runDrift("-", { ignore: [], json: true }, io.io);
    const report = JSON.parse(io.stdout()) as DriftReport;
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatchObject({ managed: total, inSync: total, drifted: 0, missing: 0, unmanaged: 0 });
    expect(code).toBe(0);

    // Someone edits an adopted tracking field in the portal: drift reports exactly it, and refresh records it.
    const field = /new zoom\.TrackingField\("cost-center", \{\n {4}adoptId: "([^"]+)"/.exec(masterProgram)![1]!;
    await portal().request({ operation: "trackingfieldUpdate", pathParams: { fieldId: field }, body: { field: "Cost centre" } });
    const drifted = await driftOf(deployment);
    expect(drifted.report.summary).toMatchObject({ managed: total, drifted: 1, missing: 0 });
    const refreshed = await deployment.refresh();
    expect(refreshed.steps.filter((s) => s.op === "update").map((s) => s.urn.split("::").pop())).toEqual(["cost-center"]);
    // The later tests import the account again: give the field its name back.
    await portal().request({ operation: "trackingfieldUpdate", pathParams: { fieldId: field }, body: { field: "Cost center" } });
  } finally {
    await deployment.close();
  }
}, 300_000);

async function driftOf(deployment: Deployment, ignore: string[] = []): Promise<{ code: number; report: DriftReport }> {
  const io = fakeIO({ stdin: JSON.stringify(deployment.exportState()), env });
  const code = await runDrift("-", { ignore, json: true }, io.io);
  return { code, report: JSON.parse(io.stdout()) as DriftReport };
}

function portal() {
  const e = emu.emulator;
  return createClient(
    { apiUrl: e.url, oauthUrl: e.oauthUrl, plan: "business", credentials: { kind: "clientCredentials", accountId: e.accountId, clientId: e.clientId, clientSecret: e.clientSecret } },
    { limiter: "isolated", env: {} },
  );
}

function zoomConfig(): Record<string, string> {
  const e = emu.emulator;
  return { "zoom:apiUrl": e.url, "zoom:oauthUrl": e.oauthUrl, "zoom:accountId": e.accountId, "zoom:clientId": e.clientId, "zoom:clientSecret": e.clientSecret };
}

test("--format yaml: a zoom.yaml and its imports (each resource's adoptId), loaded by ZoomStack, adopt the account the same way", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zoom-import-"));
  const write = async (options: Partial<ImportCommandOptions>, file: string) => {
    const io = fakeIO({ env });
    const out = path.join(dir, file);
    expect(await runImport({ ...importOptions, ...options, format: "yaml", out }, io.io)).toBe(0);
    for (const [written, text] of io.written) fs.writeFileSync(written, text);
    return { yaml: io.written.get(out)!, imports: JSON.parse(io.written.get(out.replace(/\.yaml$/, ".imports.json"))!) as Record<string, string> };
  };
  const master = await write({ users: seeded.users.join(",") }, "zoom.yaml");
  const sub = await write({ account: [seeded.subAccountId], kinds: "sipTrunks" }, "sub.yaml");
  expect(master.yaml).toContain("\ntrackingFields:\n  cost-center:\n    field: Cost center\n");
  expect(master.yaml).toContain('zoom.MeetingTemplate.get("weekly-review", ');
  expect(master.yaml).toMatch(/leaderPin: \$\{config\.tsp-account-[\w-]+-leader-pin\}/);
  expect(master.imports["trackingFields.cost-center"]).toMatch(/^\S+$/);

  const config = { ...zoomConfig(), ...(await secretConfig(master.yaml)) };
  const deployment = new Deployment({ project: PROJECT, stack: "yaml", cwd: ROOT, config, secretConfigKeys: Object.keys(config).filter((k) => !/Url$/.test(k)) });
  const program = () => {
    new ZoomStack("zoom", { file: path.join(dir, "zoom.yaml"), imports: master.imports });
    new ZoomStack("sub", { file: path.join(dir, "sub.yaml"), imports: sub.imports });
  };
  const adopted = Object.keys(master.imports).length + Object.keys(sub.imports).length;
  const total = Object.values(seeded.counts).reduce((a, b) => a + b, 0);
  expect(adopted).toBe(total - (seeded.counts.MeetingTemplate ?? 0));
  try {
    await emu.control.resetStats();
    const first = await deployment.up(program);
    expect(first.errors).toEqual([]);
    expect(["create", "update", "replace", "delete"].map((op) => customCount(first, op))).toEqual([adopted, 0, 0, 0]);
    expect(await zoomWrites()).toEqual({});
    const second = await deployment.up(program);
    expect(second.changes).toBe(0);
    await expectQuietRefresh(deployment);
    // Templates are not in the file: drift rightly calls them unmanaged until the program adopts them.
    const { code, report } = await driftOf(deployment, ["MeetingTemplate:*e*"]);
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatchObject({ managed: adopted, inSync: adopted, unmanaged: 0, ignored: seeded.counts.MeetingTemplate });
    expect(code).toBe(0);
  } finally {
    await deployment.close();
  }
}, 300_000);

test("--secrets config: every passcode comes from secret config, and the import still plans no change", async () => {
  const ada = seeded.users[0]!;
  const program = await importProgram({ users: ada, kinds: "meetings,tspAccounts", secrets: "config" });
  const keys = [...program.matchAll(/pulumi config set --secret (\S+) <password of Meeting (\d+)>/g)];
  expect(keys.length).toBeGreaterThan(10);
  expect(program).toMatch(/password: config\.requireSecret\("[\w-]+-password"\)/);
  const e = emu.emulator;
  const portal = createClient(
    { apiUrl: e.url, oauthUrl: e.oauthUrl, plan: "business", credentials: { kind: "clientCredentials", accountId: e.accountId, clientId: e.clientId, clientSecret: e.clientSecret } },
    { limiter: "isolated", env: {} },
  );
  const config: Record<string, string> = { ...zoomConfig(), ...(await secretConfig(program)) };
  for (const [, key, meetingId] of keys) {
    const live = await portal.request<{ password?: string }>({ operation: "meeting", pathParams: { meetingId: meetingId! } });
    config[`${PROJECT}:${key}`] = live.data!.password!;
    expect(program).not.toContain(live.data!.password!);
  }
  const deployment = new Deployment({ project: PROJECT, stack: "secrets", cwd: ROOT, config, secretConfigKeys: Object.keys(config).filter((k) => !/Url$/.test(k)) });
  try {
    await emu.control.resetStats();
    const first = await deployment.up(programOf(program));
    expect(first.errors).toEqual([]);
    expect(["update", "replace", "delete"].map((op) => customCount(first, op))).toEqual([0, 0, 0]);
    expect(await zoomWrites()).toEqual({});
    expect((await deployment.up(programOf(program))).changes).toBe(0);
    await expectQuietRefresh(deployment);
    // Passcodes and PINs from secret config are stored encrypted, never in plaintext.
    const state = JSON.stringify(deployment.exportState());
    for (const [key, value] of Object.entries(config)) if (key.startsWith(`${PROJECT}:`)) expect(state).not.toContain(value);
  } finally {
    await deployment.close();
  }
}, 300_000);
