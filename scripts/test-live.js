#!/usr/bin/env node
/**
 * `npm run test:live`: the examples' end-to-end run against a real Zoom account (tests/live/README.md).
 * `npm run test:live -- --cleanup` deletes what earlier runs left (objects named `pzlive-...`) instead.
 *
 * Refuses (exit 2) unless ZOOM_LIVE_TESTS=1 and ZOOM_ACCOUNT_ID / ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET are set; the
 * test file checks again, so running jest with jest.live.config.js directly refuses the same way. `--check` only
 * checks (exit 0 when it would run).
 */
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const cleanup = args.includes("--cleanup");
const HOW = "see tests/live/README.md (the app's scopes, prefixes, cleanup)";

if (process.env.ZOOM_LIVE_TESTS !== "1") {
  console.error(
    "test:live: refusing to run against Zoom: set ZOOM_LIVE_TESTS=1 to create and delete real objects in the " +
      `account of ZOOM_ACCOUNT_ID / ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET; ${HOW}.`,
  );
  process.exit(2);
}
const missing = ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"].filter((key) => !process.env[key]);
if (missing.length > 0) {
  console.error(`test:live: refusing to run: ${missing.join(", ")} not set (a Server-to-Server OAuth app's credentials; ${HOW}).`);
  process.exit(2);
}
// `npm run test:live` checks first (`--check`), so a refusal comes before the build, not a minute after it.
if (args.includes("--check")) process.exit(0);

const jest = require.resolve("jest/bin/jest", { paths: [root] });
const run = spawnSync(
  process.execPath,
  [jest, "--config", path.join(root, "jest.live.config.js"), "--runInBand", ...args.filter((a) => a !== "--cleanup")],
  { cwd: root, stdio: "inherit", env: { ...process.env, ZOOM_LIVE_CLEANUP: cleanup ? "1" : "" } },
);
process.exit(run.status ?? 1);
