/** @type {import('jest').Config} */
module.exports = {
  // Node's, plus stopping the provider hosts a test file left running (tests/support/environment.js).
  testEnvironment: "<rootDir>/tests/support/environment.js",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  // Type checking is `npm run typecheck`'s job; jest only transpiles, which keeps the suite fast.
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  // A hang guard, not a speed target: on a loaded two-core machine (load 15-20 seen) the integration tests that
  // make thousands of requests or whole deployments took more than a minute.
  testTimeout: 180000,
  // Says once when Zoom's OpenAPI documents are missing (their tests are skipped), and fails under CI=true.
  globalSetup: "<rootDir>/tests/support/globalSetup.ts",
  // Integration tests start servers and child processes; two workers suit the 2-core machines.
  maxWorkers: 2,
  // How long a worker may take to exit once told to (jest's default is 500 ms; past it jest kills the worker and
  // prints "A worker process has failed to exit gracefully"). No handle ever held a worker in CI (the exit report,
  // tests/support/environment.js, fires 3 s after the end message and never did): the workers jest killed were
  // not running JavaScript at all when told to finish (one never handled the end message). The workers' timeline
  // shows how: on a loaded two-core machine a worker's event loop stops for seconds at a time. Two full runs side by
  // side: 4-10 s between files and at the end (one worker handled the end message after a 10.3 s stop: killed at
  // the 5 s this was), 16 s while a fresh worker loads (jest replaces workers, below, and may hand the end message
  // to a fresh one). So the patience is well past the longest stop a worker can be in when told to finish; a worker
  // a handle really keeps alive is still named at 3 s.
  workerGracefulExitTimeout: 60000,
  // A worker whose heap is past this after a test file is replaced by a fresh one. Without it the two workers
  // carried 1.2-1.5 GB each to the end of a full run (the larger the heap, the longer a collection stops the
  // loop); with it a full run replaced a worker four times and took no longer.
  workerIdleMemoryLimit: "1GB",
};
