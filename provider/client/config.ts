/**
 * Settings resolution: Pulumi stack config (`zoom:*`) first, then environment variables, then defaults.
 *
 * Credentials come as ONE of two kinds, decided per source so a setting left in the environment cannot
 * silently change what the stack config asked for:
 * - stack config names credentials (zoom:accessToken, or any of zoom:clientId / zoom:clientSecret): that kind is
 *   used. Client credentials are completed key by key from the environment (a secret may live in the stack and
 *   the account id in the environment); an environment token is ignored.
 * - otherwise the environment decides the same way (ZOOM_ACCESS_TOKEN, or ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET).
 * One source naming both kinds is contradictory and fails. Every problem found is reported in ONE
 * ZoomConfigError that names the config keys and the environment variables to set.
 */
import { ZoomConfigError } from "./errors";
import { registerSecret } from "./redact";
import type { ZoomPlan, ZoomSettings } from "./types";

/** What `configure(req)` hands the provider: `req.config` (stack config, secrets decrypted). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export type Environment = Readonly<Record<string, string | undefined>>;

export const DEFAULT_API_URL = "https://api.zoom.us/v2";
export const DEFAULT_OAUTH_URL = "https://zoom.us/oauth/token";
export const DEFAULT_PLAN: ZoomPlan = "pro";
/** How long one attempt waits for Zoom's answer once connected (zoom:requestTimeoutSeconds). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** How long one attempt waits for the TCP (and TLS) connection (zoom:connectTimeoutSeconds). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/**
 * The total time one operation may take, every attempt, backoff and token fetch included, but not the time it
 * queues behind the client's own rate limiter (zoom:operationTimeoutSeconds). 45 s: a silent Zoom fails an
 * operation in under a minute, while one slow answer (30 s) still leaves room for a second attempt.
 */
export const DEFAULT_OPERATION_TIMEOUT_MS = 45_000;

/** Every setting: its stack config key and its environment variable. */
export const SETTING_KEYS = {
  accountId: { config: "zoom:accountId", env: "ZOOM_ACCOUNT_ID" },
  clientId: { config: "zoom:clientId", env: "ZOOM_CLIENT_ID" },
  clientSecret: { config: "zoom:clientSecret", env: "ZOOM_CLIENT_SECRET" },
  accessToken: { config: "zoom:accessToken", env: "ZOOM_ACCESS_TOKEN" },
  apiUrl: { config: "zoom:apiUrl", env: "ZOOM_API_URL" },
  oauthUrl: { config: "zoom:oauthUrl", env: "ZOOM_OAUTH_URL" },
  plan: { config: "zoom:plan", env: "ZOOM_PLAN" },
  requestTimeoutSeconds: { config: "zoom:requestTimeoutSeconds", env: "ZOOM_REQUEST_TIMEOUT_SECONDS" },
  connectTimeoutSeconds: { config: "zoom:connectTimeoutSeconds", env: "ZOOM_CONNECT_TIMEOUT_SECONDS" },
  operationTimeoutSeconds: { config: "zoom:operationTimeoutSeconds", env: "ZOOM_OPERATION_TIMEOUT_SECONDS" },
} as const;

type SettingName = keyof typeof SETTING_KEYS;

const PLANS: readonly ZoomPlan[] = ["free", "pro", "business"];

const CREDENTIALS_HINT =
  "Set either a Server-to-Server OAuth app's credentials: `pulumi config set zoom:accountId ...`, " +
  "`pulumi config set zoom:clientId ...`, `pulumi config set --secret zoom:clientSecret ...` " +
  "(or env ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET); " +
  "or a ready access token: `pulumi config set --secret zoom:accessToken ...` (or env ZOOM_ACCESS_TOKEN).";

function describe(name: SettingName): string {
  const keys = SETTING_KEYS[name];
  return `${keys.config} (env ${keys.env})`;
}

/** A value, trimmed; empty strings count as unset (an exported-but-empty variable is common). */
function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function resolveSettings(source: ConfigSource, env: Environment = process.env): ZoomSettings {
  const fromConfig = (name: SettingName): string | undefined => clean(source.get(SETTING_KEYS[name].config));
  const fromEnv = (name: SettingName): string | undefined => clean(env[SETTING_KEYS[name].env]);
  const pick = (name: SettingName): string | undefined => fromConfig(name) ?? fromEnv(name);

  const problems: string[] = [];

  const apiUrl = validateUrl("apiUrl", pick("apiUrl") ?? DEFAULT_API_URL, problems, { requireV2: true });
  const oauthUrl = validateUrl("oauthUrl", pick("oauthUrl") ?? DEFAULT_OAUTH_URL, problems, { requireV2: false });

  const planText = pick("plan")?.toLowerCase() ?? DEFAULT_PLAN;
  const plan = PLANS.find((p) => p === planText);
  if (!plan) {
    problems.push(
      `${describe("plan")} is "${planText}"; use free, pro or business (business also covers Business Plus, Enterprise and Education: they share Zoom's rate limits)`,
    );
  }

  const seconds = (name: "requestTimeoutSeconds" | "connectTimeoutSeconds" | "operationTimeoutSeconds", max: number): number | undefined => {
    const text = pick(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0 || value > max) {
      problems.push(`${describe(name)} is "${text}"; use a number of seconds between 1 and ${max}`);
      return undefined;
    }
    return Math.round(value * 1000);
  };
  const timeouts = {
    requestTimeoutMs: seconds("requestTimeoutSeconds", 600),
    connectTimeoutMs: seconds("connectTimeoutSeconds", 600),
    operationTimeoutMs: seconds("operationTimeoutSeconds", 3600),
  };

  const credentials = resolveCredentials(fromConfig, fromEnv, problems);

  if (problems.length > 0 || !plan || !apiUrl || !oauthUrl || !credentials) {
    throw new ZoomConfigError(problems, credentials ? undefined : CREDENTIALS_HINT);
  }
  if (credentials.kind === "clientCredentials") registerSecret(credentials.clientSecret);
  else registerSecret(credentials.accessToken);
  const set = Object.fromEntries(Object.entries(timeouts).filter(([, ms]) => ms !== undefined)) as Partial<typeof timeouts>;
  return { apiUrl, oauthUrl, plan, credentials, ...set };
}

