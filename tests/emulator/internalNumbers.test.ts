/** Internal numbers: batch add, paginated list, update, delete; E.164 numbers unique per account; visible => joinable. */
import { useFreshEmulator } from "../support/emulator";

const t = useFreshEmulator();

interface InternalNumber {
  id: string;
  number: string;
  display_number: string;
  country: string;
  labels: string;
  languages: string;
  type: number;
  visible: boolean;
  allow_join: boolean;
  allow_for_external_meetings: boolean;
}

interface Listed extends InternalNumber {
  assigned_accounts: { id: string; name: string; type: number }[];
}

interface NumberPage {
  page_size: number;
  total_records: number;
  next_page_token: string;
  internal_numbers: Listed[];
}

const TOLL_FREE = {
  number: "+18885550100",
  display_number: "+1 888 555 0100",
  country: "US",
  labels: "Main toll-free",
  languages: "en-US",
  type: 1,
  visible: false,
  allow_join: true,
  allow_for_external_meetings: true,
};
const TOLL = {
  number: "+4930123456",
  display_number: "+49 30 123456",
  country: "DE",
  labels: "Berlin",
  languages: "de-DE",
  type: 0,
};

const IN_USE = {
  code: 300,
  message: "The value you provided for the `number` field has already been used. Please provide a unique value for this field.",
};

function base(account: "me" | number): string {
  const id = account === "me" ? "me" : t.state.subAccounts[account].id;
  return `/accounts/${id}/sip_trunk/internal_numbers`;
}

async function add(path: string, ...items: Record<string, unknown>[]): Promise<InternalNumber[]> {
  const answer = await t.zoom.call<{ internal_numbers: InternalNumber[] }>("POST", path, { body: { internal_numbers: items } });
  expect(answer.status).toBe(201);
  return answer.json.internal_numbers;
}

const list = (path: string, query = "") => t.zoom.read<NumberPage>(`${path}${query}`);

test.each(["me", 0] as const)("add a batch, list, update, delete (account %j)", async (account) => {
  const path = base(account);
  const added = await add(path, TOLL_FREE, TOLL);
  // Switches left out default to false.
  expect(added).toEqual([
    { id: expect.any(String), ...TOLL_FREE },
    { id: expect.any(String), ...TOLL, visible: false, allow_join: false, allow_for_external_meetings: false },
  ]);
  expect(added[0].id).not.toBe(added[1].id);

  const owner =
    account === "me"
      ? { id: t.state.master.id, name: t.state.master.name, type: 1 }
      : { id: t.state.subAccounts[0].id, name: t.state.subAccounts[0].name, type: 2 };
  expect(await list(path)).toEqual({
    page_size: 30,
    total_records: 2,
    next_page_token: "",
    internal_numbers: added.map((n) => ({ ...n, assigned_accounts: [owner] })),
  });

  const patched = await t.zoom.call("PATCH", `${path}/${added[1].id}`, {
    body: { labels: "Berlin HQ", languages: "en-GB", allow_for_external_meetings: true, affect_all: true },
  });
  expect(patched.status).toBe(204);
  expect(patched.text).toBe("");
  const afterPatch = (await list(path)).internal_numbers[1];
  expect(afterPatch).toEqual({ ...added[1], labels: "Berlin HQ", languages: "en-GB", allow_for_external_meetings: true, assigned_accounts: [owner] });

  const deleted = await t.zoom.call("DELETE", `${path}/${added[0].id}`);
  expect(deleted.status).toBe(204);
  expect(deleted.text).toBe("");
  expect((await list(path)).internal_numbers.map((n) => n.id)).toEqual([added[1].id]);
  const again = await t.zoom.call("DELETE", `${path}/${added[0].id}`);
  expect(again.status).toBe(404);
  expect(again.json).toEqual({ code: 2303, message: `Internal Number does not exist: ${added[0].id}.` });
});

test("visible: true forces allow_join: true, on add and on update", async () => {
  const path = base("me");
  const [number] = await add(path, { ...TOLL, visible: true, allow_join: false });
  expect(number).toMatchObject({ visible: true, allow_join: true });

  await t.zoom.call("PATCH", `${path}/${number.id}`, { body: { allow_join: false } });
  expect((await list(path)).internal_numbers[0]).toMatchObject({ visible: true, allow_join: true });
  // Hidden, it may be made non-joinable; made visible again, it is joinable again.
  await t.zoom.call("PATCH", `${path}/${number.id}`, { body: { visible: false, allow_join: false } });
  expect((await list(path)).internal_numbers[0]).toMatchObject({ visible: false, allow_join: false });
  await t.zoom.call("PATCH", `${path}/${number.id}`, { body: { visible: true } });
  expect((await list(path)).internal_numbers[0]).toMatchObject({ visible: true, allow_join: true });
});

