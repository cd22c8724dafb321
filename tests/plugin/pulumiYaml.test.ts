/**
 * examples/pulumi-yaml: every resource valid against the plugin's schema (what Pulumi YAML checks before it
 * runs), and the program run through the engine contract harness against the plugin and the emulator, as
 * `pulumi up` would run it: up, a clean second plan and refresh, an edit in Zoom's portal found by refresh and
 * repaired by the next up, destroy. Needs `npm run build` (the plugin runs from dist/).
 */
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import type { EngineHost } from "../../harness/host";
import { PluginHost } from "../../harness/plugin";
import { isSecret, reveal, rpcSecret, type PropertyMap } from "../../harness/values";
import { frameworkProvider } from "../../provider/plugin/kinds";
import { renderPulumiSchema } from "../../provider/plugin/schema";
import { startTestEmulator, zoomConfig, type TestEmulator } from "../support/emulator";
import { sipConfig } from "../support/examples";
import { portalClient } from "../support/resources";
import { loadYamlProgram, resolve, resourceOrder, schemaProblems, type PackageSchema, type Scope, type YamlProgram } from "./pulumiYaml";

const exampleDir = path.resolve(__dirname, "../../examples/pulumi-yaml");
const program = loadYamlProgram(path.join(exampleDir, "Pulumi.yaml"));
const schema = JSON.parse(renderPulumiSchema()) as PackageSchema;

test("a Pulumi YAML program that runs the zoom plugin from the installed package", () => {
  expect(program.runtime).toBe("yaml");
  expect(program.plugins?.providers).toEqual([{ name: "zoom", path: "./node_modules/pulumi-zoom/plugin" }]);
  expect(fs.existsSync(path.resolve(__dirname, "../../plugin/PulumiPlugin.yaml"))).toBe(true);
  // Every kind is in it.
  expect(new Set(Object.values(program.resources).map((resource) => resource.type))).toEqual(new Set(Object.keys(schema.resources)));
});

test("every resource is valid against the plugin's schema", () => {
  expect(schemaProblems(program, schema)).toEqual([]);
});

test("the Pulumi YAML shown in docs/languages.md is valid against the schema", () => {
  const page = fs.readFileSync(path.resolve(__dirname, "../../docs/languages.md"), "utf8");
  const programs = [...page.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => parseYaml(match[1]!) as Partial<YamlProgram>).filter((doc) => doc.resources);
  expect(programs.length).toBeGreaterThan(0);
  for (const shown of programs) expect(schemaProblems({ ...program, ...shown } as YamlProgram, schema)).toEqual([]);
});

test("the Pulumi YAML shown in docs/languages.md passes the plugin's check (a value the schema allows may still be refused)", async () => {
  const page = fs.readFileSync(path.resolve(__dirname, "../../docs/languages.md"), "utf8");
  const shown = [...page.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => parseYaml(match[1]!) as Partial<YamlProgram>);
  const resources = shown.flatMap((doc) => Object.entries(doc.resources ?? {}));
  expect(resources.length).toBeGreaterThan(0);
  for (const [name, resource] of resources) {
    const literal = !JSON.stringify(resource.properties ?? {}).includes("${");
    if (!literal) continue;
    const kind = resource.type.replace("zoom:index:", "");
    const checked = await frameworkProvider(kind).check!({}, { ...(resource.properties ?? {}), __logicalName: name });
    expect({ name, failures: checked.failures ?? [] }).toEqual({ name, failures: [] });
  }
});

test("the schema check finds what Pulumi YAML would refuse", () => {
  const broken = {
    ...program,
    resources: {
      meeting: { type: "zoom:index:Meeting", properties: { topic: 3, type: 4, settings: { muteOnEntry: true } } },
      field: { type: "zoom:index:TrackingField", properties: {} },
      notAKind: { type: "zoom:index:NoSuchKind" },
    },
  };
  expect(schemaProblems(broken, schema)).toEqual([
    'meeting.topic: 3 is not a string',
    "meeting.type: 4 is not one of 1, 2, 3, 8",
    "meeting.settings.muteOnEntry: not a property",
    "field.field: required",
    "notAKind: no resource type zoom:index:NoSuchKind",
  ]);
});

