/**
 * `pulumi-zoom emulator` as users run it: the built CLI (`npm test` builds before jest) in a child process.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { EmulatorControl, type EmulatorInfo } from "../../emulator";
import { builtCli as main, ensureBuilt, repoRoot as repo } from "../support/build";
import { RawZoom } from "../support/zoomHttp";

beforeAll(ensureBuilt, 120_000);

function run(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [main, ...args], { cwd: repo, stdio: "pipe" });
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let out = "";
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf("\n");
      if (newline >= 0) resolveLine(out.slice(0, newline));
    });
    child.on("exit", (code) => reject(new Error(`CLI exited (${code}) before printing: ${err}`)));
  });
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolveCode) => {
    if (child.exitCode !== null) resolveCode(child.exitCode);
    else child.on("exit", (code) => resolveCode(code));
  });
}

test.each(["SIGTERM", "SIGINT"] as const)(
  "prints one JSON line, serves the API, and exits 0 on %s",
  async (signal) => {
    const child = run(["emulator", "--port", "0", "--host", "127.0.0.1", "--plan", "free", "--token-ttl", "60"]);
    try {
      const info = JSON.parse(await firstLine(child)) as EmulatorInfo;
      expect(Object.keys(info).sort()).toEqual(["accountId", "clientId", "clientSecret", "controlToken", "oauthUrl", "url"]);
      // The printed control token drives the control endpoints; without it they refuse.
      expect((await new EmulatorControl(info).state()).master.id).toBe(info.accountId);
      expect((await fetch(`${info.url.replace(/\/v2$/, "")}/_emulator/state`)).status).toBe(401);
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      const zoom = new RawZoom(info);
      const token = await zoom.requestToken();
      expect(token.json).toMatchObject({ token_type: "bearer", expires_in: 60 });
      const created = await zoom.call("POST", "/tracking_fields", { body: { field: "From the CLI" } });
      expect(created.status).toBe(201);
      // The free plan's LIGHT limit is 4 per second.
      expect(created.headers.get("x-ratelimit-limit")).toBe("4");
    } finally {
      child.kill(signal);
    }
    expect(await exitCode(child)).toBe(0);
  },
  30_000,
);

test("bad options are refused with exit code 1 and a message", async () => {
  const child = run(["emulator", "--plan", "gold"]);
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  expect(await exitCode(child)).toBe(1);
  expect(err).toContain("Allowed choices are free, pro, business, unlimited");
});
