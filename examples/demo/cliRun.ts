/**
 * The demo with the Pulumi CLI: a throwaway project in a temporary directory whose program is the compiled org
 * example, a local file backend there, a passphrase for secrets, no cloud login. The CLI prints its own plans.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { block, say, section } from "./format";
import { inventory } from "./inventory";
import { showWhatZoomKept } from "./leftovers";
import { driftReport, editByHand, HAND_EDIT, orgProgram, repoRoot, run, type DemoAccount } from "./setup";

const STACK = "demo";

/** Lays out the project: Pulumi.yaml, an index.js that is the org program, and the repository's node_modules. */
function makeProject(work: string, project: string): string {
  const dir = path.join(work, "project");
  fs.mkdirSync(dir);
  // Plain JavaScript (the example compiled by `npm run build`), so the CLI needs no TypeScript set-up.
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    [`name: ${project}`, "runtime:", "  name: nodejs", "  options:", "    typescript: false", "main: index.js", ""].join("\n"),
  );
  fs.writeFileSync(path.join(dir, "index.js"), `module.exports = require(${JSON.stringify(orgProgram)});\n`);
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "pulumi-zoom-demo", private: true, main: "index.js" }, null, 2)}\n`);
  // The provider code in the state loads pulumi-zoom from the program's directory, as in a user's project.
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "junction");
  return dir;
}

export async function runWithCli(pulumiPath: string, project: string, account: DemoAccount): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-zoom-demo-"));
  const stateDir = path.join(work, "state");
  fs.mkdirSync(stateDir);
  const cwd = makeProject(work, project);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    PULUMI_CONFIG_PASSPHRASE: "pulumi-zoom-demo",
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  const pulumi = async (args: string[], options: { input?: string; show?: boolean; okCodes?: number[] } = {}): Promise<string> => {
    const result = await run(pulumiPath, [...args, "--stack", STACK, "--color", "never"], { cwd, env, ...(options.input === undefined ? {} : { input: options.input }) });
    if (options.show ?? true) block(result.stdout);
    if (!(options.okCodes ?? [0]).includes(result.code)) {
      throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}:\n${(result.stderr || result.stdout).trim()}`);
    }
    return result.stdout;
  };

  try {
    say(`Local file backend in ${stateDir}; secrets encrypted with a passphrase; no cloud login.`);
    await run(pulumiPath, ["stack", "init", STACK, "--secrets-provider", "passphrase"], { cwd, env }).then((r) => {
      if (r.code !== 0) throw new Error(`pulumi stack init exited with ${r.code}:\n${r.stderr.trim()}`);
    });
    for (const [key, value] of Object.entries(account.config)) {
      const secret = account.secretKeys.includes(key);
      // Secret values go through stdin, not the command line.
      await pulumi(["config", "set", key, ...(secret ? ["--secret"] : [value])], { show: false, ...(secret ? { input: value } : {}) });
    }
    const before = await inventory(account.portal, account.accounts);

    section("pulumi up: the first run creates the account's objects");
    await pulumi(["up", "--yes", "--skip-preview"]);

    section("pulumi up again: nothing to do");
    await pulumi(["up", "--yes", "--skip-preview", "--expect-no-changes"]);

    section("An edit by hand");
    const meetingId = (await pulumi(["stack", "output", "allHandsMeetingId"], { show: false })).trim();
    await editByHand(account.portal, meetingId);
    say(`Someone opens the all-hands in Zoom's web portal and makes it ${HAND_EDIT.to} minutes instead of ${HAND_EDIT.from}.`);
    say(`(Here: PATCH /meetings/${meetingId} {"${HAND_EDIT.property}": ${HAND_EDIT.to}} through Zoom's API, outside Pulumi.)`);

    section("The drift is reported: pulumi stack export | pulumi-zoom drift");
    const drift = await driftReport(await pulumi(["stack", "export"], { show: false }), account.emulator);
    block(drift.stdout);
    say();
    say(`pulumi-zoom drift exited with ${drift.code} (0 in sync, 2 drift found, 1 error).`);
    if (drift.code === 1) block(drift.stderr);

    section("pulumi refresh, then pulumi up: the repair");
    await pulumi(["refresh", "--yes", "--skip-preview"]);
    await pulumi(["up", "--yes", "--skip-preview"]);
    const recheck = await driftReport(await pulumi(["stack", "export"], { show: false }), account.emulator);
    say(`pulumi-zoom drift: ${recheck.code === 0 ? "in sync" : `exit ${recheck.code}`}.`);

    section("pulumi destroy");
    await pulumi(["destroy", "--yes", "--skip-preview"]);
    await showWhatZoomKept(before, account);
    await pulumi(["stack", "rm", "--yes"], { show: false });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
