/**
 * Every example program, end to end, as a user would run it: the program module itself (`import * as zoom from
 * "pulumi-zoom"`), the real dynamic-provider host from @pulumi/pulumi driven by the engine contract harness, the
 * stubs in state loading the installed package, real HTTP to an emulator of its own (every answer checked against
 * Zoom's spec).
 *
 * For each: up (creates), a second up (no change), an edit of one property of one object through the API (as a
 * person in the web portal would) then refresh (the drift found, the property named), up (exactly one update
 * repairs it), destroy (the account as before, apart from what Zoom cannot delete).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import type { EmulatorStateSummary, RunningEmulator } from "../../emulator";
import { compareInventories, countByKind, inventory } from "../../examples/demo/inventory";
import type { HttpZoomClient, RequestOptions } from "../../provider/client";
import { Deployment, plainValue, type PlanSummary } from "../harness";
import { useTestEmulator, zoomConfig } from "../support/emulator";
import { exampleProgram, sipConfig } from "../support/examples";
import { portalClient } from "../support/resources";

const root = path.resolve(__dirname, "../..");
const examplesDir = path.join(root, "examples");

/** The project name from the example's Pulumi.yaml: `new pulumi.Config()` reads `<project>:<key>`. */
function projectOf(dir: string): string {
  const project = parseYaml(fs.readFileSync(path.join(examplesDir, dir, "Pulumi.yaml"), "utf8")) as { name?: unknown; runtime?: unknown };
  expect(project.runtime).toBe("nodejs");
  if (typeof project.name !== "string") throw new Error(`examples/${dir}/Pulumi.yaml has no name`);
  return project.name;
}

/** What one example test needs to know. */
interface Context {
  emulator: RunningEmulator;
  accounts: EmulatorStateSummary;
  portal: HttpZoomClient;
  deployment: Deployment;
}

/** An out-of-band edit: which resource, which input property, and the API call that changes it. */
interface Edit {
  resource: string;
  property: string;
  apply(ctx: Context): Promise<void>;
}

interface ExampleCase {
  dir: string;
  /** Stack config beyond the `zoom:*` keys (without the project prefix); secret keys separately. */
  config?(accounts: EmulatorStateSummary): Record<string, string>;
  secretConfig?: Record<string, string>;
  /** Custom resources created by the first up, by kind (`Meeting`, ...). */
  creates: Record<string, number>;
  /** Stack outputs the program exports. */
  outputs: string[];
  edit: Edit;
  /** Objects Zoom cannot delete (or the program keeps on purpose), by inventory kind: left after destroy. */
  leftBehind?: Record<string, number>;
}

// ---- reading state and the account ------------------------------------------------------------------------------

/** A resource's plain output from the deployment's state, by logical name. */
function outputOf(deployment: Deployment, name: string, key: string): unknown {
  const resource = deployment.state.resources.find((r) => r.custom && r.urn.endsWith(`::${name}`));
  if (!resource) throw new Error(`no resource named ${name} in state`);
  return plainValue(resource.outputs[key]);
}

const kindOf = (type: string): string => type.split(":").pop() ?? type;

/** Custom creates of a plan, counted by kind. */
function createsByKind(summary: PlanSummary): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const step of summary.steps.filter((s) => s.custom && s.op === "create")) {
    counts[kindOf(step.type)] = (counts[kindOf(step.type)] ?? 0) + 1;
  }
  return counts;
}

// ---- the examples -------------------------------------------------------------------------------------------------

/** An edit a person would make in the web portal: `property` of `resource`, by the one API request `request` builds. */
function portalEdit(resource: string, property: string, request: (ctx: Context) => RequestOptions): Edit {
  return {
    resource,
    property,
    async apply(ctx) {
      await ctx.portal.request(request(ctx));
    },
  };
}

/** The edit a person would make to a meeting in the web portal: one field of it. */
function meetingEdit(resource: string, property: "agenda" | "duration", value: string | number): Edit {
  return portalEdit(resource, property, ({ deployment }) => ({
    operation: "meetingUpdate",
    pathParams: { meetingId: String(outputOf(deployment, resource, "meetingId")) },
    body: { [property]: value },
  }));
}

