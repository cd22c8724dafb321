/**
 * The one redactor. Every log line and every error message the client produces passes through `redactText`,
 * every object it prints through `redactValue`, so a secret has exactly one place to be forgotten in.
 *
 * Two mechanisms, because neither alone is enough:
 * - shape rules: secret-bearing keys (`password`, `start_url`, ...), `Authorization` headers, bearer tokens,
 *   JWT-shaped strings and secret query parameters (`zak=`, `token=`, `pwd=`) are masked wherever they appear;
 * - a registry of known secret values (the client secret, every token the process fetched or was given):
 *   those are scrubbed from any text even when they appear in a shape no rule anticipated, e.g. echoed back
 *   inside an HTML error page.
 */

export const REDACTED = "[REDACTED]";

/**
 * Keys whose values are secrets wherever they appear (compared case-insensitively, `-` and `_` alike).
 * `start_url` embeds a host token (ZAK) that starts the meeting as its host; `encrypted_password` is what
 * `join_url`'s `pwd=` carries.
 */
const SECRET_KEYS: ReadonlySet<string> = new Set(
  [
    "authorization",
    "password",
    "h323_password",
    "pstn_password",
    "encrypted_password",
    "leader_pin",
    "start_url",
    "access_token",
    "refresh_token",
    "id_token",
    "token",
    "zak",
    "client_secret",
    "clientSecret",
    "accessToken",
    "secret",
  ].map(normalizeKey),
);

/** Query parameters whose values are secrets: host tokens, meeting passcodes, access tokens. */
const SECRET_QUERY_PARAMS = ["zak", "token", "access_token", "pwd", "tk", "client_secret", "password"];

/** Values shorter than this are not registered: scrubbing a 3-character string would maul ordinary text. */
const MIN_REGISTERED_SECRET_LENGTH = 6;

const knownSecrets = new Set<string>();

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/-/g, "_");
}

/** Whether a property or header name carries a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normalizeKey(key));
}

/**
 * Remembers a secret value so `redactText` scrubs it from any text from now on (process-wide: a token fetched
 * by one client must not leak through another's error message).
 */
export function registerSecret(value: string | undefined): void {
  if (value === undefined) return;
  const trimmed = value.trim();
  if (trimmed.length < MIN_REGISTERED_SECRET_LENGTH) return;
  knownSecrets.add(trimmed);
  // Secrets also travel percent-encoded (query strings) and base64-encoded (Basic auth is handled separately).
  const encoded = encodeURIComponent(trimmed);
  if (encoded !== trimmed) knownSecrets.add(encoded);
}

/** For tests: how many secrets the registry holds. */
export function registeredSecretCount(): number {
  return knownSecrets.size;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const SECRET_KEY_ALTERNATION = [...SECRET_KEYS].map((k) => escapeRegExp(k).replace(/_/g, "[_-]")).join("|");

/** `"password": "x"` / `'password':'x'` in JSON or JS-ish text (the value may contain escaped quotes). */
const JSON_PAIR = new RegExp(`((?<![\\w-])["']?(?:${SECRET_KEY_ALTERNATION})["']?\\s*[:=]\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi");
/** `password=x` / `password: x` unquoted (form bodies, log fragments, query strings). */
const BARE_PAIR = new RegExp(`(\\b(?:${SECRET_KEY_ALTERNATION})\\b\\s*[:=]\\s*)(?!["'\\s]|\\[REDACTED\\])[^\\s&,;"'}\\]]+`, "gi");
/** `Authorization: Basic xyz` or `Bearer xyz` anywhere (12+ characters, so "Basic plan" survives). */
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]{12,}=*/gi;
/** Three base64url segments, the first starting like a JSON header: a JWT (Zoom's tokens and ZAKs are JWTs). */
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const SECRET_QUERY = new RegExp(`([?&;](?:${SECRET_QUERY_PARAMS.map(escapeRegExp).join("|")})=)[^&#\\s"'<>]*`, "gi");

/** Masks every secret in a piece of text. Idempotent. */
export function redactText(text: string): string {
  let out = text;
  // Registered values first and longest first, so a token is removed whole before rules cut it into pieces.
  const secrets = [...knownSecrets].sort((a, b) => b.length - a.length);
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(AUTH_SCHEME, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(SECRET_QUERY, (_m, prefix: string) => `${prefix}${REDACTED}`)
    .replace(JSON_PAIR, (_m, prefix: string) => `${prefix}"${REDACTED}"`)
    .replace(BARE_PAIR, (_m, prefix: string) => `${prefix}${REDACTED}`);
}

/**
 * A deep copy of `value` with secret-keyed properties masked and every string passed through `redactText`.
 * Safe on cycles and on anything JSON.stringify would choke on.
 */
export function redactValue(value: unknown): unknown {
  return redactInner(value, new WeakSet<object>(), 0);
}

const MAX_DEPTH = 20;

function redactInner(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  if (depth > MAX_DEPTH) return "[Truncated]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactInner(item, seen, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) && item !== undefined && item !== null && item !== "" ? REDACTED : redactInner(item, seen, depth + 1);
  }
  return out;
}

/** `redactValue` then JSON, for embedding an object in a message; never throws. */
export function redactToJson(value: unknown): string {
  try {
    return JSON.stringify(redactValue(value)) ?? String(value);
  } catch {
    return "[unprintable]";
  }
}
