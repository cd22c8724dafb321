/**
 * The worker exit report of tests/support/environment.js: when something keeps a jest worker alive after jest told
 * it to finish, the report names it (the CI line "A worker process has failed to exit gracefully" names nothing).
 * Runs jest itself on two throwaway test files, one per worker: one leaves a referenced interval running, made
 * after its teardown (what a timed-out test's leftover work does), the other leaves nothing but holds its event loop
 * for 2.5 s on the way (the workers' timeline names such stalls, with the file).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ENVIRONMENT = path.join(__dirname, "environment.js");

function writeProject(dir: string): void {
  fs.writeFileSync(
    path.join(dir, "jest.config.js"),
    `module.exports = ${JSON.stringify({
      rootDir: dir,
      testEnvironment: ENVIRONMENT,
      testMatch: ["**/*.test.js"],
      transform: {},
      cacheDirectory: path.join(dir, "cache"),
      // Shorter than the suite's own patience (60 s), to keep this test short: the report comes at 3 s, before it ends.
      workerGracefulExitTimeout: 5000,
    })};\n`,
  );
  // The interval starts a second after the file has ended, as work a timed-out test left going does.
  fs.writeFileSync(
    path.join(dir, "leaves-work.test.js"),
    `test("ends with work still going", () => { setTimeout(() => setInterval(() => undefined, 60000), 1000); });\n`,
  );
  // Leaves nothing, but holds its worker's event loop for 2.5 s on the way (synchronous work), as something held the
  // loop of a worker CI killed.
  fs.writeFileSync(
    path.join(dir, "clean.test.js"),
    `test("leaves nothing", async () => { await new Promise((r) => setTimeout(r, 400)); const end = Date.now() + 2500; while (Date.now() < end); await new Promise((r) => setTimeout(r, 400)); });\n`,
  );
}

test("a worker held after jest's end message is named: its pid, its last file, what holds it; a worker that exits is not reported; each worker's timeline has its files, its loop's stalls and its exit steps", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "worker-exit-"));
  try {
    writeProject(dir);
    const run = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "--config", path.join(dir, "jest.config.js"), "--maxWorkers=2"], {
      cwd: dir,
      encoding: "utf8",
      // The report's file goes to the child's temporary folder: this project's, not the machine's shared one.
      env: { ...process.env, TMPDIR: dir, ZOOM_TEST_HANDLES: "stacks", CI: "" },
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    const reported = run.stderr.split("\n").filter((line) => line.startsWith("[worker exit]"));
    const file = fs.readFileSync(path.join(dir, "pulumi-zoom-worker-exit.log"), "utf8");
    // One worker reported, with its last file: the clean one exited in time.
    expect(reported.filter((line) => line.includes("still alive"))).toHaveLength(1);
    expect(reported[0]).toMatch(/^\[worker exit\] worker \d+ still alive \d+ ms after jest's end message; last file .*leaves-work\.test\.js/);
    expect(reported.join("\n")).toContain("Timeout×1");
    // Where it was made, from the stacks the environment records (the test file's line).
    expect(reported.join("\n")).toMatch(/Timeout \(every 60000 ms\) made at Timeout\._onTimeout \(.*leaves-work\.test\.js:1:\d+\)/);
    expect(file).toBe(`${reported.join("\n")}\n`);
    // And jest saw it too: it killed the worker and said so.
    expect(run.stderr).toContain("A worker process has failed to exit gracefully");
    // Both workers recorded the end message; the clean one ran out of work and exited at once, step by step; the
    // held one never ran out of work (jest killed it).
    const times = fs.readFileSync(path.join(dir, "pulumi-zoom-worker-exit-times.log"), "utf8").trim().split("\n");
    // Every file's set-up and teardown is on its worker's timeline, with the heap.
    for (const name of ["leaves-work", "clean"]) {
      expect(times.filter((line) => new RegExp(`^worker \\d+: file .*${name}\\.test\\.js set up; heap \\d+ MB$`).test(line))).toHaveLength(1);
      expect(times.filter((line) => new RegExp(`^worker \\d+: file .*${name}\\.test\\.js torn down after \\d+\\.\\d s; heap \\d+ MB$`).test(line))).toHaveLength(1);
    }
    // The clean file's 2.5 s of synchronous work is a stall of its worker's loop, named with the file; nothing else is.
    const stalls = times.filter((line) => line.includes("event loop stalled"));
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toMatch(/^worker \d+: event loop stalled (\d+) ms, running .*clean\.test\.js; heap \d+ MB$/);
    expect(Number(/stalled (\d+) ms/.exec(stalls[0]!)![1])).toBeGreaterThanOrEqual(2000);
    const ends = times.filter((line) => line.includes(": end message; "));
    expect(ends).toHaveLength(2);
    const clean = /^worker (\d+): end message; last file .*clean\.test\.js; heap \d+ MB; \d+ 'exit' and \d+ 'beforeExit' listeners/.exec(
      ends.find((line) => line.includes("clean.test.js"))!,
    )![1]!;
    const exitSteps = (pid: string) => times.filter((line) => line.startsWith(`worker ${pid}: `) && / ms after jest's end message$/.test(line));
    expect(exitSteps(clean).map((line) => line.replace(/\d+ ms/, "N ms"))).toEqual([
      `worker ${clean}: nothing left to run N ms after jest's end message`,
      `worker ${clean}: exit 0 began N ms after jest's end message`,
      `worker ${clean}: exit listeners done N ms after jest's end message`,
    ]);
    expect(times.filter((line) => line.includes("nothing left to run"))).toHaveLength(1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
