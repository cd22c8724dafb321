/**
 * Raw HTTP against the emulator for conformance tests: a token from the OAuth endpoint, then plain `fetch`
 * calls that show exactly what went over the wire (status, headers, body text), with no client logic between.
 */
import type { EmulatorInfo } from "../../emulator";

export interface RawAnswer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON; undefined when empty or not JSON. */
  readonly json: T;
}

export interface CallOptions {
  readonly body?: unknown;
  /** Sent as is (for malformed bodies); wins over `body`. */
  readonly rawBody?: string;
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
}

export function basicAuth(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
}

async function answer<T>(response: Response): Promise<RawAnswer<T>> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as T };
}

export class RawZoom {
  private token: string | undefined;

  constructor(private readonly info: EmulatorInfo) {}

  /** `POST /oauth/token` with the given (default: the emulator's) credentials. */
  async requestToken(
    overrides: { clientId?: string; clientSecret?: string; accountId?: string; grantType?: string } = {},
  ): Promise<RawAnswer<{ access_token: string; expires_in: number; token_type: string; scope: string }>> {
    const query = new URLSearchParams({
      grant_type: overrides.grantType ?? "account_credentials",
      account_id: overrides.accountId ?? this.info.accountId,
    });
    const response = await fetch(`${this.info.oauthUrl}?${query.toString()}`, {
      method: "POST",
      headers: {
        Authorization: basicAuth(overrides.clientId ?? this.info.clientId, overrides.clientSecret ?? this.info.clientSecret),
      },
    });
    return answer(response);
  }

  /** A valid token (fetched once, then reused; `refresh` forces a new one). */
  async accessToken(refresh = false): Promise<string> {
    if (!this.token || refresh) {
      const got = await this.requestToken();
      if (got.status !== 200) throw new Error(`token request failed: ${got.status} ${got.text}`);
      this.token = got.json.access_token;
    }
    return this.token;
  }

  /**
   * One API call; `path` is below `/v2` (e.g. `/users/me/meetings?page_size=5`). Without an explicit `token`
   * it uses the cached one and, when that has expired (tests move the emulator's clock), fetches a new one
   * and tries once more; with an explicit `token` (or `null` for none) the answer is exactly what came back.
   */
  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<RawAnswer<T>> {
    if (options.token !== undefined) return this.send<T>(method, path, options, options.token);
    const first = await this.send<T>(method, path, options, await this.accessToken());
    if (first.status !== 401) return first;
    return this.send<T>(method, path, options, await this.accessToken(true));
  }

  /** A GET that must answer 200: its JSON. Any other answer fails the test, naming the status and the body. */
  async read<T = unknown>(path: string): Promise<T> {
    const answer = await this.call<T>("GET", path);
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}, not 200: ${answer.text}`);
    return answer.json;
  }

  private async send<T>(method: string, path: string, options: CallOptions, token: string | null): Promise<RawAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined = options.rawBody;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["Content-Type"] ??= "application/json";
    const response = await fetch(`${this.info.url}${path}`, { method, headers, body });
    return answer<T>(response);
  }
}
