/**
 * Creates that run at the same time in one provider process (Pulumi runs up to 10+ steps in parallel): a
 * create whose outcome is unknown must find the object IT made, never one a concurrent create made. Meetings
 * are the kind at risk: nothing in Zoom keeps two meetings with the same topic and start apart, and a program
 * may well declare several alike (office hours, one per week of a loop). Every kind (but those
 * CONCURRENT_CREATES_LEAVE_OUT names, with the reason) is also created twice at once with different
 * declarations and both answers lost: each resource must find its own object.
 */
import type { EmulatorStateSummary, Fault } from "../../emulator";
import type { Created, ResourceTestbed } from "../support/resources";
import { accountObjects, stateKey } from "../../fixtures/account";
import type { KindEnv } from "../../fixtures/kinds";
import { CONCURRENT_CREATES_LEAVE_OUT, fixturesTakingPart } from "./support/kinds";
import { freeBounded, startReliabilityBed } from "./support/testbed";

let bed: ResourceTestbed;
let accounts: EmulatorStateSummary;
let env: KindEnv;
let counter = 0;

beforeAll(async () => {
  ({ bed, accounts, env } = await startReliabilityBed());
});
afterAll(async () => bed.close());

/** Objects whose count is bounded (six trunk assignments) are removed after each test. */
const made: { kind: string; created: Created }[] = [];
afterEach(async () => {
  await bed.control.clearFaults();
  for (const { kind, created } of made.splice(0)) await freeBounded(bed, kind, created);
});

const alike = (topic: string) => ({ topic, type: 2, startTime: "2031-09-01T15:00:00Z", duration: 45 });

async function meetingsTitled(topic: string): Promise<string[]> {
  return (await accountObjects(bed.portal, accounts, ["Meeting"])).filter((o) => o.item.topic === topic).map((o) => o.key);
}

/** Creates `count` identical meetings at once, the first creates meeting `steps`; returns their state keys. */
async function createAlike(count: number, steps: Fault[]): Promise<{ topic: string; keys: string[] }> {
  const topic = `Office hours ${++counter}`;
  await bed.control.setFaults({ sequence: { match: { operationId: "meetingCreate" }, steps } });
  const created = await Promise.all(Array.from({ length: count }, (_, i) => bed.create("Meeting", `hours-${counter}-${i}`, alike(topic))));
  return { topic, keys: created.map((c) => stateKey(accounts, "zoom:Meeting", c.id)) };
}

test.each([
  ["the first answer lost after applying", [{ kind: "applyThenStatus", status: 500 }] as Fault[]],
  ["the first connection dropped after applying", [{ kind: "applyThenDrop" }] as Fault[]],
  ["both answers lost", [{ kind: "applyThenStatus", status: 502 }, { kind: "applyThenDrop" }] as Fault[]],
  ["one lost, one never applied", [{ kind: "applyThenDrop" }, { kind: "status", status: 503 }] as Fault[]],
])("two identical meetings at once, %s: two meetings, one each, none orphaned", async (_name, steps) => {
  const { topic, keys } = await createAlike(2, steps);
  expect(new Set(keys).size).toBe(2);
  expect((await meetingsTitled(topic)).sort()).toEqual([...keys].sort());
});

test("eight identical meetings at once, four answers lost: eight meetings, one each", async () => {
  const lost: Fault[] = [{ kind: "applyThenDrop" }, { kind: "applyThenStatus", status: 500 }, { kind: "applyThenDrop" }, { kind: "applyThenStatus", status: 503 }];
  const { topic, keys } = await createAlike(8, lost);
  expect(new Set(keys).size).toBe(8);
  expect((await meetingsTitled(topic)).sort()).toEqual([...keys].sort());
});

test.each(fixturesTakingPart(CONCURRENT_CREATES_LEAVE_OUT).map((fixture) => [fixture.kind, fixture] as const))(
  "%s: two different declarations at once, both answers lost after applying: two objects, each resource its own",
  async (kind, fixture) => {
    const declare = fixture.declarations[0].declare;
    const declared = [declare(++counter, env), declare(++counter, env)];
    const lost: Fault[] = [{ kind: "applyThenStatus", status: 500 }, { kind: "applyThenDrop" }];
    await bed.control.setFaults({ sequence: { match: { operationId: fixture.operations.create }, steps: lost } });
    const created = await Promise.all(declared.map((args, i) => bed.create(kind, `together-${counter}-${i}`, args)));
    made.push(...created.map((c) => ({ kind, created: c })));
    const keys = created.map((c) => stateKey(accounts, `zoom:${kind}`, c.id));
    expect(new Set(keys).size).toBe(2);
    const listed = await accountObjects(bed.portal, accounts, [kind]);
    // Each declaration's object, once, held by the resource that declared it.
    expect(declared.map((args) => listed.filter((o) => fixture.matches(o, args, accounts)).map((o) => o.key))).toEqual(keys.map((key) => [key]));
  },
);
