#!/usr/bin/env node
/**
 * Links node_modules/pulumi-zoom to this checkout, so the provider stubs serialized into state, which
 * `require("pulumi-zoom")` from the Pulumi program's directory, find this package when the repository's own
 * examples, tests, demo and benchmarks run. Users get the same entry from `npm install pulumi-zoom`.
 */
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-zoom");
try {
  if (fs.realpathSync(link) === root) process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  // No link yet.
}
fs.mkdirSync(path.dirname(link), { recursive: true });
fs.symlinkSync(path.relative(path.dirname(link), root), link, "dir");
