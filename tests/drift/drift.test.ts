/**
 * `pulumi-zoom drift` against the emulator over real HTTP, from stack exports in Pulumi's v3 format: each kind
 * of drift, unmanaged objects and --ignore, exit codes, the JSON shape, secrets, and one sweep per list.
 */
import { runDrift, type DriftCommandOptions } from "../../provider/cli/commands/drift";
import { READS_PER_SLICE } from "../../provider/drift/detect";
import type { DriftReport } from "../../provider/drift/report";
import { allDefinitions } from "../../provider/resources/registry";
import type { Created, ResourceTestbed } from "../support/resources";
import { fakeIO } from "./cliIO";
import { stackExportText, type FixtureResource, type SecretForm } from "./fixtures";
import { useDriftTestbed } from "./testbed";

let bed: ResourceTestbed;
let env: Record<string, string>;

useDriftTestbed((started, zoom) => {
  bed = started;
  env = zoom;
});

interface Managed extends Created {
  readonly kind: string;
  readonly name: string;
}

async function make(kind: string, name: string, declared: Record<string, unknown>): Promise<Managed> {
  return { kind, name, ...(await bed.create(kind, name, declared)) };
}

function fixture(resources: readonly Managed[], secrets: SecretForm = "ciphertext"): string {
  return stackExportText(
    resources.map((r): FixtureResource => ({ kind: r.kind, name: r.name, id: r.id, inputs: r.inputs, outputs: r.outs, secrets })),
  );
}

const defaults: DriftCommandOptions = { ignore: [] };

async function drift(state: string, options: Partial<DriftCommandOptions> = {}, io = fakeIO({ stdin: state, env })) {
  const code = await runDrift("-", { ...defaults, ...options }, io.io);
  return { code, io };
}

async function driftJson(state: string, options: Partial<DriftCommandOptions> = {}): Promise<{ code: number; report: DriftReport }> {
  const { code, io } = await drift(state, { ...options, json: true });
  if (io.stderr() !== "") throw new Error(`stderr: ${io.stderr()}`);
  return { code, report: JSON.parse(io.stdout()) as DriftReport };
}

const meeting = { topic: "Weekly review", type: 2, startTime: "2031-03-03T16:00:00Z", duration: 45, timezone: "Europe/Berlin", password: "Rev1ew", settings: { waitingRoom: true } };

test("in sync: exit 0, every object in sync, encrypted declared secrets listed as not compared", async () => {
  const field = await make("TrackingField", "dept", { field: "Department", recommendedValues: ["eng", "sales"] });
  const review = await make("Meeting", "review", meeting);
  const { code, report } = await driftJson(fixture([field, review]));
  expect(code).toBe(0);
  expect(report.summary).toEqual({ managed: 2, inSync: 2, drifted: 0, missing: 0, unmanaged: 0, ignored: 0, errors: 0, driftFound: false });
  expect(report.stack).toBe("dev");
  expect(report.project).toBe("zoom-org");
  expect(report.managed).toEqual([
    { urn: "urn:pulumi:dev::zoom-org::pulumi-nodejs:dynamic/zoom:TrackingField::dept", kind: "TrackingField", name: "dept", id: field.id, status: "in-sync", unverified: [] },
    { urn: "urn:pulumi:dev::zoom-org::pulumi-nodejs:dynamic/zoom:Meeting::review", kind: "Meeting", name: "review", id: review.id, status: "in-sync", unverified: ["password"] },
  ]);
  expect(report).toMatchObject({ missing: [], unmanaged: [], ignored: [], differences: [], errors: [] });
});

test("properties changed in the portal: each path with declared and live value, secrets as [secret]", async () => {
  const field = await make("TrackingField", "dept", { field: "Department", recommendedValues: ["eng", "sales"], required: true });
  const review = await make("Meeting", "review", meeting);
  await bed.portal.request({ operation: "trackingfieldUpdate", pathParams: { fieldId: field.id }, body: { required: false } });
  await bed.portal.request({ operation: "meetingUpdate", pathParams: { meetingId: review.id }, body: { password: "Chang3d", settings: { waiting_room: false }, duration: 60 } });
  const { code, report } = await driftJson(fixture([field, review], "plaintext"));
  expect(code).toBe(2);
  expect(report.summary).toMatchObject({ managed: 2, inSync: 0, drifted: 2, driftFound: true });
  const byPath = Object.fromEntries(report.differences.map((d) => [`${d.name}:${d.path}`, d]));
  expect(Object.keys(byPath).sort()).toEqual(["dept:required", "review:duration", "review:password", "review:settings.waitingRoom"]);
  expect(byPath["dept:required"]).toEqual({
    urn: "urn:pulumi:dev::zoom-org::pulumi-nodejs:dynamic/zoom:TrackingField::dept",
    kind: "TrackingField",
    name: "dept",
    id: field.id,
    path: "required",
    declared: true,
    live: false,
    secret: false,
  });
  expect(byPath["review:settings.waitingRoom"]).toMatchObject({ declared: true, live: false, secret: false });
  expect(byPath["review:duration"]).toMatchObject({ declared: 45, live: 60 });
  expect(byPath["review:password"]).toMatchObject({ declared: "[secret]", live: "[secret]", secret: true });
  const { io } = await drift(fixture([field, review], "plaintext"), { json: true });
  expect(io.stdout()).not.toContain("Rev1ew");
  expect(io.stdout()).not.toContain("Chang3d");
});

