/**
 * No secret in anything Pulumi would write or show, for every example program (TypeScript and YAML) and for the
 * adoption paths of today's code (`.get()` of objects made in the portal, beside created ones): each runs up,
 * refresh, a second up and destroy through the engine contract harness and the real dynamic-provider host (with
 * ZOOM_LOG=debug, so the client's request log is on), against an emulator of its own. Then everything the run
 * produced is scanned for every secret value the run handled:
 *
 * - the state as `pulumi stack export` writes it (secrets as ciphertext, inputs and outputs), which includes
 *   every `__provider`, after the second up;
 * - everything the host printed (its stdout and stderr, debug lines included);
 * - everything `pulumi-zoom drift` prints for that state (table, --json, --markdown), and, for the adoption run,
 *   everything `pulumi-zoom import` writes for the account (TypeScript, YAML with its imports file).
 *
 * The secrets: the client secret, every access token the emulator issued, the host tokens in start URLs
 * (`zak`), the passcodes and join tokens in join URLs (`pwd`, `tk`, also the chat link and each participant's
 * authentication-bypass link), every meeting passcode (`password`, `h323_password`, `pstn_password`,
 * `encrypted_password`), every dynamic host key and every TSP leader PIN, from every request and answer the
 * emulator saw, plus the secret stack config values.
 *
 * tests/e2e/examples.test.ts (the examples' own end-to-end test) is separate; this one only scans.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import type { EmulatorExchange, EmulatorStateSummary, RunningEmulator } from "../../emulator";
import { Meeting, TspAccount } from "../../provider";
import { runDrift } from "../../provider/cli/commands/drift";
import { runImport } from "../../provider/cli/commands/import";
import { fakeIO } from "../drift/cliIO";
import { Deployment, DeploymentError, type HostOutput } from "../../harness";
import { startTestEmulator, zoomConfig, zoomEnv, type TestEmulator } from "../support/emulator";
import { portalClient } from "../support/resources";
import { exampleProgram, sipConfig } from "../support/examples";

const root = path.resolve(__dirname, "../..");
const examplesDir = path.join(root, "examples");

/** Every example program: `examples/<family>` and `examples/yaml/<family>`, each with an index.ts. */
function exampleDirs(): string[] {
  const under = (dir: string) =>
    fs
      .readdirSync(path.join(examplesDir, dir), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(examplesDir, dir, d.name, "index.ts")))
      .map((d) => path.join(dir, d.name));
  return [...under("."), ...under("yaml")].map((d) => path.normalize(d)).sort();
}

function projectOf(dir: string): string {
  const project = parseYaml(fs.readFileSync(path.join(examplesDir, dir, "Pulumi.yaml"), "utf8")) as { name?: unknown };
  if (typeof project.name !== "string") throw new Error(`examples/${dir}/Pulumi.yaml has no name`);
  return project.name;
}

/** Stack config the examples require: SIP trunk coordinates from the emulator, leader PINs as secrets. */
function configFor(accounts: EmulatorStateSummary): { plain: Record<string, string>; secret: Record<string, string> } {
  return {
    plain: sipConfig(accounts),
    secret: { primaryLeaderPin: "271828", backupLeaderPin: "314159", tspLeaderPin: "161803" },
  };
}

