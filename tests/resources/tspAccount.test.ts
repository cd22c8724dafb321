/**
 * zoom:TspAccount against the emulator over real HTTP: clean plans (corpus and fast-check), drift on every
 * mutable property, full-body updates, replace paths, the two-per-user limit, the undeletable last account
 * (kept in state), TSP disabled, gone out of band, delete twice, import by id, and creates whose outcome is
 * unknown.
 */
import fc from "fast-check";
import type { AccountSummary } from "../../emulator/controlTypes";
import { shapeOf } from "../../provider/framework/resource";
import { tspAccountDefinition } from "../../provider/resources/tspAccount";
import type { Props, ResourceTestbed } from "../support/resources";
import { useRecordingTestbed } from "./suite";

const KIND = "TspAccount";
let bed: ResourceTestbed;
let master: AccountSummary;
let subOne: AccountSummary;
let subTwo: AccountSummary;

/** A user with one TSP account already (slot 1), so tests can create and delete slot 2 freely. */
let anchored: { id: string; email: string };

const { exchanges } = useRecordingTestbed(async (started) => {
  bed = started;
  const state = await bed.control.state();
  master = state.master;
  [subOne, subTwo] = state.subAccounts as [AccountSummary, AccountSummary];
  anchored = master.users[1]!;
  await bed.control.seed({ tspAccounts: [{ user_id: anchored.id, conference_code: "100", leader_pin: "100" }] });
  await bed.control.seed({ accountId: subOne.id, tspAccounts: [{ user_id: subOne.users[1]!.id, conference_code: "100", leader_pin: "100" }] });
});

const provider = () => bed.provider(KIND);
const apiCallsSince = (index: number) => exchanges.slice(index).filter((e) => e.kind === "api");

const base = { conferenceCode: "0125", leaderPin: "11189898", tspBridge: "US_TSP_TB" };
const dialIns = [
  { code: "1", countryLabel: "US", number: "+1 1000200200", type: "toll" },
  { code: "49", countryLabel: "Germany", number: "+49 30 123456", type: "tollfree" },
  { number: "+1 5550100", type: "media_link" },
];

