/**
 * The GitHub Actions workflows in examples/ci are text nobody runs here: this parses them and checks what they
 * must do (triggers, commands, exit-code handling, where credentials come from), so a broken edit is caught.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { buildProgram } from "../../provider/cli/main";

const ciDir = path.resolve(__dirname, "../../examples/ci");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}

interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, { "runs-on": string; steps: Step[] }>;
}

function load(file: string): Workflow {
  const document = parseDocument(fs.readFileSync(path.join(ciDir, file), "utf8"));
  expect(document.errors.map((e) => e.message)).toEqual([]);
  return document.toJS() as Workflow;
}

const steps = (workflow: Workflow): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps);
const scripts = (workflow: Workflow): string => steps(workflow).map((s) => s.run ?? "").join("\n");

/** The workflows for a user's stack; live.yml is pulumi-zoom's own acceptance run (tested at the end). */
const WORKFLOWS = ["preview.yml", "up.yml", "drift.yml"];

test("examples/ci holds exactly the documented workflows", () => {
  expect(fs.readdirSync(ciDir).filter((f) => f.endsWith(".yml")).sort()).toEqual([...WORKFLOWS, "live.yml"].sort());
  const readme = fs.readFileSync(path.join(ciDir, "README.md"), "utf8");
  for (const file of [...WORKFLOWS, "live.yml"]) expect(readme).toContain(`(${file})`);
});

describe.each(WORKFLOWS)("%s", (file) => {
  const workflow = load(file);

  test("credentials come from repository secrets, as the ZOOM_* environment pulumi-zoom reads", () => {
    for (const key of ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE"]) {
      expect(workflow.env?.[key]).toBe(`\${{ secrets.${key} }}`);
    }
    // Nothing else in the file spells a credential out.
    expect(fs.readFileSync(path.join(ciDir, file), "utf8")).not.toMatch(/zoom:client(Id|Secret)|config set/);
  });

  test("installs the project and the Pulumi CLI before running it", () => {
    const all = steps(workflow);
    const npmCi = all.findIndex((s) => s.run === "npm ci");
    const cli = all.findIndex((s) => s.uses?.startsWith("pulumi/actions@") === true);
    const firstPulumi = all.findIndex((s) => /\bpulumi (preview|up|refresh|stack)\b/.test(s.run ?? ""));
    expect(all.some((s) => s.uses?.startsWith("actions/checkout@") === true)).toBe(true);
    expect(npmCi).toBeGreaterThanOrEqual(0);
    expect(cli).toBeGreaterThan(npmCi);
    expect(firstPulumi).toBeGreaterThan(cli);
    // A step's `with` must not pass a command to pulumi/actions: the commands are the run steps checked below.
    expect(all[cli]?.with?.command).toBeUndefined();
  });

  test("every run script is valid bash", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-yaml-"));
    try {
      steps(workflow).forEach((step, i) => {
        if (!step.run) return;
        const script = path.join(dir, `${i}.sh`);
        fs.writeFileSync(script, step.run);
        execFileSync("bash", ["-n", script]);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("preview.yml: on pull requests, pulumi preview --diff, the plan commented on the pull request", () => {
  const workflow = load("preview.yml");
  expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
  expect(workflow.permissions?.["pull-requests"]).toBe("write");
  const run = scripts(workflow);
  expect(run).toMatch(/pulumi preview --diff --stack "\$PULUMI_STACK" --non-interactive/);
  expect(run).toMatch(/gh pr comment "\$PR" --body-file comment\.md/);
  // The comment is posted even when the preview fails: that is when reviewers most need it.
  expect(steps(workflow).find((s) => s.run?.includes("gh pr comment"))?.if).toMatch(/always\(\)/);
});

test("up.yml: on pushes to main, pulumi up --yes, never cancelled half-way", () => {
  const workflow = load("up.yml") as Workflow & { concurrency?: { "cancel-in-progress"?: boolean } };
  expect(workflow.on.push).toEqual({ branches: ["main"] });
  expect(workflow.concurrency?.["cancel-in-progress"]).toBe(false);
  expect(scripts(workflow)).toMatch(/pulumi up --yes .*--stack "\$PULUMI_STACK" --non-interactive/);
});

test("drift.yml: scheduled; refresh --preview-only --expect-no-changes (exit 7) and pulumi-zoom drift (exit 2) fail the run", () => {
  const workflow = load("drift.yml");
  const schedule = workflow.on.schedule as { cron: string }[];
  expect(schedule).toHaveLength(1);
  expect(schedule[0]?.cron.split(" ")).toHaveLength(5);
  const run = scripts(workflow);
  expect(run).toMatch(/pulumi refresh --preview-only --expect-no-changes/);
  expect(run).toContain('pulumi stack export --stack "$PULUMI_STACK" | npx pulumi-zoom drift --markdown >> "$GITHUB_STEP_SUMMARY"');
  // The pipeline's status is the drift command's, not the redirection's.
  expect(run).toContain("code=${PIPESTATUS[1]}");
  const gate = steps(workflow).find((s) => s.name === "Fail on drift");
  expect(gate?.if).toBe("steps.refresh.outputs.exit-code == '7' || steps.zoom.outputs.exit-code == '2'");
  const cli = steps(workflow).find((s) => s.uses?.startsWith("pulumi/actions@") === true);
  expect(cli?.with?.["pulumi-version"]).toBe("^3.227.0");
});

test("the drift command the workflow calls exists, with the flag it passes", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require("../../package.json") as { bin: Record<string, string> };
  expect(Object.keys(pkg.bin)).toContain("pulumi-zoom");
  const drift = buildProgram().commands.find((c) => c.name() === "drift");
  expect(drift?.options.map((o) => o.long)).toContain("--markdown");
});

test("live.yml: scheduled, one run at a time, npm run test:live with the ZOOM_* secrets, leftovers swept even after a failure", () => {
  const workflow = load("live.yml") as Workflow & { concurrency?: { "cancel-in-progress"?: boolean } };
  const schedule = workflow.on.schedule as { cron: string }[];
  expect(schedule).toHaveLength(1);
  expect(schedule[0]?.cron.split(" ")).toHaveLength(5);
  expect(workflow.concurrency?.["cancel-in-progress"]).toBe(false);
  expect(workflow.env?.ZOOM_LIVE_TESTS).toBe("1");
  for (const key of ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"]) expect(workflow.env?.[key]).toBe(`\${{ secrets.${key} }}`);
  const all = steps(workflow);
  const npmCi = all.findIndex((s) => s.run === "npm ci");
  const live = all.findIndex((s) => s.run === "npm run test:live");
  const sweep = all.findIndex((s) => s.run === "npm run test:live -- --cleanup");
  expect(npmCi).toBeGreaterThanOrEqual(0);
  expect(live).toBeGreaterThan(npmCi);
  expect(sweep).toBeGreaterThan(live);
  expect(all[sweep]?.if).toBe("always()");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require("../../package.json") as { scripts: Record<string, string> };
  expect(pkg.scripts["test:live"]).toMatch(/node scripts\/test-live\.js$/);
});