test("the same state with encrypted secrets: the passcode change cannot be seen, the rest still is", async () => {
  const review = await make("Meeting", "review", meeting);
  await bed.portal.request({ operation: "meetingUpdate", pathParams: { meetingId: review.id }, body: { password: "Chang3d", topic: "Renamed" } });
  const { code, report } = await driftJson(fixture([review], "ciphertext"));
  expect(code).toBe(2);
  expect(report.differences.map((d) => d.path)).toEqual(["topic"]);
  expect(report.managed[0]).toMatchObject({ status: "drifted", unverified: ["password"] });
});

test("deleted out of band: missing, exit 2", async () => {
  const field = await make("TrackingField", "dept", { field: "Department" });
  const review = await make("Meeting", "review", meeting);
  await bed.portal.request({ operation: "trackingfieldDelete", pathParams: { fieldId: field.id } });
  await bed.portal.request({ operation: "meetingDelete", pathParams: { meetingId: review.id }, query: { schedule_for_reminder: false } });
  const { code, report } = await driftJson(fixture([field, review]));
  expect(code).toBe(2);
  expect(report.missing).toEqual([
    { urn: "urn:pulumi:dev::zoom-org::pulumi-nodejs:dynamic/zoom:TrackingField::dept", kind: "TrackingField", name: "dept", id: field.id },
    { urn: "urn:pulumi:dev::zoom-org::pulumi-nodejs:dynamic/zoom:Meeting::review", kind: "Meeting", name: "review", id: review.id },
  ]);
  expect(report.summary).toMatchObject({ managed: 2, missing: 2, inSync: 0, driftFound: true });
});

test("unmanaged objects of the stack's account and users, and --ignore by name or id", async () => {
  const field = await make("TrackingField", "dept", { field: "Department" });
  const review = await make("Meeting", "review", meeting);
  const seeded = await bed.control.seed({
    tracking_fields: [{ field: "Legacy code" }, { field: "Cost center" }],
    meetings: [{ topic: "Ad-hoc sync", type: 2, start_time: "2031-04-01T10:00:00Z", duration: 30 }],
  });
  const legacy = (seeded.tracking_fields as { id: string }[])[0]!.id;
  const cost = (seeded.tracking_fields as { id: string }[])[1]!.id;
  const adhoc = String((seeded.meetings as { id: number }[])[0]!.id);
  const state = fixture([field, review]);

  const first = await driftJson(state);
  expect(first.code).toBe(2);
  expect(first.report.summary).toMatchObject({ managed: 2, inSync: 2, unmanaged: 3, ignored: 0 });
  expect(first.report.unmanaged).toEqual([
    { kind: "Meeting", id: adhoc, name: "Ad-hoc sync", userId: "me" },
    ...[
      { kind: "TrackingField", id: legacy, name: "Legacy code" },
      { kind: "TrackingField", id: cost, name: "Cost center" },
    ].sort((a, b) => (a.id < b.id ? -1 : 1)),
  ]);

  const ignoring = await driftJson(state, { ignore: ["trackingfield:legacy*", `Meeting:${adhoc}`] });
  expect(ignoring.code).toBe(2);
  expect(ignoring.report.unmanaged).toEqual([{ kind: "TrackingField", id: cost, name: "Cost center" }]);
  expect(ignoring.report.ignored).toEqual([
    { kind: "Meeting", id: adhoc, name: "Ad-hoc sync", userId: "me", pattern: `Meeting:${adhoc}` },
    { kind: "TrackingField", id: legacy, name: "Legacy code", pattern: "trackingfield:legacy*" },
  ]);

  // Ignoring a whole kind still lists it: every object that is not in the stack is counted and shown as ignored.
  const quiet = await driftJson(state, { ignore: ["TrackingField:*", "Meeting:*"] });
  expect(quiet.code).toBe(0);
  expect(quiet.report.summary).toMatchObject({ unmanaged: 0, ignored: 3, driftFound: false });
  expect(quiet.report.ignored.map((entry) => [entry.kind, entry.name, entry.pattern])).toEqual([
    ["Meeting", "Ad-hoc sync", "Meeting:*"],
    ...[
      ["TrackingField", "Legacy code", "TrackingField:*"],
      ["TrackingField", "Cost center", "TrackingField:*"],
    ].sort((a, b) => ((a[1] === "Legacy code" ? legacy : cost) < (b[1] === "Legacy code" ? legacy : cost) ? -1 : 1)),
  ]);
});

