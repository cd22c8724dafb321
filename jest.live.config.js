/**
 * `npm run test:live` (scripts/test-live.js): the examples against a real Zoom account, one at a time. No global
 * setup: the live run does not read Zoom's OpenAPI documents.
 */
const base = require("./jest.config");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: base.testEnvironment,
  roots: base.roots,
  transform: base.transform,
  testMatch: ["**/tests/live/**/*.live.ts"],
  testTimeout: 600000,
  maxWorkers: 1,
};
