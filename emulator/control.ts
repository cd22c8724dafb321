/**
 * A typed client for the emulator's control endpoints (`/_emulator/...`, listed in controlTypes.ts), on Node's
 * global `fetch`. Tests, the demo and the benchmarks drive the emulator with it.
 */
import type {
  EmulatorInfo,
  EmulatorPlan,
  EmulatorStateSummary,
  EmulatorStats,
  FaultPlan,
  RecordedEmail,
  RequestLogEntry,
  SeedRequest,
  SeedResponse,
} from "./controlTypes";

export class EmulatorControl {
  /** `http://host:port/_emulator` */
  private readonly base: string;
  private readonly token: string;

  /**
   * Takes the emulator's info, or its API url (ending in `/v2`) or bare origin with the control token (the
   * `controlToken` of the JSON line `pulumi-zoom emulator` prints).
   */
  constructor(info: Pick<EmulatorInfo, "url" | "controlToken">);
  constructor(url: string, controlToken: string);
  constructor(infoOrUrl: string | Pick<EmulatorInfo, "url" | "controlToken">, controlToken?: string) {
    const url = typeof infoOrUrl === "string" ? infoOrUrl : infoOrUrl.url;
    this.token = typeof infoOrUrl === "string" ? (controlToken ?? "") : infoOrUrl.controlToken;
    this.base = `${url.replace(/\/+$/, "").replace(/\/v2$/, "")}/_emulator`;
  }

  reset(): Promise<void> {
    return this.call("POST", "/reset");
  }

  /** Adds objects in Zoom's shapes, e.g. `{meetings: [...]}` or `{accountId, tracking_fields: [...]}`. */
  seed(request: SeedRequest): Promise<SeedResponse> {
    return this.call("POST", "/seed", request);
  }

  state(): Promise<EmulatorStateSummary> {
    return this.call("GET", "/state");
  }

  stats(): Promise<EmulatorStats> {
    return this.call("GET", "/stats");
  }

  resetStats(): Promise<void> {
    return this.call("POST", "/stats/reset");
  }

  requests(): Promise<RequestLogEntry[]> {
    return this.call("GET", "/requests");
  }

  /** Replaces the fault plan. */
  setFaults(plan: FaultPlan): Promise<void> {
    return this.call("POST", "/faults", plan);
  }

  clearFaults(): Promise<void> {
    return this.call("DELETE", "/faults");
  }

  /** Moves the emulator's clock forward (token expiry, daily limits, meeting times). */
  advanceClock(seconds: number): Promise<{ now: string; frozen: boolean }> {
    return this.call("POST", "/clock", { advanceSeconds: seconds });
  }

  /** Stops real time on the emulator's clock (or lets it run again), so per-second limits count exactly. */
  freezeClock(frozen = true): Promise<{ now: string; frozen: boolean }> {
    return this.call("POST", "/clock", { freeze: frozen });
  }

  setPlan(plan: EmulatorPlan): Promise<void> {
    return this.call("POST", "/plan", { plan });
  }

  revokeTokens(): Promise<void> {
    return this.call("POST", "/tokens/revoke");
  }

  /** A new client secret; the old one stops working for new tokens. */
  rotateCredentials(): Promise<{ clientSecret: string }> {
    return this.call("POST", "/credentials/rotate");
  }

  /** The meeting is now in progress (status `started`). */
  startMeeting(meetingId: number | string): Promise<void> {
    return this.call("POST", `/meetings/${encodeURIComponent(String(meetingId))}/start`);
  }

  emails(): Promise<RecordedEmail[]> {
    return this.call("GET", "/emails");
  }

  /** Would this `start_url` still start its meeting? */
  async isStartUrlValid(url: string): Promise<boolean> {
    const answer = await this.call<{ valid: boolean }>("GET", `/start-url?url=${encodeURIComponent(url)}`);
    return answer.valid;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.base + path, {
      method,
      headers: { "X-Emulator-Token": this.token, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`emulator control ${method} ${path} answered ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
