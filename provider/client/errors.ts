/**
 * Every failure the client reports is one of these classes, and every message is built from redacted parts,
 * so an error can be printed by `pulumi up` as it is. Messages lead with what the caller was doing
 * (`RequestOptions.context`), then what Zoom said, then where: e.g.
 *
 *   creating zoom:Meeting "standup": Zoom 400 (code 300): Invalid field: password
 *     [meetingCreate POST /users/{userId}/meetings, x-zm-trackingid v=2.0;clid=...]
 */
import type { HttpMethod, OperationId, RateLimitCategory } from "../../catalogue/operations";
import { redactText, redactValue } from "./redact";

/** Where a request went: enough to find it in Zoom's logs and in ours. */
export interface RequestSite {
  readonly operationId: OperationId;
  readonly method: HttpMethod;
  /** The path template as sent, e.g. `/accounts/{accountId}/meetings/{meetingId}`. */
  readonly pathTemplate: string;
  /** `RequestOptions.context`, e.g. `creating zoom:Meeting "standup"`. */
  readonly context?: string;
}

/** Common base: `instanceof ZoomError` catches everything this client throws. */
export abstract class ZoomError extends Error {
  protected constructor(message: string, options?: { cause?: unknown }) {
    super(redactText(message), options);
    this.name = new.target.name;
  }
}

function prefix(context: string | undefined): string {
  return context ? `${redactText(context)}: ` : "";
}

/** Redacts an optional string property (error properties are printed by util.inspect, not just the message). */
function clean(value: string | undefined): string | undefined {
  return value === undefined ? undefined : redactText(value);
}

function siteSuffix(site: RequestSite, trackingId?: string): string {
  const tracking = trackingId ? `, x-zm-trackingid ${trackingId}` : "";
  return ` [${site.operationId} ${site.method} ${site.pathTemplate}${tracking}]`;
}

export interface ZoomFieldError {
  readonly field: string;
  readonly message: string;
}

export interface ZoomApiErrorDetails extends RequestSite {
  readonly status: number;
  /** Zoom's error code from the body (`{"code": 300}`); undefined when the body had none. */
  readonly zoomCode?: number;
  /** Zoom's message from the body, or a short description of a body that was not Zoom's JSON. */
  readonly zoomMessage: string;
  readonly fieldErrors?: readonly ZoomFieldError[];
  /** Zoom's `x-zm-trackingid` response header: quote it to Zoom support. */
  readonly trackingId?: string;
  /** Response headers, lower-cased (for the rate-limit headers). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Zoom answered with an error status. `status` and `zoomCode` say which (404 + 3001: the meeting is gone). */
export class ZoomApiError extends ZoomError implements RequestSite {
  readonly status: number;
  readonly zoomCode: number | undefined;
  readonly zoomMessage: string;
  readonly fieldErrors: readonly ZoomFieldError[];
  readonly trackingId: string | undefined;
  readonly operationId: OperationId;
  readonly method: HttpMethod;
  readonly pathTemplate: string;
  readonly context: string | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(details: ZoomApiErrorDetails, options?: { message?: string; cause?: unknown }) {
    super(options?.message ?? ZoomApiError.describe(details), options);
    this.status = details.status;
    this.zoomCode = details.zoomCode;
    this.zoomMessage = redactText(details.zoomMessage);
    this.fieldErrors = (details.fieldErrors ?? []).map((e) => ({ field: e.field, message: redactText(e.message) }));
    this.trackingId = details.trackingId;
    this.operationId = details.operationId;
    this.method = details.method;
    this.pathTemplate = details.pathTemplate;
    this.context = clean(details.context);
    this.headers = redactValue(details.headers ?? {}) as Record<string, string>;
  }

