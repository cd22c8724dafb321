/**
 * Shared set-up for the client's integration tests: the test emulator (real HTTP on loopback, every answer
 * checked against Zoom's OpenAPI documents by tests/support/emulator.ts), settings that point at it, and
 * captured log lines. No HTTP mocking anywhere: the client talks to the emulator over real sockets.
 */
import { EmulatorControl, startEmulator, type EmulatorExchange, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { createClient, type ClientOptions, type HttpZoomClient, type ZoomPlan, type ZoomSettings } from "../../provider/client";
import { startTestEmulator, type TestEmulator as SupportEmulator } from "../support/emulator";

export interface TestEmulator extends SupportEmulator {
  /** Every exchange the emulator answered (oauth ones carry the issued tokens). */
  readonly exchanges: EmulatorExchange[];
}

export async function startClientTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const exchanges: EmulatorExchange[] = [];
  const started = await startTestEmulator({ ...options, onExchange: (exchange) => exchanges.push(exchange) });
  return Object.assign(started, { exchanges });
}

/**
 * The emulator WITHOUT answer validation, for tests that only look at what the client sent and deliberately
 * provoke answers for ids that do not exist (whose error codes are the emulator's business, not the client's).
 */
export async function startUncheckedEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const exchanges: EmulatorExchange[] = [];
  const emulator = await startEmulator({ ...options, onExchange: (exchange) => exchanges.push(exchange) });
  return { emulator, control: new EmulatorControl(emulator), exchanges, violations: [], close: () => emulator.close() };
}

export function settingsFor(emulator: RunningEmulator, overrides: Partial<ZoomSettings> & { plan?: ZoomPlan } = {}): ZoomSettings {
  return {
    apiUrl: emulator.url,
    oauthUrl: emulator.oauthUrl,
    plan: "pro",
    credentials: { kind: "clientCredentials", accountId: emulator.accountId, clientId: emulator.clientId, clientSecret: emulator.clientSecret },
    ...overrides,
  };
}

/** Fast retries so fault tests do not sleep for seconds; jitter fixed. */
export const FAST_RETRIES: ClientOptions = { retry: { baseDelayMs: 5, maxDelayMs: 50, maxTotalDelayMs: 2000 }, random: () => 0.5 };

export interface CapturingClient {
  readonly client: HttpZoomClient;
  readonly lines: string[];
}

/** A client of its own (own token, own limiter) with debug lines captured. */
export function isolatedClient(settings: ZoomSettings, options: ClientOptions = {}): CapturingClient {
  const lines: string[] = [];
  const client = createClient(settings, { limiter: "isolated", debug: true, logSink: (line) => lines.push(line), env: {}, ...options });
  return { client, lines };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error("expected the promise to reject");
}

/** Issued access tokens, read from the token endpoint's answers. */
export function issuedTokens(exchanges: readonly EmulatorExchange[]): string[] {
  return exchanges
    .filter((e) => e.kind === "oauth" && e.status === 200)
    .map((e) => (JSON.parse(e.body) as { access_token: string }).access_token);
}
