/** `pulumi-zoom import` as a command against the emulator: outputs, options, determinism and errors. */
import { runImport, type ImportCommandOptions } from "../../provider/cli/commands/import";
import { buildProgram } from "../../provider/cli/main";
import { startResourceTestbed, type ResourceTestbed } from "../support/resources";
import { zoomEnv } from "../support/emulator";
import { fakeIO } from "../drift/cliIO";

let bed: ResourceTestbed;
let env: Record<string, string>;
const base: ImportCommandOptions = { account: [], format: "ts", secrets: "omit", package: "pulumi-zoom" };

beforeAll(async () => {
  bed = await startResourceTestbed();
  const e = bed.emulator;
  env = zoomEnv(e);
  await bed.control.seed({
    tracking_fields: [{ field: "Department", recommended_values: ["eng", "sales"] }, { field: "Cost center" }],
    meetings: [
      { topic: "Standup", type: 2, start_time: "2031-01-05T09:00:00Z", duration: 15 },
      { topic: "Standup", type: 2, start_time: "2031-01-06T09:00:00Z", duration: 15 },
    ],
    h323Devices: [{ name: "Board room", protocol: "H.323", ip: "192.0.2.10", encryption: "auto" }],
  });
});
afterAll(async () => bed.close());

async function run(options: Partial<ImportCommandOptions>, io = fakeIO({ env })) {
  const code = await runImport({ ...base, ...options }, io.io);
  return { code, io };
}

