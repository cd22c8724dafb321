/**
 * No duplicates, no orphans: every kind's create under each fault the network and Zoom can produce, against the
 * emulator over real HTTP.
 *
 * - Zoom applied the create, then the answer was lost (5xx after applying, connection dropped after applying):
 *   the resource looks for what it made and returns it; ONE create request, ONE object.
 * - Zoom never applied it (5xx, reset or a garbled answer before applying): the lookup finds nothing and the
 *   create is sent again; TWO create requests, ONE object.
 * - A per-second 429: the client waits and re-sends (Zoom refused before doing anything).
 * - The object was made but a later step failed (reading it back): the create fails with the object's id
 *   (`ErrorResourceInitFailed` through the host), so it is in state, never orphaned.
 */
import type { EmulatorExchange, EmulatorStateSummary, Fault } from "../../emulator";
import { OPERATIONS } from "../../catalogue/operations";
import { ResourceInitError } from "../../provider/framework/errors";
import type { Created, ResourceTestbed } from "../support/resources";
import { accountObjects, objectKey, stateKey } from "../../fixtures/account";
import { KIND_CASES, kindCase, type KindCase, type KindEnv, type Props } from "./support/kinds";
import { freeBounded, startReliabilityBed } from "./support/testbed";

let bed: ResourceTestbed;
let env: KindEnv;
let accounts: EmulatorStateSummary;
const exchanges: EmulatorExchange[] = [];
let counter = 0;

beforeAll(async () => {
  ({ bed, accounts, env } = await startReliabilityBed({ emulator: { onExchange: (e) => exchanges.push(e) }, seedTspSlot: true }));
});
afterAll(async () => bed.close());

/** Objects whose count is bounded (six trunk assignments, two TSP slots) are removed after each test. */
const made: { kind: string; created: Created }[] = [];
afterEach(async () => {
  await bed.control.clearFaults();
  for (const { kind, created } of made.splice(0)) await freeBounded(bed, kind, created);
});

async function matching(kind: KindCase, declared: Props) {
  return (await accountObjects(bed.portal, accounts, [kind.kind])).filter((o) => kind.matches(o, declared, env));
}

/**
 * Creates `declared` under the faults set, expecting Zoom to have made the object and the create to fail with
 * its id (`ResourceInitError`): exactly one such object, and the id is its. Returns the error.
 */
async function madeButFailed(kind: KindCase, declared: Props): Promise<ResourceInitError> {
  const error = await bed.create(kind.kind, `init-${counter}`, declared).then(
    () => undefined,
    (e: unknown) => e,
  );
  await bed.control.clearFaults();
  expect(error).toBeInstanceOf(ResourceInitError);
  const init = error as ResourceInitError;
  const found = await matching(kind, declared);
  expect(found).toHaveLength(1);
  expect(stateKey(accounts, `zoom:${kind.kind}`, init.id)).toBe(found[0]!.key);
  made.push({ kind: kind.kind, created: { id: init.id, inputs: declared, outs: init.properties } });
  return init;
}

const createRequests = (since: number, kind: KindCase) =>
  exchanges.slice(since).filter((e) => e.operationId === kind.createOperation && e.kind === "api").length;

/** The faults, where they strike, and how many create requests reach Zoom in all. */
const FAULTS: { name: string; fault: Fault; creates: number }[] = [
  { name: "500 after applying", fault: { kind: "applyThenStatus", status: 500 }, creates: 1 },
  { name: "503 after applying", fault: { kind: "applyThenStatus", status: 503 }, creates: 1 },
  { name: "connection dropped after applying", fault: { kind: "applyThenDrop" }, creates: 1 },
  { name: "502 before applying", fault: { kind: "status", status: 502 }, creates: 2 },
  { name: "connection reset before applying", fault: { kind: "reset" }, creates: 2 },
  { name: "an HTML page (200) instead of the answer, not applied", fault: { kind: "respond", status: 200, body: "<html><title>Gateway</title></html>" }, creates: 2 },
  { name: "an empty 201, not applied", fault: { kind: "respond", status: 201, body: "", contentType: "application/json" }, creates: 2 },
  { name: "a per-second 429", fault: { kind: "status", status: 429, retryAfterSeconds: 0 }, creates: 2 },
];

describe.each(KIND_CASES.map((k) => [k.name, k] as const))("%s create", (_name, kind) => {
  test.each(FAULTS.map((f) => [f.name, f] as const))("%s: exactly one object, in state", async (_faultName, { fault, creates }) => {
    const declared = kind.declare(++counter, env);
    await bed.control.setFaults({ sequence: { match: { operationId: kind.createOperation }, steps: [fault] } });
    const since = exchanges.length;
    const created = await bed.create(kind.kind, `reliable-${counter}`, declared);
    made.push({ kind: kind.kind, created });

    const found = await matching(kind, declared);
    expect(found).toHaveLength(1);
    expect(stateKey(accounts, `zoom:${kind.kind}`, created.id)).toBe(found[0]!.key);
    expect(createRequests(since, kind)).toBe(creates);
  });
});

