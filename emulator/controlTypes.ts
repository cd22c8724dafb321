/**
 * Shapes of the emulator's control endpoints under `/_emulator/` (not part of Zoom's API). Tests, the demo
 * and the benchmarks drive the emulator through these; `emulator/control.ts` is a typed client for them.
 *
 *   POST   /_emulator/reset                  back to the initial seed (same ids); clears stats, faults, request log,
 *                                             emails, clock; restores plan and client secret (issued tokens stay valid)
 *   POST   /_emulator/seed                   SeedRequest -> SeedResponse
 *   GET    /_emulator/state                  -> EmulatorStateSummary (accounts, users, master trunks)
 *   GET    /_emulator/stats                  -> EmulatorStats;   POST /_emulator/stats/reset
 *   GET    /_emulator/requests               -> RequestLogEntry[] (every API request since the last reset)
 *   POST   /_emulator/faults                 FaultPlan (replaces the current plan);   DELETE /_emulator/faults
 *   POST   /_emulator/clock                  {"advanceSeconds"?: n, "freeze"?: boolean} -> {"now", "frozen"}
 *                                             (a frozen clock makes per-second rate limits count exactly)
 *   POST   /_emulator/plan                   {"plan": "free" | "pro" | "business" | "unlimited"}
 *   POST   /_emulator/tokens/revoke          every issued token stops working (401 code 124)
 *   POST   /_emulator/credentials/rotate     the client secret changes -> {"clientSecret": "..."}
 *   POST   /_emulator/meetings/{id}/start    the meeting is now in progress (status "started")
 *   GET    /_emulator/emails                 -> RecordedEmail[]
 *   GET    /_emulator/start-url?url=...      -> {"valid": boolean}: would this start URL still start the meeting?
 */
import type { OperationId, RateLimitCategory } from "../catalogue/operations";
import type { RecordedEmail } from "./types";

export type EmulatorPlan = "free" | "pro" | "business" | "unlimited";

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: loopback only. */
  host?: string;
  /** Default `pro`. `unlimited` turns every rate limit off. */
  plan?: EmulatorPlan;
  /** Lifetime of issued access tokens, default 3600. */
  tokenTtlSeconds?: number;
  /** Fixed credentials (default: random per instance). */
  clientId?: string;
  clientSecret?: string;
  /** Seed for ids and fault probabilities, so a run can be repeated. */
  randomSeed?: number;
  /**
   * The token `/_emulator/*` requires in the `X-Emulator-Token` header (default: random per instance). The
   * control endpoints reset, seed and rotate credentials: anything that can reach the port must not drive them.
   */
  controlToken?: string;
  /**
   * Spec-maximal answers: every successful answer also carries every optional field Zoom's response schema
   * allows for its operation (list items included), and lists whose order Zoom does not promise come back in
   * another order than written. For tests of code that must not depend on what Zoom leaves out.
   */
  specMaximal?: boolean;
  /**
   * INTERNAL, TEST-ONLY: called once per answered request (API, OAuth and control) with what was sent back.
   * `tests/support/emulator.ts` uses it to check every answer against Zoom's OpenAPI documents. Not part of
   * the public API; do not rely on it outside the test support.
   */
  onExchange?: (exchange: EmulatorExchange) => void;
}

/** One request and the answer the emulator gave (see `EmulatorOptions.onExchange`). */
export interface EmulatorExchange {
  method: string;
  /** The raw request path, before decoding (query string excluded). */
  rawPath: string;
  query: string;
  /** The request body as received (UTF-8); empty when there was none. Lets tests assert what a client sent. */
  requestBody: string;
  /** `api` for `/v2/...`, `oauth` for the token endpoint, `control` for `/_emulator/...`, `other` otherwise. */
  kind: "api" | "oauth" | "control" | "other";
  operationId?: OperationId;
  status: number;
  headers: Record<string, string>;
  /** The body as sent (UTF-8); empty for 204s. */
  body: string;
  /** True when the fault plan produced (or altered) this answer: it is deliberately not Zoom-conformant. */
  injected: boolean;
  /** True when the connection was destroyed without an answer (`status` is 0 then). */
  dropped: boolean;
}

export interface EmulatorInfo {
  /** API base, ending in `/v2`. */
  url: string;
  /** Token endpoint. */
  oauthUrl: string;
  /** The master account's id (the account the credentials belong to). */
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** For the control endpoints (`X-Emulator-Token`); `EmulatorControl` sends it. */
  controlToken: string;
}

export interface RunningEmulator extends EmulatorInfo {
  close(): Promise<void>;
}

export interface EmulatorStateSummary {
  master: AccountSummary & { sipTrunks: { id: string; name: string; dnis: string }[] };
  subAccounts: AccountSummary[];
}

export interface AccountSummary {
  id: string;
  name: string;
  users: { id: string; email: string; isOwner: boolean }[];
  tspEnabled: boolean;
}

export type SeedRequest = { accountId?: string } & Record<string, unknown>;
export type SeedResponse = Record<string, unknown[]>;

export interface EmulatorStats {
  requests: number;
  byOperation: Partial<Record<OperationId, number>>;
  byCategory: Record<RateLimitCategory, number>;
  /** 429s answered, rate limits and injected ones together. */
  rateLimited: number;
  tokenRequests: number;
  faultsInjected: number;
  /** Faults injected, by `faultLabel` (`status 503`, `reset`, `delay 150`, `applyThenDrop`, `respond 200`, ...). */
  faultsByKind: Record<string, number>;
}

export interface RequestLogEntry {
  method: string;
  /** The raw request path as received, before decoding (query string excluded). */
  rawPath: string;
  query: string;
  /** Undefined when the path matched no route. */
  operationId?: OperationId;
  accountId?: string;
  /** The HTTP status answered; 0 when the fault plan dropped the connection without an answer. */
  status: number;
  at: string;
}

export type Fault =
  | { kind: "status"; status: 429 | 500 | 502 | 503; retryAfterSeconds?: number }
  | { kind: "reset" }
  | { kind: "delay"; ms: number }
  /** The write happens, then the client gets a 5xx instead of the real answer. */
  | { kind: "applyThenStatus"; status: 500 | 502 | 503 }
  /** The write happens, then the connection is destroyed without an answer. */
  | { kind: "applyThenDrop" }
  /** An arbitrary (malformed) answer: HTML error pages, non-JSON, empty 200s, wrong types. */
  | { kind: "respond"; status: number; body: string; contentType?: string };

/** A fault's kind, with its status where it has one: how `faultsByKind` counts it. */
export function faultLabel(fault: Fault): string {
  if ("status" in fault) return `${fault.kind} ${fault.status}`;
  return fault.kind === "delay" ? `delay ${fault.ms}` : fault.kind;
}

export interface FaultMatch {
  method?: string;
  operationId?: OperationId;
  /** Which endpoint the rule targets: the API (default) or the OAuth token endpoint. */
  target?: "api" | "oauth";
}

export interface FaultRule {
  match?: FaultMatch;
  fault: Fault;
  /** Chance per matching request, default 1. */
  probability?: number;
  /** Stop after this many injections (default: no limit). */
  times?: number;
  /** Let this many matching requests pass first (default 0). */
  after?: number;
}

export interface FaultPlan {
  rules?: FaultRule[];
  /** A scripted sequence: the next matching requests get these, in order (`null` lets one pass). */
  sequence?: { match?: FaultMatch; steps: (Fault | null)[] };
}

export type { RecordedEmail };
