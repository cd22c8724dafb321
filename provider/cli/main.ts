#!/usr/bin/env node
/**
 * `pulumi-zoom`: the command line. Each subcommand lives in its own file under `commands/` and is listed in
 * `commands/index.ts`.
 */
import { Command } from "commander";
import { COMMANDS } from "./commands";
import { registerDrift } from "./commands/drift";
import { registerImport } from "./commands/import";

export function buildProgram(): Command {
  const program = new Command("pulumi-zoom")
    .description("Zoom accounts as Pulumi resources: tools around the provider.")
    .showHelpAfterError();
  for (const register of COMMANDS) register(program);
  registerDrift(program);
  registerImport(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