  static describe(d: ZoomApiErrorDetails): string {
    const code = d.zoomCode !== undefined ? ` (code ${d.zoomCode})` : "";
    // Each part is redacted on its own: joined, a key from one part could pair with a value from the next.
    // `field "password": Invalid field.` rather than `password: Invalid field.`, which reads as a secret pair.
    const fields = d.fieldErrors?.length
      ? ` (${d.fieldErrors.map((e) => `field ${JSON.stringify(redactText(e.field))}: ${redactText(e.message)}`).join("; ")})`
      : "";
    return `${prefix(d.context)}Zoom ${d.status}${code}: ${redactText(d.zoomMessage)}${fields}${siteSuffix(d, d.trackingId)}`;
  }
}

/** Which of Zoom's limits stopped a request. */
export type RateLimitKind =
  /** A Free account's daily cap for a category (6000 LIGHT, 2000 MEDIUM, 1000 HEAVY). */
  | "dailyCategory"
  /** 100 meeting create/update requests per host user per day. */
  | "dailyMeetingWritesPerUser"
  /** Per-second limits that kept answering 429 until the retry budget ran out. */
  | "perSecond";

export interface ZoomRateLimitDetails extends ZoomApiErrorDetails {
  readonly limit: RateLimitKind;
  readonly category?: RateLimitCategory;
  /** When Zoom says requests may resume; undefined when it did not say. */
  readonly resetsAt?: Date;
}

/**
 * A rate limit that waiting a little will not fix (daily limits), or per-second limits that outlasted the
 * retry budget. Subclass of ZoomApiError: it is still Zoom's 429.
 */
export class ZoomRateLimitError extends ZoomApiError {
  readonly limit: RateLimitKind;
  readonly category: RateLimitCategory | undefined;
  readonly resetsAt: Date | undefined;

  constructor(details: ZoomRateLimitDetails) {
    super(details, { message: ZoomRateLimitError.describeLimit(details) });
    this.limit = details.limit;
    this.category = details.category;
    this.resetsAt = details.resetsAt;
  }

  private static describeLimit(d: ZoomRateLimitDetails): string {
    const category = d.category ? `${d.category} ` : "";
    const said = `Zoom said: ${d.zoomMessage}${siteSuffix(d, d.trackingId)}`;
    if (d.limit === "perSecond") {
      return `${prefix(d.context)}Zoom 429: the per-second rate limit for ${category}requests was still hit after retrying; retry later or lower parallelism (pulumi up --parallel). ${said}`;
    }
    const which =
      d.limit === "dailyMeetingWritesPerUser"
        ? "the daily limit of meeting create/update requests for this host user"
        : `the account's daily limit for ${category}requests`;
    const resets = d.resetsAt ? `it resets at ${d.resetsAt.toISOString()}` : "Zoom did not say when it resets";
    return `${prefix(d.context)}Zoom 429: ${which} is used up; ${resets}, and nothing will succeed before then. ${said}`;
  }
}

/** A malformed answer: not JSON where JSON was expected (HTML error pages, empty bodies, truncated JSON). */
export class ZoomResponseError extends ZoomApiError {
  readonly contentType: string | undefined;
  /** The start of the body, redacted. */
  readonly bodySnippet: string;

  constructor(details: ZoomApiErrorDetails & { contentType?: string; body: string; problem: string }) {
    const snippet = snippetOf(details.body);
    const message = `${prefix(details.context)}Zoom answered ${details.status} with ${redactText(details.problem)}${
      details.contentType ? ` (content-type ${details.contentType})` : ""
    }${snippet ? `: ${snippet}` : ""}${siteSuffix(details, details.trackingId)}`;
    super({ ...details, zoomMessage: details.zoomMessage || details.problem }, { message });
    this.contentType = details.contentType;
    this.bodySnippet = redactText(snippet);
  }
}

/** The first line of sense in a body: an HTML page's title, else the first 200 characters, whitespace folded. */
export function snippetOf(body: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = (title ?? body).replace(/\s+/g, " ").trim();
  return redactText(text.length > 200 ? `${text.slice(0, 200)}...` : text);
}

/**
 * A request that ended without an answer Zoom's error mapping could read: where it went and what happened
 * instead. Shared by the two kinds below, which differ in whether the request may have had an effect.
 */
abstract class ZoomUnansweredError extends ZoomError implements RequestSite {
  readonly operationId: OperationId;
  readonly method: HttpMethod;
  readonly pathTemplate: string;
  readonly context: string | undefined;
  /** What happened: e.g. `Zoom 503`, `connection reset (ECONNRESET)`, `timeout after 30000 ms`. */
  readonly reason: string;

