/**
 * Access tokens. Server-to-Server OAuth: `POST oauthUrl?grant_type=account_credentials&account_id=...` with
 * HTTP Basic `clientId:clientSecret`, answered with `{access_token, expires_in}`.
 *
 * One token serves every request of the client (and getClient shares clients, so the whole process). It is
 * refreshed shortly before it expires; concurrent callers that find it stale share ONE fetch (single flight).
 * When the API rejects a token (401 code 124: revoked, or expired by a clock we do not see), the client calls
 * `invalidate` with the token it used and asks again, once: callers that failed on the same token share one
 * refresh. Refused credentials fail with one ZoomAuthError; they are never retried.
 */
import { OperationDeadline } from "./deadline";
import { ZoomAuthError } from "./errors";
import type { Transport, WireResponse } from "./http";
import { TransportError } from "./http";
import type { Logger } from "./log";
import { registerSecret } from "./redact";
import { RetryBudget, parseRetryAfterMs, sleep, type RetryPolicy } from "./retry";
import type { ZoomSettings } from "./types";

export interface TokenSource {
  /** A token that is valid for a while yet; a fetch fits in `deadline` (the asking operation's) when given. */
  getToken(deadline?: OperationDeadline): Promise<string>;
  /** The API refused `token`: drop it if it is still the current one, so the next getToken fetches anew. */
  invalidate(token: string): void;
  /** False when there is nothing to refresh with (a token supplied ready-made). */
  readonly canRefresh: boolean;
  /** Which settings supply the credentials, for error messages. */
  readonly settingsHint: string;
}

/** A token supplied through zoom:accessToken / ZOOM_ACCESS_TOKEN: used as is, cannot be refreshed. */
export class StaticTokenSource implements TokenSource {
  readonly canRefresh = false;
  readonly settingsHint = "zoom:accessToken (env ZOOM_ACCESS_TOKEN)";

  constructor(private readonly token: string) {
    registerSecret(token);
  }

  getToken(): Promise<string> {
    return Promise.resolve(this.token);
  }

  invalidate(): void {
    // Nothing to refresh with: the caller reports the refusal.
  }
}

interface CachedToken {
  readonly token: string;
  /** Refresh from this time on (ms since epoch). */
  readonly refreshAtMs: number;
  /** The token stops working at this time. */
  readonly expiresAtMs: number;
}

export interface ClientCredentialsDeps {
  readonly transport: Transport;
  readonly logger: Logger;
  readonly retryPolicy: RetryPolicy;
  readonly timeoutMs: number;
  readonly connectTimeoutMs?: number;
  readonly now?: () => number;
  readonly onFetch?: () => void;
}

/** Refresh this long before expiry: 5 minutes, or a tenth of the lifetime for short-lived tokens. */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(5 * 60_000, lifetimeMs / 10);
}

type ClientCredentials = Extract<ZoomSettings["credentials"], { kind: "clientCredentials" }>;

export class ClientCredentialsTokenSource implements TokenSource {
  readonly canRefresh = true;
  readonly settingsHint =
    "zoom:accountId, zoom:clientId and zoom:clientSecret (env ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET)";
  private cached: CachedToken | undefined;
  private inflight: Promise<CachedToken> | undefined;
  /**
   * The token endpoint refused these credentials (revoked, rotated, wrong): asking again cannot help within this
   * process, whose credentials are fixed, so every later request fails with the same error at once. Without it,
   * each request of a large `pulumi up` asked again (tests/reliability/revokedCredentials.test.ts: 7 token
   * requests for 7 operations).
   */
  private refused: ZoomAuthError | undefined;
  private readonly now: () => number;

  constructor(
    private readonly oauthUrl: string,
    private readonly credentials: ClientCredentials,
    private readonly deps: ClientCredentialsDeps,
  ) {
    this.now = deps.now ?? Date.now;
    registerSecret(credentials.clientSecret);
    registerSecret(Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString("base64"));
  }

  async getToken(deadline?: OperationDeadline): Promise<string> {
    const cached = this.cached;
    if (cached && this.now() < cached.refreshAtMs) return cached.token;
    try {
      return (await this.refresh(deadline)).token;
    } catch (error) {
      // A refresh that fails while the old token still works (Zoom briefly down, credentials just rotated)
      // need not fail the request: use the old token until it expires.
      if (cached && this.cached === cached && this.now() < cached.expiresAtMs - 1_000) {
        this.deps.logger.debug(`token refresh failed, using the current token until it expires: ${(error as Error).message}`);
        return cached.token;
      }
      throw error;
    }
  }

  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private refresh(deadline: OperationDeadline | undefined): Promise<CachedToken> {
    if (this.refused) return Promise.reject(this.refused);
    if (!this.inflight) {
      // Concurrent callers share this fetch, within the first caller's deadline.
      this.inflight = this.fetchToken(deadline).then(
        (fresh) => {
          this.cached = fresh;
          this.inflight = undefined;
          return fresh;
        },
        (error: unknown) => {
          this.inflight = undefined;
          throw error;
        },
      );
    }
    return this.inflight;
  }

