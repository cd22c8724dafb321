/**
 * The example programs' end-to-end run (up, a second up that changes nothing, an edit of one property of one
 * object through the API as a person in the web portal would, refresh finding exactly that drift, up repairing it
 * with one update, destroy) and the per-example facts it checks. Run against an emulator by
 * `tests/e2e/examples.test.ts` and against a real Zoom account by `npm run test:live` (`tests/live/`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import type { EmulatorStateSummary } from "../../emulator";
import { compareInventories, countByKind, type ZoomObjectEntry } from "../../examples/demo/inventory";
import type { HttpZoomClient, RequestOptions } from "../../provider/client";
import { Deployment, plainValue, type PlanSummary, type Program } from "../../harness";
import { zoomConfig, type ZoomEndpoint } from "./emulator";
import { sipConfig } from "./examples";
import { portalClient } from "./resources";

export const examplesDir = path.resolve(__dirname, "../../examples");

/** The project name from the example's Pulumi.yaml: `new pulumi.Config()` reads `<project>:<key>`. */
function projectOf(dir: string): string {
  const project = parseYaml(fs.readFileSync(path.join(examplesDir, dir, "Pulumi.yaml"), "utf8")) as { name?: unknown; runtime?: unknown };
  expect(project.runtime).toBe("nodejs");
  if (typeof project.name !== "string") throw new Error(`examples/${dir}/Pulumi.yaml has no name`);
  return project.name;
}

/** What an edit needs to know. */
interface Context {
  /** The accounts and users of an emulator; absent on a real account (the examples that need them do not run there). */
  accounts: EmulatorStateSummary | undefined;
  portal: HttpZoomClient;
  deployment: Deployment;
}

/** An out-of-band edit: which resource, which input property, and the API call that changes it. */
interface Edit {
  resource: string;
  property: string;
  /** Whether it is a meeting update (they count against Zoom's 100 meeting writes a day per user). */
  meeting: boolean;
  apply(ctx: Context): Promise<void>;
}

export interface ExampleCase {
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

/** Where an example runs. */
export interface ExampleTarget {
  /** Zoom's (or an emulator's) URLs and the Server-to-Server OAuth app's credentials. */
  endpoint: ZoomEndpoint;
  /** An emulator's accounts and users (for the examples' stack config); undefined on a real account. */
  accounts: EmulatorStateSummary | undefined;
  /** More `zoom:*` stack config (e.g. `zoom:plan`). */
  config?: Record<string, string>;
  /** The example's program (see `exampleProgram`). */
  program(modulePath: string): Program;
  /** The objects the comparison before and after looks at: the whole account on an emulator, this run's on Zoom. */
  snapshot(portal: HttpZoomClient): Promise<ZoomObjectEntry[]>;
}

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

/** The accounts an example's stack config is made from; only emulator runs have them. */
function directory(ctx: Pick<Context, "accounts">): EmulatorStateSummary {
  if (!ctx.accounts) throw new Error("this example needs an emulator's account directory (sub-accounts, SIP trunks)");
  return ctx.accounts;
}

// ---- the examples -------------------------------------------------------------------------------------------------

/** An edit a person would make in the web portal: `property` of `resource`, by the one API request `request` builds. */
function portalEdit(resource: string, property: string, request: (ctx: Context) => RequestOptions): Edit {
  return {
    resource,
    property,
    meeting: false,
    async apply(ctx) {
      await ctx.portal.request(request(ctx));
    },
  };
}

/** The edit a person would make to a meeting in the web portal: one field of it. */
function meetingEdit(resource: string, property: "agenda" | "duration", value: string | number): Edit {
  const edit = portalEdit(resource, property, ({ deployment }) => ({
    operation: "meetingUpdate",
    pathParams: { meetingId: String(outputOf(deployment, resource, "meetingId")) },
    body: { [property]: value },
  }));
  return { ...edit, meeting: true };
}

export const EXAMPLE_CASES: readonly ExampleCase[] = [
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
    edit: portalEdit("local-dial-in", "labels", (ctx) => ({
      operation: "UpdateAnInternalNumber",
      accountId: sipConfig(directory(ctx)).subAccountId,
      pathParams: { numberId: String(outputOf(ctx.deployment, "local-dial-in", "numberId")) },
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

/** Meeting creates and updates one run of the example makes (Zoom allows 100 a day per user): the creates, and the edit and its repair. */
export function meetingWrites(example: ExampleCase): number {
  return (example.creates.Meeting ?? 0) + (example.edit.meeting ? 2 : 0);
}

// ---- the run ------------------------------------------------------------------------------------------------------

/**
 * Runs the example end to end against the target and checks every step. When a step fails, what the run made is
 * destroyed before the failure is reported (nothing is left in the account but what Zoom cannot delete).
 */
export async function runExample(example: ExampleCase, target: ExampleTarget, stack = "e2e"): Promise<void> {
  const project = projectOf(example.dir);
  const own = {
    ...(example.config ? example.config(directory(target)) : {}),
    ...(example.secretConfig ?? {}),
  };
  const deployment = new Deployment({
    project,
    stack,
    cwd: path.join(examplesDir, example.dir),
    config: {
      ...zoomConfig(target.endpoint),
      ...(target.config ?? {}),
      ...Object.fromEntries(Object.entries(own).map(([k, v]) => [`${project}:${k}`, v])),
    },
    secretConfigKeys: ["zoom:clientSecret", ...Object.keys(example.secretConfig ?? {}).map((k) => `${project}:${k}`)],
  });
  const portal = portalClient(target.endpoint);
  const ctx: Context = { accounts: target.accounts, portal, deployment };
  const program = target.program(path.join(examplesDir, example.dir, "index.ts"));
  const before = await target.snapshot(portal);
  let destroyed = false;
  try {
    const first = await deployment.up(program);
    expect(createsByKind(first)).toEqual(example.creates);
    expect(Object.keys(first.outputs).sort()).toEqual(example.outputs);
    expect(compareInventories(before, await target.snapshot(portal)).added).not.toEqual([]);

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

    destroyed = true;
    const destroy = await deployment.destroy();
    const customCount = Object.values(example.creates).reduce((a, b) => a + b, 0);
    expect(destroy.steps.filter((s) => s.custom && s.op === "delete")).toHaveLength(customCount);
    expect(deployment.state.resources).toEqual([]);
    const { added, removed } = compareInventories(before, await target.snapshot(portal));
    expect(removed).toEqual([]);
    expect(countByKind(added)).toEqual(example.leftBehind ?? {});
  } finally {
    if (!destroyed && deployment.state.resources.length > 0) {
      await deployment.destroy().catch(() => undefined); // the failure above is the one to report
    }
  }
}
