/**
 * Plans settle for random valid declarations of every kind (the fast version of `npm run settle`): generated
 * from the zod schemas, created through the real dynamic-provider host against the spec-maximal emulator (every
 * optional field Zoom's response schemas allow, set-like lists reordered; every answer checked against Zoom's
 * documents), refreshed by a fresh host with an empty plan, changed to another random declaration (at most one
 * step per resource), and empty again. The seed is printed; `SETTLE_SEED=<n>` repeats a run.
 */
import { settleRound } from "../../bench/settle";
import { SETTLE_KINDS } from "../../bench/settleKinds";
import { useTestEmulator } from "../support/emulator";

const suite = useTestEmulator({ plan: "unlimited", specMaximal: true });

test("random declarations of every kind settle, and settle again after a random change", async () => {
  const seed = Number(process.env.SETTLE_SEED ?? Date.now() % 1_000_000);
  console.log(`settle seed ${seed} (repeat with SETTLE_SEED=${seed})`);
  const report = await settleRound(suite.emulator, suite.state, SETTLE_KINDS, seed, 3);
  expect(report.declarations).toBe(SETTLE_KINDS.length * 3);
  expect(report.failures).toEqual([]);
}, 600_000);
