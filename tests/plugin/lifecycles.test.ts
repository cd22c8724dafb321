/**
 * Every kind's life cycle (lifecycleTable.ts) through both front doors over gRPC, against one emulator: the
 * dynamic resources in @pulumi/pulumi's dynamic-provider host, and the native plugin. For each kind: `up`
 * (check, create, an empty next plan), an edit in Zoom's portal found by `refresh` and repaired by the next `up`
 * (an update, or the replacement Zoom needs), and `destroy`. Each command runs in a new provider process, as
 * each `pulumi` command does. Both doors must see the same life cycle, step for step; the plugin's secret
 * properties stay wrapped as secrets throughout. Needs `npm run build` (the plugin runs from dist/).
 */
import type { EngineHost } from "../../harness/host";
import { isSecret, reveal, type PropertyMap } from "../../harness/values";
import { startTestEmulator, zoomConfig, type TestEmulator } from "../support/emulator";
import { portalClient } from "../support/resources";
import { dynamicDoor, pluginDoor, secretPropertiesOf, type DoorName, type FrontDoor } from "../../fixtures/frontDoors";
import { LIFECYCLES, type LifecycleCase, type World } from "./lifecycleTable";
import { seedAccount } from "../../fixtures/seed";

/** What a door did with one kind, in terms both doors can be compared on. */
interface Trace {
  created?: { failures: unknown[]; nextPlan: string; outputKeys: string[] };
  refreshed?: { shows: unknown; plan: { changes: string; replaces: string[]; deleteBeforeReplace: boolean }; repairedPlan: string };
  destroyed?: { gone: boolean };
}

interface Run {
  readonly urn: string;
  readonly program: PropertyMap;
  readonly declared: Record<string, unknown>;
  id: string;
  outputs: PropertyMap;
  inputs: PropertyMap;
}

let zoom: TestEmulator;
let world: World;
let config: Record<string, string>;
const traces: Record<DoorName, Record<string, Trace>> = { dynamic: {}, plugin: {} };
/** Bytes a created resource puts in the state (its inputs and outputs as JSON), by door and kind. */
const stateBytes: Record<DoorName, Record<string, number>> = { dynamic: {}, plugin: {} };
const KINDS = LIFECYCLES.map((lifecycle) => lifecycle.kind);
const caseOf = (kind: string): LifecycleCase => LIFECYCLES.find((lifecycle) => lifecycle.kind === kind)!;

beforeAll(async () => {
  zoom = await startTestEmulator({ plan: "unlimited" });
  config = zoomConfig(zoom.emulator);
  const state = await zoom.control.state();
  const portal = portalClient(zoom.emulator);
  const tspUser = state.master.users[1]!.id;
  await seedAccount(zoom.control, { tspSlots: [tspUser] });
  const meeting = await portal.request<{ id: number }>({
    operation: "meetingCreate",
    pathParams: { userId: "me" },
    body: { topic: "Template source", type: 2, start_time: "2030-04-01T09:00:00Z", duration: 45 },
  });
  world = { state, portal, meetingId: meeting.data!.id, tspUser };
});
afterAll(async () => zoom?.close());

/** The plugin's secret properties are wrapped wherever they are set; the dynamic host's are plain (the engine re-marks them). */
function expectSecretsWrapped(door: FrontDoor, kind: string, props: PropertyMap | undefined): void {
  if (door.name !== "plugin" || !props) return;
  for (const key of secretPropertiesOf(kind)) if (props[key] !== undefined) expect({ key, secret: isSecret(props[key]) }).toEqual({ key, secret: true });
  expect(props).not.toHaveProperty("__provider");
}

const pick = (from: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, from[key]]));

