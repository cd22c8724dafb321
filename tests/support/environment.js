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
 * and a timer's delay); it records a stack for every timer and handle made while a file runs, so it is slower.
 */
const asyncHooks = require("node:async_hooks");
const { TestEnvironment } = require("jest-environment-node");

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
  return (ours.length > 0 ? ours : frames).slice(0, 3).join(" < ") || "(Node itself)";
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

class ZoomTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
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

  /** Remembers where each timer and handle made from now on came from (ZOOM_TEST_HANDLES=stacks). */
  recordOrigins() {
    const origins = new Map();
    this.origins = origins;
    this.hook = asyncHooks.createHook({
      init(asyncId, type, _triggerId, resource) {
        if (!holdsLoop(type)) return;
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 40;
        const stack = new Error().stack ?? "";
        Error.stackTraceLimit = limit;
        origins.set(asyncId, { type, resource: new WeakRef(resource), stack });
      },
      destroy(asyncId) {
        origins.delete(asyncId);
      },
    });
    this.hook.enable();
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
    if (!this.hook) return;
    this.hook.disable();
    for (const { type, resource, stack } of this.origins.values()) {
      const handle = resource.deref();
      if (!keepsAlive(handle) || madeByJest(stack)) continue;
      const delay = type === "Timeout" ? ` (${handle._repeat ? "every" : "after"} ${handle._idleTimeout} ms)` : "";
      process.stderr.write(`[handles]   ${type}${delay} made at ${madeAt(stack)}\n`);
    }
    this.origins.clear();
  }
}

module.exports = ZoomTestEnvironment;
