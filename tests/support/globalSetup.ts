/**
 * Runs once before all test files (jest.config.js `globalSetup`). Without Zoom's OpenAPI documents the conformance
 * tests skip themselves (spec.ts); this prints the one line that says so, instead of each file saying it. Under
 * `CI=true` a missing document fails the run, so CI never skips conformance silently.
 */
import { specFound, specMissingNotice } from "./specLocation";

export default function globalSetup(): void {
  if (specFound()) return;
  if (process.env.CI === "true") {
    throw new Error(`${specMissingNotice()} CI=true: CI must run the conformance tests, so this is an error.`);
  }
  process.stderr.write(`\n${specMissingNotice()}\n`);
}
