/**
 * The wire: one HTTP exchange, no policy. axios with process-wide keep-alive agents; bodies are sent and
 * received as text so that malformed answers (HTML pages, truncated JSON) reach the caller intact instead of
 * being half-parsed by axios. Network failures come back as `TransportError`, classified by whether the
 * request can have reached the server: that decides if a POST may be re-sent.
 */
import http from "node:http";
import https from "node:https";
import axios, { AxiosError } from "axios";
import type { HttpMethod } from "../../catalogue/operations";

export interface WireRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The whole exchange: connecting, sending, and the answer. */
  readonly timeoutMs: number;
  /** Connecting alone (TCP and TLS); default: no separate bound beyond `timeoutMs`. */
  readonly connectTimeoutMs?: number;
}

export interface WireResponse {
  readonly status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type Transport = (request: WireRequest) => Promise<WireResponse>;

export type TransportFailureKind =
  /** Nothing was sent: connection refused, DNS failure. Safe to re-send anything. */
  | "notSent"
  /** The connection broke (reset, hang up, aborted) after the request may have been written. */
  | "connectionLost"
  /** No complete answer within the timeout. */
  | "timeout";

/** A request that got no HTTP answer. Internal: the client turns it into a ZoomError. */
export class TransportError extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    /** Node's error code (ECONNRESET, ECONNREFUSED, ...) or a description. */
    readonly code: string,
    message: string,
    /** For a timeout: how long the client waited. Zoom may still be working on the request. */
    readonly timeoutMs?: number,
  ) {
    super(message);
    this.name = "TransportError";
  }

  /** For messages: `connection reset (ECONNRESET)`, `timeout after 30000 ms`. */
  describe(): string {
    return this.message;
  }
}

/**
 * One pair of agents for the whole process: every client to every Zoom host reuses connections. `timeout`
 * bounds how long an idle socket is kept; Node also honours the server's `Keep-Alive: timeout=` hint, but only
 * when the agent has a timeout of its own. Closing idle sockets before the server does avoids the reset a
 * reused, already-closed socket gives, which on a POST would be an unknown outcome.
 */
const IDLE_SOCKET_TIMEOUT_MS = 15_000;
const AGENT_OPTIONS = { keepAlive: true, timeout: IDLE_SOCKET_TIMEOUT_MS, maxSockets: 64 };
const httpAgent = new http.Agent(AGENT_OPTIONS);
const httpsAgent = new https.Agent(AGENT_OPTIONS);

/** Node's code for a connection that was not made in time; nothing was sent on it. */
export const CONNECT_TIMEOUT_CODE = "ECONNECTTIMEOUT";

type Connect = (options: object, callback?: unknown) => import("node:net").Socket;

/**
 * Wraps an agent's connection factory so a socket that has not connected (TCP, and TLS for https) within
 * `connectTimeoutMs` is destroyed with CONNECT_TIMEOUT_CODE. Node's agents have no connect timeout of their
 * own: their `timeout` is socket inactivity, which also covers a connected server that is slow to answer.
 */
function withConnectTimeout<A extends http.Agent>(agent: A, connectTimeoutMs: number, secure: boolean): A {
  const base = (agent as unknown as { createConnection: Connect }).createConnection.bind(agent);
  (agent as unknown as { createConnection: Connect }).createConnection = (options, callback) => {
    const socket = base(options, callback);
    const timer = setTimeout(() => {
      const error = Object.assign(new Error(`no connection within ${connectTimeoutMs} ms`), { code: CONNECT_TIMEOUT_CODE });
      socket.destroy(error);
    }, connectTimeoutMs);
    timer.unref();
    socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(timer));
    socket.once("close", () => clearTimeout(timer));
    return socket;
  };
  return agent;
}

/** One pair of agents per connect timeout in use (a process normally has one). */
const agentsByConnectTimeout = new Map<number, { http: http.Agent; https: https.Agent }>();

function agentsFor(connectTimeoutMs: number | undefined): { http: http.Agent; https: https.Agent } {
  if (connectTimeoutMs === undefined) return { http: httpAgent, https: httpsAgent };
  let agents = agentsByConnectTimeout.get(connectTimeoutMs);
  if (!agents) {
    agents = {
      http: withConnectTimeout(new http.Agent(AGENT_OPTIONS), connectTimeoutMs, false),
      https: withConnectTimeout(new https.Agent(AGENT_OPTIONS), connectTimeoutMs, true),
    };
    agentsByConnectTimeout.set(connectTimeoutMs, agents);
  }
  return agents;
}

const axiosInstance = axios.create({
  httpAgent,
  httpsAgent,
  // Zoom's API does not redirect; following one could carry the Authorization header somewhere else.
  maxRedirects: 0,
  // Every status is an answer for the caller to interpret.
  validateStatus: () => true,
  responseType: "text",
  // Keep the raw text: the client parses JSON itself so that a malformed body is a clear error, not a crash.
  transformResponse: [(data: unknown) => data],
  maxContentLength: 64 * 1024 * 1024,
  // HTTPS_PROXY / NO_PROXY are honoured as axios does: this axios tunnels https through CONNECT, so a proxy
  // never sees the bearer token.
});

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ERR_INVALID_URL"]);

function classify(error: unknown, timeoutMs: number, signal: AbortSignal): TransportError {
  if (signal.aborted) return new TransportError("timeout", "ETIMEDOUT", `timeout after ${timeoutMs} ms`, timeoutMs);
  const code = error instanceof AxiosError ? (error.code ?? "") : "";
  const cause = error instanceof AxiosError ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  const causeCode = cause?.code ?? code;
  if (code === AxiosError.ECONNABORTED || code === AxiosError.ETIMEDOUT || causeCode === "ETIMEDOUT") {
    return new TransportError("timeout", "ETIMEDOUT", `timeout after ${timeoutMs} ms`, timeoutMs);
  }
  if (causeCode === CONNECT_TIMEOUT_CODE) {
    return new TransportError("notSent", causeCode, `connect timeout (${cause?.message ?? "no connection"})`);
  }
  if (NOT_SENT_CODES.has(causeCode)) {
    const what = causeCode === "ECONNREFUSED" ? "connection refused" : causeCode === "ENOTFOUND" ? "host not found" : "network unreachable";
    return new TransportError("notSent", causeCode, `${what} (${causeCode})`);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (causeCode === "ECONNRESET" || /socket hang up/i.test(message)) {
    return new TransportError("connectionLost", causeCode || "ECONNRESET", `connection reset (${causeCode || message})`);
  }
  return new TransportError("connectionLost", causeCode || "EUNKNOWN", `network error (${causeCode || message})`);
}

function flattenHeaders(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(", ") : String(value);
  }
  return out;
}

/** The default transport. The timeout covers the whole exchange, not just socket inactivity. */
export const axiosTransport: Transport = async (request) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  const agents = agentsFor(request.connectTimeoutMs);
  try {
    const response = await axiosInstance.request<string>({
      httpAgent: agents.http,
      httpsAgent: agents.https,
      method: request.method,
      url: request.url,
      headers: { ...request.headers },
      data: request.body,
      signal: controller.signal,
      // Socket inactivity as well, so a stalled socket surfaces as a timeout even if the timer is late.
      timeout: request.timeoutMs,
    });
    const body = typeof response.data === "string" ? response.data : response.data == null ? "" : String(response.data);
    return { status: response.status, headers: flattenHeaders(response.headers as Record<string, unknown>), body };
  } catch (error) {
    throw classify(error, request.timeoutMs, controller.signal);
  } finally {
    clearTimeout(timer);
  }
};
