/**
 * The Zoom API client: one request = scope the path, take a token, wait for the rate limiter, send, interpret.
 *
 * What is retried, and why:
 * - 429 per-second (`X-RateLimit-Type: QPS` or no type): every method, after Retry-After or full-jitter backoff.
 *   Zoom refused the request before doing anything, so even a POST is safe to re-send.
 * - 429 daily limits: never; waiting seconds cannot help. ZoomRateLimitError says which limit and when it resets.
 * - 5xx, connection reset/hang-up, timeouts, and 2xx answers that are garbled (an HTML page, a cut-off body):
 *   GET, PUT, PATCH and DELETE only (the same request twice has the same effect). A POST may have created the
 *   object: ZoomOutcomeUnknownError, never a blind re-send.
 * - Failures before anything was sent (connection refused): every method.
 * - 401 code 124 (token revoked or expired): one token refresh and one more attempt, then ZoomAuthError.
 * All retries share one budget per request (attempts and total wait: retry.ts).
 */
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_OPERATION_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, type Environment } from "./config";
import { OperationDeadline } from "./deadline";
import { FirstFatal } from "./fatal";
import {
  ZoomAuthError,
  ZoomInvalidRequestError,
  ZoomNetworkError,
  ZoomOutcomeUnknownError,
  ZoomRateLimitError,
  type RequestSite,
} from "./errors";
import { axiosTransport, TransportError, type Transport, type WireResponse } from "./http";
import { categoryOfAnswer, isolatedLimiter, rateLimitAccountKey, sharedLimiter, UNLIMITED, type AnswerSignal, type RateLimiter } from "./limiter";
import { createLogger, debugFromEnv, stderrSink, type LogSink, type Logger } from "./log";
import { OPERATIONS, type Operation, type OperationId, type RateLimitCategory } from "../../catalogue/operations";
import { paginate } from "./pagination";
import { buildPath, buildUrl, operationOf } from "./path";
import { registerSecretsIn } from "./redact";
import { errorFromResponse, errorInfo, isPlainObject, parseBody, responseError } from "./response";
import { classifyRateLimit, DEFAULT_RETRY_POLICY, parseRetryAfterMs, RetryBudget, sleep, type RetryPolicy } from "./retry";
import { createTokenSource, type TokenSource } from "./token";
import type { ClientCounters, PaginateOptions, RequestOptions, ZoomClient, ZoomResponse, ZoomSettings } from "./types";

export interface ClientOptions {
  /** Per-attempt timeout; default: settings.requestTimeoutMs, else 30 s. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Where log lines go; default stderr. Every line is redacted first. */
  readonly logSink?: LogSink;
  /** Debug lines per request; default: `ZOOM_LOG=debug` in `env`. */
  readonly debug?: boolean;
  /** Environment to read ZOOM_LOG and ZOOM_BENCH_NO_LIMITER from; default process.env. */
  readonly env?: Environment;
  /**
   * `shared` (default): the process-wide limiter of this account (limiter.ts). `isolated`: a limiter of this
   * client's own, for tests that must not share a budget. A RateLimiter: that one (tests that watch its budget,
   * or run it against a clock of their own).
   */
  readonly limiter?: "shared" | "isolated" | RateLimiter;
  /** Randomness for backoff jitter (tests make it deterministic). */
  readonly random?: () => number;
}

const USER_AGENT = `pulumi-zoom (node ${process.version})`;

/** Methods whose repetition has the same effect as doing them once (RFC 9110), for Zoom's API. */
const IDEMPOTENT = new Set(["GET", "PUT", "PATCH", "DELETE"]);

/** A retry's wait cut to the operation's deadline; undefined when no retry fits (or the budget said none). */
function fit(delayMs: number | undefined, deadline: OperationDeadline): number | undefined {
  return delayMs === undefined ? undefined : deadline.fitDelayMs(delayMs);
}

/** The one attempt a request gets while Zoom has answered nothing since a create timed out. */
const SILENCE_PROBE_MS = 5_000;

function newCounters(): ClientCounters {
  return { requests: 0, requestsByCategory: { LIGHT: 0, MEDIUM: 0, HEAVY: 0 }, retries: 0, rateLimited: 0, tokenFetches: 0 };
}

