/**
 * The provider serialized into each resource's state is a small stub that loads the installed package:
 * measured here with Pulumi's own closure serializer, in a child process (jest's module registry interferes
 * with closure serialization, pulumi#3738) on the compiled package (`npm test` builds first).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "../..");

function serializedStub(kind: string): string {
  const script = `
    const sc = require("@pulumi/pulumi/runtime/closure/serializeClosure");
    const { providerStub } = require("./dist/provider/framework/stub");
    const provider = providerStub(${JSON.stringify(kind)});
    sc.serializeFunction(() => provider, { allowSecrets: true }).then((sf) => process.stdout.write(sf.text));`;
  return execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
}

/**
 * 2.5 KB: the resolution below (the project's own node_modules only, with an error naming the kind and the fix)
 * costs about 400 bytes over a bare `require("pulumi-zoom")` (2,039 bytes for MeetingTemplate).
 */
const MAX_STUB_BYTES = 2560;

test.each(["Meeting", "MeetingTemplate", "InternalNumber"])("the %s stub is at most 2.5 KB and captures only its kind", (kind) => {
  const text = serializedStub(kind);
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_STUB_BYTES);
  expect(text).toContain(`k: ${JSON.stringify(kind)}`);
  expect(text).toContain(".dynamicProvider(k, 1)");
  expect(text).toContain('"/node_modules/pulumi-zoom"');
  // Nothing else is captured: no settings, client, token or secret.
  expect(text).not.toMatch(/secret|token|apiUrl|clientId/i);
});

describe("which pulumi-zoom the stub loads", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-zoom-stub-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A fake package that says where it was loaded from. */
  function fakePackage(dir: string, label: string): void {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "pulumi-zoom", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), `exports.dynamicProvider = (k) => ({ check: async () => ({ inputs: { loadedFrom: ${JSON.stringify(label)}, kind: k } }) });`);
  }

  /** Runs the compiled stub's `check` in a process whose working directory is `cwd`. */
  function checkFrom(cwd: string, env: Record<string, string> = {}): string {
    const stub = path.join(root, "dist/provider/framework/stub");
    const script = `const s = require(${JSON.stringify(stub)}).providerStub("Meeting"); Promise.resolve().then(() => s.check({}, {})).then((r) => process.stdout.write(JSON.stringify(r.inputs)), (e) => process.stdout.write("ERROR " + e.message));`;
    return execFileSync(process.execPath, ["-e", script], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  }

  test("the project's own node_modules/pulumi-zoom", () => {
    const project = path.join(tmp, "own");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), "{}");
    fakePackage(path.join(project, "node_modules/pulumi-zoom"), "own");
    expect(JSON.parse(checkFrom(project))).toEqual({ loadedFrom: "own", kind: "Meeting" });
  });

  test("never a copy in a parent folder or on NODE_PATH: an error naming the kind and the fix", () => {
    const parent = path.join(tmp, "parent");
    fakePackage(path.join(parent, "node_modules/pulumi-zoom"), "parent");
    fakePackage(path.join(tmp, "global/pulumi-zoom"), "NODE_PATH");
    const project = path.join(parent, "project");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), "{}");
    const out = checkFrom(project, { NODE_PATH: path.join(tmp, "global") });
    expect(out).toMatch(/^ERROR zoom:Meeting: .*project[/\\]node_modules\/pulumi-zoom is missing: run `npm install pulumi-zoom` in the Pulumi project$/);
  });

  test("a program in a subfolder of its package (no package.json of its own) uses the package's node_modules", () => {
    const pkg = path.join(tmp, "pkg");
    fs.mkdirSync(path.join(pkg, "programs/dev"), { recursive: true });
    fs.writeFileSync(path.join(pkg, "package.json"), "{}");
    fakePackage(path.join(pkg, "node_modules/pulumi-zoom"), "package");
    expect(JSON.parse(checkFrom(path.join(pkg, "programs/dev")))).toEqual({ loadedFrom: "package", kind: "Meeting" });
  });
});
