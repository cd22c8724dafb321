/**
 * zoom:InternalNumber against the emulator over real HTTP: clean plans (hand-written and generated), drift of
 * every property, updates that send only what changed (in Zoom's numbering), replace, list lookups across
 * pages, shared list sweeps, the visible/allowJoin rule, clear errors, gone numbers, import, and a create whose
 * answer was lost.
 */
import fc from "fast-check";
import type { EmulatorExchange } from "../../emulator";
import { internalNumberDefinition } from "../../provider/resources/internalNumber";
import { INTERNAL_NUMBER_LANGUAGES } from "../../schema/internalNumber";
import { startResourceTestbed, type Created, type Props, type ResourceTestbed } from "../support/resources";
import { expectAccountMoveReplaces, expectCleanRoundTrip, forgetLists } from "./listSupport";

const KIND = "InternalNumber";
let bed: ResourceTestbed;
let subOne: string;
let subTwo: string;
const exchanges: EmulatorExchange[] = [];
let counter = 0;
/** A fresh E.164 number: +1 555 and seven digits. */
const nextNumber = () => `+1555${String(++counter).padStart(7, "0")}`;

beforeAll(async () => {
  bed = await startResourceTestbed({ onExchange: (e) => exchanges.push(e) });
  const state = await bed.control.state();
  [subOne, subTwo] = state.subAccounts.map((account) => account.id) as [string, string];
});
afterAll(async () => bed.close());

const provider = () => bed.provider(KIND);
/** As the next Pulumi command would: a new process has no cached number lists. */
const newProcess = () => forgetLists("ListInternalNumbers", [undefined, "me", subOne, subTwo]);
const apiCallsSince = (index: number) => exchanges.slice(index).filter((e) => e.kind === "api");

/** A complete declaration: Zoom requires these six fields. */
const base = (overrides: Props = {}): Props => ({
  number: nextNumber(),
  displayNumber: "+1 555 000 0000",
  country: "US",
  labels: "SIP-Internal",
  languages: "en-US",
  type: "toll",
  ...overrides,
});

interface LiveNumber {
  id: string;
  number: string;
  visible: boolean;
  allow_join: boolean;
}

async function liveNumbers(accountId = "me"): Promise<LiveNumber[]> {
  const numbers: LiveNumber[] = [];
  for await (const item of bed.portal.paginate<LiveNumber>({ operation: "ListInternalNumbers", accountId, itemsKey: "internal_numbers" })) {
    numbers.push(item);
  }
  return numbers;
}

async function editByHand(created: Created, body: Props, accountId = "me"): Promise<void> {
  await bed.portal.request({ operation: "UpdateAnInternalNumber", pathParams: { numberId: String(created.outs.numberId) }, accountId, body });
}