describe("through the plugin against the emulator", () => {
  let zoom: TestEmulator;
  let host: EngineHost;
  const scope: Scope = { config: {}, resources: {} };
  const state = new Map<string, { id: string; urn: string; inputs: PropertyMap; outputs: PropertyMap }>();
  const order = resourceOrder(program);
  const urnOf = (name: string) => `urn:pulumi:dev::${program.name}::${program.resources[name]!.type}::${name}`;
  const inputsOf = (name: string) => resolve(program.resources[name]!.properties ?? {}, scope) as PropertyMap;

  /** A second `up`: check and diff every resource against state; the plans. */
  async function plan(): Promise<Record<string, string>> {
    const plans: Record<string, string> = {};
    for (const name of order) {
      const entry = state.get(name)!;
      const checked = await host.check(entry.urn, entry.inputs, inputsOf(name));
      plans[name] = (await host.diff(entry.id, entry.urn, entry.outputs, checked.inputs, entry.inputs)).changes;
    }
    return plans;
  }

  beforeAll(async () => {
    zoom = await startTestEmulator({ plan: "unlimited" });
    const sip = sipConfig(await zoom.control.state());
    Object.assign(scope.config, { subAccountId: sip.subAccountId, trunkId: sip.trunkId, dnis: sip.dnis, tspLeaderPin: rpcSecret("161803") });
    const env = Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith("ZOOM_")).map((key) => [key, ""]));
    host = await PluginHost.start({ project: program.name, stack: "dev", env });
    await host.configure(zoomConfig(zoom.emulator), { secretKeys: ["zoom:clientSecret"] });
  });
  afterAll(async () => {
    await host?.close();
    await zoom?.close();
  });

  test("up creates every resource in reference order; secrets stay secret", async () => {
    for (const name of order) {
      const urn = urnOf(name);
      const checked = await host.check(urn, {}, inputsOf(name));
      expect({ name, failures: checked.failures }).toEqual({ name, failures: [] });
      const created = await host.create(urn, checked.inputs);
      state.set(name, { id: created.id, urn, inputs: checked.inputs, outputs: created.properties });
      scope.resources[name] = { urn, outputs: created.properties };
    }
    expect(isSecret(state.get("bridge")!.outputs.leaderPin)).toBe(true);
    expect(isSecret(state.get("allHands")!.outputs.startUrl)).toBe(true);
    expect(reveal(state.get("allHandsTemplate")!.inputs.meetingId)).toBe(reveal(state.get("allHands")!.outputs.meetingId));
    const outputs = resolve(program.outputs, scope) as PropertyMap;
    expect(typeof outputs.allHandsMeetingId).toBe("number");
    expect(isSecret(outputs.allHandsJoinUrl)).toBe(true);
  });

  test("the second plan is empty, and so is a refresh", async () => {
    expect(Object.values(await plan()).filter((changes) => changes !== "none")).toEqual([]);
    for (const name of order) {
      const entry = state.get(name)!;
      const read = await host.read(entry.id, entry.urn, entry.outputs, entry.inputs);
      const diff = await host.diff(entry.id, entry.urn, read.properties, entry.inputs, read.inputs ?? entry.inputs);
      expect({ name, changes: diff.changes }).toEqual({ name, changes: "none" });
    }
  });

  test("an edit in Zoom's portal is found by refresh and repaired by the next up", async () => {
    const meeting = state.get("allHands")!;
    await portalClient(zoom.emulator).request({ operation: "meetingUpdate", pathParams: { meetingId: meeting.id }, body: { agenda: "Edited in the portal" } });
    const read = await host.read(meeting.id, meeting.urn, meeting.outputs, meeting.inputs);
    expect(reveal(read.properties.agenda)).toBe("Edited in the portal");
    Object.assign(meeting, { outputs: read.properties, inputs: read.inputs ?? meeting.inputs });
    expect(await plan()).toMatchObject({ allHands: "some", department: "none" });
    const checked = await host.check(meeting.urn, meeting.inputs, inputsOf("allHands"));
    const updated = await host.update(meeting.id, meeting.urn, meeting.outputs, checked.inputs, meeting.inputs);
    expect(reveal(updated.properties.agenda)).toBe(program.resources.allHands!.properties!.agenda);
    Object.assign(meeting, { outputs: updated.properties, inputs: checked.inputs });
    expect(Object.values(await plan()).filter((changes) => changes !== "none")).toEqual([]);
  });

  test("destroy deletes in reverse order, sparing what retainOnDelete keeps", async () => {
    for (const name of [...order].reverse()) {
      const entry = state.get(name)!;
      if (program.resources[name]!.options?.retainOnDelete) continue;
      await host.delete(entry.id, entry.urn, entry.outputs, entry.inputs);
    }
    const gone = async (name: string) => {
      const entry = state.get(name)!;
      return (await host.read(entry.id, entry.urn, entry.outputs, entry.inputs)).id === "";
    };
    for (const name of ["department", "allHands", "boardroom", "londonTrunk", "londonReception"]) expect({ name, gone: await gone(name) }).toEqual({ name, gone: true });
    // Kept in Zoom: the bridge (retainOnDelete) and the template (Zoom cannot delete templates).
    expect(await gone("bridge")).toBe(false);
    expect(await gone("allHandsTemplate")).toBe(false);
  });
});
