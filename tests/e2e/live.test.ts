/**
 * `npm run test:live` cannot reach Zoom here, so its code path runs against an emulator: the same script, the
 * same jest file (tests/live/examples.live.ts), with ZOOM_LIVE_TESTS=1 and the emulator's URLs and credentials in
 * ZOOM_API_URL / ZOOM_OAUTH_URL / ZOOM_*. Also its refusals, its meeting budget, its cleanup of leftovers by
 * prefix, and the end-to-end run's cleanup after a failure.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import type { EmulatorExchange, EmulatorInfo } from "../../emulator";
import { DEFAULT_LIVE_EXAMPLES, LIVE_PREFIX, liveExamples, LiveRefusal, prefixedObjects, runPrefix } from "../live/live";
import { repoRoot } from "../support/build";
import { useTestEmulator } from "../support/emulator";
import { exampleProgram } from "../support/examples";
import { EXAMPLE_CASES, runExample } from "../support/exampleRuns";
import { portalClient } from "../support/resources";

const script = path.join(repoRoot, "scripts", "test-live.js");

interface Run {
  status: number | null;
  output: string;
}

/** `node scripts/test-live.js ...args` with exactly `env` beyond PATH (no ZOOM_* from the caller's environment). */
function testLive(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (status) => resolve({ status, output }));
  });
}

const liveEnv = (e: EmulatorInfo): Record<string, string> => ({
  ZOOM_LIVE_TESTS: "1",
  ZOOM_API_URL: e.url,
  ZOOM_OAUTH_URL: e.oauthUrl,
  ZOOM_ACCOUNT_ID: e.accountId,
  ZOOM_CLIENT_ID: e.clientId,
  ZOOM_CLIENT_SECRET: e.clientSecret,
});

describe("refusals", () => {
  test("without ZOOM_LIVE_TESTS=1, or without the app's credentials, nothing runs", async () => {
    const credentials = { ZOOM_ACCOUNT_ID: "a", ZOOM_CLIENT_ID: "b", ZOOM_CLIENT_SECRET: "c" };
    const unset = await testLive([], credentials);
    expect(unset).toEqual({ status: 2, output: expect.stringMatching(/refusing to run against Zoom: set ZOOM_LIVE_TESTS=1/) });
    const noSecret = await testLive([], { ZOOM_LIVE_TESTS: "1", ZOOM_ACCOUNT_ID: "a", ZOOM_CLIENT_ID: "b" });
    expect(noSecret).toEqual({ status: 2, output: expect.stringMatching(/ZOOM_CLIENT_SECRET not set/) });
  });

  test("the examples are the default three, any other that needs no emulator directory, within the meeting budget", () => {
    expect(liveExamples({}).map((e) => e.dir)).toEqual([...DEFAULT_LIVE_EXAMPLES]);
    expect(liveExamples({ ZOOM_LIVE_EXAMPLES: "meetings" }).map((e) => e.dir)).toEqual(["meetings"]);
    expect(() => liveExamples({ ZOOM_LIVE_EXAMPLES: "sip-trunk" })).toThrow(LiveRefusal);
    expect(() => liveExamples({ ZOOM_LIVE_EXAMPLES: "nope" })).toThrow(/no example nope/);
    // meetings: 2 creates, the portal's edit and its repair.
    expect(() => liveExamples({ ZOOM_LIVE_EXAMPLES: "meetings", ZOOM_LIVE_MEETING_BUDGET: "3" })).toThrow(/4 meeting creates\/updates/);
  });

  test("a run's prefix is unique and marks it as a live run's", () => {
    const now = new Date("2026-12-06T01:05:00Z");
    expect(runPrefix(now)).toMatch(/^pzlive-20261206t0105-[0-9a-f]{4}-$/);
    expect(runPrefix(now)).not.toBe(runPrefix(now));
  });
});

describe("against an emulator", () => {
  const created: { path: string; name: string }[] = [];
  const emu = useTestEmulator({
    plan: "pro",
    onExchange: (exchange: EmulatorExchange) => {
      if (exchange.method !== "POST" || exchange.status >= 300 || !exchange.requestBody) return;
      const body = JSON.parse(exchange.requestBody) as Record<string, unknown>;
      const name = body.topic ?? body.field ?? body.name;
      if (typeof name === "string") created.push({ path: exchange.rawPath, name });
    },
  });

  test("npm run test:live passes, names every object with its run's prefix, and leaves nothing behind", async () => {
    // One example keeps npm test quick (tests/e2e/examples.test.ts runs them all): meetings, which makes tracking
    // fields too. The default three are chosen by liveExamples, tested above.
    const run = await testLive([], { ...liveEnv(emu.emulator), ZOOM_LIVE_EXAMPLES: "meetings" });
    expect({ status: run.status, output: run.output }).toEqual({ status: 0, output: expect.stringMatching(/Tests: +1 passed, 1 total/) });
    expect(created.length).toBeGreaterThan(0);
    expect(created.filter((c) => !/^pzlive-\d{8}t\d{4}-[0-9a-f]{4}-/.test(c.name))).toEqual([]);
    expect(await prefixedObjects(portalClient(emu.emulator), LIVE_PREFIX)).toEqual([]);
  }, 600_000);

  test("--cleanup removes earlier runs' leftovers and nothing else", async () => {
    const portal = portalClient(emu.emulator);
    const make = (operation: "trackingfieldCreate" | "deviceCreate" | "meetingCreate", body: object, pathParams?: Record<string, string>) =>
      portal.request({ operation, body, ...(pathParams ? { pathParams } : {}) });
    await make("trackingfieldCreate", { field: "pzlive-20261201t0000-abcd-Region" });
    await make("trackingfieldCreate", { field: "Someone else's field" });
    await make("deviceCreate", { name: "pzlive-20261201t0000-abcd-room", protocol: "H.323", ip: "10.0.0.9", encryption: "auto" });
    await make("meetingCreate", { topic: "pzlive-20261201t0000-abcd-standup", type: 2, start_time: "2027-01-04T09:00:00Z", duration: 15 }, { userId: "me" });
    expect(await prefixedObjects(portal, LIVE_PREFIX)).toHaveLength(3);

    const run = await testLive(["--cleanup"], liveEnv(emu.emulator));
    expect({ status: run.status, output: run.output }).toEqual({ status: 0, output: expect.stringMatching(/Deleted 3 leftover object\(s\)/) });
    expect(await prefixedObjects(portal, LIVE_PREFIX)).toEqual([]);
    expect(await prefixedObjects(portal, "Someone")).toHaveLength(1);
  }, 300_000);

  test("a run that fails midway destroys what it made before reporting the failure", async () => {
    const example = EXAMPLE_CASES.find((c) => c.dir === "tracking-fields");
    if (!example) throw new Error("no tracking-fields example");
    const prefix = runPrefix();
    const portal = portalClient(emu.emulator);
    let snapshots = 0;
    const failing = runExample(example, {
      endpoint: emu.emulator,
      accounts: undefined,
      program: (modulePath) => exampleProgram(modulePath, prefix),
      snapshot: async (client) => {
        // The second look (after the first up) fails, as a check of the run would.
        if (++snapshots === 2) throw new Error("the run failed here");
        return prefixedObjects(client, prefix);
      },
    });
    await expect(failing).rejects.toThrow("the run failed here");
    expect(created.filter((c) => c.name.startsWith(prefix))).toHaveLength(3);
    expect(await prefixedObjects(portal, prefix)).toEqual([]);
  }, 300_000);
});
