/**
 * The contract between the Zoom API client and everything that uses it (the resource framework, the CLI).
 * Implementation: `client.ts`; errors: `errors.ts`; settings: `config.ts`.
 */
import type { OperationId } from "../../catalogue/operations";

export type ZoomPlan = "free" | "pro" | "business";

/** Everything the client needs to talk to one Zoom account. Resolved by `resolveSettings` in config.ts. */
export interface ZoomSettings {
  /** API base, ending in `/v2`. */
  readonly apiUrl: string;
  /** Server-to-server OAuth token endpoint. */
  readonly oauthUrl: string;
  /** The plan sets the client-side rate budget. */
  readonly plan: ZoomPlan;
  readonly credentials:
    | { readonly kind: "clientCredentials"; readonly accountId: string; readonly clientId: string; readonly clientSecret: string }
    | {
        readonly kind: "accessToken";
        readonly accessToken: string;
        /**
         * The token's account, when known (zoom:accountId beside zoom:accessToken). Only used to share one rate
         * budget with other clients of the same account; requests still use the token's own account.
         */
        readonly accountId?: string;
      };
  /** How long one attempt waits for the answer (zoom:requestTimeoutSeconds); default 30 s. */
  readonly requestTimeoutMs?: number;
  /** How long one attempt waits for the connection (zoom:connectTimeoutSeconds); default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Total time of one operation, retries included (zoom:operationTimeoutSeconds); default 45 s. */
  readonly operationTimeoutMs?: number;
}

/**
 * Path parameters where the operation is not known statically (the framework running a declaration, inventory
 * sweeps, JavaScript callers): `buildPath` checks names and values at run time. Declarations and calls that
 * name their operation get the exact shape instead (PathParamsOf in catalogue/operations.ts), whose names of
 * other operations are typed `?: never`, hence `undefined` here; a missing value is refused all the same.
 */
export type PathParams = Readonly<Record<string, string | number | undefined>>;
export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

export interface RequestOptions {
  readonly operation: OperationId;
  /** Values for the `{name}` placeholders of the operation's path template; always percent-encoded. */
  readonly pathParams?: PathParams;
  readonly query?: QueryParams;
  readonly body?: unknown;
  /**
   * A sub-account id or `me` (the master account): the request goes to `/accounts/{accountId}` + path.
   * Undefined: the plain path (the token's own account), except for `accountOnly` operations, which use `me`.
   */
  readonly accountId?: string;
  /** What the caller was doing, for error messages: e.g. `creating zoom:Meeting "standup"`. */
  readonly context?: string;
  /** Overrides the client's per-request timeout for this call (each attempt). */
  readonly timeoutMs?: number;
}

export interface ZoomResponse<T> {
  readonly status: number;
  /** Parsed JSON body; undefined for empty bodies (Zoom's 204s). */
  readonly data: T | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

export interface PaginateOptions extends RequestOptions {
  /** The key of the array in each page, e.g. `devices`, `meetings`, `internal_numbers`. */
  readonly itemsKey: string;
}

/** Counters for benchmarks and tests. */
export interface ClientCounters {
  requests: number;
  requestsByCategory: Record<"LIGHT" | "MEDIUM" | "HEAVY", number>;
  retries: number;
  rateLimited: number;
  tokenFetches: number;
}

export interface ZoomClient {
  /** One API call, with auth, scoping, rate limiting, retries and error mapping. */
  request<T = unknown>(options: RequestOptions): Promise<ZoomResponse<T>>;
  /** Every item of a paginated list (`page_size` 300, following `next_page_token`). */
  paginate<T = unknown>(options: PaginateOptions): AsyncIterable<T>;
  readonly counters: ClientCounters;
  /**
   * The first failure every later request of this client would repeat (credentials refused, Zoom not
   * answering): later requests fail at once with a short pointer to it. Commands that fan out (drift, import)
   * report it once instead of once per listing.
   */
  readonly fatalError?: Error;
}