test("reads each list once: managed meetings cost a read by id each; tracking fields, read from their list, share the one listing per scope", async () => {
  const fields = [];
  for (let i = 0; i < 6; i++) fields.push(await make("TrackingField", `f${i}`, { field: `Field ${i}` }));
  const meetings = [];
  for (let i = 0; i < 4; i++) meetings.push(await make("Meeting", `m${i}`, { topic: `Meeting ${i}`, type: 2, startTime: "2031-05-01T10:00:00Z" }));
  await bed.control.resetStats();
  const { code } = await driftJson(fixture([...fields, ...meetings]));
  expect(code).toBe(0);
  const stats = await bed.control.stats();
  expect(stats.byOperation.trackingfieldGet ?? 0).toBe(0);
  expect(stats.byOperation.meeting).toBe(4);
  expect(stats.byOperation.trackingfieldList).toBe(1);
  expect(stats.byOperation.meetings).toBe(1);
});

test("a large stack: reads started slice by slice (the event loop let go between) still share one sweep per list", async () => {
  // More list-served reads than one slice of detectDrift, so some start after the sweep is under way or done.
  const fields = [];
  for (let i = 0; i < READS_PER_SLICE + 7; i++) fields.push(await make("TrackingField", `big${i}`, { field: `Big field ${i}` }));
  const meetings = [await make("Meeting", "big-m", { topic: "Big", type: 2, startTime: "2031-05-01T10:00:00Z" })];
  await bed.control.resetStats();
  const { code, report } = await driftJson(fixture([...fields, ...meetings]));
  expect(code).toBe(0);
  expect(report.summary).toMatchObject({ managed: fields.length + 1, inSync: fields.length + 1, unmanaged: 0 });
  const stats = await bed.control.stats();
  expect(stats.byOperation.trackingfieldList).toBe(1);
  expect(stats.byOperation.trackingfieldGet ?? 0).toBe(0);
  expect(stats.byOperation.meeting).toBe(1);
}, 120_000);

const listOnly = allDefinitions().find((d) => d.kind === "H323Device");
(listOnly ? test : test.skip)("a list-only kind: reads of every managed device and the unmanaged scan share one sweep", async () => {
  const devices = [];
  for (let i = 0; i < 5; i++) devices.push(await make("H323Device", `room${i}`, { name: `Room ${i}`, protocol: "H.323", ip: `192.0.2.${10 + i}`, encryption: "auto" }));
  await bed.control.seed({ h323Devices: [{ name: "Lobby", protocol: "SIP", ip: "192.0.2.99", encryption: "no" }] });
  await bed.control.resetStats();
  const { code, report } = await driftJson(fixture(devices), { ignore: ["TrackingField:*", "Meeting:*"] });
  expect(code).toBe(2);
  expect(report.summary).toMatchObject({ managed: 5, inSync: 5, unmanaged: 1 });
  expect(report.unmanaged[0]).toMatchObject({ kind: "H323Device", name: "Lobby" });
  expect((await bed.control.stats()).byOperation.deviceList).toBe(1);
});

