/**
 * Malformed Zoom answers to writes, for every kind, against the emulator over real HTTP (the emulator serves a
 * malformed answer INSTEAD of applying the request).
 *
 * - Create: one malformed answer, then Zoom answers properly. Exactly one object, and the id in state is its
 *   id: an answer that does not say what was made is an unknown outcome (looked for), never an error that
 *   orphans the object, never a garbled id in state.
 * - Update: one malformed answer. A clear error, or an update that Zoom really has; never an update reported
 *   done that Zoom does not have (a lost update).
 * - Delete: one malformed answer. A clear error, or the object really gone.
 */
import type { EmulatorStateSummary } from "../../emulator";
import { KINDS, fixtureOf } from "../../fixtures/kinds";
import type { Created, Props, ResourceTestbed } from "../support/resources";
import { accountObjects, stateKey } from "../../fixtures/account";
import { kindCase, type KindEnv } from "./support/kinds";
import { MALFORMED, outcome, unclear } from "./support/malformed";
import { freeBounded, startReliabilityBed } from "./support/testbed";

let bed: ResourceTestbed;
let env: KindEnv;
let accounts: EmulatorStateSummary;
let counter = 0;

beforeAll(async () => {
  ({ bed, accounts, env } = await startReliabilityBed({ seedTspSlot: true }));
});
afterAll(async () => bed.close());
afterEach(async () => bed.control.clearFaults());

async function objectsOf(kind: string, declared: Props) {
  return (await accountObjects(bed.portal, accounts, [kind])).filter((o) => kindCase(kind).matches(o, declared, env));
}

/** Removes what a case made where Zoom bounds the count (six trunk assignments, two TSP slots). */
const free = (kind: string, made: Created | undefined) => freeBounded(bed, kind, made);

/** The answers a create may get; JSON objects that say nothing of what was made among them. */
const CREATE_ANSWERS = [
  ...MALFORMED,
  { name: "an object whose id is null", fault: { kind: "respond", status: 201, body: '{"id": null}', contentType: "application/json" } as const },
  { name: "an object whose id is an object", fault: { kind: "respond", status: 201, body: '{"id": {"id": 1}, "internal_numbers": [{"id": {}}]}', contentType: "application/json" } as const },
];

describe.each(KINDS)("%s", (kind) => {
  const c = kindCase(kind);

  test("create under one malformed answer: exactly one object, its id in state", async () => {
    const problems: string[] = [];
    // A SIP trunk is assigned by its own id and Zoom documents its answer both as 201 and as 204: any 2xx
    // JSON object is Zoom's yes, so only answers that are not JSON objects are malformed for it.
    const answers = kind === "SipTrunk" ? CREATE_ANSWERS.filter((a) => !a.fault.body.startsWith("{") || a.name === "truncated JSON") : CREATE_ANSWERS;
    for (const { name, fault } of answers) {
      const declared = c.declare(++counter, env);
      await bed.control.setFaults({ rules: [{ match: { operationId: c.createOperation }, fault, times: 1 }] });
      const result = await outcome(() => bed.create(kind, `write-${counter}`, declared));
      await bed.control.clearFaults();
      const found = await objectsOf(kind, declared);
      if (!result.ok) {
        const why = unclear(result.error, kind, "creating");
        problems.push(`${name}: failed${why ? ` unclearly (${why})` : ""}: ${String(result.error).slice(0, 300)}; ${found.length} object(s) left`);
        continue;
      }
      const made = result.value as Created;
      if (found.length !== 1) problems.push(`${name}: ${found.length} objects`);
      else if (stateKey(accounts, `zoom:${kind}`, made.id) !== found[0]!.key) problems.push(`${name}: state holds ${made.id}, Zoom made ${found[0]!.key}`);
      await free(kind, made);
    }
    expect(problems).toEqual([]);
  });

  const update = fixtureOf(kind).operations.update;
  (update ? test : test.skip)("update under one malformed answer: a clear error, or an update Zoom has", async () => {
    const problems: string[] = [];
    for (const { name, fault } of MALFORMED) {
      const made = await bed.create(kind, `upd-${++counter}`, c.declare(counter, env));
      const changed = fixtureOf(kind).change!(made.inputs, ++counter);
      const news = (await bed.provider(kind).check!(made.inputs, changed)).inputs as Props;
      await bed.control.setFaults({ rules: [{ match: { operationId: update }, fault, times: 1 }] });
      const result = await outcome(() => bed.provider(kind).update!(made.id, made.outs, news));
      await bed.control.clearFaults();
      if (!result.ok) {
        const why = unclear(result.error, kind, "updating");
        if (why) problems.push(`${name}: ${why}`);
      } else {
        // Reported done: state must tell the truth about Zoom, so that if Zoom lacks the change the next plan
        // shows it (nothing lost). The plan from state and the plan from a fresh read agree.
        const outs = (result.value as { outs: Props }).outs;
        const read = await bed.provider(kind).read!(made.id, outs);
        const fromState = (await bed.provider(kind).diff!(made.id, outs, news)).changes;
        const fromZoom = (await bed.provider(kind).diff!(made.id, read.props as Props, news)).changes;
        if (fromState !== fromZoom) problems.push(`${name}: state says ${fromState ? "" : "no "}change is needed, Zoom says ${fromZoom ? "" : "no "}change is needed`);
      }
      await free(kind, made);
    }
    expect(problems).toEqual([]);
  });

  const del = fixtureOf(kind).operations.delete;
  (del ? test : test.skip)("delete under one malformed answer: a clear error, or really gone", async () => {
    const problems: string[] = [];
    // Only answers no server sends for a done delete: an empty 204/200, or JSON of any kind, can mean done.
    for (const { name, fault } of MALFORMED.filter((m) => !m.fault.contentType?.includes("json") || m.name === "truncated JSON")) {
      const made = await bed.create(kind, `del-${++counter}`, c.declare(counter, env));
      await bed.control.setFaults({ rules: [{ match: { operationId: del }, fault, times: 1 }] });
      const result = await outcome(() => bed.provider(kind).delete!(made.id, made.outs));
      await bed.control.clearFaults();
      const left = (await objectsOf(kind, made.inputs)).length;
      if (!result.ok) {
        const why = unclear(result.error, kind, "deleting");
        if (why) problems.push(`${name}: ${why}`);
        if (left > 0) await bed.provider(kind).delete!(made.id, made.outs);
      } else if (left > 0) {
        problems.push(`${name}: reported deleted, but Zoom still has it`);
        await bed.provider(kind).delete!(made.id, made.outs);
      }
    }
    expect(problems).toEqual([]);
  });
});
