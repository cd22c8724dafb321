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
import { inventory } from "../../examples/demo/inventory";
import { useTestEmulator } from "../support/emulator";
import { exampleProgram } from "../support/examples";
import { EXAMPLE_CASES, examplesDir, runExample } from "../support/exampleRuns";

// ---- the test -----------------------------------------------------------------------------------------------------

test("every example directory is covered", () => {
  const dirs = fs
    .readdirSync(examplesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(examplesDir, d.name, "index.ts")))
    .map((d) => d.name)
    .sort();
  expect(EXAMPLE_CASES.map((c) => c.dir).sort()).toEqual(dirs);
});

describe.each(EXAMPLE_CASES)("examples/$dir", (example) => {
  const emu = useTestEmulator({ plan: "unlimited" });

  test("up, no change, drift found by refresh, repaired by up, destroyed", async () => {
    const accounts = await emu.control.state();
    await runExample(example, {
      endpoint: emu.emulator,
      accounts,
      program: (modulePath) => exampleProgram(modulePath),
      snapshot: (portal) => inventory(portal, accounts),
    });
    // A hang guard, not a speed target: five deployments of an example take minutes on a loaded two-core machine.
  }, 300_000);
});
