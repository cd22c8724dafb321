/**
 * The examples' end-to-end run against a real Zoom account: `npm run test:live` (scripts/test-live.js, with
 * jest.live.config.js). Refuses to start unless ZOOM_LIVE_TESTS=1 and the app's credentials are set. Every object
 * is named with this run's prefix; whatever fails, what the run made is destroyed (by the run itself, then by a
 * sweep of its prefix). `npm run test:live -- --cleanup` sweeps every earlier run's leftovers instead.
 *
 * `npm test` runs this same file against an emulator (tests/e2e/live.test.ts), so it is never dead code.
 */
import { exampleProgram } from "../support/examples";
import { runExample } from "../support/exampleRuns";
import { portalClient } from "../support/resources";
import { LIVE_PREFIX, liveEndpoint, liveExamples, prefixedObjects, runPrefix, sweep } from "./live";

const endpoint = liveEndpoint(process.env);
const portal = portalClient(endpoint);

if (process.env.ZOOM_LIVE_CLEANUP === "1") {
  test(`removes every ${LIVE_PREFIX}* object earlier runs left`, async () => {
    const deleted = await sweep(portal, LIVE_PREFIX);
    console.log(`Deleted ${deleted.length} leftover object(s)${deleted.map((o) => `\n  ${o.kind} ${o.id} ${o.name}`).join("")}`);
    expect(await prefixedObjects(portal, LIVE_PREFIX)).toEqual([]);
  });
} else {
  const prefix = runPrefix();
  const examples = liveExamples(process.env);

  afterAll(async () => {
    // A failed run's own destroy may have failed too: the prefix finds whatever is left.
    const deleted = await sweep(portal, prefix);
    if (deleted.length > 0) console.warn(`Swept ${deleted.length} object(s) run ${prefix} left behind`);
  });

  describe.each(examples)("examples/$dir on Zoom", (example) => {
    test("up, no change, drift found by refresh, repaired by up, destroyed", async () => {
      await runExample(
        example,
        {
          endpoint,
          accounts: undefined,
          program: (modulePath) => exampleProgram(modulePath, prefix),
          // On a shared account only this run's objects are compared: others may come and go meanwhile.
          snapshot: (client) => prefixedObjects(client, prefix),
        },
        "live",
      );
    }, 600_000);
  });
}
