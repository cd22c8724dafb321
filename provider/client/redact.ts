/**
 * The one redactor. Every log line and every error message the client produces passes through `redactText`,
 * every object it prints through `redactValue`, so a secret has exactly one place to be forgotten in.
 *
 * Two mechanisms, because neither alone is enough:
 * - shape rules: secret-bearing keys (`password`, `start_url`, ...), `Authorization` headers, bearer tokens,
 *   JWT-shaped strings and secret query parameters (`zak=`, `token=`, `pwd=`) are masked wherever they appear;
 * - a registry of known secret values (the client secret, every token the process fetched or was given, every
 *   passcode, PIN and host key a request or answer carried): those are scrubbed from any text even when they
 *   appear in a shape no rule anticipated, e.g. echoed back inside an HTML error page or quoted in prose.
 */

export const REDACTED = "[REDACTED]";

/**
 * Keys whose values are secrets wherever they appear, in any casing and spelling: `leader_pin`, `leaderPin`,
 * `LEADER-PIN` and `leaderpin` are one key (compared with case and separators removed). `start_url` embeds a
 * host token (ZAK) that starts the meeting as its host; `join_url` and `chat_join_url` carry the encrypted
 * passcode (`pwd=`) or a join token (`tk=`); `encrypted_password` is what `pwd=` carries; `dynamic_host_key`
 * and `host_key` claim the host role.
 */
const SECRET_KEY_NAMES = [
  "authorization",
  "password",
  "h323_password",
  "pstn_password",
  "encrypted_password",
  "leader_pin",
  "start_url",
  "join_url",
  "chat_join_url",
  "host_key",
  "dynamic_host_key",
  "access_token",
  "refresh_token",
  "id_token",
  "token",
  "zak",
  "client_secret",
  "secret",
];
const SECRET_KEYS: ReadonlySet<string> = new Set(SECRET_KEY_NAMES.map(normalizeKey));

/** Query parameters whose values are secrets: host tokens, meeting passcodes, access tokens. */
const SECRET_QUERY_PARAMS = ["zak", "token", "access_token", "pwd", "tk", "client_secret", "password"];

/** Values shorter than this are not registered: scrubbing a 3-character string would maul ordinary text. */
const MIN_REGISTERED_SECRET_LENGTH = 6;

/**
 * Registered secrets made only of the characters below are found as whole words (see `scrubWords`): a set lookup
 * per word, so thousands of passcodes cost nothing per line, and a registered `271828` masks the PIN, never the
 * digits inside a longer number. Anything else (rare) is searched for as a substring.
 */
const WORD = /[A-Za-z0-9@*_.+/=%~-]+/g;
const WORD_ONLY = /^[A-Za-z0-9@*_.+/=%~-]+$/;
const PUNCTUATION = /[@*_.+/=%~-]/;

const knownWords = new Set<string>();
let longestWord = 0;
const knownOther = new Set<string>();

/** `leaderPin`, `leader_pin`, `LEADER-PIN` → `leaderpin`. */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

/** Whether a property or header name carries a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normalizeKey(key));
}

function remember(value: string): void {
  if (WORD_ONLY.test(value)) {
    knownWords.add(value);
    longestWord = Math.max(longestWord, value.length);
  } else {
    knownOther.add(value);
  }
}

/**
 * Remembers a secret value so `redactText` scrubs it from any text from now on (process-wide: a token fetched
 * by one client must not leak through another's error message, a passcode Zoom read back must not leak through
 * a later message that quotes it).
 */
export function registerSecret(value: string | undefined): void {
  if (value === undefined) return;
  const trimmed = value.trim();
  if (trimmed.length < MIN_REGISTERED_SECRET_LENGTH) return;
  remember(trimmed);
  // Secrets also travel percent-encoded (query strings) and base64-encoded (Basic auth is handled separately).
  const encoded = encodeURIComponent(trimmed);
  if (encoded !== trimmed) remember(encoded);
}

/**
 * Registers every secret in a request or answer body: values under secret keys (a meeting's passcodes, a TSP
 * leader PIN, a host key) and the secret query parameters of any URL in it (`pwd=`, `tk=`, `zak=`), so prose
 * quoting them later ("passcode Pw12345 is invalid") is masked too.
 */
