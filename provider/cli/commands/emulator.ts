/**
 * `pulumi-zoom emulator`: runs the Zoom emulator in the foreground. Prints one line of JSON when it listens,
 * `{"url","oauthUrl","accountId","clientId","clientSecret","controlToken"}`, for scripts to read (the control
 * endpoints `/_emulator/*` need `controlToken` in the `X-Emulator-Token` header), and runs until SIGINT or
 * SIGTERM, then closes and exits 0.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import type { EmulatorPlan } from "../../../emulator";

function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

interface EmulatorCommandOptions {
  port: number;
  host: string;
  plan: EmulatorPlan;
  tokenTtl: number;
  specMaximal?: boolean;
}

export function registerEmulator(program: Command): void {
  program
    .command("emulator")
    .description("Run the Zoom API emulator (loopback only by default) until interrupted.")
    .option("--port <port>", "port to listen on (0 picks a free one)", integer(0, 65535), 0)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .addOption(
      new Option("--plan <plan>", "Zoom plan whose rate limits apply").choices(["free", "pro", "business", "unlimited"]).default("pro"),
    )
    .option("--token-ttl <seconds>", "lifetime of issued access tokens", integer(1, 365 * 24 * 3600), 3600)
    .option(
      "--spec-maximal",
      "answer with every optional field Zoom's response schemas allow, and set-like lists in another order than written (for testing that plans settle)",
    )
    .action(async (options: EmulatorCommandOptions) => {
      // Loaded when the command runs: the CLI's other commands and `--help` start without the emulator.
      const { startEmulator } = await import("../../../emulator");
      const emulator = await startEmulator({
        port: options.port,
        host: options.host,
        plan: options.plan,
        tokenTtlSeconds: options.tokenTtl,
        specMaximal: options.specMaximal === true,
      });
      const { url, oauthUrl, accountId, clientId, clientSecret, controlToken } = emulator;
      process.stdout.write(`${JSON.stringify({ url, oauthUrl, accountId, clientId, clientSecret, controlToken })}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await emulator.close();
    });
}
