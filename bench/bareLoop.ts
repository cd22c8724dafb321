/**
 * The floor for the provider-overhead figure: the same Zoom requests the fleet's up, refresh and destroy need
 * (the minimum in minimum.ts), sent by a plain loop with Node's http and a keep-alive agent, as many at a time
 * as the deployment's parallel steps. No Pulumi, no host, no framework: only HTTP and JSON.
 */
import http from "node:http";
import type { EmulatorInfo } from "../emulator";
import type { Fleet, FleetItem } from "./fleet";
import type { FleetPhase } from "./throughput";

interface BareRequest {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  readonly path: string;
  readonly body?: unknown;
}

interface BareAnswer {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

export interface BarePhase {
  readonly phase: FleetPhase;
  readonly seconds: number;
  readonly requests: number;
  readonly failures: number;
}

class BareClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  requests = 0;
  failures = 0;

  constructor(
    private readonly base: URL,
    private token = "",
  ) {}

  async fetchToken(info: EmulatorInfo): Promise<void> {
    const basic = Buffer.from(`${info.clientId}:${info.clientSecret}`).toString("base64");
    const answer = await this.raw(new URL(`${info.oauthUrl}?grant_type=account_credentials&account_id=${info.accountId}`), "POST", `Basic ${basic}`);
    this.token = String(answer.json.access_token);
  }

  async send(request: BareRequest): Promise<BareAnswer> {
    this.requests += 1;
    const answer = await this.raw(new URL(this.base.pathname + request.path, this.base), request.method, `Bearer ${this.token}`, request.body);
    if (answer.status >= 300) this.failures += 1;
    return answer;
  }

  close(): void {
    this.agent.destroy();
  }

  private raw(url: URL, method: string, authorization: string, body?: unknown): Promise<BareAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { Authorization: authorization, Accept: "application/json" };
    if (payload !== undefined) headers["Content-Type"] = "application/json";
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, agent: this.agent, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
      });
      req.on("error", reject);
      req.end(payload);
    });
  }
}

/** Runs `tasks` with at most `parallel` at a time. */
async function pool(tasks: readonly (() => Promise<void>)[], parallel: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(parallel, tasks.length) }, worker));
}

function createRequest(item: FleetItem): BareRequest {
  const a = item.args;
  switch (item.kind) {
    case "Meeting":
      return { method: "POST", path: `/users/${String(a.userId)}/meetings`, body: { topic: a.topic, type: a.type, start_time: a.startTime, duration: a.duration } };
    case "TrackingField":
      return { method: "POST", path: "/tracking_fields", body: { field: a.field, recommended_values: a.recommendedValues } };
    case "H323Device":
      return { method: "POST", path: "/h323/devices", body: { name: a.name, ip: a.ip, protocol: a.protocol, encryption: a.encryption } };
    case "InternalNumber":
      return {
        method: "POST",
        path: "/accounts/me/sip_trunk/internal_numbers",
        body: { internal_numbers: [{ number: a.number, display_number: a.displayNumber, country: a.country, labels: a.labels, languages: a.languages, type: 0 }] },
      };
    case "TspAccount":
      return { method: "POST", path: `/users/${String(a.userId)}/tsp`, body: { conference_code: a.conferenceCode, leader_pin: a.leaderPin, tsp_bridge: a.tspBridge } };
  }
}

function createdId(item: FleetItem, answer: BareAnswer): string {
  if (item.kind === "InternalNumber") {
    const list = answer.json.internal_numbers;
    return Array.isArray(list) ? String((list[0] as Record<string, unknown>).id) : "";
  }
  return String(answer.json.id);
}

/** Every item's object path for GET and DELETE. */
function objectPath(item: FleetItem, id: string): string {
  switch (item.kind) {
    case "Meeting":
      return `/meetings/${id}`;
    case "TrackingField":
      return `/tracking_fields/${id}`;
    case "H323Device":
      return `/h323/devices/${id}`;
    case "InternalNumber":
      return `/accounts/me/sip_trunk/internal_numbers/${id}`;
    case "TspAccount":
      return `/users/${String(item.args.userId)}/tsp/${id}`;
  }
}

async function sweep(client: BareClient, path: string): Promise<void> {
  let token = "";
  for (;;) {
    const answer = await client.send({ method: "GET", path: `${path}?page_size=300${token ? `&next_page_token=${token}` : ""}` });
    token = typeof answer.json.next_page_token === "string" ? answer.json.next_page_token : "";
    if (!token) return;
  }
}

/** up, refresh and destroy of the fleet as bare requests; each phase timed. */
export async function runBareLoop(info: EmulatorInfo, fleet: Fleet, parallel: number): Promise<BarePhase[]> {
  const client = new BareClient(new URL(info.url));
  await client.fetchToken(info);
  const ids = new Map<FleetItem, string>();
  const phases: BarePhase[] = [];
  const timed = async (phase: FleetPhase, tasks: (() => Promise<void>)[]): Promise<void> => {
    const requests = client.requests;
    const failures = client.failures;
    const t0 = performance.now();
    await pool(tasks, parallel);
    phases.push({ phase, seconds: (performance.now() - t0) / 1000, requests: client.requests - requests, failures: client.failures - failures });
  };
  try {
    await timed(
      "up",
      fleet.items.map((item) => async () => {
        ids.set(item, createdId(item, await client.send(createRequest(item))));
      }),
    );
    const listed = new Set(["H323Device", "InternalNumber"]);
    await timed("refresh", [
      ...fleet.items.filter((item) => !listed.has(item.kind)).map((item) => async () => {
        const query = item.kind === "Meeting" ? "?show_previous_occurrences=true" : "";
        await client.send({ method: "GET", path: objectPath(item, ids.get(item) ?? "") + query });
      }),
      ...(fleet.counts.H323Device > 0 ? [() => sweep(client, "/h323/devices")] : []),
      ...(fleet.counts.InternalNumber > 0 ? [() => sweep(client, "/accounts/me/sip_trunk/internal_numbers")] : []),
    ]);
    await timed(
      "destroy",
      fleet.items.map((item) => async () => {
        const path = objectPath(item, ids.get(item) ?? "");
        if (item.kind === "Meeting") {
          await client.send({ method: "GET", path });
          await client.send({ method: "DELETE", path: `${path}?schedule_for_reminder=false&cancel_meeting_reminder=false` });
          return;
        }
        await client.send({ method: "DELETE", path });
      }),
    );
  } finally {
    client.close();
  }
  return phases;
}
