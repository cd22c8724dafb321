/**
 * Credentials revoked in the middle of a run, through the engine contract harness and the real host: every
 * token Zoom issued stops working and the client secret is rotated, while the provider holds a cached token.
 *
 * The next `up` fails with a clear authentication error naming the resource, asks the token endpoint once (no
 * retry loop), and writes nothing: the account and the state are as before. With the new secret in the stack
 * config, the next `up` applies everything.
 *
 * And in the middle of an `up`: the moment Zoom answers its first create, the secret is rotated and every token
 * revoked, while the resources that depend on that object have yet to start. Those fail with clear
 * authentication errors, each after at most one refused API request and one refused token request in all; what
 * was made before is in state and nothing made is missing from it (no orphan); the new secret converges.
 */
import * as path from "node:path";
import type { EmulatorStateSummary } from "../../emulator";
import type { EmulatorExchange } from "../../emulator";
import { H323Device, Meeting, TrackingField } from "../../provider";
import { createClient, type HttpZoomClient } from "../../provider/client";
import { Deployment, DeploymentError } from "../../harness";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { accountObjects, stateKey } from "../../fixtures/account";

const root = path.resolve(__dirname, "../..");
let emu: TestEmulator;
let accounts: EmulatorStateSummary;
/** Called with every exchange the emulator has (set by a test). */
let onExchange: ((exchange: EmulatorExchange) => void) | undefined;
const exchanges: EmulatorExchange[] = [];

beforeAll(async () => {
  emu = await startTestEmulator({
    plan: "unlimited",
    onExchange: (exchange) => {
      exchanges.push(exchange);
      onExchange?.(exchange);
    },
  });
  accounts = await emu.control.state();
});
afterAll(async () => emu.close());

function portalWith(secret: string): HttpZoomClient {
  const e = emu.emulator;
  return createClient(
    { apiUrl: e.url, oauthUrl: e.oauthUrl, plan: "business", credentials: { kind: "clientCredentials", accountId: e.accountId, clientId: e.clientId, clientSecret: secret } },
    { limiter: "isolated", env: {} },
  );
}

function deployment(secret: string, state?: Deployment["state"]): Deployment {
  const e = emu.emulator;
  return new Deployment({
    project: "revoked",
    stack: "dev",
    cwd: root,
    config: { "zoom:apiUrl": e.url, "zoom:oauthUrl": e.oauthUrl, "zoom:accountId": e.accountId, "zoom:clientId": e.clientId, "zoom:clientSecret": secret },
    secretConfigKeys: ["zoom:clientSecret"],
    reuseHost: true,
    ...(state ? { state } : {}),
  });
}

/** The program, at version 1 or 2 (version 2 adds four objects and changes three). */
const program = (version: 1 | 2) => () => {
  for (const n of [1, 2, 3]) new TrackingField(`field-${n}`, { field: `Revoked field ${n}`, required: version === 2 && n < 3 });
  new Meeting("review", { topic: "Revoked review", type: 2, startTime: "2031-04-01T10:00:00Z", duration: version === 2 ? 45 : 30 });
  new H323Device("room", { name: "revoked-room", ip: "192.0.2.50", protocol: "SIP", encryption: "auto" });
  if (version === 2) {
    new TrackingField("field-4", { field: "Revoked field 4" });
    new TrackingField("field-5", { field: "Revoked field 5" });
    new Meeting("planning", { topic: "Revoked planning", type: 2, startTime: "2031-04-02T10:00:00Z" });
    new H323Device("lab", { name: "revoked-lab", ip: "192.0.2.51", protocol: "H.323", encryption: "no" });
  }
};

/** Everything of the kinds the program touches, with the values it changes. */
async function snapshot(portal: HttpZoomClient): Promise<string[]> {
  const objects = await accountObjects(portal, accounts, ["TrackingField", "Meeting", "H323Device"]);
  return objects.map((o) => `${o.key} ${JSON.stringify([o.item.required, o.item.duration, o.item.name])}`).sort();
}

