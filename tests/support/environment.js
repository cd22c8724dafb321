/**
 * jest's Node environment, plus: when a test file ends, the provider hosts it left running are stopped. A test
 * that timed out (a loaded machine) leaves its deployment going on in the background, its hosts retrying against
 * an emulator that is gone; they kept the worker from exiting ("a worker process has failed to exit
 * gracefully"). Tests close their hosts themselves; this is the safety net, after every hook of the file.
 * The harness records the hosts' process ids on the test's global object from their spawn on, and starts no host
 * for the file once this has run (harness/host.ts).
 *
 * ZOOM_TEST_HANDLES=1 prints, per test file, the handles it left open that can keep a process alive (timers,
 * sockets, servers, child processes, pipes): what keeps a worker from exiting, named by file (a cheaper
 * `--detectOpenHandles`). Only referenced ones count: `process.getActiveResourcesInfo()` already leaves out unref'd
 * timers and handles (Node 20: its "Timeout" entries are the number of ref'd timers; checked), which cannot hold a
 * worker. ZOOM_TEST_HANDLES=stacks also says where each of them was made (the first frames outside node_modules,
 * and a timer's delay); it records a stack for every timer and handle made from the first file on, so it is slower.
 *
 * Always on: a worker still alive 3 s after jest told it to finish writes what holds it (see watchWorkerEnd), to
 * stderr and to pulumi-zoom-worker-exit.log in the temporary folder; and each worker writes its timeline (files set
 * up and torn down, with the heap; stalls of its event loop; its exit step by step) to
 * pulumi-zoom-worker-exit-times.log there.
 */
const asyncHooks = require("node:async_hooks");
const fs = require("node:fs");
const { TestEnvironment } = require("jest-environment-node");
const { EXIT_REPORT_FILE, EXIT_TIMES_FILE } = require("./workerLogs");

const tally = (names) => names.reduce((counts, name) => counts.set(name, (counts.get(name) ?? 0) + 1), new Map());

/** The async resource types that can keep the event loop alive: timers and libuv handles. */
const holdsLoop = (type) => type === "Timeout" || type.endsWith("WRAP");

/** Where a resource was made: the first few frames of our code, else of node_modules (never Node's own). */
function madeAt(stack) {
  const frames = stack
    .split("\n")
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line.startsWith("at ") && !line.includes("(node:") && !line.startsWith("at node:") && !line.includes("(<anonymous>)") && !line.includes("environment.js"));
  const ours = frames.filter((line) => !line.includes("node_modules"));
  return (ours.length > 0 ? ours : frames).slice(0, 3).map((line) => line.slice("at ".length)).join(" < ") || "(Node itself)";
}

/** Jest's own (its reporter's status timer, in band): the innermost frame outside Node is jest's. */
function madeByJest(stack) {
  const first = stack
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line.startsWith("at ") && !line.includes("(node:") && !line.startsWith("at node:") && !line.includes("environment.js") && !line.includes("(<anonymous>)"));
  return first !== undefined && /node_modules\/(@jest\/|jest-)/.test(first);
}

/** Still open and referenced: it can keep the process alive. */
function keepsAlive(resource) {
  if (resource === undefined || typeof resource.hasRef !== "function") return false;
  if (resource._destroyed === true) return false; // a Timeout that fired or was cleared
  return resource.hasRef();
}

/**
 * What this worker process ran last, for the exit report below. Module scope: jest loads the environment once per
 * worker process, outside the test files' sandboxes.
 */
const worker = { lastFile: undefined, lastTeardownAt: undefined, origins: undefined, currentFile: undefined };

/** jest-worker's message telling a worker to finish (CHILD_MESSAGE_END in jest-worker's types). */
const CHILD_MESSAGE_END = 2;
/** Past this after the end message, a worker is held by something; jest's own patience is `workerGracefulExitTimeout`. */
const EXIT_REPORT_AFTER_MS = 3000;
/** Jest runs this module in each worker process, where it has a channel to jest; in band it has none. */
const IN_WORKER = typeof process.send === "function";
/** A tick of the stall watch, and the gap past which a tick counts as a stall of the worker's event loop. */
const STALL_TICK_MS = 250;
const STALL_REPORTED_MS = 2000;

const heapMb = () => Math.round(process.memoryUsage().heapUsed / 2 ** 20);
const timeline = (line) => appendLine(EXIT_TIMES_FILE, `worker ${process.pid}: ${line}`);

/**
 * Records each time the worker's event loop did not turn for over STALL_REPORTED_MS, with the file it was running
 * (or last ran) and the heap: CI killed a worker that never handled jest's end message at all, so something held
 * its loop for longer than jest's patience (synchronous work, or a long garbage collection). Unref'd: it never
 * keeps a worker alive.
 */
