/** Meeting templates: made from an existing meeting, listed per user; at most 40, names unique; no update or delete. */
import { useFreshEmulator } from "../support/emulator";

const t = useFreshEmulator();

interface TemplateList {
  total_records: number;
  templates: { id: string; name: string; type: number }[];
}

const FUTURE = "2031-03-01T09:00:00Z";

async function meeting(prefix = "", user = "me"): Promise<number> {
  const answer = await t.zoom.call<{ id: number }>("POST", `${prefix}/users/${user}/meetings`, {
    body: { topic: "Weekly sync", type: 2, start_time: FUTURE, duration: 30 },
  });
  expect(answer.status).toBe(201);
  return answer.json.id;
}

const list = (path: string) => t.zoom.read<TemplateList>(path);

/** `/users/{user}/meeting_templates` in each path form (the sub-account's user by email). */
function base(form: "plain" | "master" | "sub"): { prefix: string; user: string } {
  if (form === "plain") return { prefix: "", user: "me" };
  if (form === "master") return { prefix: "/accounts/me", user: t.state.master.users[1].id };
  const sub = t.state.subAccounts[0];
  return { prefix: `/accounts/${sub.id}`, user: encodeURIComponent(sub.users[1].email) };
}

test.each(["plain", "master", "sub"] as const)("create from a meeting, then list (%s path form)", async (form) => {
  const { prefix, user } = base(form);
  const path = `${prefix}/users/${user}/meeting_templates`;
  const meetingId = await meeting(prefix, user);
  expect(await list(path)).toEqual({ total_records: 0, templates: [] });

  const created = await t.zoom.call<{ id: string; name: string }>("POST", path, {
    body: { meeting_id: meetingId, name: "Weekly sync template", save_recurrence: false, overwrite: false },
  });
  expect(created.status).toBe(201);
  expect(created.json).toEqual({ id: expect.any(String), name: "Weekly sync template" });
  expect(await list(path)).toEqual({ total_records: 1, templates: [{ id: created.json.id, name: "Weekly sync template", type: 1 }] });
});

test("the meeting must exist in the account: 400 code 3001 otherwise, deleted ones included", async () => {
  const subMeeting = await meeting(`/accounts/${t.state.subAccounts[0].id}`);
  const deleted = await meeting();
  expect((await t.zoom.call("DELETE", `/meetings/${deleted}`)).status).toBe(204);
  for (const meetingId of [12345678901, subMeeting, deleted]) {
    const answer = await t.zoom.call("POST", "/users/me/meeting_templates", { body: { meeting_id: meetingId, name: "T" } });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ code: 3001, message: `Meeting does not exist: ${meetingId}` });
  }
});

test("the meeting must be the user's own: another user's meeting of the same account is 400 code 3001 too", async () => {
  const colleague = t.state.master.users[2].id;
  const colleagues = await meeting("", colleague);
  const refused = await t.zoom.call("POST", "/users/me/meeting_templates", { body: { meeting_id: colleagues, name: "T" } });
  expect(refused.status).toBe(400);
  expect(refused.json).toEqual({ code: 3001, message: `Meeting does not exist: ${colleagues}` });
  expect(await list("/users/me/meeting_templates")).toEqual({ total_records: 0, templates: [] });
  // The host makes a template of it.
  const ok = await t.zoom.call("POST", `/users/${colleague}/meeting_templates`, { body: { meeting_id: colleagues, name: "T" } });
  expect(ok.status).toBe(201);
});

test("names are unique per user (400 code 3000); overwrite: true replaces the template, keeping its id", async () => {
  const first = await meeting();
  const second = await meeting();
  const path = "/users/me/meeting_templates";
  const created = await t.zoom.call<{ id: string }>("POST", path, { body: { meeting_id: first, name: "Standup" } });

  const clash = await t.zoom.call("POST", path, { body: { meeting_id: second, name: "Standup" } });
  expect(clash.status).toBe(400);
  expect(clash.json).toEqual({ code: 3000, message: "Meeting template name already exists: Standup." });

  const overwritten = await t.zoom.call("POST", path, { body: { meeting_id: second, name: "Standup", overwrite: true } });
  expect(overwritten.status).toBe(201);
  expect(overwritten.json).toEqual({ id: created.json.id, name: "Standup" });
  expect(await list(path)).toEqual({ total_records: 1, templates: [{ id: created.json.id, name: "Standup", type: 1 }] });

  // overwrite without a clash simply creates; names are compared exactly.
  expect((await t.zoom.call("POST", path, { body: { meeting_id: first, name: "standup", overwrite: true } })).status).toBe(201);
  // The same name is free for another user.
  const colleague = t.state.master.users[1].id;
  const other = `/users/${colleague}/meeting_templates`;
  expect((await t.zoom.call("POST", other, { body: { meeting_id: await meeting("", colleague), name: "Standup" } })).status).toBe(201);
  expect((await list(path)).total_records).toBe(2);
});