export class HttpZoomClient implements ZoomClient {
  readonly counters: ClientCounters = newCounters();
  private readonly tokens: TokenSource;
  private readonly limiter: RateLimiter;
  /** Operations Zoom's answers put in another rate-limit category than the catalogue does. */
  private readonly learnedCategories = new Map<string, RateLimitCategory>();
  private readonly logger: Logger;
  private readonly retryPolicy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly operationTimeoutMs: number;
  private readonly random: () => number;
  private readonly fatal = new FirstFatal();
  /**
   * When the API last answered anything: an operation that heard nothing is silence. The token endpoint is
   * another host: its answers say nothing of the API's (a silent token endpoint fails through token()).
   */
  private lastAnswerAtMs = 0;
  /** Set when a create timed out with nothing answering since it started; cleared by any answer. */
  private silentSinceMs: number | undefined;

  constructor(
    readonly settings: ZoomSettings,
    options: ClientOptions = {},
    private readonly transport: Transport = axiosTransport,
  ) {
    const env = options.env ?? process.env;
    this.logger = createLogger(options.logSink ?? stderrSink, options.debug ?? debugFromEnv(env));
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.connectTimeoutMs = settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.operationTimeoutMs = settings.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
    this.random = options.random ?? Math.random;
    this.limiter = this.pickLimiter(options, env);
    this.tokens = createTokenSource(settings, {
      transport,
      logger: this.logger,
      retryPolicy: this.retryPolicy,
      timeoutMs: this.timeoutMs,
      connectTimeoutMs: this.connectTimeoutMs,
      onFetch: () => {
        this.counters.tokenFetches += 1;
      },
    });
  }

  private pickLimiter(options: ClientOptions, env: Environment): RateLimiter {
    if (env.ZOOM_BENCH_NO_LIMITER === "1") {
      // Benchmark-only: measures the limiter's cost. Against real Zoom this just produces 429s.
      this.logger.warn("ZOOM_BENCH_NO_LIMITER=1: client-side rate limiting is OFF (benchmarks only)");
      return UNLIMITED;
    }
    if (options.limiter === "isolated") return isolatedLimiter(this.settings.plan);
    if (typeof options.limiter === "object") return options.limiter;
    return sharedLimiter(this.settings.apiUrl, rateLimitAccountKey(this.settings), this.settings.plan, (existing) =>
      this.logger.warn(
        `zoom:plan "${this.settings.plan}" ignored: this process already budgets this account as "${existing}" (one account, one set of limits)`,
      ),
    );
  }

  private heardFromZoom(): void {
    this.lastAnswerAtMs = Date.now();
    this.silentSinceMs = undefined;
  }

  get fatalError(): Error | undefined {
    return this.fatal.error;
  }

  /** Zeroes the counters (benchmarks measure one phase at a time). */
  resetCounters(): void {
    Object.assign(this.counters, newCounters());
  }

