/** A user's TSP accounts: at most two (ids "1" and "2"), TSP must be enabled, the last one stays. */
import { useFreshEmulator } from "../support/emulator";

const t = useFreshEmulator();

interface Tsp {
  id: string;
  conference_code: string;
  leader_pin: string;
  tsp_bridge?: string;
  dial_in_numbers?: { code?: string; country_label?: string; number?: string; type?: string }[];
}

const TSP = {
  conference_code: "0125",
  leader_pin: "11189898",
  tsp_bridge: "US_TSP_TB",
  dial_in_numbers: [
    { code: "1", country_label: "America", number: "+1 1000200200", type: "toll" },
    { code: "44", number: "08001234567", type: "tollfree" },
  ],
};

/** `/users/{user}/tsp` in each path form: plain (the owner as `me`), master by user id, sub-account by email. */
function base(form: "plain" | "master" | "sub"): string {
  if (form === "plain") return "/users/me/tsp";
  if (form === "master") return `/accounts/me/users/${t.state.master.users[1].id}/tsp`;
  const sub = t.state.subAccounts[0];
  return `/accounts/${sub.id}/users/${encodeURIComponent(sub.users[1].email)}/tsp`;
}

async function add(path: string, body: Record<string, unknown> = TSP): Promise<Tsp> {
  const answer = await t.zoom.call<Tsp>("POST", path, { body });
  expect(answer.status).toBe(201);
  return answer.json;
}

function error(code: number, message: string) {
  return { code, message };
}

test.each(["plain", "master", "sub"] as const)("add, get, list, update, delete (%s path form)", async (form) => {
  const path = base(form);
  const first = await add(path);
  expect(first).toEqual({ id: "1", ...TSP });
  const second = await add(path, { conference_code: "777", leader_pin: "42", tsp_bridge: "EU_TSP_TB" });
  expect(second).toEqual({ id: "2", conference_code: "777", leader_pin: "42", tsp_bridge: "EU_TSP_TB" });

  const got = await t.zoom.call<Tsp>("GET", `${path}/1`);
  expect(got.status).toBe(200);
  expect(got.json).toEqual(first);
  // The spec's list answer is `{tsp_accounts}`, nothing else.
  expect((await t.zoom.call("GET", path)).json).toEqual({ tsp_accounts: [first, second] });

  // PATCH needs conference_code and leader_pin; what it leaves out keeps its value.
  const patched = await t.zoom.call("PATCH", `${path}/1`, { body: { conference_code: "999", leader_pin: "1234" } });
  expect(patched.status).toBe(204);
  expect(patched.text).toBe("");
  expect((await t.zoom.call("GET", `${path}/1`)).json).toEqual({ ...first, conference_code: "999", leader_pin: "1234" });
  const replaced = await t.zoom.call("PATCH", `${path}/1`, {
    body: { conference_code: "999", leader_pin: "1234", tsp_bridge: "EU_TSP_TB", dial_in_numbers: [] },
  });
  expect(replaced.status).toBe(204);
  expect((await t.zoom.call("GET", `${path}/1`)).json).toEqual({
    id: "1",
    conference_code: "999",
    leader_pin: "1234",
    tsp_bridge: "EU_TSP_TB",
    dial_in_numbers: [],
  });

  const deleted = await t.zoom.call("DELETE", `${path}/1`);
  expect(deleted.status).toBe(204);
  expect(deleted.text).toBe("");
  expect((await t.zoom.call("GET", path)).json).toEqual({ tsp_accounts: [second] });
  // The freed id is handed out again.
  expect((await add(path)).id).toBe("1");
});

test("a third TSP account is refused: 400 code 300", async () => {
  await add(base("plain"));
  await add(base("plain"));
  const third = await t.zoom.call("POST", base("plain"), { body: TSP });
  expect(third.status).toBe(400);
  expect(third.json).toEqual(error(300, "You can add a maximum of two TSP configs."));
  // Another user of the same account still has room.
  await add(`/users/${t.state.master.users[2].id}/tsp`);
});

test("the last TSP account cannot be deleted: 400 code 300", async () => {
  const path = base("master");
  await add(path);
  await add(path);
  expect((await t.zoom.call("DELETE", `${path}/2`)).status).toBe(204);
  const last = await t.zoom.call("DELETE", `${path}/1`);
  expect(last.status).toBe(400);
  expect(last.json).toEqual(error(300, "At least one TSP config must be available."));
  expect((await t.zoom.call<{ tsp_accounts: Tsp[] }>("GET", path)).json.tsp_accounts).toHaveLength(1);
});