test("writes the program to stdout and a summary to stderr; the same account gives the same program", async () => {
  const first = await run({});
  expect(first.code).toBe(0);
  expect(first.io.stderr()).toMatch(/^pulumi-zoom import: \d+ objects \(2 TrackingField, 2 Meeting, \d+ H323Device\)\n$/);
  const program = first.io.stdout();
  expect(program).toMatch(/new zoom\.TrackingField\("department", \{\n {4}adoptId: "[^"]+",\n {4}field: "Department",\n {4}recommendedValues: \["eng", "sales"\],/);
  expect(program).toMatch(/new zoom\.Meeting\("standup-\d+", \{\n {4}adoptId: "\d+",\n {4}topic: "Standup",/);
  // Pulumi's import option cannot adopt a dynamic resource: the program never uses it.
  expect(program).not.toContain("{ import:");
  expect(program).toContain('new zoom.H323Device("board-room", {');
  expect(program).not.toContain("import * as pulumi");
  const second = await run({});
  expect(second.io.stdout()).toBe(program);
});

test("--out writes a file; --kinds takes kind names, plurals and zoom.yaml section names", async () => {
  const { code, io } = await run({ out: "index.ts", kinds: "trackingFields, h323-devices" });
  expect(code).toBe(0);
  expect(io.stdout()).toBe("");
  expect(io.stderr()).toBe("pulumi-zoom import: 3 objects (2 TrackingField, 1 H323Device) written to index.ts\n");
  expect(io.written.get("index.ts")).toContain("(kinds trackingFields, h323-devices; users me)");
  expect(io.written.get("index.ts")).not.toContain("zoom.Meeting");
});

test("--format yaml writes the zoom.yaml and the ids beside it", async () => {
  const { code, io } = await run({ format: "yaml", out: "infra/zoom.yaml", kinds: "TrackingField" });
  expect(code).toBe(0);
  const yaml = io.written.get("infra/zoom.yaml")!;
  expect(yaml).toContain('new ZoomStack("zoom", { file: "zoom.yaml", imports: require("./zoom.imports.json") });');
  expect(yaml).toContain("trackingFields:\n  cost-center:\n    field: Cost center\n    recommendedValues: []\n");
  const imports = JSON.parse(io.written.get("infra/zoom.imports.json")!) as Record<string, string>;
  expect(Object.keys(imports).sort()).toEqual(["trackingFields.cost-center", "trackingFields.department"]);
});

test("one sweep per list: list-only kinds are read from the listing just made", async () => {
  await bed.control.seed({ h323Devices: Array.from({ length: 4 }, (_, i) => ({ name: `Room ${i}`, protocol: "SIP", ip: `192.0.2.${20 + i}`, encryption: "no" })) });
  await bed.control.resetStats();
  const { code } = await run({ kinds: "H323Device,Meeting" });
  expect(code).toBe(0);
  const stats = await bed.control.stats();
  expect(stats.byOperation.deviceList).toBe(1);
  expect(stats.byOperation.meetings).toBe(1);
  expect(stats.byOperation.meeting).toBe(2);
});

test("--account me --account <sub> --users me,<email>: each user is scanned in the account it belongs to", async () => {
  const state = await bed.control.state();
  const sub = state.subAccounts[0]!;
  const subUser = sub.users[1]!;
  await bed.control.seed({ accountId: sub.id, meetings: [{ topic: "Sub-account review", type: 2, start_time: "2031-02-01T09:00:00Z", user_id: subUser.id }] });
  const { code, io } = await run({ account: ["me", sub.id], users: `me,${subUser.email}`, kinds: "meetings", out: "index.ts" });
  expect(io.stderr()).not.toContain("could not scan");
  expect(code).toBe(0);
  const program = io.written.get("index.ts")!;
  expect(program).toContain('topic: "Sub-account review"');
  expect(program).toContain('topic: "Standup"');
  expect(program).toContain(`userId: "${subUser.email}"`);
});

test("a user found in none of the scanned accounts is a problem, named once; nothing written", async () => {
  const sub = (await bed.control.state()).subAccounts[0]!;
  const { code, io } = await run({ account: ["me", sub.id], users: "me,nobody@example.com", kinds: "meetings", out: "index.ts" });
  expect(code).toBe(1);
  const problems = io.stderr().split("\n").filter((line) => line.includes("could not scan"));
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain("nobody@example.com");
  expect(problems[0]).toContain(`not a user of any scanned account (me, ${sub.id})`);
  expect(io.written.size).toBe(0);
});

test("a terminal gets a progress line on stderr", async () => {
  const io = fakeIO({ env, tty: true });
  expect((await run({ kinds: "TrackingField" }, io)).code).toBe(0);
  expect(io.stderr()).toContain("\r\u001b[2Kscanning Zoom: ");
  expect(io.stderr()).toContain("scanning Zoom: 2/2 objects (TrackingField), 1/1 lists, ETA 0 s\r\u001b[2Kpulumi-zoom import: 2 objects");
});

describe("errors: exit 1 with a clear message", () => {
  test("an unknown kind", async () => {
    const { code, io } = await run({ kinds: "noSuchKinds" });
    expect(code).toBe(1);
    expect(io.stderr()).toContain('unknown kind "noSuchKinds" (known: ');
  });

  test("--format yaml without --out", async () => {
    const { code, io } = await run({ format: "yaml" });
    expect(code).toBe(1);
    expect(io.stderr()).toContain("give --out <file>.yaml");
  });

  test("no credentials", async () => {
    const { code, io } = await run({}, fakeIO({ env: {} }));
    expect(code).toBe(1);
    expect(io.stderr()).toContain("no Zoom credentials");
  });

  test("a listing that fails: exit 1, the problem named, and nothing written (a program missing objects would look complete)", async () => {
    await bed.control.setFaults({ rules: [{ match: { operationId: "deviceList" }, fault: { kind: "respond", status: 403, body: '{"code":4711,"message":"Invalid access token, does not contain scopes:[h323:read:admin]."}' } }] });
    try {
      const { code, io } = await run({});
      expect(code).toBe(1);
      expect(io.stderr()).toContain("could not scan H323Device in the account:");
      expect(io.stderr()).toContain("the scan is incomplete, nothing written");
      expect(io.stdout()).toBe("");
      const toFile = await run({ out: "index.ts" });
      expect(toFile.code).toBe(1);
      expect(toFile.io.stderr()).toContain("the scan is incomplete, nothing written to index.ts");
      expect(toFile.io.written.size).toBe(0);
    } finally {
      await bed.control.clearFaults();
    }
  });
});

test("pulumi-zoom import --help lists the options", () => {
  const command = buildProgram().commands.find((c) => c.name() === "import");
  const flags = command!.options.map((option) => option.long);
  expect(flags).toEqual(expect.arrayContaining(["--kinds", "--users", "--account", "--format", "--out", "--secrets", "--package", "--stack-config", "--api-url"]));
});
