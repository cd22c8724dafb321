/**
 * jest's Node environment, plus: when a test file ends, the provider hosts it left running are stopped. A test
 * that timed out (a loaded machine) leaves its deployment going on in the background, its hosts retrying against
 * an emulator that is gone; they kept the worker from exiting ("a worker process has failed to exit
 * gracefully"). Tests close their hosts themselves; this is the safety net, after every hook of the file.
 * The harness records the hosts' process ids on the test's global object (harness/host.ts).
 *
 * ZOOM_TEST_HANDLES=1 prints, per test file, the handles (timers, sockets, servers, child processes) it left
 * open: what keeps a worker from exiting, named by file (a cheaper `--detectOpenHandles`).
 */
const { TestEnvironment } = require("jest-environment-node");

const tally = (names) => names.reduce((counts, name) => counts.set(name, (counts.get(name) ?? 0) + 1), new Map());

class ZoomTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    if (process.env.ZOOM_TEST_HANDLES === "1") this.handlesBefore = tally(process.getActiveResourcesInfo());
  }

  async teardown() {
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
    const left = [];
    for (const [name, count] of tally(process.getActiveResourcesInfo())) {
      const extra = count - (this.handlesBefore.get(name) ?? 0);
      if (extra > 0) left.push(`${name}×${extra}`);
    }
    if (left.length > 0) process.stderr.write(`[handles] ${this.testPath} left open: ${left.join(", ")}\n`);
  }
}

module.exports = ZoomTestEnvironment;