test("ids other than 1 and 2, and ids not configured, answer the spec's 400 code 300 wording", async () => {
  const path = base("plain");
  await add(path);
  const cases: [string, string, string][] = [
    ["GET", "3", "The TSP ID provided does not exist."],
    ["PATCH", "3", "The TSP ID provided does not exist."],
    ["DELETE", "3", "The provided TSP ID does not exist."],
    ["GET", "2", "TSP config does not exist."],
    ["PATCH", "2", "TSP config does not exist."],
    ["DELETE", "2", "TSP config does not exist."],
  ];
  for (const [method, id, message] of cases) {
    const answer = await t.zoom.call(method, `${path}/${id}`, method === "PATCH" ? { body: TSP } : {});
    expect({ method, id, status: answer.status, json: answer.json }).toEqual({ method, id, status: 400, json: error(300, message) });
  }
});

test("codes are numeric and shorter than 16; enums and required fields are checked: 400 code 300 naming fields", async () => {
  const path = base("plain");
  const answer = await t.zoom.call("POST", path, {
    body: {
      conference_code: "12a4",
      leader_pin: "1".repeat(16),
      tsp_bridge: "APAC_TSP_TB",
      dial_in_numbers: [{ code: "1234567", number: "+1 555", type: "voip" }],
    },
  });
  expect(answer.status).toBe(400);
  expect(answer.json).toEqual({
    code: 300,
    message: "Validation Failed.",
    errors: expect.arrayContaining(
      ["conference_code", "leader_pin", "tsp_bridge", "dial_in_numbers[0].code", "dial_in_numbers[0].type"].map((field) => ({
        field,
        message: "Invalid field.",
      })),
    ),
  });
  const missing = await t.zoom.call("POST", path, { body: { conference_code: "1" } });
  expect(missing.json).toEqual({ code: 300, message: "Validation Failed.", errors: [{ field: "leader_pin", message: "Invalid field." }] });
  // Fifteen digits is the longest that fits.
  expect((await add(path, { conference_code: "1".repeat(15), leader_pin: "0" })).conference_code).toBe("1".repeat(15));

  const noPin = await t.zoom.call("PATCH", `${path}/1`, { body: { conference_code: "5" } });
  expect(noPin.status).toBe(400);
  expect(noPin.json).toMatchObject({ code: 300, errors: [{ field: "leader_pin" }] });
  const badBridge = await t.zoom.call("PATCH", `${path}/1`, { body: { ...TSP, tsp_bridge: "APAC_TSP_TB" } });
  expect(badBridge.status).toBe(400);
  expect(badBridge.json).toEqual(error(300, "Invalid parameter: `tsp_bridge`."));
});

test("with TSP disabled on the account every call is 400 code 2024, in the spec's two wordings", async () => {
  const sub = t.state.subAccounts[0];
  const path = base("sub");
  await add(path);
  await add(path);
  await t.control.seed({ accountId: sub.id, tspSettings: [{ enable: false }] });
  expect((await t.control.state()).subAccounts[0].tspEnabled).toBe(false);

  const notEnabled = error(2024, "Account has not enabled TSP.");
  const thisNotEnabled = error(2024, "This account has not enabled TSP.");
  const calls: [string, string, unknown, unknown][] = [
    ["GET", path, undefined, notEnabled],
    ["GET", `${path}/1`, undefined, notEnabled],
    ["PATCH", `${path}/1`, TSP, notEnabled],
    ["POST", path, TSP, thisNotEnabled],
    ["DELETE", `${path}/1`, undefined, thisNotEnabled],
  ];
  for (const [method, url, body, expected] of calls) {
    const answer = await t.zoom.call(method, url, body === undefined ? {} : { body });
    expect({ method, status: answer.status, json: answer.json }).toEqual({ method, status: 400, json: expected });
  }
  // Other accounts are not affected; turning it back on shows the configs as they were.
  await add(base("plain"));
  await t.control.seed({ accountId: sub.id, tspSettings: [{ enable: true }] });
  expect((await t.zoom.call<{ tsp_accounts: Tsp[] }>("GET", path)).json.tsp_accounts).toHaveLength(2);
});

