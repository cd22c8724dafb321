/** SIP trunks: the master's three, assigned to sub-accounts with their own DNIS; master-account API only. */
import { useFreshEmulator } from "../support/emulator";

const t = useFreshEmulator();

interface Trunk {
  id: string;
  name: string;
  dnis: string;
  sip_server_address: string;
  number_prefix: string;
  outbound_caller_id?: string;
}

interface TrunkList {
  sip_trunks: Trunk[];
  total_records: number;
}

const INVALID_TRUNKS = "One or more parameters provided in the `sip_trunks` object are invalid.";
const NOT_A_SUB_ACCOUNT =
  "Your account does not have the permission to make updates on this account. Only a master account can perform this action on a subaccount.";

function subPath(index = 0): string {
  return `/accounts/${t.state.subAccounts[index].id}/sip_trunk/trunks`;
}

const list = (path: string) => t.zoom.read<TrunkList>(path);
const masterTrunks = async (): Promise<Trunk[]> => (await list("/accounts/me/sip_trunk/trunks")).sip_trunks;

test("the master account has three trunks, with 5-digit DNIS prefixes, as the state summary shows them", async () => {
  const trunks = await masterTrunks();
  expect(trunks).toHaveLength(3);
  for (const trunk of trunks) {
    expect(trunk).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      dnis: expect.stringMatching(/^\d{5,}$/),
      sip_server_address: expect.any(String),
      number_prefix: expect.any(String),
      outbound_caller_id: expect.any(String),
    });
  }
  expect(new Set(trunks.map((trunk) => trunk.dnis.slice(0, 5))).size).toBe(3);
  expect(t.state.master.sipTrunks).toEqual(trunks.map(({ id, name, dnis }) => ({ id, name, dnis })));
  // The master's own id works like `me`.
  expect((await list(`/accounts/${t.state.master.id}/sip_trunk/trunks`)).sip_trunks).toEqual(trunks);
});

test("assign, list and delete on a sub-account", async () => {
  const [trunk] = await masterTrunks();
  const dnis = `${trunk.dnis.slice(0, 5)}123`;
  expect(await list(subPath())).toEqual({ sip_trunks: [], total_records: 0 });

  const assigned = await t.zoom.call("POST", subPath(), { body: { sip_trunks: [{ id: trunk.id, dnis, outbound_caller_id: "+15550100" }] } });
  // The spec files success under 201 with the assigned trunks (its schema has no outbound_caller_id).
  expect(assigned.status).toBe(201);
  expect(assigned.json).toEqual({
    sip_trunks: [
      { id: trunk.id, name: trunk.name, dnis, sip_server_address: trunk.sip_server_address, number_prefix: trunk.number_prefix },
    ],
  });
  const mine: Trunk = { ...trunk, dnis, outbound_caller_id: "+15550100" };
  expect(await list(subPath())).toEqual({ sip_trunks: [mine], total_records: 1 });

  // Accounts are isolated, and the master's own list does not change.
  expect(await list(subPath(1))).toEqual({ sip_trunks: [], total_records: 0 });
  expect((await masterTrunks())[0]).toEqual(trunk);

  const deleted = await t.zoom.call("DELETE", `${subPath()}/${trunk.id}`);
  expect(deleted.status).toBe(204);
  expect(deleted.text).toBe("");
  expect(await list(subPath())).toEqual({ sip_trunks: [], total_records: 0 });
});

test("assigning again replaces the DNIS and caller id (Zoom has no update); several at once is fine", async () => {
  const [first, second] = await masterTrunks();
  await t.zoom.call("POST", subPath(), { body: { sip_trunks: [{ id: first.id, dnis: `${first.dnis.slice(0, 5)}1` }] } });
  const again = await t.zoom.call("POST", subPath(), {
    body: {
      sip_trunks: [
        { id: first.id, dnis: `${first.dnis.slice(0, 5)}222`, outbound_caller_id: "7" },
        { id: second.id, dnis: second.dnis.slice(0, 5) },
      ],
    },
  });
  expect(again.status).toBe(201);
  const listed = (await list(subPath())).sip_trunks;
  expect(listed.map((trunk) => [trunk.id, trunk.dnis, trunk.outbound_caller_id])).toEqual([
    [first.id, `${first.dnis.slice(0, 5)}222`, "7"],
    [second.id, second.dnis.slice(0, 5), undefined],
  ]);
});

test("an unknown trunk or a DNIS without the trunk's prefix is 400 code 300, and nothing is assigned", async () => {
  const [trunk, other] = await masterTrunks();
  const good = { id: trunk.id, dnis: `${trunk.dnis.slice(0, 5)}9` };
  const cases = [
    { id: "no-such-trunk", dnis: `${trunk.dnis.slice(0, 5)}9` },
    { id: trunk.id, dnis: `${other.dnis.slice(0, 5)}9` },
    { id: trunk.id, dnis: `${trunk.dnis.slice(0, 4)}x9` },
  ];
  for (const bad of cases) {
    const answer = await t.zoom.call("POST", subPath(), { body: { sip_trunks: [good, bad] } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 300, message: INVALID_TRUNKS, errors: [{ field: expect.stringMatching(/^sip_trunks\[1\]\./) }] });
  }
  expect((await list(subPath())).total_records).toBe(0);
});