type Lookup = (name: SettingName) => string | undefined;

function resolveCredentials(fromConfig: Lookup, fromEnv: Lookup, problems: string[]): ZoomSettings["credentials"] | undefined {
  const intentOf = (lookup: Lookup): { token: boolean; client: boolean } => ({
    token: lookup("accessToken") !== undefined,
    client: lookup("clientId") !== undefined || lookup("clientSecret") !== undefined,
  });
  const configIntent = intentOf(fromConfig);
  const envIntent = intentOf(fromEnv);

  const conflict = (where: "stack config" | "environment", a: SettingName, b: SettingName[]): string =>
    `the ${where} sets both ${where === "stack config" ? SETTING_KEYS[a].config : SETTING_KEYS[a].env} and ` +
    `${b.map((n) => (where === "stack config" ? SETTING_KEYS[n].config : SETTING_KEYS[n].env)).join("/")}: ` +
    `use an access token or client credentials, not both (remove one)`;

  let source: "config" | "env";
  if (configIntent.token || configIntent.client) {
    if (configIntent.token && configIntent.client) {
      problems.push(conflict("stack config", "accessToken", ["clientId", "clientSecret"]));
      return undefined;
    }
    source = "config";
  } else if (envIntent.token || envIntent.client) {
    if (envIntent.token && envIntent.client) {
      problems.push(conflict("environment", "accessToken", ["clientId", "clientSecret"]));
      return undefined;
    }
    source = "env";
  } else {
    problems.push(
      `no Zoom credentials: ${describe("accountId")}, ${describe("clientId")} and ${describe("clientSecret")} are not set, nor is ${describe("accessToken")}`,
    );
    return undefined;
  }

  const intent = source === "config" ? configIntent : envIntent;
  if (intent.token) {
    const accessToken = (source === "config" ? fromConfig : fromEnv)("accessToken");
    if (!accessToken) return undefined; // unreachable: intent.token says it is set
    const accountId = fromConfig("accountId") ?? fromEnv("accountId");
    return accountId ? { kind: "accessToken", accessToken, accountId } : { kind: "accessToken", accessToken };
  }

  // Client credentials: each key from stack config, else the environment.
  const accountId = fromConfig("accountId") ?? fromEnv("accountId");
  const clientId = fromConfig("clientId") ?? fromEnv("clientId");
  const clientSecret = fromConfig("clientSecret") ?? fromEnv("clientSecret");
  const missing = (["accountId", "clientId", "clientSecret"] as const).filter(
    (n) => ({ accountId, clientId, clientSecret })[n] === undefined,
  );
  if (missing.length > 0 || !accountId || !clientId || !clientSecret) {
    problems.push(
      `incomplete Server-to-Server OAuth credentials: ${missing.map(describe).join(", ")} ${missing.length === 1 ? "is" : "are"} not set ` +
        `(all of zoom:accountId, zoom:clientId and zoom:clientSecret are needed, or zoom:accessToken instead)`,
    );
    return undefined;
  }
  for (const [name, value] of [["accountId", accountId], ["clientId", clientId]] as const) {
    if (/[\s/?#]/.test(value)) problems.push(`${describe(name)} contains whitespace, "/", "?" or "#"; copy it again from the Zoom app's page`);
  }
  return { kind: "clientCredentials", accountId, clientId, clientSecret };
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * An absolute https URL without credentials, query or fragment; plain http only for loopback hosts (the
 * emulator, a local proxy). Returns it without a trailing slash.
 */
function validateUrl(name: "apiUrl" | "oauthUrl", text: string, problems: string[], opts: { requireV2: boolean }): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.push(`${describe(name)} is not an absolute URL: "${text}"`);
    return undefined;
  }
  const before = problems.length;
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
    problems.push(`${describe(name)} must use https (plain http is accepted only for localhost/127.0.0.1/::1): "${text}"`);
  }
  if (url.username || url.password) problems.push(`${describe(name)} must not contain a user name or password`);
  if (url.search || url.hash) problems.push(`${describe(name)} must not have a query string or fragment: "${text}"`);
  const trimmed = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  if (opts.requireV2 && !trimmed.endsWith("/v2")) {
    problems.push(`${describe(name)} must be Zoom's API base ending in /v2, e.g. ${DEFAULT_API_URL}: "${text}"`);
  }
  return problems.length === before ? trimmed : undefined;
}
