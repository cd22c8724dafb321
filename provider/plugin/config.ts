/**
 * The plugin's configuration: the provider's inputs (the stack's `zoom:*` config for the default provider, or an
 * explicit provider's arguments), keyed by setting name (`clientId`), falling back to the `ZOOM_*` environment
 * exactly as the dynamic resources do (client/config.ts decides per source, so the two never mix).
 */
import { resolveSettings, SETTING_KEYS, type ConfigSource } from "../client/config";
import { ZoomConfigError } from "../client/errors";
import { isUnknown } from "../framework/unknown";

type Props = Record<string, unknown>;
type SettingName = keyof typeof SETTING_KEYS;

const SETTING_NAMES = Object.keys(SETTING_KEYS) as SettingName[];
/** Inputs the engine may add to any provider's, which are not settings. */
const ENGINE_INPUTS: ReadonlySet<string> = new Set(["version", "pluginDownloadURL"]);

/**
 * What `configure` gets, from plain provider inputs. Numbers and booleans (an explicit provider's typed
 * arguments) become the text stack config would hold; preview unknowns count as unset.
 */
export function configSourceOf(inputs: Props): ConfigSource {
  return {
    get(key: string): string | undefined {
      const name = key.startsWith("zoom:") ? key.slice("zoom:".length) : undefined;
      const value = name === undefined || !Object.hasOwn(inputs, name) ? undefined : inputs[name];
      if (value === undefined || value === null || isUnknown(value)) return undefined;
      return typeof value === "string" ? value : JSON.stringify(value);
    },
  };
}

/**
 * The engine's Configure sends the inputs twice: as `args` (typed, secrets wrapped) and as `variables`, keyed
 * `zoom:config:<name>` with text values. `args` wins; `variables` serves an engine that sends only those.
 */
export function inputsFromVariables(variables: ReadonlyMap<string, string> | Iterable<[string, string]>): Props {
  const out: Props = {};
  for (const [key, value] of variables) {
    const match = /^zoom:(?:config:)?([A-Za-z]+)$/.exec(key);
    if (match) out[match[1]!] = value;
  }
  return out;
}

export interface ConfigFailure {
  readonly property: string;
  readonly reason: string;
}

/**
 * CheckConfig: every problem with the provider's inputs (and the environment they fall back to), each naming its
 * key. Missing credentials are not one: like the dynamic resources, the plugin asks for them only when a call
 * needs Zoom, so `pulumi preview` works without them.
 */
export function checkConfig(inputs: Props, env: NodeJS.ProcessEnv = process.env): ConfigFailure[] {
  const failures: ConfigFailure[] = [];
  for (const key of Object.keys(inputs)) {
    if (!ENGINE_INPUTS.has(key) && !(SETTING_NAMES as string[]).includes(key)) {
      failures.push({ property: key, reason: `zoom:${key} is not a pulumi-zoom setting (known: ${SETTING_NAMES.map((name) => `zoom:${name}`).join(", ")})` });
    }
  }
  try {
    resolveSettings(configSourceOf(inputs), env);
  } catch (error) {
    if (!(error instanceof ZoomConfigError)) throw error;
    for (const problem of error.problems) {
      // client/config.ts words it so: "no Zoom credentials: ...". Deferred to the first call that needs Zoom.
      if (problem.startsWith("no Zoom credentials")) continue;
      // Every other problem names the config key it is about first ("zoom:plan (env ZOOM_PLAN) is ...").
      const key = /zoom:([A-Za-z]+)/.exec(problem)?.[1];
      failures.push({ property: key ?? "", reason: problem });
    }
  }
  return failures;
}

/** DiffConfig: whether a setting changed. Never a replacement: new settings reach the same Zoom objects. */
export function configChanged(olds: Props, news: Props): boolean {
  const before = configSourceOf(olds);
  const after = configSourceOf(news);
  return SETTING_NAMES.some((name) => before.get(`zoom:${name}`) !== after.get(`zoom:${name}`));
}
