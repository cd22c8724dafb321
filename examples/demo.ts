/**
 * `npm run demo`: the org example (examples/org) end to end against the embedded Zoom emulator, in under a minute.
 *
 * It runs the program with the Pulumi CLI when `pulumi` is on the PATH (a local file backend in a temporary
 * directory, a passphrase, no cloud login), otherwise through the engine contract harness, which drives
 * @pulumi/pulumi's real dynamic-provider host as the engine would; it says which. Then: the objects created, a
 * second run with no changes, an edit made by hand, the drift reported, the repair, and destroy.
 *
 * PULUMI_ZOOM_DEMO_ENGINE=harness (or =cli) chooses explicitly.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runWithCli } from "./demo/cliRun";
import { say, seconds } from "./demo/format";
import { runWithHarness } from "./demo/harnessRun";
import { orgProjectName, startDemoAccount } from "./demo/setup";

/** The first executable called `name` on the PATH. */
function findOnPath(name: string): string | undefined {
  const names = process.platform === "win32" ? [`${name}.exe`, `${name}.cmd`] : [name];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    for (const candidate of names.map((n) => path.join(dir, n))) {
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // Not here.
      }
    }
  }
  return undefined;
}

/** Which engine runs the program, and why, in a sentence the user reads first. */
function chooseEngine(): { cli?: string; why: string } {
  const forced = process.env.PULUMI_ZOOM_DEMO_ENGINE;
  if (forced !== undefined && forced !== "cli" && forced !== "harness") {
    throw new Error(`PULUMI_ZOOM_DEMO_ENGINE must be "cli" or "harness", not "${forced}"`);
  }
  const cli = forced === "harness" ? undefined : findOnPath("pulumi");
  if (forced === "cli" && !cli) throw new Error("PULUMI_ZOOM_DEMO_ENGINE=cli, but there is no `pulumi` on the PATH");
  if (cli) return { cli, why: `Engine: the Pulumi CLI (${cli}).` };
  return {
    why:
      forced === "harness"
        ? "Engine: the engine contract harness (PULUMI_ZOOM_DEMO_ENGINE=harness).\n        It drives @pulumi/pulumi's real dynamic-provider host over gRPC, as `pulumi` does."
        : "Engine: the engine contract harness, because the Pulumi CLI is not on the PATH (with it, the demo uses it).\n        It drives @pulumi/pulumi's real dynamic-provider host over gRPC, as `pulumi` does.",
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const engine = chooseEngine();
  const project = orgProjectName();
  say("pulumi-zoom demo: the org example (examples/org) against the Zoom emulator");
  say("=".repeat(76));
  say(engine.why);
  const account = await startDemoAccount(project);
  try {
    say(`Zoom:   the emulator at ${account.emulator.url}: a fresh master account "${account.accounts.master.name}",`);
    say(`        whose sub-account "${account.london.name}" plays the London office.`);
    if (engine.cli) await runWithCli(engine.cli, project, account);
    else await runWithHarness(project, account);
  } finally {
    await account.emulator.close();
  }
  say();
  say(`Done in ${seconds(Date.now() - started)}. Against your own Zoom account: examples/README.md.`);
}

main().catch((error: unknown) => {
  // A reader wants the reason, not a stack trace.
  process.stderr.write(`\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
