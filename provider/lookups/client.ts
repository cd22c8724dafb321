/**
 * The Zoom client of the Pulumi program process, where lookups run (not the dynamic-provider host, which
 * serves the resources). Same settings as the resources: stack config `zoom:*`, then `ZOOM_*` environment
 * variables (provider/client/config.ts). The client is the process-wide one for those settings (`getClient`):
 * every lookup of a program shares one token, one rate limiter and one connection pool. The host is another
 * process with its own limiter; lookups are a handful of requests before the resources' first.
 *
 * Credentials are read with `pulumi.runtime.getConfig`, which returns a secret's plaintext without creating
 * an Output: they never enter an Output, the state, or a log line (resolveSettings registers them with the
 * redactor).
 */
import { pulumiSdk } from "../framework/lazyPulumi";
import { getClient, resolveSettings, type ConfigSource } from "../client";
import type { ZoomClient } from "../client/types";

const programConfig: ConfigSource = { get: (key) => pulumiSdk().runtime.getConfig(key) };

/** Resolved at each call, not at import: a program may set config or environment before its first lookup. */
export function lookupClient(): ZoomClient {
  return getClient(resolveSettings(programConfig));
}
