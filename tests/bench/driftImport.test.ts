/**
 * `pulumi-zoom drift` and `pulumi-zoom import` make the fewest requests Zoom's API allows, per kind
 * (bench/driftImportMinimum.ts), asserted at a small scale rather than only printed by `npm run bench`: 301
 * H.323 devices are two list pages, whether they are read as managed objects, searched for unmanaged ones or
 * imported; meetings and TSP accounts one GET each plus one listing per user. The commands run as the user runs
 * them (child processes of the built CLI) against the emulator. Counts only, never times.
 */
import { measureScans, type DriftImportRun, type ScanRun } from "../../bench/driftImport";
import { perKind } from "../../bench/driftImportReport";
import { startTestEmulator, type TestEmulator } from "../support/emulator";

let emu: TestEmulator;
let result: DriftImportRun;

beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited" });
  result = await measureScans({ info: emu.emulator, control: emu.control }, {
    objects: 311,
    counts: { H323Device: 301, InternalNumber: 2, TrackingField: 3, Meeting: 4, TspAccount: 1 },
    // The counts do not depend on the limits; the bench measures the time under Pro's.
    plan: "unlimited",
  });
}, 600_000); // a hang guard: deploying 311 objects and two scans on a loaded two-core machine
afterAll(async () => emu.close());

function scan(command: "drift" | "import"): ScanRun {
  const found = result.runs.find((r) => r.command === command);
  if (!found) throw new Error(`no ${command} run`);
  return found;
}

test.each(["drift", "import"] as const)("%s did the whole job", (command) => {
  expect(scan(command).problems).toEqual([]);
  expect(scan(command).outcome).toBe(command === "drift" ? "311 managed, 0 drifted, 3 unmanaged" : "314 objects written");
});

test.each(["drift", "import"] as const)("%s makes exactly the minimum requests of each kind", (command) => {
  const counts = perKind(scan(command)).map((k) => `${k.kind} ${k.measured}/${k.minimum}`);
  expect(counts).toEqual(perKind(scan(command)).map((k) => `${k.kind} ${k.minimum}/${k.minimum}`));
  expect(counts).not.toContainEqual(expect.stringMatching(/^other /));
});

test.each(["drift", "import"] as const)("%s: 301 devices are two list pages, read and searched alike; each meeting one GET", (command) => {
  const ops = scan(command).stats.byOperation;
  expect(ops.deviceList).toBe(2);
  expect(ops.ListInternalNumbers).toBe(1);
  expect(ops.trackingfieldList).toBe(1);
  expect(ops.meeting).toBe(4);
  // One listing per user for meetings, TSP accounts and templates (the fleet's meetings have three hosts).
  expect([ops.meetings, ops.userTSPs, ops.listMeetingTemplates]).toEqual([3, 3, 3]);
  // Drift reads the stack's one TSP account; import also the seeded one of each of the three users.
  expect(ops.userTSP).toBe(command === "drift" ? 1 : 4);
});