test("numbers are unique per account: 400 code 300, on add (also within a batch, adding none) and on update", async () => {
  const path = base("me");
  const [first] = await add(path, TOLL_FREE);
  const [second] = await add(path, TOLL);

  const dup = await t.zoom.call("POST", path, { body: { internal_numbers: [{ ...TOLL, number: "+4930999999" }, { ...TOLL_FREE, labels: "again" }] } });
  expect(dup.status).toBe(400);
  expect(dup.json).toEqual(IN_USE);
  const inBatch = await t.zoom.call("POST", path, { body: { internal_numbers: [{ ...TOLL, number: "+33100000000" }, { ...TOLL, number: "+33100000000" }] } });
  expect(inBatch.status).toBe(400);
  expect(inBatch.json).toEqual(IN_USE);
  expect((await list(path)).total_records).toBe(2);

  const renumber = await t.zoom.call("PATCH", `${path}/${second.id}`, { body: { number: TOLL_FREE.number } });
  expect(renumber.status).toBe(400);
  expect(renumber.json).toEqual(IN_USE);
  // Its own number is no clash; a freed number can be used again.
  expect((await t.zoom.call("PATCH", `${path}/${first.id}`, { body: { number: TOLL_FREE.number } })).status).toBe(204);
  expect((await t.zoom.call("PATCH", `${path}/${first.id}`, { body: { number: "+18885550199" } })).status).toBe(204);
  await add(path, TOLL_FREE);
  // Another account may hold the same number.
  await add(base(0), TOLL_FREE);
});

test("display_number has no format or length in the spec: any string is taken, even an empty one", async () => {
  const [number] = await add(base("me"), { ...TOLL, display_number: "" });
  expect(number.display_number).toBe("");
});

test("bodies are checked as the spec says: E.164 numbers, the language list, type 0 or 1, required fields, 1 to 30 items", async () => {
  const path = base("me");
  const invalid = await t.zoom.call("POST", path, {
    body: {
      internal_numbers: [
        { ...TOLL, number: "030 123456", languages: "de", type: 2, country: "Germany" },
        { number: "+4930123457", display_number: "+49 30 123457", country: "DE", languages: "de-DE", type: 0 },
      ],
    },
  });
  expect(invalid.status).toBe(400);
  expect(invalid.json).toEqual({
    code: 300,
    message: "Validation Failed.",
    errors: expect.arrayContaining(
      ["internal_numbers[0].number", "internal_numbers[0].languages", "internal_numbers[0].type", "internal_numbers[0].country", "internal_numbers[1].labels"].map(
        (field) => ({ field, message: "Invalid field." }),
      ),
    ),
  });
  for (const count of [0, 31]) {
    const items = Array.from({ length: count }, (_, i) => ({ ...TOLL, number: `+49301234${String(i).padStart(2, "0")}` }));
    const answer = await t.zoom.call("POST", path, { body: { internal_numbers: items } });
    expect(answer.json).toEqual({ code: 300, message: "Validation Failed.", errors: [{ field: "internal_numbers", message: "Invalid field." }] });
  }
  const [number] = await add(path, TOLL);
  const badPatch = await t.zoom.call("PATCH", `${path}/${number.id}`, { body: { number: "+0123", visible: "yes" } });
  expect(badPatch.status).toBe(400);
  expect(badPatch.json).toMatchObject({ code: 300, errors: expect.arrayContaining([{ field: "number", message: "Invalid field." }]) });
  expect((await list(path)).total_records).toBe(1);
});

