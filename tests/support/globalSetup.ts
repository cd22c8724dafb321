/**
 * Runs once before all test files (jest.config.js `globalSetup`): builds the package when `dist/` is missing (a bare
 * `npx jest` after `npm ci`; `npm test` builds first), clears the workers' logs of the run before (workerLogs.js),
 * and says when the test data beside the repository is missing: Zoom's OpenAPI documents (announceMissingSpec) and
 * Pulumi's package metaschema, one line each.
 */
import * as fs from "node:fs";
import { ensureBuilt } from "./build";
import { METASCHEMA_PATH, metaschemaMissingNotice, specFound, specMissingNotice } from "./specLocation";
import { EXIT_REPORT_FILE, EXIT_TIMES_FILE } from "./workerLogs";

export default function globalSetup(): void {
  ensureBuilt();
  // The workers' reports of the run before: each file holds this run's only.
  for (const file of [EXIT_REPORT_FILE, EXIT_TIMES_FILE]) fs.rmSync(file, { force: true });
  announceMissingSpec();
  announceMissingMetaschema();
}

/**
 * Without Pulumi's metaschema the plugin schema's validation skips itself; this prints the one line that says so.
 * Under `CI=true` nothing: its test (tests/plugin/schema.test.ts) fails instead of skipping.
 */
export function announceMissingMetaschema(path: string = METASCHEMA_PATH): void {
  if (!fs.existsSync(path) && process.env.CI !== "true") process.stderr.write(`${metaschemaMissingNotice(path)}\n`);
}

/**
 * Without Zoom's OpenAPI documents the conformance tests skip themselves (spec.ts); this prints the one line that
 * says so, instead of each file saying it. Under `CI=true` a missing document fails the run, so CI never skips
 * conformance silently. Apart from the clearing above, so a test can call it in the middle of a run.
 */
export function announceMissingSpec(): void {
  if (specFound()) return;
  if (process.env.CI === "true") {
    throw new Error(`${specMissingNotice()} CI=true: CI must run the conformance tests, so this is an error.`);
  }
  process.stderr.write(`\n${specMissingNotice()}\n`);
}
