/**
 * `pulumi-zoom drift` and `import` never construct a Pulumi resource, so the CLI does not load the Pulumi SDK
 * (most of its start-up: bench "drift and import at scale"); the resource classes still are the SDK's classes.
 * In a child process of the built package, as the CLI runs.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const DIST = path.resolve(__dirname, "../../dist/provider");

function run(script: string): string {
  const child = spawnSync(process.execPath, ["--no-warnings", "-e", script], { encoding: "utf8", timeout: 120_000 });
  expect(child.stderr).toBe("");
  return child.stdout;
}

test("loading the CLI (every command) loads no module of @pulumi/pulumi", () => {
  const out = run(`
    require(${JSON.stringify(path.join(DIST, "cli", "main.js"))});
    process.stdout.write(String(Object.keys(require.cache).filter((file) => file.includes("@pulumi")).length));
  `);
  expect(out).toBe("0");
});

test("a resource is a pulumi.dynamic.Resource all the same: the SDK loads at its construction", () => {
  const out = run(`
    const { Meeting } = require(${JSON.stringify(path.join(DIST, "resources", "meeting.js"))});
    const loaded = () => Object.keys(require.cache).some((file) => file.includes("@pulumi"));
    const before = loaded();
    const pulumi = require("@pulumi/pulumi");
    pulumi.runtime.setMocks({ newResource: (args) => ({ id: "1", state: args.inputs }), call: (args) => args.inputs });
    const meeting = new Meeting("standup", { topic: "Standup", type: 2 });
    process.stdout.write(JSON.stringify([
      before,
      meeting instanceof pulumi.dynamic.Resource,
      pulumi.CustomResource.isInstance(meeting),
      meeting instanceof Meeting,
      typeof Meeting.get,
    ]));
  `);
  expect(JSON.parse(out)).toEqual([false, true, true, true, "function"]);
});