  async request<T = unknown>(options: RequestOptions): Promise<ZoomResponse<T>> {
    const operation = operationOf(options.operation);
    const { built, url } = this.locate(operation, options);
    const site: RequestSite = {
      operationId: operation.id as OperationId,
      method: operation.method,
      pathTemplate: built.template,
      ...(options.context ? { context: options.context } : {}),
    };
    // Passcodes and PINs we send, and (below) those Zoom answers, are masked in any text from now on.
    registerSecretsIn(options.body);
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const budget = new RetryBudget(this.retryPolicy);
    // Zoom has answered nothing since a create timed out: one short attempt tells whether it is busy (it answers)
    // or silent (then this run stops here, with one error), instead of a whole deadline per operation.
    const probing = this.silentSinceMs !== undefined;
    const deadline = new OperationDeadline(probing ? Math.min(SILENCE_PROBE_MS, timeoutMs) : this.operationTimeoutMs);
    const operationStartedMs = Date.now();
    let refreshedAfter401 = false;
    if (this.fatal.error) throw this.fatal.pointer(site);

    for (;;) {
      budget.startAttempt();
      // The rate limiter first: a request can queue behind a big deployment for minutes, and a token taken
      // before the wait could expire during it. Queueing is not Zoom's silence: the deadline does not count it.
      const queuedMs = Date.now();
      const category = this.learnedCategories.get(operation.id) ?? operation.category;
      const release = await this.limiter.acquire(category);
      let answer: AnswerSignal | undefined;
      deadline.exclude(Date.now() - queuedMs);
      let startedMs = Date.now();
      let outcome: WireResponse | TransportError;
      let token: string;
      try {
        token = await this.token(site, deadline);
        const attemptTimeoutMs = deadline.attemptTimeoutMs(timeoutMs);
        if (attemptTimeoutMs === undefined) throw this.outOfTime(site, deadline, operationStartedMs);
        this.counters.requests += 1;
        this.counters.requestsByCategory[category] += 1;
        startedMs = Date.now();
        const headers: Record<string, string> = {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          "User-Agent": USER_AGENT,
        };
        if (body !== undefined) headers["Content-Type"] = "application/json";
        outcome = await this.transport({
          method: operation.method,
          url,
          headers,
          timeoutMs: attemptTimeoutMs,
          connectTimeoutMs: this.connectTimeoutMs,
          ...(body !== undefined ? { body } : {}),
        }).catch((error: unknown) => {
          if (error instanceof TransportError) return error;
          throw error;
        });
        if (!(outcome instanceof TransportError)) answer = this.rateLimitSignal(operation.id, category, outcome);
      } finally {
        // The answer is in (or the attempt is over): the permit returns one window from now, not from the launch.
        release(answer);
      }
      if (outcome instanceof TransportError) {
        this.logLine(site, outcome.describe(), startedMs, budget);
        deadline.tried.push(outcome.describe());
        const delay = this.transportRetryDelay(operation, site, outcome, budget, deadline, operationStartedMs);
        await this.pause(site, delay, outcome.describe(), budget);
        if (this.fatal.error && this.lastAnswerAtMs < operationStartedMs) throw this.fatal.pointer(site);
        continue;
      }
      const response = outcome;
      this.heardFromZoom();
      this.logLine(site, String(response.status), startedMs, budget);

      const { status } = response;
      if (status >= 200 && status < 300) {
        const problem = this.malformedSuccess(operation, response);
        if (problem === undefined) return this.success<T>(response);
        const error = responseError(site, response, problem);
        if (operation.method === "POST") {
          // Zoom said yes but we cannot read what it made: as good as not knowing.
          throw new ZoomOutcomeUnknownError({ ...site, reason: `Zoom ${status} with ${problem}`, status }, { cause: error });
        }
        // A garbled answer (a proxy's page, a cut-off body) to a request that is safe to repeat: ask again, as
        // for a 5xx. The chaos run found refreshes and updates failing on one such answer.
        const delay = fit(budget.nextDelayMs(undefined, this.random), deadline);
        if (delay === undefined) throw error;
        await this.pause(site, delay, `${status} with ${problem}`, budget);
        continue;
      }

      if (status === 401) {
        const parsed = parseBody(response);
        const info = parsed.kind === "json" ? errorInfo(parsed.value) : undefined;
        if (info?.zoomCode === 124 && this.tokens.canRefresh && !refreshedAfter401) {
          // The token was revoked or expired early (Zoom's clock, not ours): one fresh token, one more try.
          refreshedAfter401 = true;
          this.tokens.invalidate(token);
          this.counters.retries += 1;
          continue;
        }
        const refused = this.authError(site, response, info?.zoomCode, info?.zoomMessage, refreshedAfter401);
        // A supplied token refused, or a fresh one refused too: every later request would be refused alike.
        if (!this.tokens.canRefresh || refreshedAfter401) throw this.fatal.record(refused, "Zoom refused this stack's credentials", site);
        throw refused;
      }

      if (status === 429) {
        this.counters.rateLimited += 1;
        const delay = this.rateLimitRetryDelay(site, response, budget, deadline);
        await this.pause(site, delay, "429", budget);
        continue;
      }

      if (status >= 500) {
        if (!IDEMPOTENT.has(operation.method)) {
          const trackingId = response.headers["x-zm-trackingid"];
          throw new ZoomOutcomeUnknownError(
            { ...site, reason: `Zoom ${status}`, status, ...(trackingId ? { trackingId } : {}) },
            { cause: errorFromResponse(site, response) },
          );
        }
        const delay = fit(budget.nextDelayMs(parseRetryAfterMs(response.headers["retry-after"], Date.now()), this.random), deadline);
        if (delay === undefined) throw errorFromResponse(site, response);
        await this.pause(site, delay, String(status), budget);
        continue;
      }

      if (status >= 300 && status < 400) {
        throw responseError(site, response, `an unexpected redirect${response.headers.location ? ` to ${response.headers.location}` : ""}`);
      }
      throw errorFromResponse(site, response);
    }
  }

  /**
   * What an answer teaches the limiter. Zoom's `X-RateLimit-Category` wins over the catalogue's label: later
   * requests of the operation queue in Zoom's category, and this answer (counted in another category than the
   * one it queued in) teaches nothing.
   */
  private rateLimitSignal(operationId: string, category: RateLimitCategory, response: WireResponse): AnswerSignal | undefined {
    const named = categoryOfAnswer(response.headers);
    if (named === undefined || named === category) return { status: response.status, headers: response.headers };
    this.learnedCategories.set(operationId, named);
    return undefined;
  }

