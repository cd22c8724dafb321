/**
 * zoom:SipTrunk against the emulator over real HTTP: clean plans (hand-written and generated), drift (a trunk
 * re-assigned by hand), every change replacing with delete-first, the DNIS prefix rule (locally where the
 * prefix is known, explained from Zoom's answer where not), clear errors, gone assignments, import, shared
 * list sweeps, and a create whose answer was lost.
 *
 * The master account has three trunks and each can be assigned once per sub-account, so every test removes
 * what it assigned (afterEach).
 */
import fc from "fast-check";
import type { EmulatorExchange } from "../../emulator";
import { startResourceTestbed, type Created, type Props, type ResourceTestbed } from "../support/resources";
import { expectCleanRoundTrip, forgetLists } from "./listSupport";

const KIND = "SipTrunk";
let bed: ResourceTestbed;
let masterId: string;
let subOne: string;
let subTwo: string;
/** The master's trunks: id, name and full DNIS (its first five digits are the prefix). */
let trunks: { id: string; name: string; dnis: string }[];
const exchanges: EmulatorExchange[] = [];
const assigned: Created[] = [];

beforeAll(async () => {
  bed = await startResourceTestbed({ onExchange: (e) => exchanges.push(e) });
  const state = await bed.control.state();
  masterId = state.master.id;
  [subOne, subTwo] = state.subAccounts.map((account) => account.id) as [string, string];
  trunks = state.master.sipTrunks;
  expect(trunks.length).toBeGreaterThanOrEqual(3);
});
afterEach(async () => {
  // Free the trunks for the next test; an assignment a test removed already is gone (2301), which is fine.
  for (const created of assigned.splice(0)) await provider().delete!(created.id, created.outs);
});
afterAll(async () => bed.close());

const provider = () => bed.provider(KIND);
/** As the next Pulumi command would: a new process has no cached trunk lists. */
const newProcess = () => forgetLists("ListSIPTrunks", [subOne, subTwo]);
const apiCallsSince = (index: number) => exchanges.slice(index).filter((e) => e.kind === "api");
const prefixOf = (trunk: { dnis: string }) => trunk.dnis.slice(0, 5);

async function assign(name: string, declared: Props): Promise<Created> {
  const created = await bed.create(KIND, name, declared);
  assigned.push(created);
  return created;
}

interface LiveTrunk {
  id: string;
  name: string;
  dnis: string;
  outbound_caller_id?: string;
}

async function liveTrunks(accountId: string): Promise<LiveTrunk[]> {
  const answer = await bed.portal.request<{ sip_trunks: LiveTrunk[] }>({ operation: "ListSIPTrunks", accountId });
  return answer.data!.sip_trunks;
}