test("at most 40 templates per user: 400 code 300; overwriting one is still allowed", async () => {
  const meetingId = await meeting();
  const owner = t.state.master.users[0];
  const seeded = await t.control.seed({
    meetingTemplates: Array.from({ length: 40 }, (_, i) => ({ user_id: owner.id, meeting_id: meetingId, name: `T${i}` })),
  });
  expect(seeded.meetingTemplates).toHaveLength(40);
  const path = "/users/me/meeting_templates";
  expect((await list(path)).total_records).toBe(40);

  const over = await t.zoom.call("POST", path, { body: { meeting_id: meetingId, name: "One more" } });
  expect(over.status).toBe(400);
  expect(over.json).toEqual({ code: 300, message: "You can only create up to 40 meeting templates." });
  expect((await t.zoom.call("POST", path, { body: { meeting_id: meetingId, name: "T7", overwrite: true } })).status).toBe(201);
  expect((await list(path)).total_records).toBe(40);
  // The limit is per user.
  const colleague = t.state.master.users[1].id;
  const other = `/users/${colleague}/meeting_templates`;
  expect((await t.zoom.call("POST", other, { body: { meeting_id: await meeting("", colleague), name: "One more" } })).status).toBe(201);
  await expect(
    t.control.seed({ meetingTemplates: [{ user_id: "me", meeting_id: meetingId, name: "41st" }] }),
  ).rejects.toThrow(/up to 40/);
});

test("Zoom has no get, update or delete for templates: those routes are 404", async () => {
  const meetingId = await meeting();
  const created = await t.zoom.call<{ id: string }>("POST", "/users/me/meeting_templates", { body: { meeting_id: meetingId, name: "T" } });
  for (const method of ["GET", "PATCH", "PUT", "DELETE"]) {
    const answer = await t.zoom.call(method, `/users/me/meeting_templates/${created.json.id}`, method === "GET" || method === "DELETE" ? {} : { body: { name: "U" } });
    expect({ method, status: answer.status, json: answer.json }).toEqual({ method, status: 404, json: { code: 404, message: "Not Found" } });
  }
  expect((await list("/users/me/meeting_templates")).total_records).toBe(1);
});

test("bodies without meeting_id or name, or with wrong types, are 400 code 300 naming the fields", async () => {
  const answer = await t.zoom.call("POST", "/users/me/meeting_templates", { body: { meeting_id: "123", save_recurrence: "no" } });
  expect(answer.status).toBe(400);
  expect(answer.json).toEqual({
    code: 300,
    message: "Validation Failed.",
    errors: expect.arrayContaining(["meeting_id", "name", "save_recurrence"].map((field) => ({ field, message: "Invalid field." }))),
  });
});

test("an unknown user is 404 code 1001 on list and create", async () => {
  const meetingId = await meeting();
  const listed = await t.zoom.call("GET", "/users/nobody/meeting_templates");
  expect(listed.status).toBe(404);
  expect(listed.json).toEqual({ code: 1001, message: "User does not exist: nobody." });
  const created = await t.zoom.call("POST", "/users/nobody/meeting_templates", { body: { meeting_id: meetingId, name: "T" } });
  expect(created.status).toBe(404);
  expect(created.json).toMatchObject({ code: 1001 });
});

test("the seeder needs no live meeting (a template outlives its meeting) and fills the account it names", async () => {
  const sub = t.state.subAccounts[1];
  const seeded = await t.control.seed({
    accountId: sub.id,
    meetingTemplates: [
      { user_id: sub.users[1].email, meeting_id: 98765432101, name: "From an old meeting", save_recurrence: true },
    ],
  });
  expect(seeded.meetingTemplates).toEqual([
    { user_id: sub.users[1].id, id: expect.any(String), name: "From an old meeting", type: 1 },
  ]);
  expect(await list(`/accounts/${sub.id}/users/${sub.users[1].id}/meeting_templates`)).toEqual({
    total_records: 1,
    templates: [{ id: (seeded.meetingTemplates[0] as { id: string }).id, name: "From an old meeting", type: 1 }],
  });
  expect((await list("/users/me/meeting_templates")).total_records).toBe(0);
  await expect(t.control.seed({ meetingTemplates: [{ user_id: "me", name: "No meeting id" }] })).rejects.toThrow(/meeting_id/);
});
