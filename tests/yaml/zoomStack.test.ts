/**
 * ZoomStack under the harness's runProgram (setMocks, no provider host): the component and its children as the
 * engine sees them — parent, names, inputs with references resolved into the referenced outputs and
 * dependencies, config values (secret ones secret), imports (as adoptId) — and a clear failure for an invalid file.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runProgram, type ProgramEngine, type ResourceRegistration } from "../../harness/program";
import { isSecret, reveal } from "../../harness/values";
import { ZoomStack } from "../../provider";
import { TEAM_FIELD_SECTION } from "./fixtures";

const OPTS = { project: "proj", stack: "dev" };
const MEETING = "pulumi-nodejs:dynamic/zoom:Meeting";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zoom-stack-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Answers like Zoom would for the outputs these tests read: a meeting gets a meeting id. */
const engine: ProgramEngine = {
  async register(reg) {
    if (!reg.custom) return { outputs: reg.inputs };
    const computed = reg.type === MEETING ? { meetingId: 85746065432 } : { trackingFieldId: `${reg.name}-field` };
    return { id: reg.importId ?? `${reg.name}-id`, outputs: { ...reg.inputs, ...computed } };
  },
};

function byName(resources: readonly ResourceRegistration[], name: string): ResourceRegistration {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`no ${name} among ${resources.map((r) => r.name).join(", ")}`);
  return found;
}

const FILE = [
  ...TEAM_FIELD_SECTION,
  "meetings:",
  "  standup:",
  "    topic: ${config.standupTopic}",
  "    agenda: ${config.agenda}",
  "    trackingFields:",
  "      - { field: Team, value: Data }",
  "meetingTemplates:",
  "  fromStandup:",
  "    meetingId: ${meetings.standup.meetingId}",
  "    name: ${meetings.standup.agenda}",
  "",
].join("\n");

test("children of the zoom:index:ZoomStack component, named <stack>-<logical name>, with references resolved", async () => {
  const file = writeFile("zoom.yaml", FILE);
  const run = await runProgram(
    () => {
      const org = new ZoomStack("org", { file });
      return { meetingId: org.meetings.standup.meetingId, field: org.trackingFields.team.trackingFieldId };
    },
    { ...OPTS, engine, config: { "proj:standupTopic": "Standup", "proj:agenda": "Plan the day" }, secretConfigKeys: ["proj:standupTopic"] },
  );
  expect(run.errors).toEqual([]);
  const stack = byName(run.resources, "org");
  expect(stack).toMatchObject({ type: "zoom:index:ZoomStack", custom: false });
  const field = byName(run.resources, "org-team");
  const meeting = byName(run.resources, "org-standup");
  const template = byName(run.resources, "org-fromStandup");
  for (const child of [field, meeting, template]) expect(child.parent).toBe(stack.urn);

  // The meeting names the field by label: it depends on the field explicitly.
  expect(meeting.dependsOn).toEqual([field.urn]);
  // Secret config stays secret; plain config is plain.
  expect(isSecret(meeting.inputs.topic)).toBe(true);
  expect(reveal(meeting.inputs.topic)).toBe("Standup");
  expect(meeting.inputs.agenda).toBe("Plan the day");

  // The template gets the meeting's real id (a number) and its agenda, and depends on it through them.
  expect(template.inputs.meetingId).toBe(85746065432);
  expect(template.inputs.name).toBe("Plan the day");
  expect(template.propertyDependencies.meetingId).toEqual([meeting.urn]);
  expect(run.outputs).toEqual({ meetingId: 85746065432, field: "org-team-field" });
});

test("imports adopt objects by address (each sets the resource's adoptId, not Pulumi's import option); an address the file does not declare fails with a suggestion", async () => {
  const file = writeFile("imports.yaml", "trackingFields:\n  team:\n    field: Team\n");
  const adopted = await runProgram(() => void new ZoomStack("org", { file, imports: { "trackingFields.team": "abc123" } }), { ...OPTS, engine });
  expect(adopted.errors).toEqual([]);
  expect(byName(adopted.resources, "org-team").inputs.adoptId).toBe("abc123");
  expect(byName(adopted.resources, "org-team").importId).toBeUndefined();

  const wrong = await runProgram(() => void new ZoomStack("org", { file, imports: { "trackingFields.teem": "abc123" } }), { ...OPTS, engine });
  expect(wrong.errors.map((e) => e.message).join("\n")).toContain(
    `ZoomStack imports name objects that ${file} does not declare: "trackingFields.teem"; did you mean "trackingFields.team"?`,
  );
});

test("an invalid file fails the program with every problem, and creates nothing", async () => {
  writeFile("bad.yaml", "meetings:\n  standup:\n    topic: 3\n    settings: { waitingRoom: yes }\n");
  const run = await runProgram(() => void new ZoomStack("org", { file: path.join(dir, "bad.yaml") }), { ...OPTS, engine });
  const message = run.errors.map((e) => e.message).join("\n");
  expect(message).toContain(`${path.join(dir, "bad.yaml")} is not a valid pulumi-zoom file:`);
  expect(message).toContain("bad.yaml:3:5 meetings.standup.topic: expected string, got number");
  expect(message).toContain("bad.yaml:4:17 meetings.standup.settings.waitingRoom: expected boolean, got string");
  expect(run.resources.filter((r) => r.custom)).toEqual([]);
});

test("a ${config.x} for an unset key fails before anything is registered, naming each use with file:line:col", async () => {
  const file = writeFile(
    "config.yaml",
    ["trackingFields:", "  team:", "    field: Team", "meetings:", "  standup:", "    topic: ${config.standupTopic}", "    agenda: ${config.missingAgenda}", ""].join("\n"),
  );
  const run = await runProgram(() => void new ZoomStack("org", { file }), { ...OPTS, engine, config: { "proj:standupTopic": "Standup" } });
  const message = run.errors.map((e) => e.message).join("\n");
  expect(message).toContain(`${file} uses stack config that is not set (nothing was registered):`);
  expect(message).toContain("config.yaml:7:5 meetings.standup.agenda: ${config.missingAgenda} is not set: pulumi config set missingAgenda <value>");
  expect(message).not.toContain("standupTopic");
  // The tracking field declared before the meeting was not registered either.
  expect(run.resources.filter((r) => r.custom)).toEqual([]);
});
