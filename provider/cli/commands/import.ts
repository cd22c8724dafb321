/**
 * `pulumi-zoom import`: scans the account and writes a Pulumi program that adopts every object found, each with
 * its live values and `adoptId: "<id>"`, so the first `pulumi up` adopts them and plans no other change.
 *
 *   pulumi-zoom import --out index.ts
 *   pulumi-zoom import --kinds meetings,trackingFields --users ada@example.com,me --account <subAccountId>
 *   pulumi-zoom import --format yaml --out zoom.yaml      (also writes zoom.imports.json, ZoomStack's `imports`: adoptIds)
 */
import { basename, dirname, join } from "node:path";
import { Option, type Command } from "commander";
import type { SecretMode } from "../../importer/declaration";
import { processIO, type CliIO } from "../io";
import { progressWanted, ScanProgressDisplay } from "../progress";
import { repeatable, withConnectionOptions, withZoom } from "../zoomCommand";

export interface ImportCommandOptions {
  readonly kinds?: string;
  readonly users?: string;
  readonly account: string[];
  readonly format: "ts" | "yaml";
  readonly out?: string;
  readonly secrets: SecretMode;
  readonly package: string;
  readonly apiUrl?: string;
  readonly oauthUrl?: string;
  readonly plan?: string;
  readonly stackConfig?: string;
}

/** `zoom.yaml` → `zoom.imports.json`, beside it. */
export function importsPathFor(yamlPath: string): string {
  return join(dirname(yamlPath), `${basename(yamlPath).replace(/\.ya?ml$/i, "")}.imports.json`);
}

function list(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(",").map((item) => item.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function countByKind(kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts.entries()].map(([kind, count]) => `${count} ${kind}`).join(", ");
}

/** The whole command; returns the exit code (0 written, 1 error or incomplete scan). */
export async function runImport(options: ImportCommandOptions, io: CliIO): Promise<number> {
  // No --json here: the program goes to a file or stdout, the progress line only to a terminal's stderr.
  const progress = new ScanProgressDisplay(io.stderr, { enabled: progressWanted(io.stderr, {}) });
  try {
    if (options.format === "yaml" && options.out === undefined) {
      throw new Error("--format yaml writes two files, the zoom.yaml and the ids to adopt beside it: give --out <file>.yaml");
    }
    // The provider's schemas and the renderers load when the command runs, as its client does (withZoom).
    const { scanAccount } = await import("../../importer/scan");
    const kinds = list(options.kinds);
    const users = list(options.users);
    const result = await withZoom(options, io, async () => {
      const scan = await scanAccount({
        ...(kinds ? { kinds } : {}),
        ...(users ? { users } : {}),
        accounts: options.account,
        secrets: options.secrets,
        onProgress: (p) =>
          progress.update({ done: p.read, total: p.found, totalKnown: p.listed >= p.lists, listed: p.listed, lists: p.lists, ...(p.kind === undefined ? {} : { kind: p.kind }) }),
      });
      progress.done();
      return scan;
    });
    if (result.problems.length > 0) {
      for (const problem of result.problems) {
        io.stderr.write(`pulumi-zoom import: could not scan ${problem.kind}${problem.scope ? ` in ${problem.scope}` : ""}${problem.id ? ` ${problem.id}` : ""}: ${problem.message}\n`);
      }
      // A program missing what could not be read would look complete: write nothing.
      io.stderr.write(
        `pulumi-zoom import: the scan is incomplete, nothing written${options.out !== undefined ? ` to ${options.out}` : ""} (leave out what cannot be read with --kinds, --users or --account)\n`,
      );
      return 1;
    }
    const scanned = [
      kinds ? `kinds ${kinds.join(", ")}` : "all kinds",
      options.account.length > 0 ? `accounts ${options.account.join(", ")}` : undefined,
      `users ${(users ?? ["me"]).join(", ")}`,
    ].filter(Boolean).join("; ");
    if (options.format === "yaml" && options.out !== undefined) {
      const importsPath = importsPathFor(options.out);
      const { renderYaml } = await import("../../importer/yaml");
      const { yaml, imports } = renderYaml(result.objects, { file: basename(options.out), importsFile: basename(importsPath), scanned, problems: result.problems });
      await io.writeFile(options.out, yaml);
      await io.writeFile(importsPath, `${JSON.stringify(imports, null, 2)}\n`);
    } else {
      const { renderTypeScript } = await import("../../importer/typescript");
      const program = renderTypeScript(result.objects, { packageName: options.package, scanned, problems: result.problems });
      if (options.out !== undefined) await io.writeFile(options.out, program);
      else io.stdout.write(program);
    }
    const adopted = result.objects.map((o) => o.definition.kind);
    io.stderr.write(
      `pulumi-zoom import: ${result.objects.length} object${result.objects.length === 1 ? "" : "s"}${adopted.length > 0 ? ` (${countByKind(adopted)})` : ""}${options.out !== undefined ? ` written to ${options.out}` : ""}\n`,
    );
    return 0;
  } catch (error) {
    progress.done();
    io.stderr.write(`pulumi-zoom import: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

export function registerImport(program: Command, io: CliIO = processIO()): void {
  const command = program
    .command("import")
    .description(
      "Scan the Zoom account and write a Pulumi program that adopts every object found (live values, `adoptId`s): its first `pulumi up` adopts them, writing nothing to Zoom, and plans no other change.",
    )
    .option("--kinds <kinds>", "comma-separated kinds to scan, e.g. meetings,trackingFields,H323Device (default: all)")
    .option("--users <users>", "comma-separated users (ids or emails) whose meetings, TSP accounts and templates are scanned", "me")
    .option("--account <id>", "a sub-account (or me, the master account) to scan instead of the credentials' own account (repeatable)", repeatable, [])
    .addOption(new Option("--format <format>", "ts: a Pulumi TypeScript program; yaml: a zoom.yaml plus <name>.imports.json for ZoomStack").choices(["ts", "yaml"]).default("ts"))
    .option("--out <file>", "write the program to this file instead of stdout")
    .addOption(
      new Option("--secrets <mode>", "omit: leave optional secrets (passcodes) undeclared; config: read every secret from stack config")
        .choices(["omit", "config"])
        .default("omit"),
    )
    .option("--package <name>", "the module the program imports the resources from", "pulumi-zoom");
  withConnectionOptions(command).action(async (options: ImportCommandOptions) => {
    io.setExitCode(await runImport(options, io));
  });
}
