/**
 * `pulumi-zoom drift` runs on schedules over stack exports anyone with write access to the state (or to the CI
 * job's input) could have edited. A crafted export must never be obeyed: prototype keys and paths, output paths
 * in `__declared`, foreign account ids, huge and deeply nested values and non-JSON each end in a clear error or
 * are ignored; secrets never print; and the process's Object.prototype is untouched after every run.
 */
import { runDrift } from "../../provider/cli/commands/drift";
import type { DriftReport } from "../../provider/drift/report";
import type { Created, ResourceTestbed } from "../support/resources";
import { fakeIO } from "./cliIO";
import { SECRET, SIG, stackExport } from "./fixtures";
import { useDriftTestbed } from "./testbed";

let bed: ResourceTestbed;
let env: Record<string, string>;

useDriftTestbed((started, zoom) => {
  bed = started;
  env = zoom;
});

/** Object.prototype as it was before any run: no own enumerable keys, nothing added. */
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  const probe: Record<string, unknown> = {};
  for (const name of ["polluted", "isAdmin", "x", "accountId", "topic"]) expect(probe[name]).toBeUndefined();
});

type Resource = Record<string, unknown> & { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

const meeting = { topic: "Weekly review", type: 2, startTime: "2031-03-03T16:00:00Z", duration: 45, password: "Rev1ew", settings: { waitingRoom: true } };

/** An export holding one created meeting, in plaintext secrets, for `edit` to tamper with. */
async function exportWith(edit: (resource: Resource, created: Created) => void): Promise<{ text: string; created: Created }> {
  const created = await bed.create("Meeting", "review", meeting);
  const document = stackExport([{ kind: "Meeting", name: "review", id: created.id, inputs: created.inputs, outputs: created.outs, secrets: "plaintext" }]);
  const resources = (document.deployment as { resources: Resource[] }).resources;
  edit(resources.find((r) => String(r.type).endsWith("zoom:Meeting"))!, created);
  return { text: JSON.stringify(document), created };
}

/** Runs drift in every format; returns the exit code of each and everything printed. */
async function driftAll(text: string): Promise<{ codes: number[]; printed: string; shown: string; report?: DriftReport; stderr: string }> {
  const codes: number[] = [];
  let printed = "";
  /** The table and the Markdown: what people read. */
  let shown = "";
  let stderr = "";
  let report: DriftReport | undefined;
  for (const format of [{}, { json: true }, { markdown: true }]) {
    const io = fakeIO({ stdin: text, env });
    codes.push(await runDrift("-", { ignore: [], ...format }, io.io));
    printed += io.stdout() + io.stderr();
    if (!("json" in format)) shown += io.stdout();
    stderr += io.stderr();
    if ("json" in format && io.stdout() !== "") report = JSON.parse(io.stdout()) as DriftReport;
  }
  return { codes, printed, shown, report, stderr };
}

test("`__proto__` keys in inputs and outputs, at any depth, are dropped: the report is the untampered one", async () => {
  const { text } = await exportWith((r) => {
    // Own `__proto__` keys, as JSON.parse of a crafted file makes them.
    r.inputs = { ...r.inputs, ...JSON.parse('{"__proto__": {"polluted": true, "accountId": "evil"}}') };
    r.outputs = { ...r.outputs, settings: { ...(r.outputs.settings as object), ...JSON.parse('{"__proto__": {"isAdmin": true}}') } };
    r.outputs = { ...r.outputs, ...JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}') };
  });
  expect(text).toContain('"__proto__"');
  const { codes, report } = await driftAll(text);
  expect(codes).toEqual([0, 0, 0]);
  expect(report!.summary).toMatchObject({ managed: 1, inSync: 1, drifted: 0, errors: 0 });
});

test("`__declared` paths through a prototype are ignored, never walked or set", async () => {
  const { text } = await exportWith((r) => {
    r.outputs.__declared = ["__proto__.polluted", "constructor.prototype.polluted", "settings.__proto__.isAdmin", "topic.constructor", "prototype", "", "topic..x", "topic"];
  });
  const { codes, report } = await driftAll(text);
  expect(codes).toEqual([0, 0, 0]);
  expect(report!.summary).toMatchObject({ managed: 1, inSync: 1, errors: 0 });
});

test("output paths in `__declared` are ignored: no output, secret or not, is compared or printed", async () => {
  const { text, created } = await exportWith((r) => {
    r.outputs.__declared = ["joinUrl", "startUrl", "h323Password", "pstnPassword", "encryptedPassword", "hostId", "uuid", "topic"];
    // Declared values that differ from the live ones, so following these paths would report (and print) them.
    for (const key of ["joinUrl", "startUrl", "h323Password", "hostId", "uuid"]) r.inputs[key] = `tampered-${key}`;
  });
  const { codes, printed, report } = await driftAll(text);
  expect(codes).toEqual([0, 0, 0]);
  expect(report!.differences).toEqual([]);
  for (const key of ["joinUrl", "startUrl", "h323Password", "pstnPassword", "encryptedPassword"]) {
    const live = created.outs[key];
    expect(typeof live).toBe("string");
    expect(printed).not.toContain(live as string);
  }
  expect(printed).not.toContain("tampered-");
});

test("secret outputs are masked whatever the export marks: a declared secret path reported as drift prints [secret]", async () => {
  const { text } = await exportWith((r) => {
    // The export claims nothing is secret: plain values where Pulumi would write secrets.
    r.inputs.password = "Other1";
    r.outputs.password = "Other1";
  });
  const { codes, printed, report } = await driftAll(text);
  expect(codes).toEqual([2, 2, 2]);
  expect(report!.differences).toEqual([expect.objectContaining({ path: "password", secret: true, declared: "[secret]", live: "[secret]" })]);
  expect(printed).not.toContain("Rev1ew");
  expect(printed).not.toContain("Other1");
});

test("a foreign account id: an error entry naming the resource, nothing read elsewhere", async () => {
  const { text } = await exportWith((r, created) => {
    r.id = `someoneElsesAccount/${created.id}`;
    r.inputs.accountId = "someoneElsesAccount";
  });
  const { codes, report } = await driftAll(text);
  expect(codes).toEqual([1, 1, 1]);
  expect(report!.errors).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "Meeting", message: expect.stringMatching(/review.*Account does not exist/s) })]));
});

