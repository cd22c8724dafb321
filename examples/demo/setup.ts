/**
 * What both ways of running the demo share: where things are, the emulator and the org program's stack config,
 * the "portal" client that makes the edit by hand, and `pulumi-zoom drift`.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { EmulatorControl, startEmulator, type EmulatorStateSummary, type RunningEmulator } from "../../emulator";
import { createClient, type HttpZoomClient } from "../../provider/client";

/** This file runs as dist/examples/demo/setup.js. */
export const distRoot = path.resolve(__dirname, "../..");
export const repoRoot = path.resolve(distRoot, "..");
export const orgSourceDir = path.join(repoRoot, "examples", "org");
/** The org program as Node runs it: compiled, importing pulumi-zoom through node_modules like a user's program. */
export const orgProgram = path.join(distRoot, "examples", "org", "index.js");
const cliMain = path.join(distRoot, "provider", "cli", "main.js");

/** The org program's project name (its config namespace), from its Pulumi.yaml. */
export function orgProjectName(): string {
  const project = parseYaml(fs.readFileSync(path.join(orgSourceDir, "Pulumi.yaml"), "utf8")) as { name?: unknown };
  if (typeof project.name !== "string") throw new Error(`${orgSourceDir}/Pulumi.yaml has no project name`);
  return project.name;
}

export interface DemoAccount {
  emulator: RunningEmulator;
  accounts: EmulatorStateSummary;
  /** The sub-account playing the London office. */
  london: EmulatorStateSummary["subAccounts"][number];
  /** Stack config: `zoom:*` (pointing at the emulator) and the program's own keys. */
  config: Record<string, string>;
  secretKeys: string[];
  /** A separate API client: a person in the web portal. */
  portal: HttpZoomClient;
}

/** Starts the emulator and derives the org program's stack config from its fresh account. */
export async function startDemoAccount(project: string): Promise<DemoAccount> {
  const emulator = await startEmulator({ plan: "unlimited" });
  const accounts = await new EmulatorControl(emulator).state();
  const london = accounts.subAccounts[0];
  const trunk = accounts.master.sipTrunks[0];
  if (!london || !trunk) throw new Error("the emulator's account has no sub-account or no SIP trunk");
  const config: Record<string, string> = {
    "zoom:apiUrl": emulator.url,
    "zoom:oauthUrl": emulator.oauthUrl,
    "zoom:accountId": emulator.accountId,
    "zoom:clientId": emulator.clientId,
    "zoom:clientSecret": emulator.clientSecret,
    // By name: the program looks the ids (and the trunk's DNIS prefix) up.
    [`${project}:subAccountName`]: london.name,
    [`${project}:trunkName`]: trunk.name,
    [`${project}:tspLeaderPin`]: "161803",
  };
  const portal = createClient(
    {
      apiUrl: emulator.url,
      oauthUrl: emulator.oauthUrl,
      plan: "business",
      credentials: { kind: "clientCredentials", accountId: emulator.accountId, clientId: emulator.clientId, clientSecret: emulator.clientSecret },
    },
    { limiter: "isolated", env: {} },
  );
  return { emulator, accounts, london, config, secretKeys: ["zoom:clientSecret", `${project}:tspLeaderPin`], portal };
}

/** The edit by hand: someone makes the all-hands longer in the web portal. */
export const HAND_EDIT = { resource: "all-hands", property: "duration", from: 60, to: 90 } as const;

export async function editByHand(portal: HttpZoomClient, meetingId: string): Promise<void> {
  await portal.request({ operation: "meetingUpdate", pathParams: { meetingId }, body: { [HAND_EDIT.property]: HAND_EDIT.to } });
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion without blocking this process (the emulator answers from this process, so a
 * synchronous spawn would deadlock), feeding `input` on stdin.
 */
export function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/**
 * `pulumi stack export | pulumi-zoom drift`: the package's drift report on a stack state. Credentials come from
 * ZOOM_* variables, as in CI (a stack export carries no config). Exit 0 in sync, 2 drift, 1 error.
 */
export function driftReport(stackExport: string, emulator: RunningEmulator): Promise<CommandResult> {
  return run(process.execPath, [cliMain, "drift", "--api-url", emulator.url, "--oauth-url", emulator.oauthUrl], {
    input: stackExport,
    env: {
      ...process.env,
      ZOOM_ACCOUNT_ID: emulator.accountId,
      ZOOM_CLIENT_ID: emulator.clientId,
      ZOOM_CLIENT_SECRET: emulator.clientSecret,
      // The report is read here, not in a terminal.
      NO_COLOR: "1",
    },
  });
}