  /**
   * The path and URL of a request. A value that cannot be sent inside its segment is refused with what the
   * caller was doing (`reading zoom:Meeting "x": ...`), so the message names the resource, not only the
   * operation (found by tests/reliability/hostileInput.test.ts).
   */
  private locate(operation: Operation, options: RequestOptions): { built: ReturnType<typeof buildPath>; url: string } {
    try {
      const built = buildPath(operation, options.pathParams, options.accountId);
      return { built, url: buildUrl(this.settings.apiUrl, built, options.query, operation.id) };
    } catch (error) {
      if (error instanceof ZoomInvalidRequestError && options.context) throw new ZoomInvalidRequestError(`${options.context}: ${error.message}`);
      throw error;
    }
  }

  /**
   * A token for this request. A refusal from the token endpoint says what the caller was doing, as every other
   * error does: the revoked-credentials test found 'Zoom refused to issue an access token' without the resource.
   * Refused credentials (or a token endpoint that does not answer) fail every later request alike: the first
   * error is remembered and later ones point to it.
   */
  private async token(site: RequestSite, deadline: OperationDeadline): Promise<string> {
    try {
      return await this.tokens.getToken(deadline);
    } catch (error) {
      if (!(error instanceof ZoomAuthError)) throw error;
      if (this.fatal.error) throw this.fatal.pointer(site);
      const details = { ...(error.status !== undefined ? { status: error.status } : {}), ...(error.zoomCode !== undefined ? { zoomCode: error.zoomCode } : {}) };
      const labelled = site.context ? new ZoomAuthError(`${site.context}: ${error.message}`, details, { cause: error }) : error;
      const summary = error.status === undefined ? `Zoom's token endpoint (${this.settings.oauthUrl}) did not answer` : "Zoom refused this stack's credentials";
      throw this.fatal.record(labelled, summary, site);
    }
  }

  /**
   * The operation's deadline ran out with no answer. When nothing at all answered since the operation
   * started, Zoom is unreachable or silent for this run: remembered, so later operations fail at once.
   */
  private outOfTime(site: RequestSite, deadline: OperationDeadline, operationStartedMs: number, cause?: unknown): ZoomNetworkError {
    if (this.fatal.error && this.lastAnswerAtMs < operationStartedMs) return this.fatal.pointer(site) as ZoomNetworkError;
    const silence = this.silentSinceMs === undefined ? "" : `nothing since an earlier request timed out ${Math.round((Date.now() - this.silentSinceMs) / 1000)} s ago, then `;
    const reason =
      `no answer from Zoom at ${this.settings.apiUrl}: ${silence}${deadline.describe(Date.now() - operationStartedMs)}; ` +
      `tried up to ${this.retryPolicy.maxAttempts} attempts within ${deadline.totalMs / 1000} s (operation timeout ${this.operationTimeoutMs / 1000} s, zoom:operationTimeoutSeconds), ` +
      `each waiting ${this.connectTimeoutMs / 1000} s to connect (zoom:connectTimeoutSeconds) and ${this.timeoutMs / 1000} s for the answer (zoom:requestTimeoutSeconds); ` +
      `check zoom:apiUrl (env ZOOM_API_URL), the network and proxy, and https://status.zoom.us`;
    const error = new ZoomNetworkError({ ...site, reason, attempts: 0 }, cause === undefined ? undefined : { cause });
    if (this.lastAnswerAtMs >= operationStartedMs) return error;
    return this.fatal.record(error, `Zoom at ${this.settings.apiUrl} did not answer`, site) as ZoomNetworkError;
  }

  /** What is wrong with a 2xx answer, or undefined when it is as it should be. */
  private malformedSuccess(operation: Operation, response: WireResponse): string | undefined {
    const parsed = parseBody(response);
    // GETs and every catalogued POST answer with an object; PATCH/PUT/DELETE answer 204 (or 200) without one.
    const expectsObject = response.status !== 204 && (operation.method === "GET" || operation.method === "POST");
    if (parsed.kind === "malformed") return parsed.problem;
    if (expectsObject && parsed.kind === "empty") return "an empty body where a JSON object was expected";
    if (expectsObject && parsed.kind === "json" && !isPlainObject(parsed.value)) return "JSON that is not an object";
    return undefined;
  }

  /** A 2xx answer: its JSON, or undefined for Zoom's empty 204s. */
  private success<T>(response: WireResponse): ZoomResponse<T> {
    const parsed = parseBody(response);
    const data = response.status === 204 || parsed.kind !== "json" ? undefined : (parsed.value as T);
    registerSecretsIn(data);
    return { status: response.status, data, headers: response.headers };
  }

