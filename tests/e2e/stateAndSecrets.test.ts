/**
 * What Pulumi would store, through the real host: small provider stubs, no credential or token anywhere,
 * sensitive outputs only as secrets; and adoption of existing objects with `adoptId` and `.get()`.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { EmulatorExchange } from "../../emulator";
import { Meeting, TrackingField } from "../../provider";
import { createClient } from "../../provider/client";
import { Deployment, type PlanSummary } from "../../harness";
import { startTestEmulator, type TestEmulator } from "../support/emulator";

const root = path.resolve(__dirname, "../..");
let emu: TestEmulator;
const exchanges: EmulatorExchange[] = [];

beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited", onExchange: (e) => exchanges.push(e) });
});
afterAll(async () => emu.close());

function deploymentFor(project: string): Deployment {
  const e = emu.emulator;
  return new Deployment({
    project,
    stack: "dev",
    cwd: root,
    config: { "zoom:apiUrl": e.url, "zoom:oauthUrl": e.oauthUrl, "zoom:accountId": e.accountId, "zoom:clientId": e.clientId, "zoom:clientSecret": e.clientSecret },
    secretConfigKeys: ["zoom:clientSecret"],
  });
}

const customSteps = (summary: PlanSummary, op: string) => summary.steps.filter((s) => s.custom && s.op === op);

/** Every secret-like value the run handled: credentials, issued tokens, start-URL tokens and passcodes. */
function secretValues(extra: string[]): string[] {
  const values = new Set<string>([emu.emulator.clientSecret, ...extra]);
  for (const exchange of exchanges) {
    let body: unknown;
    try {
      body = JSON.parse(exchange.body);
    } catch {
      continue;
    }
    const walk = (value: unknown, key = ""): void => {
      if (typeof value === "string") {
        if (key === "access_token" || /password$/.test(key) || key === "leader_pin") values.add(value);
        if (key === "join_url") {
          const pwd = new URL(value).searchParams.get("pwd");
          if (pwd) values.add(pwd);
        }
        if (key === "start_url") {
          const zak = new URL(value).searchParams.get("zak");
          if (zak) values.add(zak);
        }
      } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    walk(body);
  }
  return [...values].filter((v) => v.length >= 6);
}

test("state holds 2.5 KB stubs, and no secret in plaintext anywhere: state, stubs or host logs", async () => {
  const deployment = deploymentFor("secrets");
  const program = () => {
    new TrackingField("dept", { field: "Secrets dept" });
    new Meeting("board", { topic: "Board", type: 2, startTime: "2030-03-01T09:30:00Z", password: "s3cr3tPw" });
    new Meeting("generated", { topic: "Generated passcode", type: 2, startTime: "2030-03-01T09:30:00Z" });
  };
  try {
    await deployment.up(program);
    await deployment.refresh();
    const exported = deployment.exportState();
    const zoomResources = exported.deployment.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/zoom:"));
    expect(zoomResources).toHaveLength(3);
    for (const resource of zoomResources) {
      const stub = String(resource.inputs?.__provider ?? "");
      expect(Buffer.byteLength(stub)).toBeLessThanOrEqual(2560);
      expect(resource.outputs?.__provider).toBe(stub);
    }
    const everything = JSON.stringify(exported) + deployment.hostOutput().stdout + deployment.hostOutput().stderr;
    const secrets = secretValues(["s3cr3tPw"]);
    expect(secrets.length).toBeGreaterThan(5);
    const leaked = secrets.filter((secret) => everything.includes(secret));
    expect(leaked).toEqual([]);
    // The sensitive outputs are there, as secrets.
    const board = zoomResources.find((r) => r.urn.endsWith("::board"))!;
    for (const key of ["password", "startUrl", "joinUrl", "h323Password", "pstnPassword", "encryptedPassword"]) {
      expect(board.outputs?.[key]).toMatchObject({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) });
    }
    expect(board.inputs?.password).toMatchObject({ ciphertext: expect.any(String) });
  } finally {
    await deployment.destroy();
    await deployment.close();
  }
});

test("adoptId and .get(): existing objects are adopted without a write, and a matching program plans nothing", async () => {
  const e = emu.emulator;
  const portal = createClient(
    { apiUrl: e.url, oauthUrl: e.oauthUrl, plan: "business", credentials: { kind: "clientCredentials", accountId: e.accountId, clientId: e.clientId, clientSecret: e.clientSecret } },
    { limiter: "isolated", env: {} },
  );
  const field = await portal.request<{ id: string }>({ operation: "trackingfieldCreate", body: { field: "Adopted field", required: true } });
  const meeting = await portal.request<{ id: number }>({
    operation: "meetingCreate",
    pathParams: { userId: "me" },
    body: { topic: "Adopted meeting", type: 2, start_time: "2030-06-01T10:00:00Z", duration: 30 },
  });
  const deployment = deploymentFor("adopt");
  const program = () => {
    new TrackingField("adopted-field", { adoptId: field.data!.id, field: "Adopted field", required: true });
    new Meeting("adopted-meeting", { adoptId: String(meeting.data!.id), topic: "Adopted meeting", type: 2, startTime: "2030-06-01T12:00:00+02:00", duration: 30 });
    const looked = Meeting.get("looked-up", String(meeting.data!.id));
    return { lookedUpTopic: looked.topic, joinUrl: pulumi.secret(looked.joinUrl) };
  };
  try {
    const from = exchanges.length;
    const first = await deployment.up(program);
    // Adoption is a create step that reads: Zoom sees no write.
    expect(customSteps(first, "create")).toHaveLength(2);
    expect(customSteps(first, "read")).toHaveLength(1);
    expect(customSteps(first, "update").length + customSteps(first, "replace").length).toBe(0);
    expect(exchanges.slice(from).filter((e) => e.kind === "api" && e.method !== "GET")).toEqual([]);
    expect(first.outputs.lookedUpTopic).toBe("Adopted meeting");
    const second = await deployment.up(program);
    expect(second.changes).toBe(0);
  } finally {
    await deployment.close();
  }
});
