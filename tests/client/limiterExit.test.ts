/**
 * A command-line process (`pulumi-zoom drift`, `import`) has no server keeping it alive: while requests wait
 * for a permit, the limiter itself must. Run in a child process of the built package, as the CLI runs it.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const LIMITER = path.resolve(__dirname, "../../dist/provider/client/limiter.js");

test("more requests than a second's budget: the process waits for the permits and finishes its work", () => {
  // Free plan: LIGHT budget 3 a second, so 7 permits take three windows.
  const script = `
    const { isolatedLimiter } = require(${JSON.stringify(LIMITER)});
    const limiter = isolatedLimiter("free");
    Promise.all(Array.from({ length: 7 }, () => limiter.acquire("LIGHT").then((release) => release())))
      .then(() => process.stdout.write("7 permits"));
  `;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60_000 });
  expect(child.stderr).toBe("");
  expect(child.stdout).toBe("7 permits");
  expect(child.status).toBe(0);
});

test("a finished process is not kept alive by permits still to come back", () => {
  const script = `
    const { isolatedLimiter } = require(${JSON.stringify(LIMITER)});
    isolatedLimiter("free").acquire("LIGHT").then((release) => { release(); process.stdout.write("done"); });
  `;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60_000 });
  // The permit's return is unref'd: the process ends with its work (a kept-alive one would hit the timeout).
  expect(child.stdout).toBe("done");
  expect(child.status).toBe(0);
  expect(child.signal).toBeNull();
});
