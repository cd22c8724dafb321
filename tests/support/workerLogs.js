/**
 * Where the test workers write what they report about themselves (tests/support/environment.js), in the temporary
 * folder: one run's worth each, as the global set-up clears them when a run starts (globalSetup.ts).
 */
const os = require("node:os");
const path = require("node:path");

/** The exit reports of a run, one file for all workers: CI prints it, a local run can read it after. */
const EXIT_REPORT_FILE = path.join(os.tmpdir(), "pulumi-zoom-worker-exit.log");
/**
 * Each worker's timeline: every file's set-up and teardown (with the heap), every stall of its event loop, and its
 * exit step by step after jest's end message. A few lines per file and worker.
 */
const EXIT_TIMES_FILE = path.join(os.tmpdir(), "pulumi-zoom-worker-exit-times.log");

module.exports = { EXIT_REPORT_FILE, EXIT_TIMES_FILE };
