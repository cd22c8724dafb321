/**
 * Every subcommand of `pulumi-zoom`, one module each. One line per command, so adding one is a one-line change.
 */
import type { Command } from "commander";
import { registerEmulator } from "./emulator";
import { registerValidate } from "./validate";

/** Adds one subcommand to the program. */
export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [
  registerEmulator,
  registerValidate,
];
