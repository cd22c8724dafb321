/** Path forms, account scoping and isolation, and what Zoom answers for routes it does not have. */
import { startTestEmulator, useFreshEmulator } from "../support/emulator";

const t = useFreshEmulator({ randomSeed: 7 });

const NOT_FOUND = { code: 404, message: "Not Found" };
type FieldList = { total_records: number; tracking_fields: { id: string; field: string }[] };

test("the initial accounts: a master with owner + 2 users, two sub-accounts with 2 users each, TSP on", () => {
  expect(t.state.master.id).toBe(t.emulator.accountId);
  expect(t.state.master.users).toHaveLength(3);
  expect(t.state.master.users.filter((u) => u.isOwner)).toHaveLength(1);
  expect(t.state.subAccounts).toHaveLength(2);
  for (const sub of t.state.subAccounts) {
    expect(sub.users).toHaveLength(2);
    expect(sub.tspEnabled).toBe(true);
  }
  expect(t.state.master.tspEnabled).toBe(true);
});

test("the same seed gives the same ids, also after a reset", async () => {
  const again = await startTestEmulator({ randomSeed: 7 });
  try {
    expect((await again.control.state()).master.id).toBe(t.state.master.id);
    expect((await again.control.state()).subAccounts.map((s) => s.id)).toEqual(t.state.subAccounts.map((s) => s.id));
  } finally {
    await again.close();
  }
  await t.control.reset();
  expect(await t.control.state()).toEqual(t.state);
});

test("plain paths, /accounts/me and /accounts/{masterId} all act on the master account", async () => {
  const created = await t.zoom.call<{ id: string }>("POST", "/tracking_fields", { body: { field: "Cost center" } });
  expect(created.status).toBe(201);
  for (const path of ["/tracking_fields", "/accounts/me/tracking_fields", `/accounts/${t.state.master.id}/tracking_fields`]) {
    const list = await t.zoom.call<FieldList>("GET", path);
    expect(list.status).toBe(200);
    expect(list.json.tracking_fields.map((f) => f.id)).toEqual([created.json.id]);
  }
});

test("each sub-account has its own data, reachable only through /accounts/{subId}", async () => {
  const [one, two] = t.state.subAccounts;
  const inOne = await t.zoom.call<{ id: string }>("POST", `/accounts/${one.id}/tracking_fields`, { body: { field: "Region" } });
  expect(inOne.status).toBe(201);
  // Same name in another account: no clash, names are unique per account.
  expect((await t.zoom.call("POST", `/accounts/${two.id}/tracking_fields`, { body: { field: "Region" } })).status).toBe(201);
  expect((await t.zoom.call<FieldList>("GET", "/tracking_fields")).json.total_records).toBe(0);
  expect((await t.zoom.call<FieldList>("GET", `/accounts/${one.id}/tracking_fields`)).json.total_records).toBe(1);
  // An object of one account is unknown to the others, whatever the path form.
  expect((await t.zoom.call("GET", `/tracking_fields/${inOne.json.id}`)).status).toBe(404);
  expect((await t.zoom.call("GET", `/accounts/${two.id}/tracking_fields/${inOne.json.id}`)).status).toBe(404);
  expect((await t.zoom.call("GET", `/accounts/${one.id}/tracking_fields/${inOne.json.id}`)).status).toBe(200);
});

test("users of one account are unknown to the others (404 code 1001)", async () => {
  const subUser = t.state.subAccounts[0].users[0];
  const plain = await t.zoom.call("GET", `/users/${subUser.id}/meetings`);
  expect(plain.status).toBe(404);
  expect(plain.json).toEqual({ code: 1001, message: `User does not exist: ${subUser.id}.` });
  expect((await t.zoom.call("GET", `/accounts/${t.state.subAccounts[0].id}/users/${subUser.id}/meetings`)).status).toBe(200);
  expect((await t.zoom.call("GET", `/users/${encodeURIComponent(t.state.master.users[1].email)}/meetings`)).status).toBe(200);
});

test("an unknown account id answers 404 code 2001", async () => {
  const answer = await t.zoom.call("GET", "/accounts/noSuchAccount/tracking_fields");
  expect(answer.status).toBe(404);
  expect(answer.json).toEqual({ code: 2001, message: "Account does not exist: noSuchAccount." });
});

test("master-account-only operations do not exist on plain paths", async () => {
  const plain = await t.zoom.call("GET", "/sip_trunk/internal_numbers");
  expect(plain.status).toBe(404);
  expect(plain.json).toEqual(NOT_FOUND);
  expect((await t.zoom.call("GET", "/accounts/me/sip_trunk/internal_numbers")).status).not.toBe(404);
});

test.each([
  ["GET", "/no/such/thing"],
  ["GET", "/tracking_fields/x/y"],
  ["PUT", "/tracking_fields"],
  ["POST", "/meetings/123"],
  ["GET", "/tracking_fields/"],
])("%s %s is an unknown route: 404", async (method, path) => {
  const answer = await t.zoom.call(method, path);
  expect(answer.status).toBe(404);
  expect(answer.json).toEqual(NOT_FOUND);
});

test("only /v2 is the API", async () => {
  const token = await t.zoom.accessToken();
  const origin = t.emulator.url.replace(/\/v2$/, "");
  for (const path of ["/v1/tracking_fields", "/tracking_fields", "/"]) {
    const response = await fetch(origin + path, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(NOT_FOUND);
  }
});

test("path parameters are percent-decoded: ids with reserved characters reach the handler intact", async () => {
  const answer = await t.zoom.call("GET", `/tracking_fields/${encodeURIComponent("a/b c?ü")}`);
  expect(answer.status).toBe(404);
  expect(answer.json).toEqual({ code: 5110, message: "Tracking field does not exist: a/b c?ü." });
  const email = t.state.master.users[0].email;
  expect((await t.zoom.call("GET", `/users/${encodeURIComponent(email.toUpperCase())}/meetings`)).status).toBe(200);
  const malformed = await t.zoom.call("GET", "/tracking_fields/%E0%A4%A");
  expect(malformed.status).toBe(400);
  expect(malformed.json).toEqual({ code: 300, message: "Invalid parameter: fieldId." });
});

test("the request log records raw paths, operations and accounts", async () => {
  await t.zoom.call("GET", `/accounts/${t.state.subAccounts[1].id}/tracking_fields?x=1`);
  await t.zoom.call("GET", "/nowhere");
  const log = await t.control.requests();
  expect(log).toEqual([
    expect.objectContaining({
      method: "GET",
      rawPath: `/v2/accounts/${t.state.subAccounts[1].id}/tracking_fields`,
      query: "x=1",
      operationId: "trackingfieldList",
      accountId: t.state.subAccounts[1].id,
      status: 200,
    }),
    expect.objectContaining({ rawPath: "/v2/nowhere", status: 404 }),
  ]);
  expect(log[1].operationId).toBeUndefined();
});