test("an unknown number id: update is the spec's 400 code 2, delete 404 code 2303; unknown accounts 404 code 2001", async () => {
  const path = base(0);
  const update = await t.zoom.call("PATCH", `${path}/nope`, { body: { labels: "x" } });
  expect(update.status).toBe(400);
  expect(update.json).toEqual({ code: 2, message: "Your request to update the internal number has failed." });
  const remove = await t.zoom.call("DELETE", `${path}/nope`);
  expect(remove.status).toBe(404);
  expect(remove.json).toEqual({ code: 2303, message: "Internal Number does not exist: nope." });
  for (const [method, url] of [
    ["GET", "/accounts/nope/sip_trunk/internal_numbers"],
    ["POST", "/accounts/nope/sip_trunk/internal_numbers"],
    ["PATCH", "/accounts/nope/sip_trunk/internal_numbers/x"],
    ["DELETE", "/accounts/nope/sip_trunk/internal_numbers/x"],
  ]) {
    const answer = await t.zoom.call(method, url, method === "POST" || method === "PATCH" ? { body: { internal_numbers: [TOLL] } } : {});
    expect({ method, status: answer.status, json: answer.json }).toEqual({
      method,
      status: 404,
      json: { code: 2001, message: "Account does not exist: nope." },
    });
  }
  expect((await t.zoom.call("GET", "/sip_trunk/internal_numbers")).status).toBe(404);
});

test("accounts are isolated: lists and ids", async () => {
  const [mine] = await add(base("me"), TOLL);
  expect((await list(base(0))).internal_numbers).toEqual([]);
  expect((await list(base(1))).internal_numbers).toEqual([]);
  expect((await t.zoom.call("DELETE", `${base(0)}/${mine.id}`)).status).toBe(404);
  expect((await t.zoom.call("PATCH", `${base(0)}/${mine.id}`, { body: { labels: "x" } })).status).toBe(400);
  expect((await list(base("me"))).internal_numbers.map((n) => n.id)).toEqual([mine.id]);
});

describe("700 seeded numbers", () => {
  let seeded: InternalNumber[];

  beforeEach(async () => {
    const items = Array.from({ length: 700 }, (_, i) => ({
      ...TOLL,
      number: `+1212555${String(i).padStart(4, "0")}`,
      display_number: `+1 212 555 ${String(i).padStart(4, "0")}`,
      country: "US",
      languages: "en-US",
      labels: `Line ${i}`,
      visible: i % 3 === 0,
    }));
    seeded = (await t.control.seed({ accountId: t.state.subAccounts[0].id, internalNumbers: items })).internalNumbers as InternalNumber[];
  });

  test("the seeder takes more than 30 at once and answers the numbers as the API would", () => {
    expect(seeded).toHaveLength(700);
    expect(new Set(seeded.map((n) => n.id)).size).toBe(700);
    expect(seeded[3]).toEqual({
      id: expect.any(String),
      number: "+12125550003",
      display_number: "+1 212 555 0003",
      country: "US",
      labels: "Line 3",
      languages: "en-US",
      type: 0,
      visible: true,
      allow_join: true,
      allow_for_external_meetings: false,
    });
  });

  test("300 per page: three pages, every number once, in creation order; default 30; at most 300", async () => {
    const pages: NumberPage[] = [];
    let token = "";
    do {
      pages.push(await list(base(0), `?page_size=300${token ? `&next_page_token=${encodeURIComponent(token)}` : ""}`));
      token = pages[pages.length - 1].next_page_token;
    } while (token);
    expect(pages.map((p) => p.internal_numbers.length)).toEqual([300, 300, 100]);
    expect(pages.every((p) => p.total_records === 700 && p.page_size === 300)).toBe(true);
    expect(pages.flatMap((p) => p.internal_numbers.map(({ assigned_accounts: _a, ...n }) => n))).toEqual(seeded);

    const first = await list(base(0));
    expect(first.internal_numbers).toHaveLength(30);
    expect(first.page_size).toBe(30);
    const refused = await t.zoom.call("GET", `${base(0)}?page_size=301`);
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ code: 300, message: "Invalid parameter: page_size." });
    // The master account's own list is untouched.
    expect((await list(base("me"))).total_records).toBe(0);
  });

  test("seeded numbers are unique against new ones, and the seeder checks like the API", async () => {
    const dup = await t.zoom.call("POST", base(0), { body: { internal_numbers: [{ ...TOLL, number: "+12125550042" }] } });
    expect(dup.json).toEqual(IN_USE);
    await expect(
      t.control.seed({ accountId: t.state.subAccounts[0].id, internalNumbers: [{ ...TOLL, number: "+12125550001" }] }),
    ).rejects.toThrow(/already been used/);
    await expect(t.control.seed({ internalNumbers: [{ ...TOLL, number: "12345" }] })).rejects.toThrow(/Validation Failed/);
  });
});
