/**
 * Zoom credentials and settings for the CLI's subcommands.
 *
 * `pulumi stack export` carries no stack config, so settings come from, in order: command-line flags
 * (`--api-url`, `--oauth-url`, `--plan`), a stack config file given with `--stack-config Pulumi.<stack>.yaml`
 * (its plain `zoom:*` values; `secure:` values are encrypted with the stack's secrets provider and are not
 * read: put those in the environment), then the `ZOOM_*` environment, exactly as the provider resolves them
 * (`resolveSettings`). The result configures the provider runtime, so every read goes through the same shared
 * client, token and rate limiter as the provider's own code.
 */
import { parse as parseYaml } from "yaml";
import { resolveSettings, SETTING_KEYS, type ConfigSource, type Environment } from "../client/config";
import { ZoomConfigError } from "../client/errors";
import type { ZoomSettings } from "../client/types";
import { isPlainObject } from "../framework/case";
import { configure } from "../framework/runtime";

export interface ConnectionFlags {
  readonly apiUrl?: string;
  readonly oauthUrl?: string;
  readonly plan?: string;
  /** Path of a `Pulumi.<stack>.yaml`. */
  readonly stackConfig?: string;
}

export class ConnectionError extends Error {
  override readonly name = "ConnectionError";
}

interface StackConfigFile {
  readonly values: Record<string, string>;
  /** `zoom:*` keys whose value is `secure:` (encrypted). */
  readonly encrypted: string[];
}

function readStackConfig(path: string, text: string): StackConfigFile {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new ConnectionError(`${path} is not YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const config = isPlainObject(document) ? document.config : undefined;
  const values: Record<string, string> = {};
  const encrypted: string[] = [];
  if (config === undefined || config === null) return { values, encrypted };
  if (!isPlainObject(config)) throw new ConnectionError(`${path}: \`config\` is not a map`);
  for (const [key, value] of Object.entries(config)) {
    if (!key.startsWith("zoom:")) continue;
    if (isPlainObject(value) && "secure" in value) encrypted.push(key);
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") values[key] = String(value);
    else if (isPlainObject(value) && typeof value.value === "string") values[key] = value.value;
  }
  return { values, encrypted };
}

/** The settings as explicit config keys, so the runtime resolves exactly these whatever the process env says. */
function sourceOf(settings: ZoomSettings): ConfigSource {
  const values: Record<string, string> = {
    [SETTING_KEYS.apiUrl.config]: settings.apiUrl,
    [SETTING_KEYS.oauthUrl.config]: settings.oauthUrl,
    [SETTING_KEYS.plan.config]: settings.plan,
  };
  if (settings.requestTimeoutMs !== undefined) values[SETTING_KEYS.requestTimeoutSeconds.config] = String(settings.requestTimeoutMs / 1000);
  if (settings.connectTimeoutMs !== undefined) values[SETTING_KEYS.connectTimeoutSeconds.config] = String(settings.connectTimeoutMs / 1000);
  if (settings.operationTimeoutMs !== undefined) values[SETTING_KEYS.operationTimeoutSeconds.config] = String(settings.operationTimeoutMs / 1000);
  const credentials = settings.credentials;
  if (credentials.accountId !== undefined) values[SETTING_KEYS.accountId.config] = credentials.accountId;
  if (credentials.kind === "clientCredentials") {
    values[SETTING_KEYS.clientId.config] = credentials.clientId;
    values[SETTING_KEYS.clientSecret.config] = credentials.clientSecret;
  } else {
    values[SETTING_KEYS.accessToken.config] = credentials.accessToken;
  }
  return { get: (key) => values[key] };
}

/** Resolves the settings (clear errors for anything missing) and configures the provider runtime with them. */
export async function connect(flags: ConnectionFlags, env: Environment, readFile: (path: string) => Promise<string>): Promise<ZoomSettings> {
  const explicit: Record<string, string> = {};
  if (flags.apiUrl !== undefined) explicit[SETTING_KEYS.apiUrl.config] = flags.apiUrl;
  if (flags.oauthUrl !== undefined) explicit[SETTING_KEYS.oauthUrl.config] = flags.oauthUrl;
  if (flags.plan !== undefined) explicit[SETTING_KEYS.plan.config] = flags.plan;
  let file: StackConfigFile = { values: {}, encrypted: [] };
  if (flags.stackConfig !== undefined) {
    let text: string;
    try {
      text = await readFile(flags.stackConfig);
    } catch (error) {
      throw new ConnectionError(`cannot read ${flags.stackConfig}: ${error instanceof Error ? error.message : String(error)}`);
    }
    file = readStackConfig(flags.stackConfig, text);
  }
  const source: ConfigSource = { get: (key) => explicit[key] ?? file.values[key] };
  let settings: ZoomSettings;
  try {
    settings = resolveSettings(source, env);
  } catch (error) {
    if (!(error instanceof ZoomConfigError)) throw error;
    const hints = file.encrypted.map((key) => {
      const name = Object.values(SETTING_KEYS).find((k) => k.config === key);
      return `${key} is encrypted in ${flags.stackConfig}; pulumi-zoom cannot decrypt it: set ${name ? `env ${name.env}` : "it in the environment"} instead`;
    });
    throw new ConnectionError([error.message, ...hints].join("\n"));
  }
  configure(sourceOf(settings));
  return settings;
}
