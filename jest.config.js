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
};