test("a huge value is compared, and shortened in the table and the Markdown", async () => {
  const huge = "x".repeat(2_000_000);
  const { text } = await exportWith((r) => {
    r.inputs.topic = huge;
  });
  const { codes, shown, report } = await driftAll(text);
  expect(codes).toEqual([2, 2, 2]);
  expect(report!.differences.map((d) => d.path)).toEqual(["topic"]);
  expect(shown.length).toBeLessThan(10_000);
});

test("deeply nested values: a clear error, not a stack overflow", async () => {
  const depth = 200_000;
  const { text } = await exportWith(() => undefined);
  const nested = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
  const crafted = text.replace('"settings":{', `"deep":${nested},"settings":{`);
  expect(crafted).not.toBe(text);
  const { codes, stderr } = await driftAll(crafted);
  expect(codes).toEqual([1, 1, 1]);
  expect(stderr).toMatch(/pulumi-zoom drift: .*nested deeper than \d+ levels/);
});

test("deep nesting inside a secret's plaintext counts too: a clear error", async () => {
  const depth = 5_000;
  const { text } = await exportWith((r) => {
    r.inputs.password = { [SIG]: SECRET, plaintext: `${'{"a":'.repeat(depth)}"Rev1ew"${"}".repeat(depth)}` };
  });
  const { codes, stderr } = await driftAll(text);
  expect(codes).toEqual([1, 1, 1]);
  expect(stderr).toMatch(/nested deeper than \d+ levels/);
  expect(stderr).not.toContain("Rev1ew");
});

test.each([
  ["not JSON", "resources: [] # YAML, not an export", /not JSON/],
  ["JSON, not an object", "[1,2,3]", /not a JSON object/],
  ["no deployment", '{"version": 3}', /no `deployment`/],
  ["resources not a list", '{"version": 3, "deployment": {"resources": {"__proto__": {"polluted": true}}}}', /not a list/],
  ["a resource that is not an object", '{"version": 3, "deployment": {"resources": ["x"]}}', /resources\[0\] is not an object/],
  ["a secret whose plaintext is not JSON", JSON.stringify({ version: 3, deployment: { resources: [{ urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic/zoom:Meeting::m", type: "pulumi-nodejs:dynamic/zoom:Meeting", custom: true, id: "1", inputs: { password: { [SIG]: SECRET, plaintext: "Rev1ew" } } }] } }), /not JSON text/],
])("%s: a clear error, exit 1", async (_name, text, message) => {
  const { codes, stderr } = await driftAll(text);
  expect(codes).toEqual([1, 1, 1]);
  expect(stderr).toMatch(message);
  expect(stderr).not.toContain("Rev1ew");
});
