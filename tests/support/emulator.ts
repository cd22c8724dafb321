/**
 * The emulator for integration tests: `startTestEmulator()` starts one on 127.0.0.1 (a free port) and checks
 * every answer it gives against Zoom's OpenAPI documents (see spec.ts). `close()` (call it in `afterAll`) stops
 * it and throws, listing them, if any answer broke the documents, so a non-conforming emulator fails the run.
 *
 * Answers the fault plan produced on purpose (malformed bodies, 5xx, dropped connections) are not checked. Without
 * the documents (a fresh clone with no `../shared`), API answers are not checked either: the run says so once
 * (`globalSetup.ts`), and CI refuses to run that way (`.ci/run`). OAuth answers are always checked.
 *
 * `useTestEmulator()` does the same for a whole file or `describe`: one emulator started in `beforeAll` (with a
 * `RawZoom` client and the seeded state ready) and closed in `afterAll`. `zoomConfig()` is the `zoom:*` stack config
 * that points the provider at an emulator.
 */
import { EmulatorControl, startEmulator } from "../../emulator";
import type { EmulatorExchange, EmulatorInfo, EmulatorOptions, EmulatorStateSummary, RunningEmulator } from "../../emulator";
import { loadZoomSpec, specFound } from "./spec";
import { RawZoom } from "./zoomHttp";

export interface TestEmulator {
  readonly emulator: RunningEmulator;
  readonly control: EmulatorControl;
  /** The violations found so far (close() throws if there are any). */
  readonly violations: readonly string[];
  close(): Promise<void>;
}

/** What zoom.us/oauth/token answers: the token on 200, `{reason, error}` otherwise. */
function oauthProblems(exchange: EmulatorExchange): string[] {
  let body: unknown;
  try {
    body = JSON.parse(exchange.body);
  } catch {
    return ["token endpoint answered a body that is not JSON"];
  }
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (exchange.status === 200) {
    const ok =
      typeof b.access_token === "string" &&
      b.token_type === "bearer" &&
      typeof b.expires_in === "number" &&
      typeof b.scope === "string";
    return ok ? [] : ["token answer lacks access_token/token_type bearer/expires_in/scope"];
  }
  return typeof b.reason === "string" && typeof b.error === "string" ? [] : ["token error lacks {reason, error}"];
}

function describe(exchange: EmulatorExchange, problem: string): string {
  const query = exchange.query ? `?${exchange.query}` : "";
  return `${exchange.method} ${exchange.rawPath}${query} -> ${exchange.status}: ${problem}`;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const spec = specFound() ? loadZoomSpec() : undefined;
  const violations: string[] = [];
  const emulator = await startEmulator({
    ...options,
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    onExchange: (exchange) => {
      options.onExchange?.(exchange);
      if (exchange.injected || exchange.dropped) return;
      let problems: string[] = [];
      if (exchange.kind === "api" && spec) {
        problems = spec.check({
          method: exchange.method,
          path: exchange.rawPath,
          status: exchange.status,
          contentType: exchange.headers["Content-Type"],
          body: exchange.body,
          operationId: exchange.operationId,
        });
      } else if (exchange.kind === "oauth") {
        problems = oauthProblems(exchange);
      }
      for (const problem of problems) violations.push(describe(exchange, problem));
    },
  });
  return {
    emulator,
    control: new EmulatorControl(emulator),
    violations,
    async close() {
      await emulator.close();
      if (violations.length > 0) {
        const shown = violations.slice(0, 30).map((v) => `  - ${v}`);
        const more = violations.length > 30 ? [`  ... and ${violations.length - 30} more`] : [];
        throw new Error(
          `The emulator gave ${violations.length} answer(s) that Zoom's OpenAPI documents do not allow:\n` +
            [...shown, ...more].join("\n"),
        );
      }
    },
  };
}

/** What a test file that shares one emulator works with (see `useTestEmulator`). */
export interface EmulatorSuite {
  readonly emulator: RunningEmulator;
  readonly control: EmulatorControl;
  /** Raw HTTP against the emulator's API, with a token from its OAuth endpoint. */
  readonly zoom: RawZoom;
  /** The accounts, users and trunks the emulator was seeded with, as read once at start. */
  readonly state: EmulatorStateSummary;
}

/**
 * One emulator for the enclosing file or `describe`: started (`startTestEmulator(options)`) and its state read in
 * `beforeAll`, closed in `afterAll` (so spec violations fail the run). Its properties are there from `beforeAll` on.
 * Resetting between tests is the caller's choice: `beforeEach(() => suite.control.reset())`.
 */
export function useTestEmulator(options: EmulatorOptions = {}): EmulatorSuite {
  let test: TestEmulator | undefined;
  let zoom: RawZoom | undefined;
  let state: EmulatorStateSummary | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useTestEmulator: the emulator is there from beforeAll on");
    return value;
  };
  beforeAll(async () => {
    test = await startTestEmulator(options);
    zoom = new RawZoom(test.emulator);
    state = await test.control.state();
  });
  afterAll(() => test?.close());
  return {
    get emulator() {
      return started(test).emulator;
    },
    get control() {
      return started(test).control;
    },
    get zoom() {
      return started(zoom);
    },
    get state() {
      return started(state);
    },
  };
}

/**
 * `useTestEmulator` for a file of emulator tests: on the unlimited plan (no daily caps in the way) unless `options`
 * say otherwise, and reset to its seeded state before each test, so tests do not see each other's objects.
 */
export function useFreshEmulator(options: EmulatorOptions = {}): EmulatorSuite {
  const suite = useTestEmulator({ plan: "unlimited", ...options });
  beforeEach(() => suite.control.reset());
  return suite;
}

/** The `zoom:*` stack config that points the provider at the emulator with its credentials. */
/** Where Zoom (or an emulator) answers and the app's credentials: what a client needs, without the emulator's control token. */
export type ZoomEndpoint = Omit<EmulatorInfo, "controlToken">;

/** The same settings as `ZOOM_*` environment variables, as the CLI (`drift`, `import`) and lookups read them. */
export function zoomEnv(emulator: ZoomEndpoint): Record<string, string> {
  return {
    ZOOM_API_URL: emulator.url,
    ZOOM_OAUTH_URL: emulator.oauthUrl,
    ZOOM_ACCOUNT_ID: emulator.accountId,
    ZOOM_CLIENT_ID: emulator.clientId,
    ZOOM_CLIENT_SECRET: emulator.clientSecret,
  };
}

export function zoomConfig(emulator: ZoomEndpoint): Record<string, string> {
  return {
    "zoom:apiUrl": emulator.url,
    "zoom:oauthUrl": emulator.oauthUrl,
    "zoom:accountId": emulator.accountId,
    "zoom:clientId": emulator.clientId,
    "zoom:clientSecret": emulator.clientSecret,
  };
}
