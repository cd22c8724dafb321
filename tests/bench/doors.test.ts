/**
 * The front-door benchmark (bench/doors.ts) runs the same objects through the dynamic resources and the native
 * plugin. Asserted: both doors complete every operation of every kind, and the plugin's state per resource is
 * smaller (it stores no provider stub). Timings are the benchmark's to print, never a test's.
 */
import { runDoors, type DoorRun } from "../../bench/doors";
import { startTestEmulator, type TestEmulator } from "../support/emulator";

let emu: TestEmulator;
let runs: DoorRun[];

beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited" });
  runs = await runDoors(emu.emulator, 2);
});
afterAll(async () => emu.close());

test("both doors ran every kind, and every object was created, read, planned unchanged and deleted", async () => {
  expect(runs.map((run) => `${run.door} ${run.kind}`).sort()).toEqual(["dynamic Meeting", "dynamic TrackingField", "plugin Meeting", "plugin TrackingField"]);
  for (const run of runs) for (const ms of Object.values(run.msPerOperation)) expect(ms).toBeGreaterThan(0);
  const stats = await emu.control.stats();
  expect(stats.byOperation.trackingfieldDelete).toBe(4);
  expect(stats.byOperation.meetingDelete).toBe(4);
});

test("the plugin's state per resource is smaller than the dynamic resources' (no provider stub stored)", () => {
  for (const kind of ["TrackingField", "Meeting"]) {
    const [dynamic, plugin] = (["dynamic", "plugin"] as const).map((door) => runs.find((run) => run.door === door && run.kind === kind)!.stateBytesPerResource);
    expect(plugin).toBeLessThan(dynamic! - 2000);
  }
});