test("every kind: unmanaged objects of the stack's accounts (sub-accounts too) and users, and TSP accounts known under another spelling of the user", async () => {
  const state = await bed.control.state();
  const owner = state.master.users[0]!;
  const sub = state.subAccounts[0]!;
  const trunk = state.master.sipTrunks[0]!;
  // The stack: a meeting of the owner (as `me`), a TSP account of the owner (by email), a trunk in a sub-account.
  const review = await make("Meeting", "review", meeting);
  const tsp = await make("TspAccount", "bridge", { userId: owner.email, conferenceCode: "4155550100", leaderPin: "246810" });
  const assigned = await make("SipTrunk", "trunk", { accountId: sub.id, trunkId: trunk.id, dnis: `${trunk.dnis.slice(0, 5)}1` });
  // Made in the portal: one object of every kind in those scopes.
  await bed.control.seed({
    tracking_fields: [{ field: "Portal field" }],
    h323Devices: [{ name: "Portal room", protocol: "SIP", ip: "192.0.2.77", encryption: "no" }],
    internalNumbers: [{ number: "+14155550199", display_number: "+1 415 555 0199", country: "US", labels: "Portal", languages: "en-US", type: 0 }],
    meetings: [{ topic: "Portal meeting", type: 2, start_time: "2031-06-01T10:00:00Z" }],
    tspAccounts: [{ user_id: owner.id, conference_code: "4155550123", leader_pin: "1234" }],
    meetingTemplates: [{ user_id: owner.id, meeting_id: Number(review.id), name: "Portal template" }],
  });
  await bed.control.seed({ accountId: sub.id, tracking_fields: [{ field: "Sub field" }] });

  const { code, report } = await driftJson(fixture([review, tsp, assigned]));
  expect(code).toBe(2);
  expect(report.summary).toMatchObject({ managed: 3, inSync: 3, errors: 0 });
  // A kind added to the manifest needs a portal-made object above: the report covers every kind, managed or not.
  const covered = new Set([...report.unmanaged.map((u) => u.kind), "Meeting", "TspAccount", "SipTrunk"]);
  expect([...covered].sort()).toEqual(allDefinitions().map((d) => d.kind).sort());
  const found = report.unmanaged.map((u) => `${u.kind}:${u.name ?? ""}${u.accountId === sub.id ? " (sub)" : ""}`).sort();
  expect(found).toEqual([
    "H323Device:Portal room",
    "InternalNumber:+1 415 555 0199",
    "Meeting:Portal meeting",
    "MeetingTemplate:Portal template",
    "TrackingField:Portal field",
    "TrackingField:Sub field (sub)",
    "TspAccount:",
  ]);
  // The stack's own TSP account (recorded by email) is not reported although listing "me" finds it too.
  expect(report.unmanaged.filter((u) => u.kind === "TspAccount")).toHaveLength(1);
});

describe("errors: exit 1 with a clear message", () => {
  test("not JSON", async () => {
    const { code, io } = await drift("this is not json");
    expect(code).toBe(1);
    expect(io.stderr()).toMatch(/^pulumi-zoom drift: the stack state is not JSON/);
    expect(io.stdout()).toBe("");
  });

  test("not a stack export", async () => {
    const { code, io } = await drift(JSON.stringify({ version: 1, deployment: {} }));
    expect(code).toBe(1);
    expect(io.stderr()).toContain("unsupported stack state version 1");
  });

  test("empty stdin", async () => {
    const { code, io } = await drift("");
    expect(code).toBe(1);
    expect(io.stderr()).toContain("pipe `pulumi stack export` in");
  });

  test("no credentials", async () => {
    const { code, io } = await drift(fixture([]), {}, fakeIO({ stdin: fixture([]), env: {} }));
    expect(code).toBe(1);
    expect(io.stderr()).toContain("no Zoom credentials");
    expect(io.stderr()).toContain("ZOOM_CLIENT_SECRET");
  });

  test("a stack config whose secret is encrypted says to use the environment", async () => {
    const e = bed.emulator;
    const yaml = [
      "config:",
      `  zoom:apiUrl: ${e.url}`,
      `  zoom:oauthUrl: ${e.oauthUrl}`,
      `  zoom:accountId: ${e.accountId}`,
      `  zoom:clientId: ${e.clientId}`,
      "  zoom:clientSecret:",
      "    secure: v1:bm90LXJlYWw=:c2VjcmV0",
    ].join("\n");
    const io = fakeIO({ stdin: fixture([]), env: {}, files: { "Pulumi.dev.yaml": yaml } });
    const { code } = await drift(fixture([]), { stackConfig: "Pulumi.dev.yaml" }, io);
    expect(code).toBe(1);
    expect(io.stderr()).toContain("zoom:clientSecret is encrypted in Pulumi.dev.yaml");
    expect(io.stderr()).toContain("ZOOM_CLIENT_SECRET");

    // With the secret in the environment, the file's plain values do the rest.
    const ok = fakeIO({ stdin: fixture([]), env: { ZOOM_CLIENT_SECRET: e.clientSecret }, files: { "Pulumi.dev.yaml": yaml } });
    expect(await runDrift("-", { ignore: [], stackConfig: "Pulumi.dev.yaml" }, ok.io)).toBe(0);
  });

  test("an unknown kind in --ignore", async () => {
    const { code, io } = await drift(fixture([]), { ignore: ["NoSuchKind:*"] });
    expect(code).toBe(1);
    expect(io.stderr()).toContain('unknown kind "NoSuchKind"');
  });

  test("a read that fails is an error for that resource; the rest is still reported", async () => {
    const field = await make("TrackingField", "dept", { field: "Department" });
    const review = await make("Meeting", "review", meeting);
    await bed.control.setFaults({ rules: [{ match: { operationId: "meeting" }, fault: { kind: "respond", status: 400, body: '{"code":300,"message":"Bad request."}' } }] });
    try {
      const { code, report } = await driftJson(fixture([field, review]));
      expect(code).toBe(1);
      expect(report.summary).toMatchObject({ managed: 2, inSync: 1, errors: 1 });
      expect(report.managed.find((m) => m.kind === "Meeting")).toMatchObject({ status: "error" });
      expect(report.errors[0]).toMatchObject({ kind: "Meeting", urn: expect.stringContaining("::review") });
    } finally {
      await bed.control.clearFaults();
    }
  });
});

