/** Errors the harness surfaces, typed so tests can assert on what the engine would have seen. */
import type { PropertyMap } from "./values";

/** A provider method failed: the host answered the gRPC call with an error status. */
export class ProviderError extends Error {
  override readonly name: string = "ProviderError";
  constructor(
    /** The ResourceProvider method, e.g. "create". */
    readonly method: string,
    /** gRPC status code (the host reports provider exceptions as UNKNOWN = 2). */
    readonly code: number,
    /** The message the host sent: the provider's `error.message`. */
    readonly details: string,
  ) {
    super(`${method} failed: ${details}`);
  }
}

/**
 * Create or Update threw an error carrying an `id`: the object exists but did not initialise. The host packs this as
 * `pulumirpc.ErrorResourceInitFailed` into the `grpc-status-details-bin` trailer; the engine keeps the resource in
 * state with this id and these properties instead of forgetting it.
 */
export class ResourceInitError extends ProviderError {
  override readonly name = "ResourceInitError";
  constructor(
    method: string,
    code: number,
    details: string,
    readonly id: string,
    readonly properties: PropertyMap,
    readonly reasons: string[],
  ) {
    super(method, code, details);
  }
}

/** The provider host process ended (or could not start); no further calls can succeed. */
export class HostCrashedError extends Error {
  override readonly name = "HostCrashedError";
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    /** The tail of the host's stderr, which usually holds the reason. */
    readonly stderr: string,
  ) {
    super(stderr.trim() ? `${message}\n--- host stderr (tail) ---\n${stderr.trim()}` : message);
  }
}

/** Check returned failures: the engine stops before calling anything else for that resource. */
export class CheckFailedError extends Error {
  override readonly name = "CheckFailedError";
  constructor(
    readonly urn: string,
    readonly failures: { property: string; reason: string }[],
  ) {
    super(`${urn}: check failed: ${failures.map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason)).join("; ")}`);
  }
}
