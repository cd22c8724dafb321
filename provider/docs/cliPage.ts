/**
 * docs/cli.md: the `pulumi-zoom` commands, read from the commander program itself (names, descriptions,
 * arguments, options with defaults and choices), so the page lists exactly what `--help` shows.
 */
import type { Command } from "commander";
import { buildProgram } from "../cli/main";
import { code, fenced, GENERATED_NOTE, page, table } from "./markdown";

function usageOf(command: Command, parents: string): string {
  return `${parents} ${command.name()} ${command.usage()}`.trim();
}

function commandSection(command: Command, parents: string): string {
  const blocks: string[] = [`## ${code(`${parents} ${command.name()}`)}`, command.description(), fenced("sh", usageOf(command, parents))];
  const args = command.registeredArguments;
  if (args.length > 0) {
    blocks.push(
      table(
        ["Argument", "Description"],
        args.map((arg) => [code(`${arg.name()}${arg.variadic ? "..." : ""}`) + (arg.required ? " (required)" : ""), arg.description]),
      ),
    );
  }
  const options = command.options.filter((option) => !option.hidden);
  if (options.length > 0) {
    blocks.push(
      table(
        ["Option", "Description", "Default", "Choices"],
        options.map((option) => [
          code(option.flags),
          option.description,
          option.defaultValue === undefined ? "" : code(JSON.stringify(option.defaultValue)),
          (option.argChoices ?? []).map(code).join(", "),
        ]),
      ),
    );
  }
  return blocks.join("\n\n");
}

export function cliPage(): string {
  const program = buildProgram();
  const name = program.name();
  const commands = [...program.commands].sort((a, b) => a.name().localeCompare(b.name()));
  return page([
    "# Command line",
    GENERATED_NOTE,
    `${code(name)} comes with the package (\`npx ${name} --help\`). ${program.description()}`,
    table(
      ["Command", "What it does"],
      commands.map((command) => [`[${code(command.name())}](#${`${name}-${command.name()}`})`, command.description()]),
    ),
    ...commands.map((command) => commandSection(command, name)),
  ]);
}
