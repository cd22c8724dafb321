/**
 * The emulator's HTTP server: `POST /oauth/token`, Zoom's API under `/v2`, and the control endpoints under
 * `/_emulator/`. An API request goes through, in order: routing (404 for routes Zoom does not have), the bearer
 * token (401 code 124), the account of the path form (404 code 2001), rate limits (429), the fault plan, and
 * only then the route module's handler.
 */
import { maximal } from "./specMaximal";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Operation, OperationId } from "../../catalogue/operations";
import type { EmulatorExchange, EmulatorOptions, EmulatorPlan, Fault, RunningEmulator } from "../controlTypes";
import {
  ZoomHttpError,
  type EmulatorContext,
  type EmulatorRequest,
  type Handler,
  type RecordedEmail,
  type RouteModule,
} from "../types";
import { AccountDirectory, createAccounts, resolveUser, type Account } from "./accounts";
import { TokenIssuer, type Credentials, type TokenAnswer } from "./auth";
import { EmulatorClock } from "./clock";
import { isLoopbackName, refuseControl } from "./controlAccess";
import { handleControl, type ControlledEmulator } from "./controlRoutes";
import { FaultInjector } from "./faults";
import { readBody, serialize, type Answer } from "./http";
import { paginate } from "./pagination";
import { SeededRandom, randomSeed, secretToken } from "./random";
import { qpsError, RateLimiter } from "./rateLimits";
import { matchRoute, type RouteMatch } from "./router";
import { StatsRecorder } from "./stats";
import { invalidJsonBody, validate } from "./validation";

/**
 * What the emulator answers for a path or method Zoom's API does not have. Zoom does not document this body;
 * we answer in its usual error shape with the HTTP status as the code.
 */
export const ROUTE_NOT_FOUND = { code: 404, message: "Not Found" };

/** The result of an API request: an answer to send, or a connection to destroy without one. */
type Outcome = { readonly answer: Answer; readonly injected: boolean } | { readonly drop: true };

interface Registered {
  readonly module: RouteModule;
  readonly handler: Handler;
}

/**
 * Fault delays in progress. Closing the emulator ends them, so no timer outlives it: a delay longer than the
 * client's timeout otherwise kept the test worker alive after its tests ("failed to exit gracefully"). A reset
 * ends them too: the request they hold belongs to the state and log the reset discarded.
 */
class PendingDelays {
  private readonly waiting = new Map<NodeJS.Timeout, (ranOut: boolean) => void>();

  /** Resolves true when the delay ran out, false when a close or reset cut it short. */
  wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(timer);
        resolve(true);
      }, ms);
      this.waiting.set(timer, resolve);
    });
  }

  endAll(): void {
    for (const [timer, resolve] of this.waiting) {
      clearTimeout(timer);
      resolve(false);
    }
    this.waiting.clear();
  }
}

function errorAnswer(error: ZoomHttpError, headers?: Record<string, string>): Answer {
  return { status: error.status, json: error.toBody(), headers: { ...headers, ...error.headers } };
}

/** Zoom tags every API answer with a tracking id; clients log it. */
function trackingId(): string {
  return `v=2.0;clid=us05;rid=WEB_${secretToken(12)}`;
}

export class EmulatorServer implements ControlledEmulator {
  readonly clock = new EmulatorClock();
  readonly stats = new StatsRecorder();
  readonly seed: number;
  readonly credentials: Credentials;
  readonly tokens: TokenIssuer;
  readonly rateLimiter: RateLimiter;
  random: SeededRandom;
  faults: FaultInjector;
  accounts: AccountDirectory;
  plan: EmulatorPlan;
  emails: RecordedEmail[] = [];
  readonly context: EmulatorContext;
  private readonly handlers = new Map<OperationId, Registered>();
  private readonly delays = new PendingDelays();
  private readonly initialClientSecret: string;
  readonly controlToken: string;
  private readonly server: Server;
  /** `http://host:port` once listening. */
  origin = "";

