/**
 * Calls per operation are deterministic, so they are asserted here rather than only printed by `npm run bench`:
 * one object of every kind through the real host, each phase in its own host process, against the fewest
 * requests Zoom's API allows (bench/minimum.ts); list-only reads of 301 objects in two pages per kind; one token
 * per host process; `__provider` within 2.5 KB. No timings: those are the benchmark's, never a test's.
 */
import { measureCalls, type CallsResult } from "../../bench/calls";
import { RESOURCE_MANIFEST } from "../../provider/resources";
import { startTestEmulator, type TestEmulator } from "../support/emulator";

let emu: TestEmulator;
let result: CallsResult;

beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited" });
  result = await measureCalls(emu.emulator, emu.control);
}, 900_000); // a hang guard: the measured runs take several minutes on a loaded two-core machine
afterAll(async () => emu.close());

test("every phase of every kind ran without errors", () => {
  expect(result.errors).toEqual([]);
  expect(result.rows.map((r) => r.kind)).toContain("MeetingTemplate");
});

test("each operation makes exactly the minimum requests, of the expected operations", () => {
  const described = (ops: object) => JSON.stringify(Object.entries(ops).sort(([a], [b]) => a.localeCompare(b)));
  const offMinimum = result.rows
    .filter((r) => described(r.measuredOps) !== described(r.expectedOps))
    .map((r) => `${r.kind} ${r.phase}: ${described(r.measuredOps)} instead of ${described(r.expectedOps)}`);
  expect(offMinimum).toEqual([]);
});

test("reads of list-read objects share one sweep per kind and account: ceil(N/300) pages, one for tracking fields", () => {
  expect(result.listReads.map((r) => r.kind)).toEqual(["H323Device", "InternalNumber", "TrackingField", "H323Device", "InternalNumber", "TrackingField"]);
  for (const row of result.listReads) expect(`${row.kind} ${row.phase}: ${row.measured}`).toBe(`${row.kind} ${row.phase}: ${row.expected}`);
});

test("one token request per host process that called Zoom", () => {
  for (const row of result.tokens) expect(row.tokenRequests).toBe(row.expected);
});

test("every kind's __provider is at most 2.5 KB", () => {
  expect(result.stateSizes.map((s) => s.kind).sort()).toEqual(
    RESOURCE_MANIFEST.map((entry) => entry.definition.kind).sort(),
  );
  for (const size of result.stateSizes) expect(size.providerBytes).toBeLessThanOrEqual(2560);
});
