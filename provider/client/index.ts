/**
 * The Zoom API client's public face.
 *
 * `getClient(settings)` is what the resources use: one client per (API URL, token URL, credentials) for the
 * whole process, so every resource and every provider instance the dynamic-provider host loads shares one
 * token, one rate limiter and one connection pool. `createClient` builds a fresh client (own token, own
 * counters; still the account's shared limiter unless `limiter: "isolated"`), for tests that need isolation.
 */
import crypto from "node:crypto";
import { HttpZoomClient, type ClientOptions } from "./client";
import type { ZoomSettings } from "./types";

export { HttpZoomClient, type ClientOptions } from "./client";
export { resolveSettings, SETTING_KEYS, DEFAULT_API_URL, DEFAULT_OAUTH_URL, DEFAULT_PLAN, type ConfigSource, type Environment } from "./config";
export * from "./errors";
export { redactText, redactValue, redactToJson, registerSecret, REDACTED } from "./redact";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
export { budgetFor, DEFAULT_SAFETY_MARGIN, rateLimitAccountKey } from "./limiter";
export type { LogSink } from "./log";
export * from "./types";
export * from "../../catalogue/operations";

const shared = new Map<string, HttpZoomClient>();

/** Identity of a client: where it talks to and as whom. Secrets enter only hashed. */
function clientKey(settings: ZoomSettings): string {
  const creds = settings.credentials;
  const identity =
    creds.kind === "clientCredentials"
      ? `cc\u0000${creds.accountId}\u0000${creds.clientId}\u0000${creds.clientSecret}`
      : `at\u0000${creds.accessToken}`;
  const digest = crypto.createHash("sha256").update(identity).digest("hex");
  return `${settings.apiUrl}\u0000${settings.oauthUrl}\u0000${digest}`;
}

/**
 * The process-wide client for these settings. The first call's plan, timeout and options win; later calls
 * with the same API URL, token URL and credentials get the same client.
 */
export function getClient(settings: ZoomSettings, options?: ClientOptions): HttpZoomClient {
  const key = clientKey(settings);
  let client = shared.get(key);
  if (!client) {
    client = new HttpZoomClient(settings, options);
    shared.set(key, client);
  }
  return client;
}

/** A new client of its own: its own token and counters. */
export function createClient(settings: ZoomSettings, options?: ClientOptions): HttpZoomClient {
  return new HttpZoomClient(settings, options);
}