function watchStalls() {
  const whereNow = () => (worker.currentFile ? `running ${worker.currentFile}` : `after ${worker.lastFile ?? "(no file)"}`);
  let last = Date.now();
  // Where the worker was at the last turn: the stall began there (a file's teardown may have run since).
  let where = whereNow();
  setInterval(() => {
    const now = Date.now();
    const gap = now - last;
    last = now;
    if (gap >= STALL_REPORTED_MS) timeline(`event loop stalled ${gap - STALL_TICK_MS} ms, ${where}; heap ${heapMb()} MB`);
    where = whereNow();
  }, STALL_TICK_MS).unref();
}

/**
 * Names what still holds a worker after jest told it to finish ("A worker process has failed to exit gracefully"
 * says only that one was killed). The per-file handle report cannot see what is made after a file's teardown (work
 * a timed-out test left going on); this looks at the whole process, 3 s after the end message, and only writes when
 * the worker is still alive by then: the handles themselves (child processes with their command, sockets with their
 * ends, servers, workers), the resource counts Node reports (timers included), the worker's last file, and, with
 * ZOOM_TEST_HANDLES=stacks, where each live timer and handle was made.
 */
function watchWorkerEnd() {
  if (!IN_WORKER) return; // in band: no end message
  const onMessage = (message) => {
    if (!Array.isArray(message) || message[0] !== CHILD_MESSAGE_END) return;
    // A 'message' listener keeps the IPC channel, and so the process, alive: this one goes at once.
    process.off("message", onMessage);
    const endAt = Date.now();
    const since = () => `${Date.now() - endAt} ms after jest's end message`;
    setTimeout(() => reportWhatHoldsWorker(endAt), EXIT_REPORT_AFTER_MS).unref();
    // Where a worker's exit goes, step by step, on its timeline: CI killed workers that the report above never named
    // (so not held by a running loop), one of them before it handled this message at all; the stall watch showed
    // why (jest.config.js, workerGracefulExitTimeout). The 'exit' listener count stays 0: the promise-leak listener
    // of each @pulumi/pulumi a file loads goes to that file's sandboxed `process`.
    timeline(
      `end message; last file ${worker.lastFile ?? "(none)"}; heap ${heapMb()} MB; ` +
        `${process.listenerCount("exit")} 'exit' and ${process.listenerCount("beforeExit")} 'beforeExit' listeners`,
    );
    process.prependListener("exit", (code) => timeline(`exit ${code} began ${since()}`));
    process.on("exit", () => timeline(`exit listeners done ${since()}`));
    // Nothing left to run: exit now. Left to itself Node would then dispose of the worker's heap (a worker that
    // ran dozens of files holds gigabytes: 0.3-0.4 s for 2 GB on the idle machine, and no timer can report it);
    // process.exit hands the memory back to the system as is.
    process.once("beforeExit", () => {
      timeline(`nothing left to run ${since()}`);
      process.exit(process.exitCode ?? 0);
    });
  };
  process.on("message", onMessage);
}

function appendLine(file, line) {
  try {
    fs.appendFileSync(file, `${line}\n`);
  } catch {
    // A diagnostic: never a failure of its own.
  }
}

/**
 * The timers and handles recorded in `origins` (ZOOM_TEST_HANDLES=stacks) made since `since` that can still keep
 * the process alive, not jest's own: "Timeout (every 60000 ms) made at <frames>".
 */
function liveOrigins(origins, since = 0) {
  const out = [];
  for (const { type, resource, stack, madeAt: made } of origins?.values() ?? []) {
    const handle = resource.deref();
    if (made < since || !keepsAlive(handle) || madeByJest(stack)) continue;
    const delay = type === "Timeout" ? ` (${handle._repeat ? "every" : "after"} ${handle._idleTimeout} ms)` : "";
    out.push(`${type}${delay} made at ${madeAt(stack)}`);
  }
  return out;
}

function describeHandle(handle) {
  const name = handle?.constructor?.name ?? typeof handle;
  if (name === "ChildProcess") return `child process ${handle.pid} (${[handle.spawnfile, ...(handle.spawnargs ?? []).slice(1, 4)].join(" ")}), exit code ${handle.exitCode}, signal ${handle.signalCode}`;
  if (name === "Socket" || name === "TLSSocket") {
    const fd = handle._handle?.fd;
    if (fd !== undefined && fd >= 0 && fd <= 2) return undefined; // the worker's own stdio
    return `socket ${handle.localAddress ?? ""}:${handle.localPort ?? ""} -> ${handle.remoteAddress ?? "(pipe)"}:${handle.remotePort ?? ""}${handle.destroyed ? " (destroyed)" : ""}`;
  }
  if (name === "Server") return `server listening on ${JSON.stringify(handle.address?.())}`;
  if (name === "Worker") return `worker thread ${handle.threadId}`;
  return name;
}