describe.each(["dynamic", "plugin"] as const)("through the %s front door", (doorName) => {
  let door: FrontDoor;
  let host: EngineHost | undefined;
  const runs = new Map<string, Run>();
  const trace = (kind: string): Trace => (traces[doorName][kind] ??= {});
  /** A new provider process: the next `pulumi` command. */
  const command = async () => {
    await host?.close();
    host = await door.start();
    return host;
  };

  beforeAll(() => {
    door = doorName === "dynamic" ? dynamicDoor(config) : pluginDoor(config);
  });
  afterAll(async () => {
    await host?.close();
  });

  test("pulumi up: a new provider process", async () => {
    await command();
  });

  test.each(KINDS)("%s: check and create; the next plan is empty", async (kind) => {
    const declared = caseOf(kind).declare(world, doorName);
    const name = `parity-${kind.toLowerCase()}`;
    const urn = door.urn(kind, name);
    const program = await door.inputs(kind, name, declared);
    const checked = await host!.check(urn, {}, program);
    expect(checked.failures).toEqual([]);
    expectSecretsWrapped(door, kind, checked.inputs);
    const created = await host!.create(urn, checked.inputs);
    expectSecretsWrapped(door, kind, created.properties);
    const next = await host!.diff(created.id, urn, created.properties, checked.inputs, checked.inputs);
    expect(next.changes).toBe("none");
    runs.set(kind, { urn, program, declared, id: created.id, outputs: created.properties, inputs: checked.inputs });
    stateBytes[doorName][kind] = JSON.stringify({ inputs: checked.inputs, outputs: created.properties }).length;
    const outputKeys = Object.keys(created.properties).filter((key) => key !== "__provider").sort();
    trace(kind).created = { failures: checked.failures, nextPlan: next.changes, outputKeys };
  });

  test("pulumi refresh, then up: a new provider process", async () => {
    await command();
  });

  test.each(KINDS)("%s: an edit in Zoom's portal is found by a refresh and repaired by the next up", async (kind) => {
    const lifecycle = caseOf(kind);
    const run = runs.get(kind)!;
    if (lifecycle.drift) await lifecycle.drift.edit(world, reveal(run.outputs) as PropertyMap, run.declared);
    const read = await host!.read(run.id, run.urn, run.outputs, run.inputs);
    expect(read.id).toBe(run.id);
    expectSecretsWrapped(door, kind, read.properties);
    expectSecretsWrapped(door, kind, read.inputs);
    const shows = lifecycle.drift ? pick(reveal(read.properties) as PropertyMap, Object.keys(lifecycle.drift.shows)) : {};
    expect(shows).toEqual(lifecycle.drift?.shows ?? {});

    // up: check against the refreshed inputs, diff against the refreshed outputs, then the step the plan calls for.
    const stateInputs = read.inputs ?? run.inputs;
    const checked = await host!.check(run.urn, stateInputs, run.program);
    const plan = await host!.diff(run.id, run.urn, read.properties, checked.inputs, stateInputs);
    expect(plan.changes).toBe(lifecycle.drift ? "some" : "none");
    if (plan.replaces.length > 0) {
      // Delete-before-replace (a trunk is assigned once per sub-account); a replacement is checked afresh.
      expect(plan.deleteBeforeReplace).toBe(true);
      await host!.delete(run.id, run.urn, read.properties, stateInputs);
      const fresh = await host!.check(run.urn, {}, run.program);
      const created = await host!.create(run.urn, fresh.inputs);
      Object.assign(run, { id: created.id, outputs: created.properties, inputs: fresh.inputs });
    } else if (plan.changes === "some") {
      const updated = await host!.update(run.id, run.urn, read.properties, checked.inputs, stateInputs);
      expectSecretsWrapped(door, kind, updated.properties);
      Object.assign(run, { outputs: updated.properties, inputs: checked.inputs });
    } else {
      Object.assign(run, { outputs: read.properties, inputs: checked.inputs });
    }

    // The next refresh shows the declaration again, and the next plan is empty.
    const again = await host!.read(run.id, run.urn, run.outputs, run.inputs);
    const repaired = reveal(again.properties) as PropertyMap;
    if (lifecycle.drift) expect(pick(repaired, Object.keys(lifecycle.drift.shows))).toEqual(pick(run.declared, Object.keys(lifecycle.drift.shows)));
    const rechecked = await host!.check(run.urn, again.inputs ?? run.inputs, run.program);
    const next = await host!.diff(run.id, run.urn, again.properties, rechecked.inputs, again.inputs ?? run.inputs);
    expect(next.changes).toBe("none");
    Object.assign(run, { outputs: again.properties, inputs: again.inputs ?? run.inputs });
    trace(kind).refreshed = {
      shows,
      plan: { changes: plan.changes, replaces: plan.replaces, deleteBeforeReplace: plan.deleteBeforeReplace },
      repairedPlan: next.changes,
    };
  });

  test("pulumi destroy: a new provider process", async () => {
    await command();
  });

  test.each(KINDS)("%s: destroy deletes it (Zoom keeps what it cannot delete)", async (kind) => {
    const run = runs.get(kind)!;
    await host!.delete(run.id, run.urn, run.outputs, run.inputs);
    const after = await host!.read(run.id, run.urn, run.outputs, run.inputs);
    expect(after.id).toBe(caseOf(kind).keptByZoom ? run.id : "");
    trace(kind).destroyed = { gone: after.id === "" };
  });
});

test("both front doors went through the same life cycle for every kind", () => {
  expect(Object.keys(traces.plugin)).toEqual(KINDS);
  expect(traces.plugin).toEqual(traces.dynamic);
});

test("the plugin's state carries no provider code: smaller for every kind", () => {
  for (const kind of KINDS) {
    expect({ kind, smaller: stateBytes.plugin[kind]! < stateBytes.dynamic[kind]! }).toEqual({ kind, smaller: true });
  }
  console.log(`state bytes per resource (dynamic -> plugin): ${KINDS.map((kind) => `${kind} ${stateBytes.dynamic[kind]} -> ${stateBytes.plugin[kind]}`).join(", ")}`);
});