describe("a lost create whose lookup fails too: the same explanation for every kind", () => {
  /** Not retried and not "gone": the lookup's list request fails at once. */
  const refused: Fault = { kind: "respond", status: 400, body: JSON.stringify({ code: 300, message: "Request failed." }), contentType: "application/json" };

  test.each(KIND_CASES.map((k) => [k.name, k] as const))("%s: names the create, says its outcome is unknown", async (_name, kind) => {
    const declared = kind.declare(++counter, env);
    // The connection is reset before Zoom applies the create (so nothing is left over), and every GET of the
    // lookup is refused.
    await bed.control.setFaults({
      sequence: { match: { operationId: kind.createOperation }, steps: [{ kind: "reset" }] },
      rules: [{ match: { method: "GET" }, fault: refused }],
    });
    const error = await bed.create(kind.kind, `lost-${counter}`, declared).then(
      () => undefined,
      (e: unknown) => e,
    );
    await bed.control.clearFaults();
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    const create = OPERATIONS[kind.createOperation];
    expect(message).toMatch(new RegExp(`^creating zoom:${kind.kind} "lost-${counter}": create \\(POST [^)]*${escape(create.path)}\\) got no usable answer \\(connection reset`));
    expect(message).toContain("and looking for the object in Zoom failed (");
    expect(message).toContain("Request failed.");
    expect(message).toContain("the create's outcome is unknown; check whether Zoom has it before running pulumi up again");
    expect(await matching(kind, declared)).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("a create whose later step fails keeps the object's id (ErrorResourceInitFailed)", () => {
  /** A refusal that is not retried and does not mean "gone": the read-back fails at once. */
  const refused: Fault = { kind: "respond", status: 400, body: JSON.stringify({ code: 300, message: "Request failed." }), contentType: "application/json" };

  /**
   * Kinds whose read-back is a request of its own after a create whose answer was lost. Not list-read kinds
   * (devices, numbers, tracking fields): the lookup's own sweep of the list is the read-back.
   */
  const afterLookup = KIND_CASES.filter((k) => ["Meeting", "TspAccount", "MeetingTemplate"].includes(k.name));

  test.each(afterLookup.map((k) => [k.name, k] as const))("%s: answer lost, found, read-back refused", async (_name, kind) => {
    const declared = kind.declare(++counter, env);
    // The create's answer is lost; the lookup passes (for templates it lists the same operation the read-back
    // does, so the first list passes); the read-back is refused.
    await bed.control.setFaults({
      sequence: { match: { operationId: kind.createOperation }, steps: [{ kind: "applyThenDrop" }] },
      rules: [{ match: { operationId: kind.readOperation }, fault: refused, after: kind.kind === "MeetingTemplate" ? 1 : 0 }],
    });
    const init = await madeButFailed(kind, declared);
    expect(init.message).toMatch(new RegExp(`^creating zoom:${kind.kind} "init-${counter}": created `));
  });

  test.each(["SipTrunk", "MeetingTemplate"])("%s: Zoom's answer has no object, and reading it back is refused", async (name) => {
    const kind = kindCase(name);
    const declared = kind.declare(++counter, env);
    await bed.control.setFaults({ rules: [{ match: { operationId: kind.readOperation }, fault: refused }] });
    await madeButFailed(kind, declared);
  });
});

test("the object keys of state and of the account agree (the test's own bookkeeping)", () => {
  expect(stateKey(accounts, "pulumi-nodejs:dynamic/zoom:TspAccount", "me/2")).toBe(objectKey(accounts, "TspAccount", undefined, "2", accounts.master.users[0]!.id));
  expect(stateKey(accounts, "zoom:SipTrunk", `${accounts.subAccounts[0]!.id}/t1`)).toBe(`SipTrunk ${accounts.subAccounts[0]!.id} t1`);
});

test("an instant meeting whose create answer was lost cannot be found (Zoom does not list them): a clear error, never a retry", async () => {
  const since = exchanges.length;
  await bed.control.setFaults({ sequence: { match: { operationId: "meetingCreate" }, steps: [{ kind: "applyThenDrop" }] } });
  const error = await bed.create("Meeting", "instant", { topic: `Instant ${++counter}`, type: 1 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toMatch(/^creating zoom:Meeting "instant": the outcome of creating an instant meeting is unknown .* check the host's meetings in Zoom/);
  expect(exchanges.slice(since).filter((e) => e.operationId === "meetingCreate")).toHaveLength(1);
});
