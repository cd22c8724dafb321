/**
 * `pulumi-zoom drift [state.json|-]`: compares a stack's Zoom resources with Zoom. Reads `pulumi stack export`
 * output (a file, or stdin with `-` or no argument), reads every object through the provider's own code, and
 * prints a table (terminal), `--json` or `--markdown`. Exit 0 in sync, 2 drift found, 1 error.
 *
 *   pulumi stack export | pulumi-zoom drift --markdown >> "$GITHUB_STEP_SUMMARY"
 */
import type { Command } from "commander";
import { parseIgnorePattern } from "../../drift/ignore";
import { renderMarkdown } from "../../drift/render/markdown";
import { renderTable } from "../../drift/render/table";
import { EXIT_ERROR, exitCodeOf, toJson } from "../../drift/report";
import { readStackExport } from "../../drift/stackExport";
import { processIO, wantsColor, type CliIO } from "../io";
import { progressWanted, ScanProgressDisplay } from "../progress";
import { repeatable, withConnectionOptions, withZoom } from "../zoomCommand";

export interface DriftCommandOptions {
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly ignore: string[];
  readonly apiUrl?: string;
  readonly oauthUrl?: string;
  readonly plan?: string;
  readonly stackConfig?: string;
}

/** The whole command; returns the exit code. */
export async function runDrift(state: string | undefined, options: DriftCommandOptions, io: CliIO): Promise<number> {
  const progress = new ScanProgressDisplay(io.stderr, { enabled: progressWanted(io.stderr, options) });
  try {
    if (options.json && options.markdown) throw new Error("--json and --markdown cannot be combined");
    // The export is read while the provider's schemas load (they load when the command runs, as its client
    // does in withZoom): reading a large export is mostly waiting on the disk.
    const fromStdin = state === undefined || state === "-";
    const reading = fromStdin ? io.readStdin() : io.readFile(state);
    reading.catch(() => undefined); // Awaited below; a failure is reported there, after the loading.
    const { detectDrift, knownKinds } = await import("../../drift/detect");
    const ignore = options.ignore.map((text) => parseIgnorePattern(text, knownKinds()));
    const text = await reading;
    // Not `text.trim()`: that copies the whole export (tens of MB at 5,000 resources) to look at its ends.
    if (!/\S/.test(text)) throw new Error(`no stack state on ${fromStdin ? "stdin" : state}: pipe \`pulumi stack export\` in, or give its file`);
    const stack = readStackExport(text);
    const report = await withZoom(options, io, async () => {
      const found = await detectDrift(stack, { ignore, onProgress: (p) =>
          progress.update({ done: p.read, total: p.reads, totalKnown: true, listed: p.listed, lists: p.lists, ...(p.kind === undefined ? {} : { kind: p.kind }) }),
      });
      progress.done();
      return found;
    });
    if (options.json) io.stdout.write(toJson(report));
    else if (options.markdown) io.stdout.write(renderMarkdown(report));
    else io.stdout.write(renderTable(report, { color: wantsColor(io.stdout, io.env) }));
    return exitCodeOf(report);
  } catch (error) {
    progress.done();
    io.stderr.write(`pulumi-zoom drift: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_ERROR;
  }
}

export function registerDrift(program: Command, io: CliIO = processIO()): void {
  const command = program
    .command("drift")
    .description(
      "Compare a stack's Zoom objects with Zoom: drifted properties, objects deleted out of band, and unmanaged objects of the stack's accounts and users. Exit 0 in sync, 2 drift found, 1 error.",
    )
    .argument("[state]", "output of `pulumi stack export` (a file, or - for stdin)", "-")
    .option("--json", "print the report as JSON (documented in provider/drift/report.ts)")
    .option("--markdown", "print the report as Markdown (pull-request comment, CI step summary)")
    .option("--ignore <kind:glob>", "do not report unmanaged objects matching this pattern, by id or name (repeatable)", repeatable, []);
  withConnectionOptions(command).action(async (state: string, options: DriftCommandOptions) => {
    io.setExitCode(await runDrift(state, options, io));
  });
}
