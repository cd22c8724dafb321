/**
 * No secret in anything Pulumi would write or show, for every example program (TypeScript and YAML): each runs
 * up, refresh and a second up through the engine contract harness and the real dynamic-provider host (with
 * ZOOM_LOG=debug, so the client's request log is on), against an emulator of its own. Then everything the run
 * produced is scanned for every secret value the run handled:
 *
 * - the state as `pulumi stack export` writes it (secrets as ciphertext), which includes every `__provider`;
 * - everything the host printed (its stdout and stderr, debug lines included).
 *
 * The secrets: the client secret, every access token the emulator issued, the host tokens in start URLs
 * (`zak`), the passcodes in join URLs (`pwd`), every meeting passcode (`password`, `h323_password`,
 * `pstn_password`, `encrypted_password`) and every TSP leader PIN, from every request and answer the emulator saw,
 * plus the secret stack config values.
 *
 * tests/e2e/examples.test.ts (the examples' own end-to-end test) is separate; this one only scans.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import type { EmulatorExchange, EmulatorStateSummary } from "../../emulator";
import { Deployment, DeploymentError } from "../harness";
import { startTestEmulator, zoomConfig } from "../support/emulator";
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
      if (key === "access_token" || /password$/.test(key) || key === "leader_pin") values.add(value);
      if (key === "join_url" || key === "start_url") {
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

test("every example program is scanned", () => {
  expect(exampleDirs().length).toBeGreaterThanOrEqual(13);
});

describe.each(exampleDirs())("examples/%s", (dir) => {
  test("up, refresh, up: no secret in the exported state, the provider stubs or the host's output (ZOOM_LOG=debug)", async () => {
    const exchanges: EmulatorExchange[] = [];
    const emu = await startTestEmulator({ plan: "unlimited", onExchange: (e) => exchanges.push(e) });
    try {
      const e = emu.emulator;
      const project = projectOf(dir);
      const { plain, secret } = configFor(await emu.control.state());
      const deployment = new Deployment({
        project,
        stack: "scan",
        cwd: path.join(examplesDir, dir),
        config: { ...zoomConfig(e), ...Object.fromEntries(Object.entries({ ...plain, ...secret }).map(([k, v]) => [`${project}:${k}`, v])) },
        secretConfigKeys: ["zoom:clientSecret", ...Object.keys(secret).map((k) => `${project}:${k}`)],
        hostEnv: { ZOOM_LOG: "debug" },
      });
      const program = exampleProgram(path.join(examplesDir, dir, "index.ts"));
      try {
        await deployment.up(program);
        await deployment.refresh();
        await deployment.up(program);
      } catch (error) {
        // The scan is the point, but a failed run would scan less: say why.
        throw error instanceof DeploymentError ? new Error(`examples/${dir}: ${error.message}`) : error;
      }

      const exported = JSON.stringify(deployment.exportState());
      const output = deployment.hostOutput();
      const secrets = secretsIn(exchanges, [e.clientSecret, ...Object.values(secret)]);
      // The run handled secrets (at least the client secret and an access token): the scan has something to find.
      expect(secrets.length).toBeGreaterThanOrEqual(2);
      const leaks = secrets.flatMap((value) =>
        [
          ["the exported state", exported],
          ["the host's stdout", output.stdout],
          ["the host's stderr", output.stderr],
        ]
          .filter(([, text]) => contains(text!, value))
          .map(([where]) => `${value.slice(0, 4)}... in ${where}`),
      );
      expect(leaks).toEqual([]);
      // The debug log was on, so the scan covered it.
      expect(output.stderr).toMatch(/zoom: (GET|POST) /);
      await deployment.close();
    } finally {
      await emu.close();
    }
  });
});