  /** The wait before re-sending after a network failure, or throws when that may not or cannot happen. */
  private transportRetryDelay(
    operation: Operation,
    site: RequestSite,
    error: TransportError,
    budget: RetryBudget,
    deadline: OperationDeadline,
    operationStartedMs: number,
  ): number {
    if (error.kind !== "notSent" && !IDEMPOTENT.has(operation.method)) {
      const timedOut = error.kind === "timeout" && error.timeoutMs !== undefined ? { timedOutAfterMs: error.timeoutMs } : {};
      const unknown = new ZoomOutcomeUnknownError({ ...site, reason: error.describe(), ...timedOut }, { cause: error });
      // Sent, so never a "not sent" pointer. Zoom may be busy with it (the provider waits, then looks for the
      // object) or silent: until anything answers, later requests probe with one short attempt (see request).
      if (error.kind === "timeout" && this.lastAnswerAtMs < operationStartedMs) this.silentSinceMs ??= operationStartedMs;
      throw unknown;
    }
    if (error.code === "ENOTFOUND") {
      // A host that does not resolve is a typo far more often than a blip.
      throw new ZoomNetworkError(
        { ...site, reason: `${error.describe()}: check zoom:apiUrl (env ZOOM_API_URL) = ${this.settings.apiUrl}`, attempts: budget.attemptCount },
        { cause: error },
      );
    }
    const delay = fit(budget.nextDelayMs(undefined, this.random), deadline);
    if (delay === undefined) throw this.outOfTime(site, deadline, operationStartedMs, error);
    return delay;
  }

  private rateLimitRetryDelay(site: RequestSite, response: WireResponse, budget: RetryBudget, deadline: OperationDeadline): number {
    const now = Date.now();
    const parsed = parseBody(response);
    const info = parsed.kind === "json" ? errorInfo(parsed.value) : undefined;
    const zoomMessage = info?.zoomMessage ?? "(no message)";
    const verdict = classifyRateLimit(response.headers, zoomMessage, now);
    const trackingId = response.headers["x-zm-trackingid"];
    const base = {
      ...site,
      status: 429,
      zoomMessage,
      headers: response.headers,
      ...(info?.zoomCode !== undefined ? { zoomCode: info.zoomCode } : {}),
      ...(trackingId ? { trackingId } : {}),
    };
    if (!verdict.retryable) {
      throw new ZoomRateLimitError({
        ...base,
        limit: verdict.limit,
        resetsAt: verdict.resetsAt,
        ...(verdict.category ? { category: verdict.category } : {}),
      });
    }
    const delay = fit(budget.nextDelayMs(verdict.retryAfterMs, this.random), deadline);
    if (delay === undefined) {
      const category = OPERATIONS[site.operationId].category;
      throw new ZoomRateLimitError({ ...base, limit: "perSecond", category });
    }
    return delay;
  }

  private authError(site: RequestSite, response: WireResponse, code: number | undefined, message: string | undefined, refreshed: boolean): ZoomAuthError {
    const said = `Zoom 401${code !== undefined ? ` (code ${code})` : ""}: ${message ?? "(no message)"}`;
    const context = site.context ? `${site.context}: ` : "";
    const why = !this.tokens.canRefresh
      ? `the access token from ${this.tokens.settingsHint} was refused (expired or revoked); supply a fresh one, or use client credentials so tokens are refreshed`
      : refreshed
        ? `Zoom refused a freshly fetched token too; check that the Server-to-Server OAuth app (${this.tokens.settingsHint}) is activated and has the scopes for ${site.operationId}`
        : `check the Server-to-Server OAuth app (${this.tokens.settingsHint})`;
    return new ZoomAuthError(`${context}${said}; ${why} [${site.operationId} ${site.method} ${site.pathTemplate}]`, {
      status: response.status,
      ...(code !== undefined ? { zoomCode: code } : {}),
    });
  }

  private async pause(site: RequestSite, delayMs: number, why: string, budget: RetryBudget): Promise<void> {
    this.counters.retries += 1;
    this.logger.debug(`${site.method} ${site.pathTemplate}: ${why}, retry ${budget.attemptCount} in ${delayMs} ms`);
    await sleep(delayMs);
  }

  private logLine(site: RequestSite, outcome: string, startedMs: number, budget: RetryBudget): void {
    if (!this.logger.debugEnabled) return;
    this.logger.debug(
      `${site.method} ${site.pathTemplate} -> ${outcome} in ${Date.now() - startedMs} ms (retries ${budget.retries}) [${site.operationId}]`,
    );
  }

  /** Every item of a paginated list (pagination.ts). */
  paginate<T = unknown>(options: PaginateOptions): AsyncGenerator<T, void, undefined> {
    return paginate<T>(this, options);
  }
}