  private async fetchToken(deadline: OperationDeadline = new OperationDeadline(Number.MAX_SAFE_INTEGER / 2, this.now)): Promise<CachedToken> {
    const { accountId, clientId, clientSecret } = this.credentials;
    const url = `${this.oauthUrl}?grant_type=account_credentials&account_id=${encodeURIComponent(accountId)}`;
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
    const budget = new RetryBudget(this.deps.retryPolicy);
    const fetchStartedMs = this.now();
    const tried: string[] = [];
    const unreachable = (cause?: unknown) =>
      new ZoomAuthError(
        `could not get a Zoom access token from ${this.oauthUrl}: ${tried.length} attempt${tried.length === 1 ? "" : "s"} in ${Math.round((this.now() - fetchStartedMs) / 1000)} s (${[...new Set(tried)].join("; ")}), ` +
          `within the operation timeout (zoom:operationTimeoutSeconds); check zoom:oauthUrl (env ZOOM_OAUTH_URL), the network and proxy`,
        {},
        cause === undefined ? undefined : { cause },
      );
    for (;;) {
      budget.startAttempt();
      const startedMs = this.now();
      const timeoutMs = deadline.attemptTimeoutMs(this.deps.timeoutMs);
      if (timeoutMs === undefined) throw unreachable();
      let response: WireResponse;
      try {
        this.deps.onFetch?.();
        response = await this.deps.transport({
          method: "POST",
          url,
          headers: { Authorization: `Basic ${basic}`, Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
          timeoutMs,
          ...(this.deps.connectTimeoutMs !== undefined ? { connectTimeoutMs: this.deps.connectTimeoutMs } : {}),
        });
      } catch (error) {
        // Fetching a token twice is harmless, so every network failure is retried.
        const reason = error instanceof TransportError ? error.describe() : String(error);
        tried.push(reason);
        const next = budget.nextDelayMs(undefined);
        const delay = next === undefined ? undefined : deadline.fitDelayMs(next);
        if (delay === undefined) throw unreachable(error);
        this.deps.logger.debug(`token request failed (${reason}), retrying in ${delay} ms`);
        await sleep(delay);
        continue;
      }
      this.deps.logger.debug(`POST ${this.oauthUrl} (token) -> ${response.status} in ${this.now() - startedMs} ms`);
      if (response.status === 200) return this.parseToken(response, startedMs);
      if (response.status === 429 || response.status >= 500) {
        const delay = budget.nextDelayMs(response.status === 429 ? parseRetryAfterMs(response.headers["retry-after"], this.now()) : undefined);
        if (delay !== undefined) {
          await sleep(delay);
          continue;
        }
      }
      const refusal = this.refusal(response);
      if (response.status === 400 || response.status === 401 || response.status === 403) this.refused = refusal;
      throw refusal;
    }
  }

  private parseToken(response: WireResponse, startedMs: number): CachedToken {
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      body = undefined;
    }
    const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const token = record.access_token;
    if (typeof token !== "string" || token.length === 0) {
      throw new ZoomAuthError(
        `Zoom's token endpoint answered 200 without an access token (content-type ${response.headers["content-type"] ?? "none"}); check zoom:oauthUrl (env ZOOM_OAUTH_URL)`,
        { status: 200 },
      );
    }
    registerSecret(token);
    const expiresIn = typeof record.expires_in === "number" && record.expires_in > 0 ? record.expires_in : 3600;
    const lifetimeMs = expiresIn * 1000;
    // Measured from when the request left: the token's clock started no earlier than that.
    const expiresAtMs = startedMs + lifetimeMs;
    this.deps.logger.debug(`token fetched, expires in ${expiresIn} s`);
    return { token, expiresAtMs, refreshAtMs: expiresAtMs - refreshMarginMs(lifetimeMs) };
  }

  private refusal(response: WireResponse): ZoomAuthError {
    let reason = "";
    let code: string | number | undefined;
    try {
      const body = JSON.parse(response.body) as Record<string, unknown>;
      reason = [body.reason, body.message, body.error_description].find((v): v is string => typeof v === "string") ?? "";
      code = typeof body.error === "string" || typeof body.error === "number" ? body.error : typeof body.code === "number" ? body.code : undefined;
    } catch {
      reason = response.body.replace(/\s+/g, " ").trim().slice(0, 200);
    }
    const what = code !== undefined ? `${response.status} ${code}` : `${response.status}`;
    const refused = response.status === 400 || response.status === 401 || response.status === 403;
    const advice = refused
      ? `check ${this.settingsHint}: the account id, client id and secret of a Server-to-Server OAuth app that is activated`
      : `check zoom:oauthUrl (env ZOOM_OAUTH_URL)`;
    return new ZoomAuthError(
      `Zoom refused to issue an access token (${what}${reason ? `: ${reason}` : ""}); ${advice}`,
      code !== undefined ? { status: response.status, zoomCode: code } : { status: response.status },
    );
  }
}

export function createTokenSource(settings: ZoomSettings, deps: ClientCredentialsDeps): TokenSource {
  return settings.credentials.kind === "accessToken"
    ? new StaticTokenSource(settings.credentials.accessToken)
    : new ClientCredentialsTokenSource(settings.oauthUrl, settings.credentials, deps);
}
