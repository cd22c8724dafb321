/**
 * The package as users get it: `npm pack`, the tarball unpacked into a fresh project's node_modules beside
 * @pulumi/pulumi (the peer dependency) and the runtime dependencies the packed package.json declares, nothing
 * else. Every export is loaded and the `pulumi-zoom` bin is run from there, so a file the tarball lacks, an
 * export pointing nowhere, or a dependency used but not declared fails here instead of on a user's machine.
 *
 * No network: the dependencies are links to this repository's installed copies (their own dependencies resolve
 * there, as npm would install them); only the packed files and the declared dependency list are under test.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { EmulatorInfo } from "../../emulator";
import { PluginHost } from "../../harness/plugin";
import { ensureBuilt, repoRoot } from "../support/build";
import { RawZoom } from "../support/zoomHttp";

interface Manifest {
  name: string;
  scripts?: Record<string, string>;
  version: string;
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

let project: string;
let installed: string;
let manifest: Manifest;
let packed: string[];

/** `npm pack` into `dir`; the packed file list and the tarball's path. */
function pack(dir: string): { tarball: string; files: string[] } {
  // --ignore-scripts: `npm test` has just built dist/ (ensureBuilt covers a bare jest run); no packing script may
  // rebuild it under the other test files' feet.
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [result] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(dir, result.filename), files: result.files.map((f) => f.path) };
}

/** Links `node_modules/<name>` in the project to this repository's installed copy. */
function linkDependency(name: string): void {
  const target = path.join(repoRoot, "node_modules", name);
  if (!fs.existsSync(target)) throw new Error(`dependency ${name} is not installed in the repository`);
  const link = path.join(project, "node_modules", name);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(target, link, "dir");
}

beforeAll(() => {
  ensureBuilt();
  project = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-zoom-user-"));
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "user-project", private: true }));
  const { tarball, files } = pack(project);
  packed = files;
  installed = path.join(project, "node_modules", "pulumi-zoom");
  fs.mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
  manifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")) as Manifest;
  for (const name of [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]) {
    linkDependency(name);
  }
});

afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

/** Runs node in the user's project; stdout, stderr and the exit code. */
function nodeInProject(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, { cwd: project, encoding: "utf8", env: { ...process.env, NODE_PATH: "" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const bin = (): string => path.join(installed, manifest.bin["pulumi-zoom"]);

test("the tarball holds what the manifest points at, and no test data", () => {
  for (const file of [manifest.main, manifest.types, ...Object.values(manifest.bin), ...Object.values(manifest.exports)]) {
    expect({ file, packed: packed.includes(path.normalize(file)) }).toEqual({ file, packed: true });
  }
  // Zoom's OpenAPI documents are test data and never ship; neither do the tests' sources.
  expect(packed.filter((file) => /zoom-openapi|zoom-meetings-api|\.test\.(ts|js)$/.test(file))).toEqual([]);
});

test("installing the package runs no script: none that npm runs at install time, which npm 11 lists to the user", () => {
  const atInstall = ["preinstall", "install", "postinstall", "prepare"];
  expect(Object.keys(manifest.scripts ?? {}).filter((name) => atInstall.includes(name))).toEqual([]);
});

test("every export loads from the installed package", () => {
  const specifiers = Object.keys(manifest.exports).map((key) => `pulumi-zoom${key.slice(1)}`);
  const script = `for (const s of ${JSON.stringify(specifiers)}) { const m = require(s); console.log(s, Object.keys(m).length); }`;
  const run = nodeInProject(["-e", script]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const loaded = new Map(run.stdout.trim().split("\n").map((line) => line.split(" ") as [string, string]));
  expect([...loaded.keys()]).toEqual(specifiers);
  for (const [specifier, count] of loaded) expect({ specifier, exports: Number(count) > 0 }).toEqual({ specifier, exports: true });
});

test("the exports are what the docs say: resources and ZoomStack, the emulator, the schemas", () => {
  const script = [
    'const zoom = require("pulumi-zoom");',
    'const { startEmulator, EmulatorControl } = require("pulumi-zoom/emulator");',
    'const schema = require("pulumi-zoom/schema");',
    'const json = require("pulumi-zoom/schema/zoom.schema.json");',
    "console.log(JSON.stringify({",
    "  resources: ['Meeting', 'TrackingField', 'SipTrunk', 'InternalNumber', 'TspAccount', 'H323Device', 'MeetingTemplate', 'ZoomStack'].every((k) => typeof zoom[k] === 'function'),",
    "  emulator: typeof startEmulator === 'function' && typeof EmulatorControl === 'function',",
    "  schema: schema.trackingFieldSchema.safeParse({ field: 'Cost center' }).success && !schema.meetingSchema.safeParse({ topic: '' }).success,",
    "  json: json.$schema,",
    "}));",
  ].join("\n");
  const run = nodeInProject(["-e", script]);
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual({
    resources: true,
    emulator: true,
    schema: true,
    json: "http://json-schema.org/draft-07/schema#",
  });
});

test("the bin prints its help and validates a zoom.yaml", () => {
  const help = nodeInProject([bin(), "--help"]);
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/Usage: pulumi-zoom .*\n[\s\S]*emulator[\s\S]*validate[\s\S]*drift[\s\S]*import/);
  const file = path.join(project, "zoom.yaml");
  fs.copyFileSync(path.join(repoRoot, "examples", "yaml", "tracking-fields", "zoom.yaml"), file);
  const valid = nodeInProject([bin(), "validate", file]);
  expect({ status: valid.status, stderr: valid.stderr }).toEqual({ status: 0, stderr: "" });
  fs.writeFileSync(file, "trackingFields:\n  cost:\n    field: 7\n");
  const invalid = nodeInProject([bin(), "validate", file]);
  expect(invalid.status).toBe(1);
  expect(`${invalid.stdout}${invalid.stderr}`).toMatch(/trackingFields\.cost/);
});

test("the bin runs the emulator, which serves the API until interrupted", async () => {
  const child = spawn(process.execPath, [bin(), "emulator", "--plan", "unlimited"], { cwd: project, stdio: "pipe" });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      let err = "";
      child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
      });
      child.on("exit", (code) => reject(new Error(`the emulator exited (${code}) before printing: ${err}`)));
    });
    const zoom = new RawZoom(JSON.parse(line) as EmulatorInfo);
    expect((await zoom.call("GET", "/tracking_fields")).json).toEqual({ total_records: 0, tracking_fields: [] });
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
});

test("the plugin folder runs the provider plugin from the installed package, as Pulumi runs it", async () => {
  expect(manifest.bin["pulumi-resource-zoom"]).toBe("dist/provider/plugin/main.js");
  const plugin = await PluginHost.start({ plugin: path.join(installed, "plugin"), cwd: project });
  try {
    expect(await plugin.getPluginInfo()).toBe(manifest.version);
    expect(await plugin.getSchema()).toBe(fs.readFileSync(path.join(installed, "schema", "pulumi-schema.json"), "utf8"));
  } finally {
    await plugin.close();
  }
});
