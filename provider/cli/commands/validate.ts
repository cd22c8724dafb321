/**
 * `pulumi-zoom validate <file...>`: checks `zoom.yaml` files without Pulumi, with the same schemas and checks
 * as `ZoomStack`. Prints every problem, one per line (`zoom.yaml:14:7 meetings.standup.settings.waitingRoom:
 * expected boolean, got string`), or `zoom.yaml: valid (3 objects)`.
 *
 * Exit codes, for pre-commit hooks and CI: 0 every file is valid, 1 a file is invalid, 2 usage error (no file
 * given, an unknown option, a file that cannot be read).
 */
import * as fs from "fs";
import type { Command } from "commander";

export const EXIT_VALID = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export interface ValidationReport {
  readonly exitCode: typeof EXIT_VALID | typeof EXIT_INVALID | typeof EXIT_USAGE;
  /** Results: problems and "valid" lines (stdout). */
  readonly output: readonly string[];
  /** Files that could not be read (stderr). */
  readonly errors: readonly string[];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Validates each file; the exit code is the worst outcome. The YAML loader (schemas, JSON Schema, lookups) loads
 * here, when the command runs: the CLI's other commands and `--help` start without it.
 */
export async function validateFiles(files: readonly string[]): Promise<ValidationReport> {
  const [{ loadStackText }, { formatProblem }] = await Promise.all([import("../../yaml/loader"), import("../../yaml/model")]);
  const output: string[] = [];
  const errors: string[] = [];
  let exitCode: ValidationReport["exitCode"] = EXIT_VALID;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      errors.push(`pulumi-zoom validate: cannot read ${file}: ${reason}`);
      exitCode = EXIT_USAGE;
      continue;
    }
    const result = loadStackText(text, file);
    if (result.ok) {
      output.push(`${file}: valid (${plural(result.model.objects.length, "object")})`);
    } else {
      output.push(...result.problems.map(formatProblem));
      if (exitCode === EXIT_VALID) exitCode = EXIT_INVALID;
    }
  }
  return { exitCode, output, errors };
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("Check zoom.yaml files (schemas, references, recommended values) without Pulumi; exit 0 valid, 1 invalid, 2 usage error.")
    .argument("<file...>", "zoom.yaml files to check")
    // Commander exits 1 on usage errors; 1 means "invalid file" here, so usage errors exit 2 (after commander
    // has printed what was wrong). Help still exits 0.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : EXIT_USAGE))
    .action(async (files: string[]) => {
      const report = await validateFiles(files);
      for (const line of report.output) process.stdout.write(`${line}\n`);
      for (const line of report.errors) process.stderr.write(`${line}\n`);
      process.exitCode = report.exitCode;
    });
}