describe("output", () => {
  let state: string;
  beforeEach(async () => {
    const field = await make("TrackingField", "dept", { field: "Department", required: true });
    await bed.portal.request({ operation: "trackingfieldUpdate", pathParams: { fieldId: field.id }, body: { required: false } });
    await bed.control.seed({ tracking_fields: [{ field: "Legacy code" }] });
    state = fixture([field]);
  });

  test("not a terminal: a plain table, no colour, no progress line", async () => {
    const { code, io } = await drift(state);
    expect(code).toBe(2);
    expect(io.stdout()).not.toContain("\u001b[");
    expect(io.stderr()).toBe("");
    expect(io.stdout()).toContain("Zoom drift report for stack dev (project zoom-org)");
    expect(io.stdout()).toMatch(/TrackingField dept +\S+ +required +true +false/);
    expect(io.stdout()).toMatch(/Unmanaged \(in Zoom, not in the stack\)\n +KIND +ID +NAME\n +TrackingField +\S+ +Legacy code/);
    expect(io.stdout()).toContain("Result: drift found");
  });

  test("a terminal: colour on stdout and a progress line on stderr, cleared at the end", async () => {
    const io = fakeIO({ stdin: state, env, tty: true });
    expect(await runDrift("-", defaults, io.io)).toBe(2);
    expect(io.stdout()).toContain("\u001b[33m");
    expect(io.stderr()).toContain("\r\u001b[2Kscanning Zoom: ");
    // The last state drawn: every object read, every listing in, nothing left.
    expect(io.stderr()).toMatch(/scanning Zoom: 1\/1 objects \(\w+\), (\d+)\/\1 lists, ETA 0 s\r\u001b\[2K$/);
  });

  test("--json on a terminal: no progress line, stdout is the JSON report alone", async () => {
    const io = fakeIO({ stdin: state, env, tty: true });
    expect(await runDrift("-", { ...defaults, json: true }, io.io)).toBe(2);
    expect(io.stderr()).toBe("");
    const report = JSON.parse(io.stdout()) as DriftReport;
    expect(report.summary).toMatchObject({ managed: 1, drifted: 1, unmanaged: 1 });
  });

  test("NO_COLOR on a terminal: no colour, still the progress line", async () => {
    const io = fakeIO({ stdin: state, env: { ...env, NO_COLOR: "1" }, tty: true });
    expect(await runDrift("-", defaults, io.io)).toBe(2);
    expect(io.stdout()).not.toContain("\u001b[");
    expect(io.stderr()).toContain("scanning Zoom: ");
  });

  test("--markdown: a summary line and a table per finding", async () => {
    const { code, io } = await drift(state, { markdown: true });
    expect(code).toBe(2);
    const text = io.stdout();
    expect(text.startsWith("## Zoom drift: drift found\n\nStack `dev` (project `zoom-org`): 1 managed: 0 in sync, 1 drifted, 0 deleted out of band; 1 unmanaged.\n")).toBe(true);
    expect(text).toMatch(/\| `TrackingField` dept \(`\S+`\) \| `required` \| `true` \| `false` \|/);
    expect(text).toMatch(/\| `TrackingField` \| `\S+` \| Legacy code \|/);
  });

  test("--json and --markdown together are refused", async () => {
    const { code, io } = await drift(state, { json: true, markdown: true });
    expect(code).toBe(1);
    expect(io.stderr()).toContain("cannot be combined");
  });

  test("a state file instead of stdin", async () => {
    const io = fakeIO({ files: { "state.json": state }, env });
    expect(await runDrift("state.json", { ...defaults, json: true }, io.io)).toBe(2);
    const missing = fakeIO({ env });
    expect(await runDrift("nope.json", defaults, missing.io)).toBe(1);
    expect(missing.stderr()).toContain("nope.json");
  });
});
