/**
 * The two front doors side by side (issue 19, item 5): the same objects created, read, diffed and deleted through
 * the dynamic-provider host and through the native plugin, one operation at a time against an unlimited
 * emulator, so the figures are each door's own cost per operation. State bytes per resource: what the engine
 * stores for one resource (outputs and inputs); the dynamic resources also store their provider stub.
 */
import type { EngineHost } from "../harness/host";
import { dynamicDoor, pluginDoor, type DoorName, type FrontDoor } from "../fixtures/frontDoors";
import type { EmulatorInfo } from "../emulator";
import { benchConfig } from "./deployment";
import { fixed, renderTable, type Cell } from "./table";

type Operation = "check" | "create" | "read" | "diff" | "delete";
const OPERATIONS: readonly Operation[] = ["check", "create", "read", "diff", "delete"];

/** Two kinds with different reads: a tracking field from the account's list, a meeting by id. */
const DECLARATIONS: Readonly<Record<string, (i: number, door: DoorName) => Record<string, unknown>>> = {
  TrackingField: (i, door) => ({ field: `Doors ${door} ${i}`, recommendedValues: ["a", "b"], visible: true }),
  Meeting: (i, door) => ({ topic: `Doors ${door} ${i}`, type: 2, startTime: "2031-06-01T10:00:00Z", duration: 30, password: `Pw${i}x` }),
};

export interface DoorRun {
  readonly door: DoorName;
  readonly kind: string;
  readonly objects: number;
  /** Mean milliseconds per operation. */
  readonly msPerOperation: Record<Operation, number>;
  /** Bytes of one resource's state entry (outputs and inputs as JSON), averaged over the objects. */
  readonly stateBytesPerResource: number;
}

async function timed<T>(totals: Record<Operation, number>, operation: Operation, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    totals[operation] += performance.now() - started;
  }
}

async function runDoorKind(door: FrontDoor, kind: string, objects: number): Promise<DoorRun> {
  const host: EngineHost = await door.start();
  const totals: Record<Operation, number> = { check: 0, create: 0, read: 0, diff: 0, delete: 0 };
  let stateBytes = 0;
  try {
    for (let i = 0; i < objects; i++) {
      const name = `${kind.toLowerCase()}-${i}`;
      const urn = door.urn(kind, name);
      const declared = await door.inputs(kind, name, DECLARATIONS[kind]!(i, door.name) as never);
      const checked = await timed(totals, "check", () => host.check(urn, {}, declared));
      if (checked.failures.length > 0) throw new Error(`${door.name} ${kind}: check failed: ${JSON.stringify(checked.failures)}`);
      const created = await timed(totals, "create", () => host.create(urn, checked.inputs));
      stateBytes += JSON.stringify({ outputs: created.properties, inputs: checked.inputs }).length;
      const read = await timed(totals, "read", () => host.read(created.id, urn, created.properties, checked.inputs));
      const diff = await timed(totals, "diff", () => host.diff(created.id, urn, read.properties, checked.inputs, read.inputs ?? checked.inputs));
      if (diff.changes !== "none") throw new Error(`${door.name} ${kind}: a fresh object planned ${diff.changes}`);
      await timed(totals, "delete", () => host.delete(created.id, urn, read.properties, checked.inputs));
    }
  } finally {
    await host.close();
  }
  const msPerOperation = Object.fromEntries(OPERATIONS.map((op) => [op, totals[op] / objects])) as Record<Operation, number>;
  return { door: door.name, kind, objects, msPerOperation, stateBytesPerResource: Math.round(stateBytes / objects) };
}

/** Every kind of DECLARATIONS through both doors, `objects` of each, against the emulator at `endpoint`. */
export async function runDoors(endpoint: EmulatorInfo, objects: number, log: (line: string) => void = () => undefined): Promise<DoorRun[]> {
  const config = benchConfig(endpoint);
  const runs: DoorRun[] = [];
  for (const door of [dynamicDoor(config), pluginDoor(config)]) {
    for (const kind of Object.keys(DECLARATIONS)) {
      log(`front doors: ${objects} ${kind} objects through the ${door.name} door ...`);
      runs.push(await runDoorKind(door, kind, objects));
    }
  }
  return runs;
}

export function doorsTable(runs: readonly DoorRun[]): string {
  const rows: Cell[][] = runs.map((run) => [
    run.kind,
    run.door,
    run.objects,
    ...OPERATIONS.map((op) => fixed(run.msPerOperation[op], 1)),
    run.stateBytesPerResource,
  ]);
  return renderTable(
    "Front doors: the dynamic resources and the native plugin, one operation at a time (emulator unlimited), ms per operation",
    ["kind", "door", "objects", ...OPERATIONS.map((op) => `${op} ms`), "state B/resource"],
    rows,
  );
}
