/**
 * Process-wide provider state: the stack config handed to `configure`, and the Zoom client built from it.
 *
 * The dynamic-provider host deserializes one provider per resource kind and calls `configure` on each with the
 * same stack config; all of them share this module (one `require` of the installed package), so every
 * resource of a `pulumi up` shares one client: one token, one rate limiter, one list cache.
 */
import { getClient } from "../client";
import { resolveSettings, type ConfigSource } from "../client/config";
import type { ZoomClient } from "../client/types";

let configSource: ConfigSource = { get: () => undefined };
let client: ZoomClient | undefined;

/** Called from every provider's `configure` with Pulumi's stack config (`zoom:*` keys). */
export function configure(source: ConfigSource): void {
  configSource = source;
  client = undefined;
}

/**
 * The client for the configured account. Settings are resolved on first use, not in `configure`: `check`
 * and `diff` need no credentials, so a preview without them still shows the plan, and the configuration
 * error surfaces only on the first call that needs Zoom.
 */
export function currentClient(): ZoomClient {
  client ??= getClient(resolveSettings(configSource));
  return client;
}
