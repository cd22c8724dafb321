/**
 * Users (`GET /users`, `GET /users/{userId}`) and sub-accounts (`GET /accounts`): read-only, in every path form
 * Zoom has, paginated as Zoom paginates. Every answer is checked against the (transcribed) references.
 */
import { useFreshEmulator } from "../support/emulator";

const t = useFreshEmulator();

interface UserPage {
  page_size: number;
  total_records: number;
  next_page_token: string;
  users: { id: string; email: string; first_name: string; last_name: string; type: number; status: string }[];
}

test("the account's users, in the plain and the master-account form", async () => {
  const plain = await t.zoom.call<UserPage>("GET", "/users");
  expect(plain.status).toBe(200);
  expect(plain.json.users.map((u) => u.email)).toEqual(t.state.master.users.map((u) => u.email));
  expect(plain.json.users[0]).toMatchObject({ type: 2, status: "active", first_name: expect.any(String) });

  const sub = t.state.subAccounts[0];
  const scoped = await t.zoom.call<UserPage>("GET", `/accounts/${sub.id}/users`);
  expect(scoped.json.users.map((u) => u.id)).toEqual(sub.users.map((u) => u.id));
});

test("pages of page_size follow next_page_token to the last user, each once", async () => {
  const items = Array.from({ length: 45 }, (_, i) => ({ email: `person${i}@master.example.com`, first_name: "Person", last_name: `No ${i}` }));
  await t.control.seed({ users: items });
  const seen: string[] = [];
  let token = "";
  let pages = 0;
  do {
    const answer = await t.zoom.call<UserPage>("GET", `/users?page_size=20${token ? `&next_page_token=${token}` : ""}`);
    expect(answer.status).toBe(200);
    expect(answer.json.total_records).toBe(48);
    seen.push(...answer.json.users.map((u) => u.email));
    token = answer.json.next_page_token;
    pages += 1;
  } while (token);
  expect(pages).toBe(3);
  expect(new Set(seen).size).toBe(48);
});

test("inactive or pending users: none here (everyone is active)", async () => {
  const answer = await t.zoom.call<UserPage>("GET", "/users?status=pending");
  expect(answer.json).toMatchObject({ total_records: 0, users: [] });
  expect((await t.zoom.call("GET", "/users?status=gone")).status).toBe(400);
});

test("one user by id, by email and as me; 404 code 1001 otherwise", async () => {
  const [owner, other] = t.state.master.users;
  const byId = await t.zoom.call<{ id: string; email: string; role_name: string }>("GET", `/users/${other.id}`);
  expect(byId.json).toMatchObject({ id: other.id, email: other.email, role_name: "Member" });
  const byEmail = await t.zoom.call<{ id: string }>("GET", `/users/${encodeURIComponent(other.email.toUpperCase())}`);
  expect(byEmail.json.id).toBe(other.id);
  expect((await t.zoom.call<{ id: string }>("GET", "/users/me")).json.id).toBe(owner.id);

  const missing = await t.zoom.call("GET", "/users/nobody%40example.com");
  expect(missing.status).toBe(404);
  expect(missing.json).toEqual({ code: 1001, message: "User does not exist: nobody@example.com." });
  // A sub-account's user is not the master's.
  const elsewhere = await t.zoom.call("GET", `/users/${t.state.subAccounts[0].users[0].id}`);
  expect(elsewhere.status).toBe(404);
});

test("a seeded email that is taken is refused", async () => {
  const taken = t.state.master.users[1].email;
  await expect(t.control.seed({ users: [{ email: taken, first_name: "A", last_name: "B" }] })).rejects.toThrow(/already in the account/);
});

test("sub-accounts: the master's list, paginated; the path has no /accounts/{accountId} form", async () => {
  const all = await t.zoom.call<{ total_records: number; accounts: { id: string; account_name: string; owner_email: string }[] }>("GET", "/accounts");
  expect(all.status).toBe(200);
  expect(all.json.accounts).toEqual(
    t.state.subAccounts.map((s) => expect.objectContaining({ id: s.id, account_name: s.name, owner_email: s.users[0].email })),
  );
  const first = await t.zoom.call<{ next_page_token: string; accounts: unknown[] }>("GET", "/accounts?page_size=1");
  expect(first.json.accounts).toHaveLength(1);
  const second = await t.zoom.call<{ next_page_token: string; accounts: { id: string }[] }>("GET", `/accounts?page_size=1&next_page_token=${first.json.next_page_token}`);
  expect(second.json.accounts.map((a) => a.id)).toEqual([t.state.subAccounts[1].id]);
  expect(second.json.next_page_token).toBe("");
  expect((await t.zoom.call("GET", `/accounts/${t.emulator.accountId}/accounts`)).status).toBe(404);
});
