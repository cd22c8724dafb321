/**
 * The lookup mechanism through the real client against the emulator, without a Pulumi program (fast): the
 * match rule over generated user sets (exactly one → it; none or several → an error naming the query and the
 * candidates), retries on Zoom's transient answers, Zoom's refusals named with the lookup, missing credentials
 * refused before any request, and secrets never in a log line.
 */
import fc from "fast-check";
import { createClient, ZoomConfigError, type HttpZoomClient } from "../../provider/client";
import { getTspSettingsDefinition } from "../../provider/lookups/tspSettings";
import { getUserDefinition } from "../../provider/lookups/user";
import { getSubAccountDefinition } from "../../provider/lookups/subAccount";
import { ZoomLookupError } from "../../provider/lookups/errors";
import { runLookup } from "../../provider/lookups/run";
import { lookupClient } from "../../provider/lookups/client";
import { FAST_RETRIES, rejectionOf, settingsFor } from "../client/helpers";
import { useTestEmulator } from "../support/emulator";

const t = useTestEmulator({ plan: "unlimited" });
beforeEach(() => t.control.reset());

function client(lines: string[] = []): HttpZoomClient {
  return createClient(settingsFor(t.emulator, { plan: "business" }), { ...FAST_RETRIES, limiter: "isolated", debug: true, logSink: (line) => lines.push(line), env: {} });
}

/** LOOKUP_RUNS raises it (e.g. 1000) for a longer run; the seed is printed so a failure can be replayed. */
const RUNS = Number(process.env.LOOKUP_RUNS ?? 15);

test(`${RUNS} generated user sets: getUser by name answers the one match, or names the query and every candidate`, async () => {
  const seed = Number(process.env.LOOKUP_SEED ?? Date.now() % 1_000_000);
  process.stdout.write(`lookup matching: seed ${seed} (LOOKUP_SEED=${seed} to replay)\n`);
  const firstNames = ["Ada", "Alan", "Grace"];
  const user = fc.record({ first: fc.constantFrom(...firstNames), last: fc.constantFrom("Byron", "Kay") });
  await fc.assert(
    fc.asyncProperty(fc.array(user, { maxLength: 6 }), user, async (people, wanted) => {
      await t.control.reset();
      const items = people.map((p, i) => ({ email: `u${i}@master.example.com`, first_name: p.first, last_name: p.last }));
      if (items.length > 0) await t.control.seed({ users: items });
      const name = `${wanted.first} ${wanted.last}`;
      const matching = items.filter((p) => `${p.first_name} ${p.last_name}` === name).map((p) => p.email);
      const outcome = await runLookup(getUserDefinition, { name }, client()).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if (matching.length === 1) {
        expect(outcome).toEqual({ result: expect.objectContaining({ email: matching[0], displayName: name }) });
        return;
      }
      if (!("error" in outcome)) throw new Error(`expected a failure for ${matching.length} matches`);
      expect(outcome.error).toBeInstanceOf(ZoomLookupError);
      const message = (outcome.error as Error).message;
      expect(message.startsWith(`zoom.getUser({"name":"${name}"}): `)).toBe(true);
      if (matching.length === 0) {
        expect(message).toContain("no user matches; the users are: ");
        // The candidates: the account's users (the seeded ones among them, up to ten shown).
        expect(message).toContain("ada.lovelace@master.example.com");
      } else {
        expect(message).toContain(`${matching.length} users match, expected one`);
        for (const email of matching) expect(message).toContain(email);
      }
    }),
    { numRuns: RUNS, seed, endOnFailure: true },
  );
});

test("a 503 and a 429 on the list are retried; the lookup answers", async () => {
  await t.control.setFaults({
    sequence: { match: { operationId: "accounts" }, steps: [{ kind: "status", status: 503 }, { kind: "status", status: 429, retryAfterSeconds: 0 }] },
  });
  const result = await runLookup(getSubAccountDefinition, { name: t.state.subAccounts[1].name }, client());
  expect(result).toMatchObject({ id: t.state.subAccounts[1].id });
  expect((await t.control.requests()).filter((r) => r.operationId === "accounts")).toHaveLength(3);
});

test("Zoom's refusal names the lookup: an unknown sub-account, TSP turned off", async () => {
  const unknownAccount = await rejectionOf(runLookup(getUserDefinition, { email: "a@example.com", accountId: "nosuchaccount" }, client()));
  expect(unknownAccount.message).toContain('looking up zoom.getUser({"email":"a@example.com","accountId":"nosuchaccount"})');
  expect(unknownAccount.message).toContain("2001");
  await t.control.seed({ tspSettings: [{ enable: false }] });
  const disabled = await rejectionOf(runLookup(getTspSettingsDefinition, {}, client()));
  expect(disabled.message).toContain("looking up zoom.getTspSettings({})");
  expect(disabled.message).toContain("Account has not enabled TSP.");
});

test("no credentials: a configuration error naming the keys, before any request", () => {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith("ZOOM_")) delete process.env[key];
  try {
    // The program's stack config is empty here (no Pulumi runtime settings).
    expect(() => lookupClient()).toThrow(ZoomConfigError);
    expect(() => lookupClient()).toThrow(/zoom:clientId \(env ZOOM_CLIENT_ID\)/);
  } finally {
    process.env = saved;
  }
});

test("every lookup of a program process shares one client: one token, one rate limiter", async () => {
  const saved = { ...process.env };
  Object.assign(process.env, {
    ZOOM_API_URL: t.emulator.url,
    ZOOM_OAUTH_URL: t.emulator.oauthUrl,
    ZOOM_ACCOUNT_ID: t.emulator.accountId,
    ZOOM_CLIENT_ID: t.emulator.clientId,
    ZOOM_CLIENT_SECRET: t.emulator.clientSecret,
  });
  try {
    expect(lookupClient()).toBe(lookupClient());
    await t.control.resetStats();
    await runLookup(getSubAccountDefinition, { name: t.state.subAccounts[0].name }, lookupClient());
    await runLookup(getUserDefinition, { email: t.state.master.users[1].email }, lookupClient());
    const stats = await t.control.stats();
    expect(stats.requests).toBe(2);
    expect(stats.tokenRequests).toBe(1);
  } finally {
    process.env = saved;
  }
});

test("a leader PIN read by a lookup is in no log line, even at debug level", async () => {
  await t.control.seed({ tspAccounts: [{ user_id: "me", conference_code: "5550001", leader_pin: "90210771" }] });
  const lines: string[] = [];
  const result = await runLookup(getTspSettingsDefinition, {}, client(lines));
  expect(JSON.stringify(result)).toContain("90210771");
  // A failure whose message quoted the PIN would be redacted too: the PIN is registered with the redactor.
  const { redactText } = await import("../../provider/client");
  expect(redactText("pin 90210771")).not.toContain("90210771");
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.join("\n")).not.toContain("90210771");
});
