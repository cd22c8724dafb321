/**
 * docs/configuration.md: the provider's settings, from the table in client/config.ts. The descriptions live
 * here, keyed by setting, so a new setting fails to compile until it is documented.
 */
import {
  DEFAULT_API_URL,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_OAUTH_URL,
  DEFAULT_OPERATION_TIMEOUT_MS,
  DEFAULT_PLAN,
  DEFAULT_REQUEST_TIMEOUT_MS,
  SETTING_KEYS,
} from "../client/config";
import { code, GENERATED_NOTE, page, table } from "./markdown";

type SettingName = keyof typeof SETTING_KEYS;

export const DESCRIPTIONS: Readonly<Record<SettingName, { readonly description: string; readonly defaultValue: string; readonly secret?: true }>> = {
  accountId: {
    description:
      "The Zoom account id of the Server-to-Server OAuth app. With an access token, optional: it only lets clients of the same account share one rate budget.",
    defaultValue: "required with client credentials",
  },
  clientId: { description: "The Server-to-Server OAuth app's client id.", defaultValue: "required with client credentials" },
  clientSecret: {
    description: "The Server-to-Server OAuth app's client secret. Set it with `pulumi config set --secret`.",
    defaultValue: "required with client credentials",
    secret: true,
  },
  accessToken: {
    description:
      "A ready OAuth access token, instead of client credentials. It is not refreshed: when it expires, requests fail. Set it with `pulumi config set --secret`.",
    defaultValue: "—",
    secret: true,
  },
  apiUrl: {
    description: "Zoom's API base, ending in `/v2`. https only (plain http for localhost, e.g. the emulator).",
    defaultValue: code(DEFAULT_API_URL),
  },
  oauthUrl: { description: "The OAuth token endpoint. https only (plain http for localhost).", defaultValue: code(DEFAULT_OAUTH_URL) },
  plan: {
    description:
      "The account's plan, which sets the client-side rate budget: `free`, `pro` or `business` (also Business Plus, Enterprise and Education, which share Zoom's limits).",
    defaultValue: code(DEFAULT_PLAN),
  },
  requestTimeoutSeconds: {
    description:
      "Response timeout: how long one attempt waits for Zoom's answer once connected, in seconds (1 to 600). A timed-out read is tried again within the operation timeout; a timed-out create is never sent twice (pulumi-zoom looks for the object instead).",
    defaultValue: code(String(DEFAULT_REQUEST_TIMEOUT_MS / 1000)),
  },
  connectTimeoutSeconds: {
    description: "Connect timeout: how long one attempt waits for the connection to Zoom (TCP and TLS), in seconds (1 to 600).",
    defaultValue: code(String(DEFAULT_CONNECT_TIMEOUT_MS / 1000)),
  },
  operationTimeoutSeconds: {
    description:
      "Total deadline of one operation (a read, a create, an update, a listing page), every attempt, backoff and token fetch included, in seconds (1 to 3600). Waiting in pulumi-zoom's own rate limiter does not count. Retries stop when it is spent: an unreachable or silent Zoom fails the operation with one message saying what was tried, and later operations of the same run fail at once, pointing to it.",
    defaultValue: code(String(DEFAULT_OPERATION_TIMEOUT_MS / 1000)),
  },
};

export function configurationPage(): string {
  const rows = (Object.keys(SETTING_KEYS) as SettingName[]).map((name) => {
    const keys = SETTING_KEYS[name];
    const doc = DESCRIPTIONS[name];
    return [code(keys.config), code(keys.env), doc.defaultValue, `${doc.secret ? "**Secret.** " : ""}${doc.description}`];
  });
  return page([
    "# Configuration",
    GENERATED_NOTE,
    "The provider reads its settings when Pulumi starts it: from the stack config (`zoom:*` keys) first, then from environment variables, then defaults. Credentials are never part of a program or a `zoom.yaml` file.",
    table(["Stack config", "Environment", "Default", "Description"], rows),
    "## Credentials",
    [
      "Use **one** kind of credentials:",
      "",
      "- a Server-to-Server OAuth app: `zoom:accountId`, `zoom:clientId` and `zoom:clientSecret`; the provider fetches and refreshes tokens itself;",
      "- or a ready token: `zoom:accessToken`.",
      "",
      "The stack config decides which kind when it names either; otherwise the environment does. Client credentials are then completed key by key from the environment (a secret may live in the stack, the account id in the environment). One source naming both kinds is an error. Every problem is reported at once, naming the config keys and the environment variables to set.",
    ].join("\n"),
    "```sh\npulumi config set zoom:accountId <account id>\npulumi config set zoom:clientId <client id>\npulumi config set --secret zoom:clientSecret <client secret>\n```",
    "The OAuth scopes the app needs are listed on each resource's page.",
    "## Against the emulator",
    "`pulumi-zoom emulator` runs a local Zoom API emulator and prints its URLs and credentials as JSON; point `zoom:apiUrl`, `zoom:oauthUrl`, `zoom:accountId`, `zoom:clientId` and `zoom:clientSecret` at them (see [the CLI](cli.md)).",
  ]);
}