const cases: ExampleCase[] = [
  {
    dir: "meetings",
    creates: { TrackingField: 2, Meeting: 2 },
    outputs: ["planningJoinUrl", "planningMeetingId", "reviewJoinUrl", "reviewMeetingId"],
    edit: meetingEdit("sprint-planning", "agenda", "Moved to the big room; bring laptops."),
  },
  {
    dir: "tracking-fields",
    creates: { TrackingField: 3 },
    outputs: ["trackingFieldIds"],
    edit: portalEdit("region", "recommendedValues", ({ deployment }) => ({
      operation: "trackingfieldUpdate",
      pathParams: { fieldId: String(outputOf(deployment, "region", "trackingFieldId")) },
      body: { recommended_values: ["AMER", "APAC", "EMEA", "LATAM"] },
    })),
  },
  {
    dir: "h323-room-systems",
    creates: { H323Device: 3 },
    outputs: ["deviceIds"],
    edit: portalEdit("room-boardroom-poly-g7500", "encryption", ({ deployment }) => {
      const name = "room-boardroom-poly-g7500";
      // Zoom's device update wants the whole device, as the portal's form sends it.
      return {
        operation: "deviceUpdate",
        pathParams: { deviceId: String(outputOf(deployment, name, "deviceId")) },
        body: { name: outputOf(deployment, name, "name"), ip: outputOf(deployment, name, "ip"), protocol: outputOf(deployment, name, "protocol"), encryption: "no" },
      };
    }),
  },
  {
    dir: "sip-trunk",
    config: sipConfig,
    creates: { SipTrunk: 1, InternalNumber: 2 },
    outputs: ["numberIds", "sipServerAddress", "trunkName"],
    edit: portalEdit("local-dial-in", "labels", ({ deployment, accounts }) => ({
      operation: "UpdateAnInternalNumber",
      accountId: sipConfig(accounts).subAccountId,
      pathParams: { numberId: String(outputOf(deployment, "local-dial-in", "numberId")) },
      body: { labels: "San Francisco office (old line)" },
    })),
  },
  {
    dir: "tsp-accounts",
    secretConfig: { primaryLeaderPin: "271828", backupLeaderPin: "314159" },
    creates: { TspAccount: 2 },
    outputs: ["tspIds"],
    // Zoom's TSP update requires the conference code and the leader PIN.
    edit: portalEdit("backup-bridge", "conferenceCode", ({ deployment }) => ({
      operation: "userTSPUpdate",
      pathParams: { userId: "me", tspId: String(outputOf(deployment, "backup-bridge", "tspId")) },
      body: { conference_code: "4930555099", leader_pin: "314159" },
    })),
    // Zoom refuses to delete a user's last TSP account: the program keeps the primary on destroy.
    leftBehind: { tsp_accounts: 1 },
  },
  {
    dir: "meeting-template",
    creates: { Meeting: 1, MeetingTemplate: 1 },
    outputs: ["modelMeetingId", "templateId"],
    edit: meetingEdit("customer-call-model", "duration", 45),
    // Zoom has no API to delete a template.
    leftBehind: { templates: 1 },
  },
  {
    dir: "org",
    config: sipConfig,
    secretConfig: { tspLeaderPin: "161803" },
    creates: { TrackingField: 2, Meeting: 1, TspAccount: 1, MeetingTemplate: 1, H323Device: 2, SipTrunk: 1, InternalNumber: 2 },
    outputs: ["allHandsJoinUrl", "allHandsMeetingId", "allHandsTemplateId", "bridgeId", "london", "roomSystemIds"],
    edit: meetingEdit("all-hands", "duration", 90),
    leftBehind: { tsp_accounts: 1, templates: 1 },
  },
];


// ---- the test -----------------------------------------------------------------------------------------------------

test("every example directory is covered", () => {
  const dirs = fs
    .readdirSync(examplesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(examplesDir, d.name, "index.ts")))
    .map((d) => d.name)
    .sort();
  expect(cases.map((c) => c.dir).sort()).toEqual(dirs);
});

describe.each(cases)("examples/$dir", (example) => {
  const emu = useTestEmulator({ plan: "unlimited" });

  test("up, no change, drift found by refresh, repaired by up, destroyed", async () => {
    const e = emu.emulator;
    const accounts = await emu.control.state();
    const project = projectOf(example.dir);
    const own = { ...(example.config?.(accounts) ?? {}), ...(example.secretConfig ?? {}) };
    const deployment = new Deployment({
      project,
      stack: "e2e",
      cwd: path.join(examplesDir, example.dir),
      config: { ...zoomConfig(e), ...Object.fromEntries(Object.entries(own).map(([k, v]) => [`${project}:${k}`, v])) },
      secretConfigKeys: ["zoom:clientSecret", ...Object.keys(example.secretConfig ?? {}).map((k) => `${project}:${k}`)],
    });
    const portal = portalClient(e);
    const ctx: Context = { emulator: e, accounts, portal, deployment };
    const program = exampleProgram(path.join(examplesDir, example.dir, "index.ts"));
    const before = await inventory(portal, accounts);

    const first = await deployment.up(program);
    expect(createsByKind(first)).toEqual(example.creates);
    expect(Object.keys(first.outputs).sort()).toEqual(example.outputs);
    expect(compareInventories(before, await inventory(portal, accounts)).added).not.toEqual([]);

    const second = await deployment.up(program);
    expect(second.changes).toBe(0);

    await example.edit.apply(ctx);
    const refreshed = await deployment.refresh();
    const drifted = refreshed.steps
      .map((s) => [s.urn.split("::").pop(), s.changedInputs ?? []] as const)
      .filter(([, keys]) => keys.length > 0);
    expect(drifted).toEqual([[example.edit.resource, [example.edit.property]]]);
    // And nothing else moved in state: the refresh of every other object changed nothing (refresh --expect-no-changes).
    const changedOutputs = refreshed.steps.filter((s) => s.custom && (s.changedKeys ?? []).length > 0).map((s) => s.urn.split("::").pop());
    expect(changedOutputs).toEqual([example.edit.resource]);

    const repair = await deployment.up(program);
    expect(repair.steps.filter((s) => s.custom && s.op !== "same").map((s) => [s.op, s.urn.split("::").pop()])).toEqual([
      ["update", example.edit.resource],
    ]);

    const destroyed = await deployment.destroy();
    const customCount = Object.values(example.creates).reduce((a, b) => a + b, 0);
    expect(destroyed.steps.filter((s) => s.custom && s.op === "delete")).toHaveLength(customCount);
    expect(deployment.state.resources).toEqual([]);
    const { added, removed } = compareInventories(before, await inventory(portal, accounts));
    expect(removed).toEqual([]);
    expect(countByKind(added)).toEqual(example.leftBehind ?? {});
  });
});
