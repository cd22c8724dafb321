/**
 * What the commands that read Zoom (`drift`, `import`) share: their connection options, and a session that loads
 * the provider's client only when such a command runs (`--help` and the other commands start without it),
 * connects it, and turns refused credentials or a silent Zoom into one error instead of one per request.
 */
import { Option, type Command } from "commander";
import type { CliIO } from "./io";
import type { ConnectionFlags } from "./connection";

/** A repeatable option's values, in the order given. */
export function repeatable(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--stack-config`, `--api-url`, `--oauth-url`, `--plan`: where the settings come from (connection.ts). */
export function withConnectionOptions(command: Command): Command {
  return command
    .option("--stack-config <file>", "read plain zoom:* settings from this Pulumi.<stack>.yaml (secrets come from ZOOM_* env)")
    .option("--api-url <url>", "Zoom API base (default: zoom:apiUrl / ZOOM_API_URL, else https://api.zoom.us/v2)")
    .option("--oauth-url <url>", "OAuth token endpoint (default: zoom:oauthUrl / ZOOM_OAUTH_URL)")
    .addOption(new Option("--plan <plan>", "the account's Zoom plan, for the rate budget").choices(["free", "pro", "business"]));
}

/**
 * Connects the provider's shared client with the command's flags, then runs `work`. Every read fails alike when
 * Zoom refuses the credentials or stops answering: that one error is thrown after `work`, whatever it returned.
 */
export async function withZoom<T>(flags: ConnectionFlags, io: CliIO, work: () => Promise<T>): Promise<T> {
  const [{ currentClient }, { connect }] = await Promise.all([import("../framework/runtime"), import("./connection")]);
  await connect(flags, io.env, (path) => io.readFile(path));
  const result = await work();
  const fatal = currentClient().fatalError;
  if (fatal) throw fatal;
  return result;
}
