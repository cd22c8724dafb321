/**
 * `pulumi-zoom validate`: output and exit codes, through the command's function and through the real process
 * (`dist/provider/cli/main.js`, built by `npm test` before jest runs).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT_INVALID, EXIT_USAGE, EXIT_VALID, validateFiles } from "../../provider/cli/commands/validate";

const root = path.resolve(__dirname, "../..");
let dir: string;
let valid: string;
let invalid: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zoom-validate-"));
  valid = path.join(dir, "valid.yaml");
  invalid = path.join(dir, "invalid.yaml");
  fs.writeFileSync(valid, "trackingFields:\n  cost:\n    field: Cost center\nmeetings:\n  standup:\n    topic: Standup\n");
  fs.writeFileSync(invalid, "meetings:\n  standup:\n    topic: 3\n    settings:\n      waitingRom: true\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("validateFiles", () => {
  test("a valid file: one line with the object count, exit 0", async () => {
    expect(await validateFiles([valid])).toEqual({ exitCode: EXIT_VALID, output: [`${valid}: valid (2 objects)`], errors: [] });
  });

  test("an invalid file: every problem, one per line, exit 1", async () => {
    expect(await validateFiles([invalid])).toEqual({
      exitCode: EXIT_INVALID,
      output: [
        `${invalid}:3:5 meetings.standup.topic: expected string, got number`,
        `${invalid}:5:7 meetings.standup.settings.waitingRom: unknown property; did you mean "waitingRoom"?`,
      ],
      errors: [],
    });
  });

  test("a file that cannot be read is a usage error (exit 2), and the other files are still checked", async () => {
    const missing = path.join(dir, "missing.yaml");
    const report = await validateFiles([valid, missing, invalid]);
    expect(report.exitCode).toBe(EXIT_USAGE);
    expect(report.errors).toEqual([`pulumi-zoom validate: cannot read ${missing}: no such file`]);
    expect(report.output).toHaveLength(3);
  });
});

describe("the real process", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, "dist/provider/cli/main.js"), "validate", ...args], { cwd: dir, encoding: "utf8" });

  test("exit 0 and the valid line for a valid file, with the path as given", () => {
    const result = run("valid.yaml");
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 0, stdout: "valid.yaml: valid (2 objects)\n" });
  });

  test("exit 1 and file:line:col path: reason lines for an invalid file", () => {
    const result = run("valid.yaml", "invalid.yaml");
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      "valid.yaml: valid (2 objects)",
      "invalid.yaml:3:5 meetings.standup.topic: expected string, got number",
      'invalid.yaml:5:7 meetings.standup.settings.waitingRom: unknown property; did you mean "waitingRoom"?',
      "",
    ]);
  });

  test("exit 2 on usage errors: no file, an unknown option", () => {
    const none = run();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("missing required argument 'file'");
    expect(run("--strict", "valid.yaml").status).toBe(2);
  });

  test("every example in examples/yaml passes", () => {
    const examples = fs.readdirSync(path.join(root, "examples/yaml")).map((family) => path.join(root, "examples/yaml", family, "zoom.yaml"));
    const result = run(...examples);
    expect(result.stdout).not.toMatch(/:\d+:\d+ /);
    expect(result.status).toBe(0);
  });
});