  constructor(
    private readonly options: EmulatorOptions,
    readonly modules: readonly RouteModule[],
  ) {
    for (const module of modules) {
      for (const [id, handler] of Object.entries(module.handlers) as [OperationId, Handler][]) {
        const taken = this.handlers.get(id);
        if (taken) throw new Error(`operation ${id} is handled by both ${taken.module.name} and ${module.name}`);
        this.handlers.set(id, { module, handler });
      }
    }
    this.seed = options.randomSeed ?? randomSeed();
    this.random = new SeededRandom(this.seed);
    this.faults = new FaultInjector(this.random);
    this.plan = options.plan ?? "pro";
    this.context = new ModuleContext(this);
    this.accounts = this.createAccounts();
    this.initialClientSecret = options.clientSecret ?? secretToken(24);
    this.controlToken = options.controlToken ?? secretToken(24);
    this.credentials = {
      accountId: this.accounts.master.id,
      clientId: options.clientId ?? secretToken(16),
      clientSecret: this.initialClientSecret,
    };
    this.tokens = new TokenIssuer(this.clock, this.credentials, () => options.tokenTtlSeconds ?? 3600);
    this.rateLimiter = new RateLimiter(() => this.clock.nowMs(), () => this.plan);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // A client that hung up mid-request is not the emulator's failure.
        if (req.destroyed || res.destroyed) return;
        console.error("pulumi-zoom emulator: unexpected failure", error);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
  }