describe("clean plans", () => {
  test("with a caller id: create, refresh, and a second plan shows no change; outputs from the master's trunk", async () => {
    const trunk = trunks[0]!;
    const declared = { accountId: subOne, trunkId: trunk.id, dnis: `${prefixOf(trunk)}123`, outboundCallerId: "+18005550100" };
    const created = await assign("first", declared);
    expect(created.id).toBe(`${subOne}/${trunk.id}`);
    expect(created.outs).toMatchObject({ ...declared, name: trunk.name, numberPrefix: expect.any(String), sipServerAddress: expect.any(String) });
    newProcess();
    const read = await bed.expectCleanPlan(KIND, created, declared);
    expect(read.props).toMatchObject(created.outs);
  });

  test("a DNIS of exactly the prefix, no caller id, another sub-account", async () => {
    const trunk = trunks[2]!;
    const declared = { accountId: subTwo, trunkId: trunk.id, dnis: prefixOf(trunk) };
    const created = await assign("short", declared);
    newProcess();
    const { changes } = await bed.refreshAndDiff(KIND, created, declared);
    expect(changes).toBe(false);
    expect((await liveTrunks(subTwo)).map((t) => t.id)).toEqual([trunk.id]);
  });

  test("property-based: any valid assignment plans no change after create", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            trunk: fc.integer({ min: 0, max: 2 }),
            sub: fc.constantFrom(0, 1),
            suffix: fc.stringMatching(/^\d{0,3}$/),
            outboundCallerId: fc.string({ minLength: 1, maxLength: 32 }),
          },
          { requiredKeys: ["trunk", "sub", "suffix"] },
        ),
        async ({ trunk, sub, suffix, outboundCallerId }) => {
          const declared: Props = { accountId: [subOne, subTwo][sub], trunkId: trunks[trunk]!.id, dnis: `${prefixOf(trunks[trunk]!)}${suffix}` };
          if (outboundCallerId !== undefined) declared.outboundCallerId = outboundCallerId;
          await expectCleanRoundTrip(bed, KIND, declared, newProcess);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("drift and replace", () => {
  test.each([
    ["dnis", (trunk: { dnis: string }) => ({ dnis: `${prefixOf(trunk)}999` }), "dnis"],
    ["outboundCallerId", () => ({ outbound_caller_id: "+18005559999" }), "outboundCallerId"],
  ] as const)("re-assigned by hand with another %s: drift with the live value, planned as a replacement", async (_label, changeOf, property) => {
    const trunk = trunks[1]!;
    const declared = { accountId: subOne, trunkId: trunk.id, dnis: `${prefixOf(trunk)}1`, outboundCallerId: "+18005550101" };
    const created = await assign("drift", declared);
    const change = changeOf(trunk);
    await bed.portal.request({
      operation: "AssignSIPTrunks",
      accountId: subOne,
      body: { sip_trunks: [{ id: trunk.id, dnis: declared.dnis, outbound_caller_id: declared.outboundCallerId, ...change }] },
    });
    newProcess();
    const { changes, replaces, read } = await bed.refreshAndDiff(KIND, created, declared);
    expect(changes).toBe(true);
    expect(replaces).toEqual([property]);
    expect((read.inputs as Props)[property]).toEqual(Object.values(change)[0]);
  });

  test.each([
    ["dnis", (d: Props, trunk: { dnis: string }) => ({ ...d, dnis: `${prefixOf(trunk)}77` })],
    ["outboundCallerId", (d: Props) => ({ ...d, outboundCallerId: "+18005550199" })],
    ["trunkId", (d: Props) => ({ ...d, trunkId: trunks[2]!.id, dnis: prefixOf(trunks[2]!) })],
    ["accountId", (d: Props) => ({ ...d, accountId: subTwo })],
  ] as const)("a change of %s replaces, deleting the old assignment first", async (property, change) => {
    const trunk = trunks[0]!;
    const declared = { accountId: subOne, trunkId: trunk.id, dnis: `${prefixOf(trunk)}5`, outboundCallerId: "+18005550102" };
    const created = await assign("replace", declared);
    const news = (await provider().check!(created.inputs, { __logicalName: "replace", ...change(declared, trunk) })).inputs;
    const diff = await provider().diff!(created.id, created.outs, news);
    expect(diff.changes).toBe(true);
    expect(diff.replaces).toContain(property);
    expect(diff.deleteBeforeReplace).toBe(true);
  });

  test("the engine's replacement (delete, then create) moves the assignment to the new DNIS", async () => {
    const trunk = trunks[0]!;
    const declared = { accountId: subOne, trunkId: trunk.id, dnis: `${prefixOf(trunk)}5` };
    const created = await assign("replace", declared);
    const changed = { ...declared, dnis: `${prefixOf(trunk)}678` };
    const news = (await provider().check!(created.inputs, { __logicalName: "replace", ...changed })).inputs as Props;
    const before = exchanges.length;
    await provider().delete!(created.id, created.outs);
    const { id, outs } = await provider().create(news);
    assigned.push({ id, inputs: news, outs: outs as Props });
    expect(id).toBe(created.id);
    expect(apiCallsSince(before).map((e) => `${e.operationId} ${e.status}`)).toEqual([
      "DeleteASIPTrunk 204",
      "AssignSIPTrunks 201",
      "ListSIPTrunks 200",
    ]);
    expect(JSON.parse(apiCallsSince(before)[1]!.requestBody)).toEqual({ sip_trunks: [{ id: trunk.id, dnis: changed.dnis }] });
    expect((await liveTrunks(subOne)).filter((t) => t.id === trunk.id).map((t) => t.dnis)).toEqual([changed.dnis]);
  });
});

describe("the DNIS prefix rule", () => {
  test("where the prefix is known (the DNIS Zoom accepted for the same trunk), check refuses a mismatch without calling Zoom", async () => {
    const trunk = trunks[0]!;
    const olds = { __logicalName: "dnis", accountId: subOne, trunkId: trunk.id, dnis: `${prefixOf(trunk)}12` };
    const before = await bed.requestCount();
    const result = await provider().check!(olds, { ...olds, dnis: "99999123" });
    expect(result.failures).toEqual([
      {
        property: "dnis",
        reason: `must start with ${prefixOf(trunk)}, the DNIS prefix of SIP trunk "${trunk.id}" (as its current DNIS ${olds.dnis} shows): the first five digits of the sub-account's DNIS must equal the first five digits of the master trunk's DNIS (List SIP trunks with accountId \`me\` shows it)`,
      },
    ]);
    // Another trunk has another prefix, unknown here: left to Zoom.
    expect((await provider().check!(olds, { ...olds, trunkId: trunks[1]!.id, dnis: "99999123" })).failures).toEqual([]);
    expect(await bed.requestCount()).toBe(before);
  });

  test("where it is not known, Zoom's refusal is explained", async () => {
    const trunk = trunks[1]!;
    await expect(assign("mismatch", { accountId: subOne, trunkId: trunk.id, dnis: "99999123" })).rejects.toThrow(
      `creating zoom:SipTrunk "mismatch": Zoom refused the DNIS 99999123 for SIP trunk "${trunk.id}": the first five digits of the sub-account's DNIS must equal the first five digits of the master trunk's DNIS`,
    );
  });

  test("when Zoom's answer names no field (as its spec documents it), both possible causes are given", async () => {
    const message = "One or more parameters provided in the `sip_trunks` object are invalid.";
    await bed.control.setFaults({
      rules: [{ match: { operationId: "AssignSIPTrunks" }, fault: { kind: "respond", status: 400, body: JSON.stringify({ code: 300, message }), contentType: "application/json" }, times: 1 }],
    });
    try {
      await expect(assign("vague", { accountId: subOne, trunkId: trunks[1]!.id, dnis: "99999123" })).rejects.toThrow(
        `Zoom refused the assignment: either "${trunks[1]!.id}" is not one of the master account's SIP trunks (trunkId), or the DNIS 99999123 does not carry that trunk's prefix`,
      );
    } finally {
      await bed.control.clearFaults();
    }
  });

  test("the schema: 5 to 8 digits", async () => {
    const trunkId = trunks[0]!.id;
    for (const dnis of ["1234", "123456789", "1888a123", " 18888"]) {
      const result = await provider().check!({}, { __logicalName: "s", accountId: subOne, trunkId, dnis });
      expect(result.failures).toEqual([expect.objectContaining({ property: "dnis", reason: expect.stringContaining("expected 5 to 8 digits") })]);
    }
  });
});

describe("errors", () => {
  test("a trunk the master account does not have", async () => {
    await expect(assign("unknown", { accountId: subOne, trunkId: "noSuchTrunk", dnis: "18888123" })).rejects.toThrow(
      'creating zoom:SipTrunk "unknown": SIP trunk "noSuchTrunk" is not one of the master account\'s SIP trunks (trunkId;',
    );
  });

  test("a sub-account that does not exist", async () => {
    await expect(assign("nowhere", { accountId: "noSuchAccount", trunkId: trunks[0]!.id, dnis: `${prefixOf(trunks[0]!)}1` })).rejects.toThrow(
      'creating zoom:SipTrunk "nowhere": the sub-account "noSuchAccount" does not exist (accountId)',
    );
  });

  test("the master account itself: `me` fails in check, its own id is explained", async () => {
    const declared = { trunkId: trunks[0]!.id, dnis: `${prefixOf(trunks[0]!)}1` };
    const checked = await provider().check!({}, { __logicalName: "me", ...declared, accountId: "me" });
    expect(checked.failures).toEqual([
      { property: "accountId", reason: "a SIP trunk is assigned to a sub-account; `me` is the master account, whose trunks Zoom configures" },
    ]);
    expect((await provider().check!({}, { __logicalName: "none", ...declared })).failures).toEqual([
      { property: "accountId", reason: "required (string)" },
    ]);
    await expect(assign("master", { ...declared, accountId: masterId })).rejects.toThrow(
      `"${masterId}" is not a sub-account of the master account the credentials belong to`,
    );
  });

  test("Zoom cannot update an assignment: the provider says so rather than sending anything", async () => {
    const trunk = trunks[0]!;
    const declared = { accountId: subOne, trunkId: trunk.id, dnis: `${prefixOf(trunk)}1` };
    const created = await assign("noupdate", declared);
    const before = exchanges.length;
    await expect(provider().update!(created.id, created.outs, { ...created.inputs, dnis: `${prefixOf(trunk)}2` })).rejects.toThrow(
      "Zoom cannot update a SipTrunk in place",
    );
    expect(apiCallsSince(before)).toEqual([]);
  });
});

describe("lifecycle", () => {
  test("removed out of band: refresh drops it; delete twice is fine", async () => {
    const trunk = trunks[1]!;
    const created = await assign("gone", { accountId: subTwo, trunkId: trunk.id, dnis: prefixOf(trunk) });
    await bed.portal.request({ operation: "DeleteASIPTrunk", accountId: subTwo, pathParams: { trunkId: trunk.id } });
    newProcess();
    await bed.expectGone(KIND, created);
  });

  test(".get() by id: every output from Zoom, no inputs (nothing declared), and a matching declaration plans nothing", async () => {
    const trunk = trunks[2]!;
    const body = { id: trunk.id, dnis: `${prefixOf(trunk)}42`, outbound_caller_id: "+442000000042" };
    await bed.portal.request({ operation: "AssignSIPTrunks", accountId: subOne, body: { sip_trunks: [body] } });
    const id = `${subOne}/${trunk.id}`;
    const read = await provider().read!(id, {});
    assigned.push({ id, inputs: {}, outs: read.props as Props });
    expect(read.id).toBe(id);
    const expected = { accountId: subOne, trunkId: trunk.id, dnis: body.dnis, outboundCallerId: body.outbound_caller_id };
    expect(read.inputs).toEqual({});
    expect(read.props).toMatchObject({ ...expected, name: trunk.name, numberPrefix: expect.any(String), sipServerAddress: expect.any(String) });
    const diff = await provider().diff!(id, read.props!, { __logicalName: "imported", ...expected });
    expect(diff.changes).toBe(false);
  });

  test("an id without the sub-account is refused with the expected form, not read as the master's trunks", async () => {
    const before = await bed.requestCount();
    await expect(provider().read!(trunks[0]!.id, {})).rejects.toThrow(`invalid zoom:SipTrunk id "${trunks[0]!.id}": expected "<accountId>/<zoomId>"`);
    expect(await bed.requestCount()).toBe(before);
  });

  test("concurrent reads share one sweep per sub-account", async () => {
    const created = await Promise.all(
      [subOne, subTwo].flatMap((accountId) =>
        [trunks[0]!, trunks[1]!].map((trunk) => assign("many", { accountId, trunkId: trunk.id, dnis: `${prefixOf(trunk)}3` })),
      ),
    );
    newProcess();
    await bed.expectSharedSweeps(KIND, created, "ListSIPTrunks", 2);
  });

  test("a create whose answer was lost is found by trunk id and DNIS, not assigned twice", async () => {
    const trunk = trunks[0]!;
    const declared = { accountId: subTwo, trunkId: trunk.id, dnis: `${prefixOf(trunk)}808` };
    await bed.withLostAnswer("AssignSIPTrunks", async () => {
      const created = await assign("lost", declared);
      expect(created.outs).toMatchObject(declared);
      expect((await liveTrunks(subTwo)).filter((t) => t.id === trunk.id).map((t) => t.dnis)).toEqual([declared.dnis]);
      expect(exchanges.filter((e) => e.operationId === "AssignSIPTrunks" && e.requestBody.includes(declared.dnis))).toHaveLength(1);
    });
  });
});
