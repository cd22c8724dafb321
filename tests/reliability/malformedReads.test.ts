/**
 * Malformed Zoom answers to reads, for every kind, against the emulator over real HTTP: HTML pages (200 and
 * 502), empty and truncated bodies, JSON of the wrong kind, objects without fields, fields and lists of the wrong
 * type.
 *
 * - Refresh (read) under one malformed answer: the same object as a clean read, or a clear error; never "gone"
 *   (which would drop the object from state) and never other values.
 * - Refresh under answers that are JSON objects but not the object (`{}`, wrong types), every time: a clear
 *   error. Only the resource layer can tell these from a real answer.
 * - The lookup after a create whose answer was lost, under one malformed answer: found (one object, in state),
 *   or a clear error; never a second object.
 */
import type { EmulatorStateSummary, Fault } from "../../emulator";
import { listCacheFor } from "../../provider/framework/listCache";
import { currentClient } from "../../provider/framework/runtime";
import { KINDS, fixtureOf } from "../../fixtures/kinds";
import type { Created, ResourceTestbed } from "../support/resources";
import { accountObjects, stateKey } from "../../fixtures/account";
import { kindCase, type KindCase, type KindEnv } from "./support/kinds";
import { MALFORMED, outcome, unclear, WELL_FORMED_BUT_WRONG } from "./support/malformed";
import { freeBounded, startReliabilityBed } from "./support/testbed";

let bed: ResourceTestbed;
let env: KindEnv;
let accounts: EmulatorStateSummary;
let counter = 0;
const created = new Map<string, Created>();

beforeAll(async () => {
  ({ bed, accounts, env } = await startReliabilityBed({ seedTspSlot: true }));
  for (const kind of KINDS) created.set(kind, await bed.create(kind, `malformed-${kind}`, kindCase(kind).declare(++counter, env)));
});
afterAll(async () => bed.close());
afterEach(async () => bed.control.clearFaults());

/** As a new `pulumi` process would start: no cached list sweeps, so every read reaches the emulator. */
function forgetCachedLists(): void {
  const cache = listCacheFor(currentClient());
  for (const kind of KINDS) {
    const c = kindCase(kind);
    for (const accountId of [undefined, "me", ...accounts.subAccounts.map((a) => a.id)]) {
      cache.invalidate({ operation: c.readOperation, accountId });
      cache.invalidate({ operation: c.readOperation, accountId, pathParams: { userId: "me" } });
    }
  }
}

/** What a refresh keeps: the id, the declared inputs and Zoom's id output (volatile outputs such as startUrl aside). */
function stable(kind: string, read: { id?: string; props?: Record<string, unknown> }): unknown {
  const declared = created.get(kind)!.inputs;
  const props = read.props ?? {};
  const keys = [...Object.keys(declared).filter((k) => !k.startsWith("__")), "meetingId", "trackingFieldId", "deviceId", "numberId", "tspId", "templateId"];
  return { id: read.id, ...Object.fromEntries(keys.filter((k) => props[k] !== undefined).map((k) => [k, props[k]])) };
}

async function faultsInjected(): Promise<number> {
  return (await bed.control.stats()).faultsInjected;
}

describe.each(KINDS)("%s", (kind) => {
  const c: KindCase = kindCase(kind);

  test("refresh under one malformed answer: the same object, or a clear error", async () => {
    const object = created.get(kind)!;
    forgetCachedLists();
    const clean = stable(kind, await bed.provider(kind).read!(object.id, object.outs));
    const problems: string[] = [];
    for (const { name, fault } of MALFORMED) {
      forgetCachedLists();
      await bed.control.setFaults({ rules: [{ match: { operationId: c.readOperation }, fault, times: 1 }] });
      const injected = await faultsInjected();
      const result = await outcome(() => bed.provider(kind).read!(object.id, object.outs));
      if ((await faultsInjected()) === injected) problems.push(`${name}: the read never met the fault (cached?)`);
      if (result.ok) {
        const got = stable(kind, result.value as { id?: string; props?: Record<string, unknown> });
        if (JSON.stringify(got) !== JSON.stringify(clean)) problems.push(`${name}: read ${JSON.stringify(got).slice(0, 300)} instead of ${JSON.stringify(clean).slice(0, 300)}`);
      } else {
        const why = unclear(result.error, kind, "reading");
        if (why) problems.push(`${name}: ${why}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("refresh under answers that are JSON objects but not the object: a clear error, never gone", async () => {
    const object = created.get(kind)!;
    const problems: string[] = [];
    for (const { name, fault } of WELL_FORMED_BUT_WRONG) {
      forgetCachedLists();
      await bed.control.setFaults({ rules: [{ match: { operationId: c.readOperation }, fault }] });
      const result = await outcome(() => bed.provider(kind).read!(object.id, object.outs));
      if (result.ok) problems.push(`${name}: answered ${JSON.stringify(result.value).slice(0, 300)}`);
      else {
        const why = unclear(result.error, kind, "reading");
        if (why) problems.push(`${name}: ${why}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("the lookup after a lost create answer, under one malformed answer: found, or a clear error; never twice", async () => {
    const problems: string[] = [];
    for (const { name, fault } of MALFORMED) {
      const declared = c.declare(++counter, env);
      forgetCachedLists();
      const lost: Fault = { kind: "applyThenDrop" };
      await bed.control.setFaults({
        sequence: { match: { operationId: c.createOperation }, steps: [lost] },
        rules: [{ match: { operationId: fixtureOf(kind).operations.lookup }, fault, times: 1 }],
      });
      const result = await outcome(() => bed.create(kind, `lookup-${counter}`, declared));
      await bed.control.clearFaults();
      const found = (await accountObjects(bed.portal, accounts, [kind])).filter((o) => c.matches(o, declared, env));
      if (found.length > 1) problems.push(`${name}: ${found.length} objects`);
      if (result.ok) {
        const made = result.value as Created;
        if (found.length !== 1 || stateKey(accounts, `zoom:${kind}`, made.id) !== found[0]!.key) problems.push(`${name}: state ${made.id} is not the object made`);
        await freeBounded(bed, kind, made);
      } else {
        const why = unclear(result.error, kind, "creating");
        if (why) problems.push(`${name}: ${why}`);
        // Free the bounded slot the lost create took, for the next case.
        if (found[0] && fixtureOf(kind).bounded) {
          const [, account, scoped] = found[0].key.split(" ");
          const id = kind === "SipTrunk" ? `${account}/${scoped}` : scoped!;
          await bed.provider(kind).delete!(id, { ...declared });
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