test("an unknown user is 404 code 1001 on every TSP call", async () => {
  for (const [method, url] of [
    ["GET", "/users/nobody/tsp"],
    ["POST", "/users/nobody/tsp"],
    ["GET", "/users/nobody/tsp/1"],
    ["PATCH", "/users/nobody/tsp/1"],
    ["DELETE", "/users/nobody/tsp/1"],
  ]) {
    const answer = await t.zoom.call(method, url, method === "POST" || method === "PATCH" ? { body: TSP } : {});
    expect({ method, status: answer.status, json: answer.json }).toEqual({
      method,
      status: 404,
      json: error(1001, "User does not exist: nobody."),
    });
  }
});

test("users and accounts are isolated", async () => {
  await add(base("plain"));
  const owner = t.state.master.users[0];
  // `me` on plain paths is the master's owner: the same user by id and by the master form.
  expect((await t.zoom.call<{ tsp_accounts: Tsp[] }>("GET", `/accounts/me/users/${owner.id}/tsp`)).json.tsp_accounts).toHaveLength(1);
  expect((await t.zoom.call("GET", base("master"))).json).toEqual({ tsp_accounts: [] });
  expect((await t.zoom.call("GET", base("sub"))).json).toEqual({ tsp_accounts: [] });
  // A sub-account's user is unknown to the master account.
  const subUser = t.state.subAccounts[0].users[1];
  expect((await t.zoom.call("GET", `/users/${subUser.id}/tsp`)).status).toBe(404);
});

test("the tspAccounts seeder adds per user (by id, email or me), keeps the two-per-user rule, and answers ids", async () => {
  const sub = t.state.subAccounts[1];
  const seeded = await t.control.seed({
    accountId: sub.id,
    tspAccounts: [
      { user_id: "me", ...TSP },
      { user_id: sub.users[1].email, id: "2", conference_code: "5", leader_pin: "6" },
      { user_id: sub.users[1].id, conference_code: "7", leader_pin: "8" },
    ],
  });
  expect(seeded.tspAccounts).toEqual([
    { user_id: sub.users[0].id, id: "1", ...TSP },
    { user_id: sub.users[1].id, id: "2", conference_code: "5", leader_pin: "6" },
    { user_id: sub.users[1].id, id: "1", conference_code: "7", leader_pin: "8" },
  ]);
  const listed = await t.zoom.call<{ tsp_accounts: Tsp[] }>("GET", `/accounts/${sub.id}/users/${sub.users[1].id}/tsp`);
  expect(listed.json.tsp_accounts.map((tsp) => tsp.id)).toEqual(["1", "2"]);
  await expect(
    t.control.seed({ accountId: sub.id, tspAccounts: [{ user_id: sub.users[1].id, conference_code: "1", leader_pin: "2" }] }),
  ).rejects.toThrow(/maximum of two TSP configs/);
  await expect(t.control.seed({ tspAccounts: [{ user_id: "nobody", ...TSP }] })).rejects.toThrow(/1001/);
});

test("PATCH .../tsp/settings is Zoom's TSP URL setting (tspUrlUpdate), not an update of a TSP account", async () => {
  for (const form of ["plain", "master", "sub"] as const) {
    const path = `${base(form)}/settings`;
    const set = await t.zoom.call("PATCH", path, { body: { audio_url: "https://dial.example.com/numbers" } });
    expect(set.status).toBe(204);
    expect(set.text).toBe("");
    const bad = await t.zoom.call("PATCH", path, { body: { audio_url: "not a url" } });
    expect(bad.json).toEqual({ code: 300, message: "Validation Failed.", errors: [{ field: "audio_url", message: "Invalid field." }] });
  }
  const tooLong = await t.zoom.call("PATCH", "/users/me/tsp/settings", { body: { audio_url: `https://x.example/${"a".repeat(500)}` } });
  expect(tooLong.status).toBe(400);
  const log = await t.control.requests();
  expect(log.filter((r) => r.rawPath.endsWith("/tsp/settings")).every((r) => r.operationId === "tspUrlUpdate")).toBe(true);
  await t.control.seed({ tspSettings: [{ enable: false }] });
  const disabled = await t.zoom.call("PATCH", "/users/me/tsp/settings", { body: { audio_url: "https://dial.example.com" } });
  expect(disabled.json).toEqual(error(2024, "Account has not enabled TSP."));
});
