/**
 * jest's Node environment, plus: when a test file ends, the provider hosts it left running are stopped. A test
 * that timed out (a loaded machine) leaves its deployment going on in the background, its hosts retrying against
 * an emulator that is gone; they kept the worker from exiting ("a worker process has failed to exit
 * gracefully"). Tests close their hosts themselves; this is the safety net, after every hook of the file.
 * The harness records the hosts' process ids on the test's global object (harness/host.ts).
 */
const { TestEnvironment } = require("jest-environment-node");

class ZoomTestEnvironment extends TestEnvironment {
  async teardown() {
    for (const pid of this.global.__providerHostPids ?? []) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    await super.teardown();
  }
}

module.exports = ZoomTestEnvironment;