describe("clean plans", () => {
  const corpus: [string, () => Props][] = [
    ["the two required codes only", () => ({ userId: anchored.id, conferenceCode: "1", leaderPin: "2" })],
    ["leading zeros and 15 digits", () => ({ userId: anchored.id, conferenceCode: "000000000000001", leaderPin: "999999999999999" })],
    ["every property, every dial-in type", () => ({ userId: anchored.id, ...base, dialInNumbers: dialIns })],
    ["EU bridge, no dial-in numbers (empty list)", () => ({ userId: anchored.id, ...base, tspBridge: "EU_TSP_TB", dialInNumbers: [] })],
    ["the user by email", () => ({ userId: anchored.email, ...base })],
    ["a sub-account's user", () => ({ accountId: subOne.id, userId: subOne.users[1]!.id, ...base, dialInNumbers: dialIns.slice(0, 1) })],
  ];

  test.each(corpus)("%s: create, refresh, second plan has no change", async (_label, declaration) => {
    const declared = declaration();
    const created = await bed.create(KIND, "tsp", declared);
    expect(created.id).toBe([declared.accountId, declared.userId, "2"].filter(Boolean).map((s) => encodeURIComponent(String(s))).join("/"));
    expect(created.outs).toMatchObject({ ...declared, tspId: "2" });
    const { changes, replaces, read } = await bed.refreshAndDiff(KIND, created, declared);
    expect({ changes, replaces }).toEqual({ changes: false, replaces: [] });
    expect(read.id).toBe(created.id);
    expect(read.inputs).toMatchObject(declared);
    await provider().delete!(created.id, created.outs);
  });

  test("property-based: any valid declaration plans no change after create", async () => {
    const digits = fc.stringMatching(/^\d{1,15}$/);
    const dialIn = fc.record(
      {
        code: fc.stringMatching(/^\d{1,6}$/),
        countryLabel: fc.string({ minLength: 0, maxLength: 10 }),
        number: fc.string({ minLength: 1, maxLength: 15 }),
        type: fc.constantFrom("toll", "tollfree", "media_link"),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            conferenceCode: digits,
            leaderPin: digits,
            tspBridge: fc.constantFrom("US_TSP_TB", "EU_TSP_TB"),
            dialInNumbers: fc.array(dialIn, { maxLength: 4 }),
          },
          { requiredKeys: ["conferenceCode", "leaderPin"] },
        ),
        async (fields) => {
          const declared = { userId: anchored.id, ...fields };
          const created = await bed.create(KIND, "pbt", declared);
          try {
            const { changes } = await bed.refreshAndDiff(KIND, created, declared);
            expect(changes).toBe(false);
          } finally {
            await provider().delete!(created.id, created.outs);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  test("the leader PIN is secret, as input and output", () => {
    const shape = shapeOf(tspAccountDefinition);
    expect(shape.secretInputs).toEqual(["leaderPin"]);
    expect(shape.secretOutputs).toEqual(["leaderPin"]);
  });
});

describe("drift and updates", () => {
  const declared = () => ({ userId: anchored.id, ...base, dialInNumbers: dialIns.slice(0, 2) });

  test.each([
    ["conferenceCode", { conference_code: "777" }, { conferenceCode: "777" }],
    ["leaderPin", { leader_pin: "4242" }, { leaderPin: "4242" }],
    ["tspBridge", { tsp_bridge: "EU_TSP_TB" }, { tspBridge: "EU_TSP_TB" }],
    ["dialInNumbers", { dial_in_numbers: [{ code: "44", country_label: "UK", number: "+44 20 7946", type: "toll" }] }, { dialInNumbers: [{ code: "44", countryLabel: "UK", number: "+44 20 7946", type: "toll" }] }],
    ["dialInNumbers' order", { dial_in_numbers: [...dialIns.slice(0, 2)].reverse().map(({ countryLabel, ...rest }) => ({ ...rest, country_label: countryLabel })) }, { dialInNumbers: [...dialIns.slice(0, 2)].reverse() }],
  ])("an out-of-band change of %s is drift, with the live value recorded", async (_label, portalChange, live) => {
    const created = await bed.create(KIND, "drift", declared());
    const tspId = created.outs.tspId as string;
    // Zoom's PATCH requires both codes, as the web portal would send them.
    const body = { conference_code: base.conferenceCode, leader_pin: base.leaderPin, ...portalChange };
    await bed.portal.request({ operation: "userTSPUpdate", pathParams: { userId: anchored.id, tspId }, body });
    const { changes, replaces, read } = await bed.refreshAndDiff(KIND, created, declared());
    expect({ changes, replaces }).toEqual({ changes: true, replaces: [] });
    expect(read.inputs).toMatchObject({ ...declared(), ...live });
    await provider().delete!(created.id, created.outs);
  });

  test("an update sends the whole declaration (Zoom requires both codes) and plans clean afterwards", async () => {
    const created = await bed.create(KIND, "update", declared());
    const changed = { ...declared(), leaderPin: "5555", tspBridge: "EU_TSP_TB" };
    const news = await bed.checked(KIND, created, changed);
    expect(await provider().diff!(created.id, created.outs, news)).toMatchObject({ changes: true, replaces: [] });
    const before = exchanges.length;
    const { outs } = await provider().update!(created.id, created.outs, news);
    const calls = apiCallsSince(before);
    expect(calls.map((e) => e.operationId)).toEqual(["userTSPUpdate", "userTSP"]);
    expect(JSON.parse(calls[0]!.requestBody)).toEqual({
      conference_code: "0125",
      leader_pin: "5555",
      tsp_bridge: "EU_TSP_TB",
      dial_in_numbers: [
        { code: "1", country_label: "US", number: "+1 1000200200", type: "toll" },
        { code: "49", country_label: "Germany", number: "+49 30 123456", type: "tollfree" },
      ],
    });
    expect(outs).toMatchObject({ leaderPin: "5555", tspBridge: "EU_TSP_TB" });
    const { changes } = await bed.refreshAndDiff(KIND, { ...created, outs: outs as Props }, changed);
    expect(changes).toBe(false);
    await provider().delete!(created.id, outs as Props);
  });

  test("moving to another user or account replaces; other changes do not", async () => {
    const created = await bed.create(KIND, "moves", declared());
    const diff = async (declaration: Props) => provider().diff!(created.id, created.outs, await bed.checked(KIND, created, declaration));
    expect((await diff({ ...declared(), userId: master.users[2]!.id })).replaces).toEqual(["userId"]);
    expect((await diff({ ...declared(), accountId: subOne.id })).replaces).toEqual(["accountId"]);
    expect(await diff({ ...declared(), conferenceCode: "9", dialInNumbers: [] })).toMatchObject({ changes: true, replaces: [] });
    await provider().delete!(created.id, created.outs);
  });
});

describe("Zoom's limits and refusals", () => {
  test("a third TSP account for a user is Zoom's refusal, made clear (check cannot know it)", async () => {
    const user = master.users[2]!;
    await bed.control.seed({
      tspAccounts: [
        { user_id: user.id, conference_code: "1", leader_pin: "1" },
        { user_id: user.id, conference_code: "2", leader_pin: "2" },
      ],
    });
    const declared = { userId: user.id, conferenceCode: "3", leaderPin: "3" };
    expect((await provider().check!({}, declared)).failures ?? []).toEqual([]);
    await expect(bed.create(KIND, "third", declared)).rejects.toThrow(
      `user "${user.id}" already has two TSP accounts, Zoom's maximum: import one of them (id "${user.id}/1" or "${user.id}/2") or delete one`,
    );
  });

  test("the user's last TSP account cannot be deleted: a clear error, and it stays in Zoom and in state", async () => {
    const user = subTwo.users[1]!;
    const declared = { accountId: subTwo.id, userId: user.id, ...base };
    const created = await bed.create(KIND, "last", declared);
    expect(created.id).toBe(`${subTwo.id}/${user.id}/1`);

    // The delete fails, so the engine keeps the resource in state.
    const refusal = provider().delete!(created.id, created.outs);
    await expect(refusal).rejects.toThrow(`Zoom refuses to delete the last TSP account of user "${user.id}" of account "${subTwo.id}"`);
    await expect(refusal).rejects.toThrow("Add another TSP account for this user first");
    const read = await provider().read!(created.id, created.outs);
    expect(read.id).toBe(created.id);

    // With a second one, the first can go; deleting it again finds it gone and succeeds.
    await bed.portal.request({
      operation: "userTSPCreate",
      pathParams: { userId: user.id },
      accountId: subTwo.id,
      body: { conference_code: "2", leader_pin: "2" },
    });
    await expect(provider().delete!(created.id, created.outs)).resolves.toBeUndefined();
    await expect(provider().delete!(created.id, created.outs)).resolves.toBeUndefined();
    expect((await provider().read!(created.id, created.outs)).id).toBe("");
  });

  test("TSP disabled on the account (code 2024) is a clear error on create and on refresh, which keeps the resource", async () => {
    const user = subOne.users[0]!;
    const declared = { accountId: subOne.id, userId: user.id, ...base };
    const created = await bed.create(KIND, "before", declared);
    await bed.control.seed({ accountId: subOne.id, tspSettings: [{ enable: false }] });
    try {
      const expected = "TSP (third-party telephony audio) is not enabled on this Zoom account";
      await expect(bed.create(KIND, "after", declared)).rejects.toThrow(expected);
      // Not "gone": a refresh must not drop a TSP account Zoom merely refuses to show.
      await expect(provider().read!(created.id, created.outs)).rejects.toThrow(expected);
    } finally {
      await bed.control.seed({ accountId: subOne.id, tspSettings: [{ enable: true }] });
    }
    expect((await provider().read!(created.id, created.outs)).id).toBe(created.id);
  });

  test("a user that does not exist is named", async () => {
    await expect(bed.create(KIND, "nobody", { userId: "nobody@example.com", ...base })).rejects.toThrow(
      'user "nobody@example.com" does not exist in this account (userId)',
    );
  });
});

describe("lifecycle", () => {
  test("deleted out of band: refresh drops it; delete twice is fine", async () => {
    const created = await bed.create(KIND, "gone", { userId: anchored.id, ...base });
    await bed.portal.request({ operation: "userTSPDelete", pathParams: { userId: anchored.id, tspId: created.outs.tspId as string } });
    await bed.expectGone(KIND, created);
  });

  test(".get() by id: outputs from Zoom, no inputs (nothing declared), and a matching declaration plans nothing", async () => {
    const owner = master.users[0]!;
    const made = await bed.portal.request<{ id: string }>({
      operation: "userTSPCreate",
      pathParams: { userId: owner.id },
      body: { conference_code: "0042", leader_pin: "31337", tsp_bridge: "EU_TSP_TB", dial_in_numbers: [{ code: "1", number: "+1 555", type: "toll" }] },
    });
    const id = `${owner.id}/${made.data!.id}`;
    const read = await provider().read!(id, {});
    expect(read.id).toBe(id);
    const imported = { userId: owner.id, conferenceCode: "0042", leaderPin: "31337", tspBridge: "EU_TSP_TB", dialInNumbers: [{ code: "1", number: "+1 555", type: "toll" }] };
    // A `.get()` declares nothing: the leader PIN is an (encrypted) output, never a plaintext input.
    expect(read.inputs).toEqual({});
    expect(read.props).toMatchObject({ ...imported, tspId: made.data!.id });
    const news = (await provider().check!({}, imported)).inputs as Props;
    expect(await provider().diff!(id, read.props!, news)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, changedPaths: [] });
  });

  test("import of a sub-account's TSP account by its full id", async () => {
    const user = subOne.users[1]!;
    const read = await provider().read!(`${subOne.id}/${user.id}/1`, {});
    expect(read.props).toMatchObject({ accountId: subOne.id, userId: user.id, conferenceCode: "100", leaderPin: "100", tspId: "1" });
    expect(read.inputs).toEqual({});
  });

  test("an id without the user is refused with the expected form", async () => {
    await expect(provider().read!("1", {})).rejects.toThrow('expected "[<accountId>/]<userId>/<zoomId>"');
  });

  test("a create whose answer is lost is found by conference code, not made twice", async () => {
    const user = master.users[1]!;
    await bed.withLostAnswer("userTSPCreate", async () => {
      const before = exchanges.length;
      const created = await bed.create(KIND, "lost", { userId: user.id, conferenceCode: "8675309", leaderPin: "1" });
      expect(created.outs).toMatchObject({ conferenceCode: "8675309", tspId: "2" });
      // One create (answer lost), the lookup of the user's slots, the read of the one found: no second create.
      expect(apiCallsSince(before).map((e) => e.operationId)).toEqual(["userTSPCreate", "userTSPs", "userTSP"]);
    });
    const list = await bed.portal.request<{ tsp_accounts: { id: string; conference_code: string }[] }>({ operation: "userTSPs", pathParams: { userId: user.id } });
    expect(list.data!.tsp_accounts.filter((t) => t.conference_code === "8675309")).toHaveLength(1);
    await provider().delete!(`${user.id}/2`, { userId: user.id });
  });

  test("an invalid declaration fails in check, and nothing reaches Zoom", async () => {
    const before = await bed.requestCount();
    const result = await provider().check!({}, {
      conferenceCode: "12ab",
      leaderPin: "1234567890123456",
      tspBridge: "ATT",
      dialInNumbers: [{ number: "+1 555", type: "fax", colour: "red" }],
    });
    expect(result.failures).toEqual(
      expect.arrayContaining([
        { property: "conferenceCode", reason: "conferenceCode: 1 to 15 digits" },
        { property: "leaderPin", reason: "leaderPin: 1 to 15 digits" },
        { property: "tspBridge", reason: 'expected one of "US_TSP_TB", "EU_TSP_TB", got "ATT"' },
        { property: "dialInNumbers.0.type", reason: 'expected one of "toll", "tollfree", "media_link", got "fax"' },
        { property: "dialInNumbers.0.colour", reason: "unknown property" },
      ]),
    );
    expect(await bed.requestCount()).toBe(before);
  });
});