export function registerSecretsIn(value: unknown, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (typeof value === "string") {
    if (value.includes("=")) for (const match of value.matchAll(SECRET_QUERY)) registerSecret(decodeSafely(match[2]!));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) registerSecretsIn(item, depth + 1);
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value)) {
    if (isSecretKey(key) && (typeof item === "string" || typeof item === "number")) registerSecret(String(item));
    registerSecretsIn(item, depth + 1);
  }
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** For tests: how many secrets the registry holds. */
export function registeredSecretCount(): number {
  return knownWords.size + knownOther.size;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `leader_pin` → `leader[_-]?pin`, matched case-insensitively: every spelling of the key. */
const SECRET_KEY_ALTERNATION = [...SECRET_KEY_NAMES]
  .sort((a, b) => b.length - a.length)
  .map((k) => k.split("_").map(escapeRegExp).join("[_-]?"))
  .join("|");

/** `"password": "x"` / `'leaderPin':'x'` in JSON or JS-ish text (the value may contain escaped quotes). */
const JSON_PAIR = new RegExp(`((?<![\\w-])["']?(?:${SECRET_KEY_ALTERNATION})["']?\\s*[:=]\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi");
/**
 * `password=x` (form bodies, query strings, log fragments) and `password:x`. Not `token: x` with a space: that
 * is prose ("could not get a Zoom access token: connection refused"), and a secret in prose is caught by value.
 */
const BARE_PAIR = new RegExp(`((?<![\\w-])(?:${SECRET_KEY_ALTERNATION})(?:\\s*=\\s*|:))(?!["'\\s]|\\[REDACTED\\])[^\\s&,;"'}\\]]+`, "gi");
/** `Authorization: Basic xyz` or `Bearer xyz` anywhere (12+ characters, so "Basic plan" survives). */
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]{12,}=*/gi;
/** Three base64url segments, the first starting like a JSON header: a JWT (Zoom's tokens and ZAKs are JWTs). */
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const SECRET_QUERY = new RegExp(`([?&;](?:${SECRET_QUERY_PARAMS.map(escapeRegExp).join("|")})=)([^&#\\s"'<>]*)`, "gi");

/**
 * Registered word-like secrets, wherever they stand as a word or between punctuation inside one
 * (`pwd=Pw12345.1`, `(Pw12345)`, `Pw12345.`): each run of word characters is split at its punctuation, and every
 * stretch of consecutive pieces no longer than the longest secret is looked up.
 */
function scrubWords(text: string): string {
  if (knownWords.size === 0) return text;
  return text.replace(WORD, (run) => {
    if (knownWords.has(run)) return REDACTED;
    const cuts = [0];
    for (let i = 0; i < run.length; i++) if (PUNCTUATION.test(run[i]!)) cuts.push(i, i + 1);
    cuts.push(run.length);
    // Pieces are [cuts[2k], cuts[2k+1]); a stretch runs from a piece's start to a later piece's end.
    const found: [number, number][] = [];
    for (let a = 0; a < cuts.length; a += 2) {
      for (let b = a + 1; b < cuts.length; b += 2) {
        const [from, to] = [cuts[a]!, cuts[b]!];
        if (to - from > longestWord) break;
        if (to > from && knownWords.has(run.slice(from, to))) found.push([from, to]);
      }
    }
    if (found.length === 0) return run;
    // Longest first, then left to right, without overlaps.
    found.sort((x, y) => y[1] - y[0] - (x[1] - x[0]) || x[0] - y[0]);
    const taken: [number, number][] = [];
    for (const span of found) if (!taken.some(([f, t]) => span[0] < t && f < span[1])) taken.push(span);
    taken.sort((x, y) => x[0] - y[0]);
    let out = "";
    let at = 0;
    for (const [from, to] of taken) {
      out += run.slice(at, from) + REDACTED;
      at = to;
    }
    return out + run.slice(at);
  });
}

/** Masks every secret in a piece of text. Idempotent. */
export function redactText(text: string): string {
  let out = text;
  // Registered values first and longest first, so a token is removed whole before rules cut it into pieces.
  for (const secret of [...knownOther].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  out = scrubWords(out);
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