test("revoked tokens and a rotated secret: one clear authentication error, one token request, nothing written; the new secret applies it all", async () => {
  const oldSecret = emu.emulator.clientSecret;
  const first = deployment(oldSecret);
  try {
    await first.up(program(1));
    const before = await snapshot(portalWith(oldSecret));
    const stateOf = (d: Deployment) => d.state.resources.map((r) => JSON.stringify([r.urn, r.id, r.inputs, r.outputs])).sort();
    const stateBefore = stateOf(first);

    await emu.control.revokeTokens();
    const { clientSecret: newSecret } = await emu.control.rotateCredentials();
    const stats = await emu.control.stats();

    const failed = await first.up(program(2)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(DeploymentError);
    const errors = (failed as DeploymentError).summary.errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      // Which resource, what was being done, that the credentials were refused, and no stack trace.
      expect(error).toMatch(/(creating|updating) zoom:(TrackingField|Meeting|H323Device) "/);
      expect(error).toMatch(/refused|401/i);
      expect(error).not.toMatch(/\n\s+at /);
    }
    // The cached token was refused, and the token endpoint was asked once for a new one: no loop.
    const after = await emu.control.stats();
    expect(after.tokenRequests - stats.tokenRequests).toBe(1);

    // Nothing written: the account and the state are as they were.
    expect(await snapshot(portalWith(newSecret))).toEqual(before);
    expect(stateOf(first)).toEqual(stateBefore);

    // With the new secret in the stack config, the next up applies everything, once.
    const second = deployment(newSecret, first.state);
    try {
      const applied = await second.up(program(2));
      expect(applied.creates).toBe(4);
      expect(applied.updates).toBe(3);
      expect((await second.up(program(2))).changes).toBe(0);
    } finally {
      await second.close();
    }
  } finally {
    await first.close();
  }
});

test("revoked in the middle of an up: clear authentication errors, one token request, no retry loop, no orphan; the new secret converges", async () => {
  const secret = (await emu.control.rotateCredentials()).clientSecret;
  const kinds = ["TrackingField", "Meeting", "H323Device"];
  const portal = portalWith(secret);
  const baseline = new Set((await accountObjects(portal, accounts, kinds)).map((o) => o.key));
  let newSecret: Promise<string> | undefined;
  // One tracking field first; everything else takes an input from it that resolves only once the revocation is
  // done (the create's answer starts it, before the engine has the field's outputs), so it starts after the
  // revocation. (With only a dependency on the field, a loaded machine sent the second field's create before the
  // emulator had revoked anything: CI saw it answered 201.)
  const program = () => {
    const field = new TrackingField("mid-field", { field: "Mid-run field" });
    const fieldAfterRevocation = field.field.apply(async (name) => (await newSecret, name));
    new Meeting("mid-meeting", { topic: "Mid-run meeting", type: 2, startTime: "2031-05-01T10:00:00Z", trackingFields: [{ field: fieldAfterRevocation, value: "x" }] });
    new H323Device("mid-room", { name: fieldAfterRevocation.apply(() => "mid-run-room"), ip: "192.0.2.60", protocol: "SIP", encryption: "auto" });
    new TrackingField("mid-field-2", { field: fieldAfterRevocation.apply(() => "Mid-run field 2") });
  };
  const first = deployment(secret);
  let revokedAt = -1;
  try {
    const tokensBefore = (await emu.control.stats()).tokenRequests;
    onExchange = (exchange) => {
      if (newSecret || exchange.kind !== "api" || exchange.operationId !== "trackingfieldCreate" || exchange.status !== 201) return;
      revokedAt = exchanges.length;
      // Rotated first, then revoked: a token fetched in between would still be refused.
      newSecret = emu.control.rotateCredentials().then(async ({ clientSecret }) => {
        await emu.control.revokeTokens();
        return clientSecret;
      });
    };
    const failed = await first.up(program).then(
      () => undefined,
      (e: unknown) => e,
    );
    onExchange = undefined;
    expect(newSecret).toBeDefined();
    const rotated = await newSecret!;

    expect(failed).toBeInstanceOf(DeploymentError);
    const errors = (failed as DeploymentError).summary.errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toMatch(/creating zoom:(TrackingField|Meeting|H323Device) "mid-/);
      expect(error).toMatch(/refused|401/i);
      expect(error).not.toMatch(/\n\s+at /);
    }
    // The first token (before), then one refused request for a new one: no loop on the token endpoint.
    const after = exchanges.slice(revokedAt);
    expect(after.filter((e) => e.kind === "oauth")).toHaveLength(1);
    expect((await emu.control.stats()).tokenRequests - tokensBefore).toBe(2);
    // No loop on the API either: at most one refused request per failed resource, and none succeeded.
    const api = after.filter((e) => e.kind === "api");
    expect(api.filter((e) => e.status !== 401)).toEqual([]);
    expect(api.length).toBeLessThanOrEqual(errors.length);

    // No partial writes: every object made is in state, and state holds nothing Zoom lacks.
    const made = (await accountObjects(portalWith(rotated), accounts, kinds)).filter((o) => !baseline.has(o.key)).map((o) => o.key).sort();
    const inState = first.state.resources.filter((r) => r.custom && r.id).map((r) => stateKey(accounts, r.type, r.id!)).sort();
    expect(made).toEqual(inState);
    expect(inState.length).toBeGreaterThanOrEqual(1);

    const second = deployment(rotated, first.state);
    try {
      const applied = await second.up(program);
      expect(applied.creates).toBe(4 - inState.length);
      expect((await second.up(program)).changes).toBe(0);
    } finally {
      await second.close();
    }
  } finally {
    onExchange = undefined;
    await first.close();
  }
});
