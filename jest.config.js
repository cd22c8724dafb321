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
  // prints "A worker process has failed to exit gracefully"). On the loaded two-core machine a worker with nothing
  // left open (its event loop empty 0-280 ms after the end message) took 220-440 ms more to die, V8 and the kernel
  // freeing its heap, and jest's own busy loop reaped it later still: 260-610 ms in all, so half the runs of three
  // small files printed the line with no leak. A worker a handle really keeps alive is still killed and reported.
  workerGracefulExitTimeout: 5000,
  // A worker whose heap is past this after a test file is replaced by a fresh one. Without it the two workers
  // carried 1.2-1.5 GB each to the end of a full run, and CI still killed one that never handled jest's end
  // message: its loop was held past the 5 s above (the workers' timeline, tests/support/environment.js, names
  // such stalls). Small heaps keep collections and the exit short.
  workerIdleMemoryLimit: "1GB",
};