test("the body is checked as the spec says: 1 to 30 trunks, DNIS 5 to 8 characters, caller id up to 32", async () => {
  const [trunk] = await masterTrunks();
  const prefix = trunk.dnis.slice(0, 5);
  const cases: [unknown, string[]][] = [
    [{ sip_trunks: [] }, ["sip_trunks"]],
    [{ sip_trunks: Array.from({ length: 31 }, () => ({ id: trunk.id, dnis: prefix })) }, ["sip_trunks"]],
    [{ sip_trunks: [{ id: trunk.id, dnis: `${prefix}1234` }] }, ["sip_trunks[0].dnis"]],
    [{ sip_trunks: [{ id: trunk.id, dnis: "1888" }] }, ["sip_trunks[0].dnis"]],
    [{ sip_trunks: [{ id: trunk.id, dnis: prefix, outbound_caller_id: "1".repeat(33) }] }, ["sip_trunks[0].outbound_caller_id"]],
    [{ sip_trunks: [{ dnis: prefix }] }, ["sip_trunks[0].id"]],
  ];
  for (const [body, fields] of cases) {
    const answer = await t.zoom.call("POST", subPath(), { body });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ code: 300, message: "Validation Failed.", errors: fields.map((field) => ({ field, message: "Invalid field." })) });
  }
});

test("the master account cannot assign to or delete from itself: 400 code 300", async () => {
  const [trunk] = await masterTrunks();
  for (const account of ["me", t.state.master.id]) {
    const assigned = await t.zoom.call("POST", `/accounts/${account}/sip_trunk/trunks`, {
      body: { sip_trunks: [{ id: trunk.id, dnis: trunk.dnis.slice(0, 8) }] },
    });
    expect(assigned.status).toBe(400);
    expect(assigned.json).toEqual({ code: 300, message: NOT_A_SUB_ACCOUNT });
    const deleted = await t.zoom.call("DELETE", `/accounts/${account}/sip_trunk/trunks/${trunk.id}`);
    expect(deleted.status).toBe(400);
    expect(deleted.json).toEqual({ code: 300, message: NOT_A_SUB_ACCOUNT });
  }
  expect(await masterTrunks()).toHaveLength(3);
});

test("an unknown account is 404 code 2001; an unassigned trunk is 404 code 2301", async () => {
  const [trunk] = await masterTrunks();
  const unknown = { code: 2001, message: "Account does not exist: nope." };
  for (const [method, path, body] of [
    ["GET", "/accounts/nope/sip_trunk/trunks", undefined],
    ["POST", "/accounts/nope/sip_trunk/trunks", { sip_trunks: [{ id: trunk.id, dnis: trunk.dnis.slice(0, 8) }] }],
    ["DELETE", `/accounts/nope/sip_trunk/trunks/${trunk.id}`, undefined],
  ] as const) {
    const answer = await t.zoom.call(method, path, body === undefined ? {} : { body });
    expect({ method, status: answer.status, json: answer.json }).toEqual({ method, status: 404, json: unknown });
  }
  const notAssigned = await t.zoom.call("DELETE", `${subPath()}/${trunk.id}`);
  expect(notAssigned.status).toBe(404);
  expect(notAssigned.json).toEqual({ code: 2301, message: `SIP Trunk does not exist: ${trunk.id}.` });
  // Gone after a delete, too.
  await t.zoom.call("POST", subPath(), { body: { sip_trunks: [{ id: trunk.id, dnis: trunk.dnis.slice(0, 8) }] } });
  expect((await t.zoom.call("DELETE", `${subPath()}/${trunk.id}`)).status).toBe(204);
  expect((await t.zoom.call("DELETE", `${subPath()}/${trunk.id}`)).json).toMatchObject({ code: 2301 });
});

test("SIP trunks exist only in the master-account API: the plain path is 404", async () => {
  const answer = await t.zoom.call("GET", "/sip_trunk/trunks");
  expect(answer.status).toBe(404);
  expect(answer.json).toEqual({ code: 404, message: "Not Found" });
});

test("the sipTrunks seeder assigns to the account it names, checked as the API checks", async () => {
  const [first, , third] = await masterTrunks();
  const sub = t.state.subAccounts[1];
  const seeded = await t.control.seed({
    accountId: sub.id,
    sipTrunks: [
      { id: first.id, dnis: `${first.dnis.slice(0, 5)}01`, outbound_caller_id: "1" },
      { id: third.id, dnis: third.dnis.slice(0, 8) },
    ],
  });
  expect(seeded.sipTrunks).toEqual([
    expect.objectContaining({ id: first.id, dnis: `${first.dnis.slice(0, 5)}01` }),
    expect.objectContaining({ id: third.id, dnis: third.dnis.slice(0, 8) }),
  ]);
  expect((await list(subPath(1))).sip_trunks.map((trunk) => trunk.id)).toEqual([first.id, third.id]);
  await expect(t.control.seed({ accountId: sub.id, sipTrunks: [{ id: first.id, dnis: "99999" }] })).rejects.toThrow(/sip_trunks/);
  await expect(t.control.seed({ sipTrunks: [{ id: first.id, dnis: first.dnis.slice(0, 8) }] })).rejects.toThrow(/Only a master account/);
  // A reset forgets assignments and gives the master the same trunks again.
  await t.control.reset();
  expect((await list(subPath(1))).total_records).toBe(0);
  expect((await masterTrunks()).map((trunk) => trunk.id)).toEqual(t.state.master.sipTrunks.map((trunk) => trunk.id));
});