describe("clean plans", () => {
  const corpus: [string, Props][] = [
    ["the six required fields", {}],
    ["toll-free, visible", { type: "tollfree", visible: true }],
    ["visible and joinable, said twice", { visible: true, allowJoin: true }],
    ["hidden, not joinable", { visible: false, allowJoin: false, allowForExternalMeetings: true }],
    ["hidden but joinable", { visible: false, allowJoin: true, allowForExternalMeetings: false }],
    ["another country and language", { country: "DE", languages: "de-DE", displayNumber: "+49 30 1234567", labels: "" }],
    ["Unicode labels", { languages: "ja", country: "JP", labels: "社内番号 åíøü" }],
  ];

  test.each(corpus)("%s: create, refresh, and a second plan shows no change", async (_label, overrides) => {
    const declared = base(overrides);
    const created = await bed.create(KIND, "number", declared);
    expect(created.id).toBe(`me/${String(created.outs.numberId)}`);
    expect(created.outs).toMatchObject(declared);
    newProcess();
    await bed.expectCleanPlan(KIND, created, declared);
  });

  test("in a sub-account: the number lives there, and the id says so", async () => {
    const declared = base({ accountId: subOne });
    const created = await bed.create(KIND, "sub", declared);
    expect(created.id).toBe(`${subOne}/${String(created.outs.numberId)}`);
    expect((await liveNumbers(subOne)).map((n) => n.number)).toContain(declared.number);
    expect((await liveNumbers()).map((n) => n.number)).not.toContain(declared.number);
    newProcess();
    expect((await bed.refreshAndDiff(KIND, created, declared)).changes).toBe(false);
  });

  test("property-based: any valid declaration plans no change after create", async () => {
    const switches = fc
      .record(
        { visible: fc.boolean(), allowJoin: fc.boolean(), allowForExternalMeetings: fc.boolean() },
        { requiredKeys: [] },
      )
      // Check refuses allowJoin: false unless visible: false is declared (Zoom keeps a visible number joinable).
      .filter((s) => !(s.visible !== false && s.allowJoin === false));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          displayNumber: fc.string({ minLength: 1, maxLength: 30 }),
          country: fc.constantFrom("US", "GB", "DE", "FR", "JP", "BR", "IN", "AU", "ZA", "SE"),
          labels: fc.string({ maxLength: 40 }),
          languages: fc.constantFrom(...INTERNAL_NUMBER_LANGUAGES),
          type: fc.constantFrom("toll", "tollfree"),
          accountId: fc.constantFrom("me", subOne),
        }),
        switches,
        async (fields, flags) => {
          const declared: Props = { number: nextNumber(), ...fields, ...flags };
          await expectCleanRoundTrip(bed, KIND, declared, newProcess);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("visible forces allowJoin", () => {
  test("a visible number is joinable without saying so, and stays so with no change planned", async () => {
    const declared = base({ visible: true });
    const created = await bed.create(KIND, "visible", declared);
    expect(created.outs).toMatchObject({ visible: true, allowJoin: true });
    newProcess();
    expect((await bed.refreshAndDiff(KIND, created, declared)).changes).toBe(false);
  });

  test("normalization reads allowJoin as true for a visible number whatever the answer says", () => {
    const normalized = internalNumberDefinition.normalize({ id: "n1", visible: true, allow_join: false, type: 1 });
    expect(normalized).toMatchObject({ visible: true, allowJoin: true, type: "tollfree", numberId: "n1" });
    expect(internalNumberDefinition.normalize({ id: "n2", visible: false, allow_join: false, type: 0 })).toMatchObject({
      allowJoin: false,
      type: "toll",
    });
  });

  test("visible: true with allowJoin: false fails in check, and nothing reaches Zoom", async () => {
    const before = await bed.requestCount();
    const result = await provider().check!({}, { __logicalName: "contradiction", ...base({ visible: true, allowJoin: false }) });
    expect(result.failures).toEqual([
      {
        property: "allowJoin",
        reason:
          "Zoom always allows joining through a visible number (visible: true forces allowJoin: true); set visible: false, or drop allowJoin: false",
      },
    ]);
    expect(await bed.requestCount()).toBe(before);
  });
});

describe("check", () => {
  const failuresOf = async (declared: Props) => (await provider().check!({}, { __logicalName: "c", ...declared })).failures ?? [];

  test("numbers, countries, languages and types follow Zoom's rules", async () => {
    const before = await bed.requestCount();
    expect(await failuresOf(base({ number: "+1 415 555 0100" }))).toEqual([
      { property: "number", reason: "expected an E.164 number: + and up to 15 digits without spaces, e.g. +14155550100" },
    ]);
    for (const country of ["us", "USA", "XX", "EU", "UK"]) {
      expect(await failuresOf(base({ country }))).toEqual([
        { property: "country", reason: "expected an ISO 3166-1 alpha-2 country code in upper case, e.g. US" },
      ]);
    }
    expect(await failuresOf(base({ languages: "en" }))).toEqual([expect.objectContaining({ property: "languages" })]);
    expect(await failuresOf(base({ type: 0 }))).toEqual([{ property: "type", reason: 'expected one of "toll", "tollfree", got 0' }]);
    expect(await failuresOf({ number: nextNumber() })).toEqual(
      expect.arrayContaining(["displayNumber", "country", "labels", "languages", "type"].map((property) => expect.objectContaining({ property }))),
    );
    expect(await bed.requestCount()).toBe(before);
  });

  test("the account defaults to the master (me)", async () => {
    const result = await provider().check!({}, { __logicalName: "c", ...base() });
    expect(result.inputs).toMatchObject({ accountId: "me" });
  });
});

describe("drift", () => {
  const declared = () =>
    base({ displayNumber: "+1 555 111 2222", labels: "Before", visible: false, allowJoin: false, allowForExternalMeetings: false });

  test.each([
    ["number", () => ({ number: nextNumber() }), (body: Props) => body.number],
    ["displayNumber", () => ({ display_number: "+1 555 999 9999" }), () => "+1 555 999 9999"],
    ["country", () => ({ country: "CA" }), () => "CA"],
    ["labels", () => ({ labels: "Edited by hand" }), () => "Edited by hand"],
    ["languages", () => ({ languages: "fr-CA" }), () => "fr-CA"],
    ["type", () => ({ type: 1 }), () => "tollfree"],
    ["visible", () => ({ visible: true }), () => true],
    ["allowJoin", () => ({ allow_join: true }), () => true],
    ["allowForExternalMeetings", () => ({ allow_for_external_meetings: true }), () => true],
  ] as const)("an out-of-band change of %s shows up as drift, and the read carries the live value", async (property, bodyOf, expected) => {
    const want = declared();
    const created = await bed.create(KIND, "drift", want);
    const body = bodyOf();
    await editByHand(created, body);
    newProcess();
    const { changes, replaces, read } = await bed.refreshAndDiff(KIND, created, want);
    expect(changes).toBe(true);
    expect(replaces).toEqual([]);
    expect((read.inputs as Props)[property]).toEqual(expected(body));
  });
});

describe("update and replace", () => {
  test("an update sends only the changed fields, type in Zoom's numbering, and reads nothing back but the list", async () => {
    const want = base({ labels: "Old", visible: false });
    const created = await bed.create(KIND, "update", want);
    const changed = { ...want, labels: "New", type: "tollfree" };
    const news = (await provider().check!(created.inputs, { __logicalName: "update", ...changed })).inputs;
    expect(await provider().diff!(created.id, created.outs, news)).toMatchObject({ changes: true, replaces: [] });
    const before = exchanges.length;
    const { outs } = await provider().update!(created.id, created.outs, news);
    const calls = apiCallsSince(before);
    expect(calls.map((e) => e.operationId)).toEqual(["UpdateAnInternalNumber", "ListInternalNumbers"]);
    expect(JSON.parse(calls[0]!.requestBody)).toEqual({ labels: "New", type: 1 });
    expect(outs).toMatchObject({ labels: "New", type: "tollfree", numberId: created.outs.numberId });
  });

  test("creating sends a batch of one with type in Zoom's numbering, and needs no read-back", async () => {
    const before = exchanges.length;
    const want = base({ type: "tollfree", allowForExternalMeetings: true });
    const created = await bed.create(KIND, "batch", want);
    const calls = apiCallsSince(before);
    expect(calls.map((e) => e.operationId)).toEqual(["AddInternalNumbers"]);
    expect(JSON.parse(calls[0]!.requestBody)).toEqual({
      internal_numbers: [
        {
          number: want.number,
          display_number: want.displayNumber,
          country: "US",
          labels: "SIP-Internal",
          languages: "en-US",
          type: 1,
          allow_for_external_meetings: true,
        },
      ],
    });
    expect(created.outs).toMatchObject(want);
  });

  test("moving to another account replaces the number", async () => {
    await expectAccountMoveReplaces(bed, KIND, base(), subTwo);
  });
});

describe("lists", () => {
  test("a number beyond the first page of a large account is found, reading every page once", async () => {
    const seeded = Array.from({ length: 320 }, (_, i) => ({
      number: `+4420${String(i).padStart(7, "0")}`,
      display_number: `+44 20 ${i}`,
      country: "GB",
      labels: `Seeded ${i}`,
      languages: "en-GB",
      type: i % 2,
    }));
    await bed.control.seed({ accountId: subTwo, internalNumbers: seeded });
    const want = base({ accountId: subTwo });
    const created = await bed.create(KIND, "last", want);
    newProcess();
    // 321 numbers, at most 300 per page: two pages, one sweep.
    await bed.expectFoundInList(KIND, created, want, "ListInternalNumbers", 2);
  });

  test("concurrent reads share one sweep per account", async () => {
    const created = await Promise.all(
      [0, 1, 2, 3].map((i) => bed.create(KIND, `many${i}`, base())).concat([4, 5, 6, 7].map((i) => bed.create(KIND, `many${i}`, base({ accountId: subOne })))),
    );
    newProcess();
    await bed.expectSharedSweeps(KIND, created, "ListInternalNumbers", 2);
  });
});

describe("errors", () => {
  test("a number already in use is a clear error naming the number, on create and on change", async () => {
    const number = nextNumber();
    await bed.create(KIND, "first", base({ number }));
    await expect(bed.create(KIND, "second", base({ number }))).rejects.toThrow(
      `creating zoom:InternalNumber "second": the number ${number} is already an internal number of an account`,
    );
    const other = await bed.create(KIND, "other", base());
    const news = (await provider().check!(other.inputs, { __logicalName: "other", ...other.inputs, number })).inputs;
    await expect(provider().update!(other.id, other.outs, news)).rejects.toThrow(
      `updating zoom:InternalNumber "other": cannot change the number to ${number}: it is already an internal number of an account`,
    );
  });

  test("an unknown account is named", async () => {
    await expect(bed.create(KIND, "nowhere", base({ accountId: "noSuchAccount" }))).rejects.toThrow(
      'the account "noSuchAccount" does not exist, or is not a sub-account of this master account (accountId)',
    );
  });
});

describe("lifecycle", () => {
  test("deleted out of band: refresh drops it; delete twice is fine", async () => {
    const created = await bed.create(KIND, "gone", base());
    await bed.portal.request({ operation: "DeleteAnInternalNumber", pathParams: { numberId: String(created.outs.numberId) }, accountId: "me" });
    newProcess();
    await bed.expectGone(KIND, created);
  });

  test.each([
    ["with the account in the id", (id: string) => `me/${id}`, "me"],
    ["with the number id alone (the master's)", (id: string) => id, "me"],
    ["in a sub-account", (id: string) => `${subOne}/${id}`, "sub"],
  ])(".get() by id %s: every output from Zoom, no inputs (nothing declared), and a matching declaration plans nothing", async (_label, idOf, where) => {
    const accountId = where === "sub" ? subOne : "me";
    const body = { number: nextNumber(), display_number: "+1 555 0", country: "US", labels: "By hand", languages: "es-MX", type: 1, visible: true };
    const made = await bed.portal.request<{ internal_numbers: { id: string }[] }>({ operation: "AddInternalNumbers", accountId, body: { internal_numbers: [body] } });
    const numberId = made.data!.internal_numbers[0]!.id;
    const id = idOf(numberId);
    const read = await provider().read!(id, {});
    expect(read.id).toBe(id);
    const expected = {
      number: body.number,
      displayNumber: body.display_number,
      country: "US",
      labels: "By hand",
      languages: "es-MX",
      type: "tollfree",
      visible: true,
      allowJoin: true,
      allowForExternalMeetings: false,
      accountId,
    };
    expect(read.props).toMatchObject({ ...expected, numberId });
    expect(read.inputs).toEqual({});
    const diff = await provider().diff!(id, read.props!, { __logicalName: "imported", ...expected });
    expect(diff.changes).toBe(false);
  });

  test("a create whose answer was lost is found by number, not made twice", async () => {
    const want = base();
    await bed.withLostAnswer("AddInternalNumbers", async () => {
      const created = await bed.create(KIND, "lost", want);
      expect(created.outs).toMatchObject(want);
      const matching = (await liveNumbers()).filter((n) => n.number === want.number);
      expect(matching.map((n) => `me/${n.id}`)).toEqual([created.id]);
    });
  });
});
