/**
 * The YAML examples (`examples/yaml/<family>/`): each is a valid zoom.yaml with a Pulumi.yaml and a one-line
 * ZoomStack program; all but the TSP one run end to end through the engine harness
 * (the real dynamic-provider host, the stubs in state loading the installed package, real HTTP to an emulator
 * that checks every answer against Zoom's spec): up, a second up with no change, destroy. Not the TSP example:
 * Zoom refuses to delete a user's last TSP account, and YAML cannot say `retainOnDelete` (tests/e2e runs its
 * TypeScript twin, which does).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import type { EmulatorStateSummary } from "../../emulator";
import { Deployment, type PlanSummary } from "../../harness";
import { startTestEmulator, zoomConfig } from "../support/emulator";
import { exampleProgram, sipConfig } from "../support/examples";
import { loadStackText } from "../../provider/yaml/loader";
import { formatProblem } from "../../provider/yaml/model";

const root = path.resolve(__dirname, "../..");
const examplesDir = path.join(root, "examples/yaml");
const families = fs.readdirSync(examplesDir).sort();

test("there is one example per family", () => {
  expect(families).toEqual(["h323-devices", "meeting-template", "meetings", "sip-trunk", "tracking-fields", "tsp-accounts"]);
});

describe.each(families)("examples/yaml/%s", (family) => {
  const dir = path.join(examplesDir, family);

  test("zoom.yaml is valid and points editors at the JSON Schema", () => {
    const text = fs.readFileSync(path.join(dir, "zoom.yaml"), "utf8");
    const result = loadStackText(text, `examples/yaml/${family}/zoom.yaml`);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../../schema/zoom.schema.json");
  });

  test("Pulumi.yaml names a nodejs project, and index.ts loads zoom.yaml with ZoomStack", () => {
    const project = parseYaml(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as { name?: unknown; runtime?: unknown };
    expect(project).toMatchObject({ name: `zoom-yaml-${family}`, runtime: "nodejs" });
    const program = fs.readFileSync(path.join(dir, "index.ts"), "utf8");
    expect(program).toContain('from "pulumi-zoom"');
    expect(program).toMatch(/new ZoomStack\("[^"]+", \{ file: path\.join\(__dirname, "zoom\.yaml"\) \}\)/);
  });
});

function customSteps(summary: PlanSummary, op: string): string[] {
  return summary.steps
    .filter((step) => step.custom && step.op === op)
    .map((step) => step.urn.split("::").pop()!)
    .sort();
}

/** Stack config an example reads with `${config.<key>}`, from the emulator's accounts. */
type ExampleConfig = (accounts: EmulatorStateSummary) => Record<string, string>;

describe.each<[string, string[], ExampleConfig?]>([
  ["meetings", ["meetings-budgetReview", "meetings-sprintPlanning", "meetings-team"]],
  ["tracking-fields", ["tracking-fields-department", "tracking-fields-project", "tracking-fields-region"]],
  ["h323-devices", ["rooms-boardroom", "rooms-lab"]],
  // Zoom cannot delete templates: destroy forgets the template (with a warning) and deletes the meeting.
  ["meeting-template", ["templates-customerCall", "templates-customerCallModel"]],
  ["sip-trunk", ["sip-helpDesk", "sip-localDialIn", "sip-subAccountTrunk"], sipConfig],
])("examples/yaml/%s through the engine harness", (family, resources, exampleConfig) => {
  test("up creates every object, a second up changes nothing, destroy deletes them all", async () => {
    const emulator = await startTestEmulator({ plan: "unlimited" });
    try {
      const e = emulator.emulator;
      const project = `zoom-yaml-${family}`;
      const own = exampleConfig?.(await emulator.control.state()) ?? {};
      const deployment = new Deployment({
        project,
        stack: "test",
        cwd: path.join(examplesDir, family),
        config: { ...zoomConfig(e), ...Object.fromEntries(Object.entries(own).map(([key, value]) => [`${project}:${key}`, value])) },
        secretConfigKeys: ["zoom:clientSecret"],
      });
      const program = exampleProgram(path.join(examplesDir, family, "index.ts"));

      const first = await deployment.up(program);
      expect(first.errors).toEqual([]);
      expect(customSteps(first, "create")).toEqual(resources);
      const components = first.steps.filter((step) => !step.custom && step.type === "zoom:index:ZoomStack");
      expect(components).toHaveLength(1);

      const second = await deployment.up(program);
      expect(second.errors).toEqual([]);
      expect(second.changes).toBe(0);

      const destroyed = await deployment.destroy();
      expect(customSteps(destroyed, "delete")).toEqual(resources);
      expect(deployment.state.resources.filter((r) => r.custom)).toEqual([]);
    } finally {
      await emulator.close();
    }
    // A hang guard, not a speed target: a whole deployment takes minutes on a loaded two-core machine.
  }, 300_000);
});