/** Every secret value in the exchanges the emulator saw (requests and answers), at least 6 characters long. */
function secretsIn(exchanges: readonly EmulatorExchange[], extra: readonly string[]): string[] {
  const values = new Set<string>(extra);
  const walk = (value: unknown, key = ""): void => {
    if (typeof value === "string") {
      if (key === "access_token" || /password$/.test(key) || key === "leader_pin" || key === "dynamic_host_key") values.add(value);
      if (key === "join_url" || key === "start_url" || key === "chat_join_url") {
        const params = new URL(value).searchParams;
        for (const name of ["pwd", "zak", "tk"]) {
          const secret = params.get(name);
          if (secret) values.add(secret);
        }
      }
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const exchange of exchanges) {
    for (const text of [exchange.body, exchange.requestBody]) {
      try {
        walk(JSON.parse(text));
      } catch {
        // Not JSON: nothing to walk.
      }
    }
  }
  return [...values].filter((v) => v.length >= 6);
}

/**
 * Whether `text` holds `secret`. A secret of digits only (a PIN, a phone passcode) counts where it stands alone:
 * inside a longer number (a meeting id, a timestamp) it is a coincidence, not a leak.
 */
function contains(text: string, secret: string): boolean {
  if (!/^\d+$/.test(secret)) return text.includes(secret);
  return new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(text);
}

type Texts = readonly (readonly [where: string, text: string])[];

/** `where: secret...` for every secret found in any of the texts. */
function leaksIn(secrets: readonly string[], texts: Texts): string[] {
  return secrets.flatMap((value) => texts.filter(([, text]) => contains(text, value)).map(([where]) => `${value.slice(0, 4)}... in ${where}`));
}

/**
 * Expects none of `secrets` in the exported state, the host's output or the `elsewhere` texts, and the host's debug
 * log in its stderr: the log was on, so the scan covered it.
 */
function expectNoLeaks(secrets: readonly string[], exported: string, host: HostOutput, elsewhere: Texts): void {
  const leaks = leaksIn(secrets, [
    ["the exported state", exported],
    ["the host's stdout", host.stdout],
    ["the host's stderr", host.stderr],
    ...elsewhere,
  ]);
  expect(leaks).toEqual([]);
  expect(host.stderr).toMatch(/zoom: (GET|POST) /);
}

/** A stack "scan" whose host logs every request and response (ZOOM_LOG=debug): more output for the scan to read. */
function scanDeployment(project: string, cwd: string, config: Record<string, string>, secretConfigKeys: string[]): Deployment {
  return new Deployment({ project, stack: "scan", cwd, config, secretConfigKeys, hostEnv: { ZOOM_LOG: "debug" } });
}

/** Runs `body` against a fresh emulator that records every exchange (the secrets to look for), then closes it. */
async function withRecordingEmulator(body: (emu: TestEmulator, exchanges: readonly EmulatorExchange[]) => Promise<void>): Promise<void> {
  const exchanges: EmulatorExchange[] = [];
  const emu = await startTestEmulator({ plan: "unlimited", onExchange: (x) => exchanges.push(x) });
  try {
    await body(emu, exchanges);
  } finally {
    await emu.close();
  }
}

function cliEnv(e: RunningEmulator): Record<string, string> {
  return { ...zoomEnv(e), ZOOM_LOG: "debug" };
}

/** Everything `pulumi-zoom drift` prints for the exported state, in each format (stdout and stderr). */
async function driftOutputs(e: RunningEmulator, state: string): Promise<Texts> {
  const texts: [string, string][] = [];
  for (const [name, format] of [["table", {}], ["--json", { json: true }], ["--markdown", { markdown: true }]] as const) {
    const io = fakeIO({ stdin: state, env: cliEnv(e) });
    await runDrift("-", { ignore: [], ...format }, io.io);
    texts.push([`drift ${name}`, io.stdout() + io.stderr()]);
  }
  return texts;
}

/** Everything `pulumi-zoom import` writes for the account, as TypeScript and as YAML (both secret modes). */
async function importOutputs(e: RunningEmulator): Promise<Texts> {
  const texts: [string, string][] = [];
  for (const secrets of ["omit", "config"] as const) {
    const ts = fakeIO({ env: cliEnv(e) });
    const tsCode = await runImport({ account: [], format: "ts", secrets, package: "pulumi-zoom" }, ts.io);
    texts.push([`import --format ts (${secrets}, exit ${tsCode})`, ts.stdout() + ts.stderr()]);
    const yaml = fakeIO({ env: cliEnv(e) });
    await runImport({ account: [], format: "yaml", out: "zoom.yaml", secrets, package: "pulumi-zoom" }, yaml.io);
    texts.push([`import --format yaml (${secrets})`, [...yaml.written.values(), yaml.stdout(), yaml.stderr()].join("\n")]);
  }
  return texts;
}

/**
 * destroy, scanned like the rest. Zoom refuses to delete a user's last TSP account, and destroy says so (and
 * keeps it in the stack): expected for a program whose TSP accounts are the user's only ones, not a failure.
 */
async function destroyAll(deployment: Deployment): Promise<void> {
  try {
    await deployment.destroy();
  } catch (error) {
    const refused = error instanceof DeploymentError && error.message.split("\n").filter((line) => line.includes("failed")).every((line) => /last TSP account/.test(line) || /destroy failed:$/.test(line.trim()));
    if (!refused) throw error;
  }
}

test("every example program is scanned", () => {
  expect(exampleDirs().length).toBeGreaterThanOrEqual(13);
});

describe.each(exampleDirs())("examples/%s", (dir) => {
  test("up, refresh, up, destroy: no secret in the exported state, the provider stubs, the host's output (ZOOM_LOG=debug) or drift's", async () => {
    await withRecordingEmulator(async (emu, exchanges) => {
      const e = emu.emulator;
      const project = projectOf(dir);
      const { plain, secret } = configFor(await emu.control.state());
      const deployment = scanDeployment(
        project,
        path.join(examplesDir, dir),
        { ...zoomConfig(e), ...Object.fromEntries(Object.entries({ ...plain, ...secret }).map(([k, v]) => [`${project}:${k}`, v])) },
        ["zoom:clientSecret", ...Object.keys(secret).map((k) => `${project}:${k}`)],
      );
      const program = exampleProgram(path.join(examplesDir, dir, "index.ts"));
      let exported: string;
      try {
        await deployment.up(program);
        await deployment.refresh();
        await deployment.up(program);
        exported = JSON.stringify(deployment.exportState());
        await destroyAll(deployment);
      } catch (error) {
        // The scan is the point, but a failed run would scan less: say why.
        throw error instanceof DeploymentError ? new Error(`examples/${dir}: ${error.message}`) : error;
      }

      const output = deployment.hostOutput();
      const drift = await driftOutputs(e, exported);
      const secrets = secretsIn(exchanges, [e.clientSecret, ...Object.values(secret)]);
      // The run handled secrets (at least the client secret and an access token): the scan has something to find.
      expect(secrets.length).toBeGreaterThanOrEqual(2);
      expectNoLeaks(secrets, exported, output, drift);
      await deployment.close();
    });
  });
});

describe("adoption and secret-rich objects", () => {
  test("`.get()` of a meeting and a TSP account made in the portal, beside created ones: up, refresh, up, destroy; drift and import too", async () => {
    await withRecordingEmulator(async (emu, exchanges) => {
      const e = emu.emulator;
      const portal = portalClient(e);
      // Made in the portal: a meeting with a passcode and an authentication-bypass participant, a TSP account.
      const existing = await portal.request<{ id: number }>({
        operation: "meetingCreate",
        pathParams: { userId: "me" },
        body: {
          topic: "Portal meeting",
          type: 2,
          start_time: "2031-05-01T10:00:00Z",
          duration: 30,
          password: "Portal77x",
          settings: { meeting_authentication: true, authentication_exception: [{ email: "vip@example.com", name: "Vip" }] },
        },
      });
      await portal.request({
        operation: "userTSPCreate",
        pathParams: { userId: "me" },
        body: { conference_code: "5550001", leader_pin: "8675309", tsp_bridge: "US_TSP_TB", dial_in_numbers: [{ code: "1", number: "+1 555 0100", type: "toll" }] },
      });
      const deployment = scanDeployment("adoption-scan", root, zoomConfig(e), ["zoom:clientSecret"]);
      const program = () => {
        const adopted = Meeting.get("portal-meeting", String(existing.data!.id));
        const bridge = TspAccount.get("portal-bridge", "me/1");
        const created = new Meeting("board", {
          topic: "Board",
          type: 2,
          startTime: "2031-05-02T10:00:00Z",
          duration: 45,
          password: "Board88y",
          settings: { meetingAuthentication: true, authenticationException: [{ email: "guest@example.com", name: "Guest" }] },
        });
        return { adoptedTopic: adopted.topic, bridgeCode: bridge.conferenceCode, boardId: created.meetingId };
      };
      let exported: string;
      try {
        const first = await deployment.up(program);
        expect(first.outputs).toMatchObject({ adoptedTopic: "Portal meeting", bridgeCode: "5550001" });
        await deployment.refresh();
        await deployment.up(program);
        exported = JSON.stringify(deployment.exportState());
        const cli = [...(await driftOutputs(e, exported)), ...(await importOutputs(e))];
        await destroyAll(deployment);
        const output = deployment.hostOutput();
        const secrets = secretsIn(exchanges, [e.clientSecret]);
        // What this run must have handled: both passcodes, the leader PIN, host keys, chat and bypass tokens.
        expect(secrets).toEqual(expect.arrayContaining(["Portal77x", "Board88y", "8675309"]));
        expect(secrets.length).toBeGreaterThanOrEqual(12);
        // The scan covers real output: the debug log, every drift format and both import formats.
        expectNoLeaks(secrets, exported, output, cli);
        expect(cli.map(([where]) => where)).toHaveLength(7);
        for (const [where, text] of cli) expect([where, text.length > 100]).toEqual([where, true]);
      } catch (error) {
        throw error instanceof DeploymentError ? new Error(`adoption scan: ${error.message}`) : error;
      } finally {
        await deployment.close();
      }
    });
  });
});