  async listen(): Promise<RunningEmulator> {
    // Idle kept-alive connections are left to the clients to close (Node's fetch after 4 s, the provider's agent
    // after 15 s). With the server closing them too (Node's default, 5 s), a client whose idle timer ran late on
    // a busy event loop reused a connection the server was closing, and the request failed with ECONNRESET: a
    // test's control call did, once in a full run.
    this.server.keepAliveTimeout = 0;
    const host = this.options.host ?? "127.0.0.1";
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port ?? 0, host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    if (!isLoopbackName(host)) {
      console.error(
        `pulumi-zoom emulator: warning: listening on ${host}, not a loopback address: anyone who can reach port ${port} can use the emulator's API (its control endpoints still need the control token)`,
      );
    }
    this.origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    const credentials = this.credentials;
    return {
      url: `${this.origin}/v2`,
      oauthUrl: `${this.origin}/oauth/token`,
      accountId: credentials.accountId,
      clientId: credentials.clientId,
      controlToken: this.controlToken,
      // A getter, so the value follows `POST /_emulator/credentials/rotate`.
      get clientSecret(): string {
        return credentials.clientSecret;
      },
      close: () => this.close(),
    };
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
      this.delays.endAll();
    });
  }

  /**
   * `POST /_emulator/reset`: the initial seed again (same ids), and no stats, faults, emails or clock offset.
   * Requests still held by a delay fault are dropped unanswered and unapplied: a test's timed-out request must not
   * create an object in, or add a request to the log of, the next test.
   */
  reset(): void {
    this.delays.endAll();
    this.random = new SeededRandom(this.seed);
    this.faults = new FaultInjector(this.random);
    this.accounts = this.createAccounts();
    this.plan = this.options.plan ?? "pro";
    this.credentials.clientSecret = this.initialClientSecret;
    this.emails = [];
    this.clock.reset();
    this.rateLimiter.reset();
    this.stats.reset();
  }

  rotateCredentials(): string {
    this.credentials.clientSecret = secretToken(24);
    return this.credentials.clientSecret;
  }

  private createAccounts(): AccountDirectory {
    const directory = new AccountDirectory(createAccounts(this.random));
    for (const account of directory.all()) {
      for (const module of this.modules) module.initAccount?.(account, this.context);
    }
    return directory;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const rawPath = queryAt < 0 ? url : url.slice(0, queryAt);
    const queryString = queryAt < 0 ? "" : url.slice(queryAt + 1);
    const query = new URLSearchParams(queryString);
    const method = (req.method ?? "GET").toUpperCase();
    // A request that arrived before a reset is not in the log or counters after it (see StatsRecorder.epoch).
    const epoch = this.stats.epoch;
    const body = await readBody(req);

    const exchange = { method, rawPath, query: queryString, requestBody: body.text };
    if (rawPath === "/v2" || rawPath.startsWith("/v2/")) {
      const apiPath = rawPath.slice(3);
      const started: { route?: RouteMatch; account?: Account } = {};
      const outcome = await this.handleApi(req, method, apiPath, query, body, started);
      const status = "drop" in outcome ? 0 : outcome.answer.status;
      this.stats.recordApi(
        epoch,
        {
          method,
          rawPath,
          query: queryString,
          operationId: started.route?.operationId,
          accountId: started.account?.id,
          status,
          at: this.clock.now().toISOString(),
        },
        started.route?.operation.category,
      );
      if ("drop" in outcome) {
        res.destroy();
        this.report({ ...exchange, kind: "api", operationId: started.route?.operationId, dropped: true, injected: true });
        return;
      }
      const answer = { ...outcome.answer, headers: { "x-zm-trackingid": trackingId(), ...outcome.answer.headers } };
      this.send(res, answer, { ...exchange, kind: "api", operationId: started.route?.operationId, injected: outcome.injected });
      return;
    }
    if (rawPath === "/oauth/token" && method === "POST") {
      this.stats.recordTokenRequest();
      const outcome = await this.handleToken(req, query, body.text);
      if ("drop" in outcome) {
        res.destroy();
        this.report({ ...exchange, kind: "oauth", dropped: true, injected: true });
        return;
      }
      this.send(res, outcome.answer, { ...exchange, kind: "oauth", injected: outcome.injected });
      return;
    }
    if (rawPath.startsWith("/_emulator/")) {
      const refused = refuseControl(req, this.options.host ?? "127.0.0.1", this.controlToken);
      const answer = refused ?? handleControl(this, method, rawPath.slice("/_emulator".length), query, body.text);
      this.send(res, answer, { ...exchange, kind: "control", injected: false });
      return;
    }
    this.send(res, { status: 404, json: ROUTE_NOT_FOUND }, { ...exchange, kind: "other", injected: false });
  }

  private async handleApi(
    req: IncomingMessage,
    method: string,
    apiPath: string,
    query: URLSearchParams,
    body: { text: string; tooLarge: boolean },
    started: { route?: RouteMatch; account?: Account },
  ): Promise<Outcome> {
    let rateHeaders: Record<string, string> = {};
    try {
      const route = matchRoute(method, apiPath);
      if (!route) return { answer: { status: 404, json: ROUTE_NOT_FOUND }, injected: false };
      started.route = route;
      const tokenAccountId = this.tokens.authenticate(req.headers.authorization);
      const account =
        route.accountId === undefined ? this.accounts.require(tokenAccountId) : this.accounts.require(route.accountId);
      started.account = account;
      const registered = this.handlers.get(route.operationId);
      if (!registered) return { answer: { status: 404, json: ROUTE_NOT_FOUND }, injected: false };

      const request: EmulatorRequest = {
        operationId: route.operationId,
        method,
        pathParams: route.pathParams,
        query,
        body: this.parseBody(body),
        account,
        masterForm: route.accountId !== undefined,
      };
      const meetingHostId = route.operation.countsTowardsDailyMeetingLimit
        ? registered.module.dailyMeetingLimitHost?.[route.operationId]?.(request, this.context)
        : undefined;
      rateHeaders = this.rateLimiter.admit({ accountId: account.id, category: route.operation.category, meetingHostId });

      const fault = this.faults.next({ method, operationId: route.operationId, target: "api" });
      if (fault) this.stats.recordFault(fault);
      // Cut short by a reset or close: no answer, nothing applied (the state it would change is gone).
      if (fault?.kind === "delay" && !(await this.delays.wait(fault.ms))) return { drop: true };
      const early = fault && this.faultAnswer(fault, route.operation);
      if (early) return early;

      const result = await this.run(registered.handler, request);
      if (fault?.kind === "applyThenStatus") return this.faultStatus(fault.status);
      if (fault?.kind === "applyThenDrop") return { drop: true };
      return {
        answer: { ...result, headers: { ...rateHeaders, ...result.headers } },
        injected: fault !== undefined && fault.kind !== "delay",
      };
    } catch (error) {
      if (error instanceof ZoomHttpError) return { answer: errorAnswer(error, rateHeaders), injected: false };
      throw error;
    }
  }

  /** A handler's answer, with its Zoom errors as answers and its bugs as 500s that name the bug. */
  private async run(handler: Handler, request: EmulatorRequest): Promise<Answer> {
    try {
      const result = await handler(request, this.context);
      const json = this.options.specMaximal && result.status < 300 ? maximal(request.operationId, result.body) : result.body;
      return { status: result.status, json, headers: result.headers };
    } catch (error) {
      if (error instanceof ZoomHttpError) return errorAnswer(error);
      console.error(`pulumi-zoom emulator: handler for ${request.operationId} failed`, error);
      return { status: 500, json: { code: 500, message: `Emulator handler failed: ${String(error)}` } };
    }
  }

  private parseBody(body: { text: string; tooLarge: boolean }): unknown {
    if (body.tooLarge) throw new ZoomHttpError(400, 300, "Request Body is too large.");
    if (body.text.trim() === "") return undefined;
    try {
      return JSON.parse(body.text) as unknown;
    } catch {
      throw invalidJsonBody();
    }
  }

  /** The answer for faults that replace the real one before the handler runs; undefined for the others. */
  private faultAnswer(fault: Fault, operation: Operation | undefined): Outcome | undefined {
    switch (fault.kind) {
      case "status":
        if (fault.status === 429) {
          const limit = operation ? (this.rateLimiter.perSecond(operation.category) ?? 0) : 0;
          const error = qpsError(operation?.category ?? "LIGHT", limit, fault.retryAfterSeconds ?? 1);
          return { answer: errorAnswer(error), injected: true };
        }
        return this.faultStatus(fault.status);
      case "reset":
        return { drop: true };
      case "respond":
        return {
          answer: { status: fault.status, raw: { text: fault.body, contentType: fault.contentType ?? "text/html" } },
          injected: true,
        };
      default:
        return undefined;
    }
  }

  /** An injected server error, in Zoom's error shape. */
  private faultStatus(status: number): Outcome {
    const messages: Record<number, string> = {
      500: "Internal Server Error",
      502: "Bad Gateway",
      503: "Service Unavailable",
    };
    return { answer: { status, json: { code: status, message: messages[status] ?? "Error" } }, injected: true };
  }

  private async handleToken(req: IncomingMessage, query: URLSearchParams, bodyText: string): Promise<Outcome> {
    const fault = this.faults.next({ method: "POST", target: "oauth" });
    if (fault) this.stats.recordFault(fault);
    if (fault?.kind === "delay" && !(await this.delays.wait(fault.ms))) return { drop: true };
    const early = fault && this.faultAnswer(fault, undefined);
    if (early) return early;
    const isForm = (req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
    const answer: TokenAnswer = this.tokens.issue(
      req.headers.authorization,
      query,
      new URLSearchParams(isForm ? bodyText : ""),
    );
    if (fault?.kind === "applyThenStatus") return this.faultStatus(fault.status);
    if (fault?.kind === "applyThenDrop") return { drop: true };
    return {
      answer: { status: answer.status, json: answer.body, headers: { "Cache-Control": "no-store" } },
      injected: fault !== undefined && fault.kind !== "delay",
    };
  }

  private send(
    res: ServerResponse,
    answer: Answer,
    exchange: Omit<EmulatorExchange, "status" | "headers" | "body" | "dropped">,
  ): void {
    const { headers, body } = serialize(answer);
    res.writeHead(answer.status, headers);
    res.end(body);
    this.report({ ...exchange, status: answer.status, headers, body, dropped: false });
  }

  private report(exchange: Omit<EmulatorExchange, "status" | "headers" | "body"> & Partial<EmulatorExchange>): void {
    this.options.onExchange?.({ status: 0, headers: {}, body: "", ...exchange });
  }
}

/** The services route modules get (`EmulatorContext`); it reads the server's current state on every call. */
class ModuleContext implements EmulatorContext {
  readonly ids = {
    string: () => this.server.random.zoomId(),
    meetingId: () => this.server.random.meetingId(),
    uuid: () => this.server.random.uuid(),
  };
  readonly validate = validate;
  readonly resolveUser = resolveUser;
  readonly paginate = paginate;

  constructor(private readonly server: EmulatorServer) {}

  now(): Date {
    return this.server.clock.now();
  }

  findAccount(accountId: string): Account | undefined {
    return this.server.accounts.find(accountId);
  }

  subAccounts(): readonly Account[] {
    return this.server.accounts.subAccounts;
  }

  recordEmail(email: Omit<RecordedEmail, "at">): void {
    this.server.emails.push({ ...email, at: this.server.clock.now().toISOString() });
  }

  get webOrigin(): string {
    return this.server.origin;
  }
}
