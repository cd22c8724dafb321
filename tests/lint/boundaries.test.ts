/**
 * The layer boundaries in eslint.config.mjs report what they should and nothing else: each case lints a one-line
 * module at a path inside the repository (the file need not exist) with the project's own config. ESLint runs in a
 * child process, as `npm run lint` runs it: it loads its config with a dynamic import, which jest's module system
 * does not offer.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

interface Case {
  /** Where the importing module lives, from the repository root. */
  readonly file: string;
  readonly source: string;
  readonly reported: boolean;
}

const LINT_CASES = `
const { ESLint } = require("eslint");
const path = require("node:path");
const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const out = [];
  for (const c of cases) {
    const [result] = await eslint.lintText(c.code, { filePath: path.join(process.cwd(), c.file) });
    out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports").length);
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** How many boundary reports each case gets. */
function boundaryReports(cases: readonly Case[]): number[] {
  const input = cases.map((c) => ({ file: c.file, code: `import type { X } from ${JSON.stringify(c.source)};\nexport type Y = X;\n` }));
  const output = execFileSync(process.execPath, ["-e", LINT_CASES], { cwd: ROOT, input: JSON.stringify(input), encoding: "utf8" });
  return JSON.parse(output) as number[];
}

const CASES: Case[] = [
  // provider/, schema/ and catalogue/: never tests, bench, examples, harness or the emulator.
  { file: "provider/framework/sample.ts", source: "../../tests/support/emulator", reported: true },
  { file: "provider/resources/sample.ts", source: "../../emulator", reported: true },
  { file: "provider/sample.ts", source: "../harness", reported: true },
  { file: "provider/client/sample.ts", source: "pulumi-zoom/emulator", reported: true },
  { file: "schema/sample.ts", source: "../examples/org", reported: true },
  { file: "catalogue/sample.ts", source: "../bench/run", reported: true },
  { file: "provider/framework/sample.ts", source: "../../catalogue/operations", reported: false },
  // schema/ is below the provider: it never imports it (its generator script, a tool, does).
  { file: "schema/sample.ts", source: "../provider/framework/time", reported: true },
  { file: "schema/sample.ts", source: "../provider/resources/meetingRecurrence", reported: true },
  { file: "schema/sample.ts", source: "../catalogue/operations", reported: false },
  { file: "schema/sample.ts", source: "./time", reported: false },
  { file: "schema/generate.ts", source: "../provider/docs", reported: false },
  { file: "schema/generate.ts", source: "../tests/support/emulator", reported: true },
  { file: "provider/framework/sample.ts", source: "../../schema/meeting", reported: false },
  { file: "provider/cli/commands/sample.ts", source: "./emulator", reported: false },
  // The one exception: the `pulumi-zoom emulator` command starts the emulator through its entry point.
  { file: "provider/cli/commands/emulator.ts", source: "../../../emulator", reported: false },
  { file: "provider/cli/commands/emulator.ts", source: "../../../emulator/core/server", reported: true },
  { file: "provider/cli/commands/emulator.ts", source: "../../../tests/support/emulator", reported: true },
  { file: "provider/cli/commands/index.ts", source: "../../../emulator", reported: true },
  // emulator/: catalogue/, itself, node: and zod only.
  { file: "emulator/core/sample.ts", source: "../../provider/client", reported: true },
  { file: "emulator/routes/meetings/sample.ts", source: "../../../provider/framework/time", reported: true },
  { file: "emulator/sample.ts", source: "../schema/meeting", reported: true },
  { file: "emulator/core/sample.ts", source: "pulumi-zoom", reported: true },
  { file: "emulator/core/sample.ts", source: "yaml", reported: true },
  { file: "emulator/core/sample.ts", source: "../../catalogue/operations", reported: false },
  { file: "emulator/routes/meetings/sample.ts", source: "../../types", reported: false },
  { file: "emulator/core/sample.ts", source: "node:http", reported: false },
  { file: "emulator/core/sample.ts", source: "zod", reported: false },
  // bench/ and examples/: never tests/; fixtures/: never tests/, bench/ or examples/.
  { file: "bench/sample.ts", source: "../tests/support/emulator", reported: true },
  { file: "examples/org/sample.ts", source: "../../tests/support/emulator", reported: true },
  { file: "bench/chaos.ts", source: "../tests/support/emulator", reported: true },
  { file: "bench/chaos.ts", source: "../tests/reliability/chaos", reported: true },
  { file: "bench/chaos.ts", source: "./chaos/run", reported: false },
  { file: "bench/chaos/run.ts", source: "../../fixtures/kinds", reported: false },
  { file: "fixtures/kinds/sample.ts", source: "../../tests/support/emulator", reported: true },
  { file: "fixtures/kinds/sample.ts", source: "../../bench/chaos/run", reported: true },
  { file: "fixtures/kinds/sample.ts", source: "../../provider", reported: false },
  { file: "bench/sample.ts", source: "../emulator", reported: false },
  { file: "examples/org/sample.ts", source: "../../harness", reported: false },
];

test("each boundary reports an import across it, and only those", () => {
  const reports = boundaryReports(CASES);
  const wrong = CASES.filter((c, i) => (reports[i] > 0) !== c.reported).map(
    (c) => `${c.file}: import "${c.source}" ${c.reported ? "should be" : "should not be"} reported`,
  );
  expect(wrong).toEqual([]);
});