function reportWhatHoldsWorker(endAt) {
  const handles = process._getActiveHandles().filter((h) => typeof h.hasRef !== "function" || h.hasRef());
  const lines = [
    `[worker exit] worker ${process.pid} still alive ${Date.now() - endAt} ms after jest's end message; last file ${worker.lastFile ?? "(none)"}, torn down ${worker.lastTeardownAt ? `${endAt - worker.lastTeardownAt} ms before the end message` : "never"}`,
    `[worker exit]   resources: ${[...tally(process.getActiveResourcesInfo())].map(([n, c]) => `${n}×${c}`).join(", ")}`,
    ...handles.map(describeHandle).filter(Boolean).map((d) => `[worker exit]   handle: ${d}`),
  ];
  lines.push(...liveOrigins(worker.origins).map((origin) => `[worker exit]   ${origin}`));
  process.stderr.write(`${lines.join("\n")}\n`);
  appendLine(EXIT_REPORT_FILE, lines.join("\n"));
}

watchWorkerEnd();
if (IN_WORKER) watchStalls();

class ZoomTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    worker.currentFile = this.testPath;
    this.setUpAt = Date.now();
    if (IN_WORKER) timeline(`file ${this.testPath} set up; heap ${heapMb()} MB`);
    const mode = process.env.ZOOM_TEST_HANDLES;
    if (mode === "1" || mode === "stacks") {
      // The worker's own stdio: a pipe handle each, made the first time it is used (a test's console.log; and
      // @pulumi/pulumi's import reads every property of `process`, stdin included), which does not keep it alive
      // (written to, or paused). Made now, they are in the baseline instead of being reported against the first
      // file that printed or imported Pulumi (CI named "PipeWrap" for drift and meeting suites).
      void process.stdin;
      void process.stdout;
      void process.stderr;
      this.handlesBefore = tally(process.getActiveResourcesInfo());
    }
    if (mode === "stacks") this.recordOrigins();
  }

  /**
   * Remembers where each timer and handle made from now on came from (ZOOM_TEST_HANDLES=stacks). One hook for the
   * worker process, kept on after each file: what a file leaves running may make timers after its teardown, and the
   * exit report names those too. Each file's report covers what was made since its setup.
   */
  recordOrigins() {
    this.originsSince = Date.now();
    if (worker.origins) {
      this.origins = worker.origins;
      return;
    }
    const origins = new Map();
    worker.origins = origins;
    this.origins = origins;
    asyncHooks.createHook({
      init(asyncId, type, _triggerId, resource) {
        if (!holdsLoop(type)) return;
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 40;
        const stack = new Error().stack ?? "";
        Error.stackTraceLimit = limit;
        origins.set(asyncId, { type, resource: new WeakRef(resource), stack, madeAt: Date.now() });
      },
      destroy(asyncId) {
        origins.delete(asyncId);
      },
    }).enable();
  }

  async teardown() {
    // From now on the harness starts no host for this file (harness/host.ts): a deployment a timed-out test left
    // going on would otherwise start one after this sweep.
    this.global.__providerHostsStopped = true;
    for (const pid of this.global.__providerHostPids ?? []) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    await super.teardown();
    if (this.handlesBefore) await this.reportLeftHandles();
    worker.lastFile = this.testPath;
    worker.currentFile = undefined;
    worker.lastTeardownAt = Date.now();
    if (IN_WORKER) timeline(`file ${this.testPath} torn down after ${((worker.lastTeardownAt - this.setUpAt) / 1000).toFixed(1)} s; heap ${heapMb()} MB`);
  }

  async reportLeftHandles() {
    // Closing sockets and exiting children take a turn or two of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const first = tally(process.getActiveResourcesInfo());
    // A second look, 50 ms on: what was there only for a moment is not what holds a worker. (Bottleneck makes a
    // setTimeout(0) when a rate-limit permit returns, a second after the file's last request: it was counted.)
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = tally(process.getActiveResourcesInfo());
    const left = [];
    for (const [name, count] of second) {
      const extra = Math.min(count, first.get(name) ?? 0) - (this.handlesBefore.get(name) ?? 0);
      if (extra > 0) left.push(`${name}×${extra}`);
    }
    if (left.length > 0) process.stderr.write(`[handles] ${this.testPath} left open: ${left.join(", ")}\n`);
    for (const origin of liveOrigins(this.origins, this.originsSince)) process.stderr.write(`[handles]   ${origin}\n`);
  }
}

module.exports = ZoomTestEnvironment;
