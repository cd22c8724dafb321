/**
 * Server-to-server OAuth as zoom.us answers it: `POST /oauth/token?grant_type=account_credentials&account_id=ID`
 * with HTTP Basic `client_id:client_secret`, and the bearer tokens it hands out.
 *
 * zoom.us/oauth answers errors as `{"reason": ..., "error": ...}` (not the API's `{code, message}`). Zoom's
 * OAuth error page names the cases (invalid client, unsupported grant type, missing parameters) but not every
 * body; where it is silent the bodies below follow the same style.
 */
import { OPERATIONS } from "../../catalogue/operations";
import { ZoomHttpError } from "../types";
import type { EmulatorClock } from "./clock";
import { secretToken } from "./random";

export interface Credentials {
  readonly accountId: string;
  readonly clientId: string;
  clientSecret: string;
}

export interface TokenAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

interface IssuedToken {
  readonly accountId: string;
  readonly expiresAtMs: number;
}

/** Every scope the catalogue mentions: what a server-to-server app for pulumi-zoom would be granted. */
const GRANTED_SCOPES = [
  ...new Set(Object.values(OPERATIONS).flatMap((op) => [...op.scopes.plain, ...op.scopes.master])),
].sort();

function oauthError(status: number, error: string, reason: string): TokenAnswer {
  return { status, body: { reason, error } };
}

function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly clock: EmulatorClock,
    private readonly credentials: Credentials,
    private readonly ttlSeconds: () => number,
  ) {}

  /**
   * The token endpoint. Parameters may come in the query string (what Zoom's docs show) or in an
   * `application/x-www-form-urlencoded` body (what OAuth clients send); the query wins when both are present.
   */
  issue(authorization: string | undefined, query: URLSearchParams, form: URLSearchParams): TokenAnswer {
    const param = (name: string): string | null => query.get(name) ?? form.get(name);
    const client = parseBasic(authorization);
    if (!client) return oauthError(400, "invalid_request", "Client ID or client secret is missing");
    if (client.id !== this.credentials.clientId || client.secret !== this.credentials.clientSecret) {
      return oauthError(401, "invalid_client", "Invalid client_id or client_secret");
    }
    const grantType = param("grant_type");
    if (!grantType) return oauthError(400, "invalid_request", "Missing grant type");
    if (grantType !== "account_credentials") {
      return oauthError(400, "unsupported_grant_type", "unsupported grant type");
    }
    const accountId = param("account_id");
    if (!accountId) return oauthError(400, "invalid_request", "Missing account_id");
    if (accountId !== this.credentials.accountId) {
      // Zoom does not document this body; a client id issued for another account is an invalid request.
      return oauthError(400, "invalid_request", `Invalid account_id: ${accountId}`);
    }
    const ttl = this.ttlSeconds();
    this.forgetExpired();
    const token = secretToken(48);
    this.tokens.set(token, { accountId, expiresAtMs: this.clock.nowMs() + ttl * 1000 });
    return {
      status: 200,
      body: { access_token: token, token_type: "bearer", expires_in: ttl, scope: GRANTED_SCOPES.join(" ") },
    };
  }

  /**
   * The account id a bearer token acts for; Zoom's 401 code 124 when missing, unknown, expired or revoked. The
   * spec documents two messages for code 124: "Invalid access token." and "Access token has expired."; a token
   * this issuer handed out whose hour is over gets the second.
   */
  authenticate(authorization: string | undefined): string {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    const issued = match ? this.tokens.get(match[1]) : undefined;
    if (!issued) throw new ZoomHttpError(401, 124, "Invalid access token.");
    if (issued.expiresAtMs <= this.clock.nowMs()) throw new ZoomHttpError(401, 124, "Access token has expired.");
    return issued.accountId;
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  /**
   * Long runs (benchmarks) issue many tokens; expired ones are never valid again (a forgotten one then reads
   * as an invalid token, the other of the spec's two code-124 messages).
   */
  private forgetExpired(): void {
    if (this.tokens.size < 1000) return;
    const now = this.clock.nowMs();
    for (const [token, issued] of this.tokens) if (issued.expiresAtMs <= now) this.tokens.delete(token);
  }
}
