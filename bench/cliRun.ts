/**
 * Runs `pulumi-zoom` as a child process, as a user runs it (`node dist/provider/cli/main.js ...`, the package's
 * bin), with stderr a pipe (not a terminal: no progress line), timed from spawn to exit, with its peak RSS.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "./deployment";

export interface CliRun {
  readonly exitCode: number | null;
  readonly seconds: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident memory, KB (Linux `maxRSS`). */
  readonly peakRssKb: number | undefined;
}

const CLI = path.join(REPO_ROOT, "dist", "provider", "cli", "main.js");
const PEAK_RSS = path.join(REPO_ROOT, "dist", "bench", "peakRss.js");

export async function runCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const rssFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-zoom-bench-")), "rss");
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ["--require", PEAK_RSS, CLI, ...args], {
      cwd: REPO_ROOT,
      // Only what the command needs: the ZOOM_* settings, PATH, HOME. No NO_COLOR/TERM games: stdout is a pipe.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.homedir(), ...env, ZOOM_BENCH_PEAK_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code) => resolve(code));
    });
    const seconds = (performance.now() - started) / 1000;
    const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) : undefined;
    return {
      exitCode,
      seconds,
      stdout: Buffer.concat(out).toString("utf8"),
      stderr: Buffer.concat(err).toString("utf8"),
      peakRssKb: rss !== undefined && Number.isFinite(rss) ? rss : undefined,
    };
  } finally {
    fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
  }
}