  protected constructor(message: string, site: RequestSite & { reason: string }, options?: { cause?: unknown }) {
    super(message, options);
    this.operationId = site.operationId;
    this.method = site.method;
    this.pathTemplate = site.pathTemplate;
    this.context = clean(site.context);
    this.reason = redactText(site.reason);
  }
}

/**
 * A POST whose effect is unknown: Zoom answered 5xx, the connection broke, or the request timed out after it
 * was sent. The object may or may not exist now; the client never re-sends a POST blindly (that could create
 * a duplicate). The resource layer should look for the object it meant to create.
 */
export class ZoomOutcomeUnknownError extends ZoomUnansweredError {
  /** The HTTP status, when there was an answer. */
  readonly status: number | undefined;
  readonly trackingId: string | undefined;
  /**
   * Set when the request timed out (how long the client waited): unlike a 5xx or a broken connection, Zoom may
   * still be working on it and apply it later, so an object not found at once may yet appear.
   */
  readonly timedOutAfterMs: number | undefined;

  constructor(site: RequestSite & { reason: string; status?: number; trackingId?: string; timedOutAfterMs?: number }, options?: { cause?: unknown }) {
    super(
      `${prefix(site.context)}the outcome of ${site.method} ${site.pathTemplate} is unknown (${site.reason}); ` +
        `Zoom may or may not have applied it, and it was not re-sent to avoid a duplicate${siteSuffix(site, site.trackingId)}`,
      site,
      options,
    );
    this.status = site.status;
    this.trackingId = site.trackingId;
    this.timedOutAfterMs = site.timedOutAfterMs;
  }
}

/**
 * The request never got an answer after every retry (connection refused or reset, DNS, timeouts) on an
 * operation that is safe to retry. Not for POSTs that may have reached Zoom: those are ZoomOutcomeUnknownError.
 */
export class ZoomNetworkError extends ZoomUnansweredError {
  readonly attempts: number;

  constructor(site: RequestSite & { reason: string; attempts: number }, options?: { cause?: unknown }) {
    super(
      `${prefix(site.context)}could not reach Zoom: ${site.reason}${site.attempts === 0 ? "" : ` (after ${site.attempts} attempt${site.attempts === 1 ? "" : "s"})`}${siteSuffix(site)}`,
      site,
      options,
    );
    this.attempts = site.attempts;
  }
}

/**
 * Authentication failed: Zoom's token endpoint refused the credentials, or the API refused a token that was
 * just fetched (or supplied ready-made through zoom:accessToken). Never retried in a loop.
 */
export class ZoomAuthError extends ZoomError {
  /** HTTP status of the refusing answer, when there was one. */
  readonly status: number | undefined;
  /** Zoom's code (124 for an invalid token) or OAuth error (`invalid_client`), when known. */
  readonly zoomCode: number | string | undefined;

  constructor(message: string, details: { status?: number; zoomCode?: number | string } = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.status = details.status;
    this.zoomCode = details.zoomCode;
  }
}

/** Settings are missing, partial, contradictory or malformed. One error lists every problem. */
export class ZoomConfigError extends ZoomError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[], hint?: string) {
    super(
      `pulumi-zoom configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}${hint ? `\n${hint}` : ""}`,
    );
    this.problems = problems.map(redactText);
  }
}

/**
 * The caller asked for something the client cannot send: a missing or malformed path parameter, an unknown
 * operation. A bug in the caller or a bad id in a program; nothing was sent.
 */
export class ZoomInvalidRequestError extends ZoomError {
  constructor(message: string) {
    super(message);
  }
}
