/**
 * Chaos, small enough for `npm test`: about 150 operations of every kind through the engine contract harness
 * and the real dynamic-provider host, with 10% of API requests spoiled by every kind of fault. After a
 * converging `up` the account is exactly as declared: no orphans, no duplicates, nothing missing, no lost
 * update, and every operation that failed under faults said which resource and what it was doing.
 * (`npm run chaos`, bench/chaos.ts, runs the same with 1,000+ operations and checks that every kind of fault struck.)
 */
import * as path from "node:path";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { describeReport, runChaos, type ChaosReport } from "../../bench/chaos/run";

const root = path.resolve(__dirname, "../..");
let emu: TestEmulator;
let report: ChaosReport;

beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited", randomSeed: 10 });
  report = await runChaos({ emulator: emu.emulator, cwd: root, rounds: 6, changesPerRound: 22, refreshEvery: 3, faultRate: 0.1, seed: 10 });
  console.log(describeReport(report));
}, 180_000);
afterAll(async () => emu.close());

test("about 150 operations ran under faults, and the faults did strike", () => {
  expect(report.totalOperations).toBeGreaterThanOrEqual(140);
  expect(report.faultsInjected).toBeGreaterThan(0);
});

test("every operation that failed under faults said which resource and what it was doing, without a stack trace", () => {
  expect(report.unclear).toEqual([]);
});

test("the converging up succeeds, and after it nothing drifts and nothing is planned", () => {
  expect(report.convergeErrors).toEqual([]);
  expect(report.driftAfterConverge).toEqual([]);
  expect(report.changesAfterConverge).toBe(0);
});

test("the account is exactly as declared: no orphans, no duplicates, nothing missing, no lost update", () => {
  expect(report.orphans).toEqual([]);
  expect(report.duplicates).toEqual([]);
  expect(report.missing).toEqual([]);
  expect(report.lostUpdates).toEqual([]);
  expect(report.inState).toBe(report.declared);
});
