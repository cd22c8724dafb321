/** Tracking fields: every endpoint's success and documented errors, in both path forms. */
import { useFreshEmulator } from "../support/emulator";

const t = useFreshEmulator();

interface Field {
  id: string;
  field: string;
  required: boolean;
  visible: boolean;
  recommended_values: string[];
}

test.each(["", "/accounts/me"])("create, get, list, update, delete (prefix %j)", async (prefix) => {
  const created = await t.zoom.call<Field>("POST", `${prefix}/tracking_fields`, {
    body: { field: "Département ✓", recommended_values: ["R&D", "Ventes"], required: true },
  });
  expect(created.status).toBe(201);
  expect(created.json).toEqual({
    id: expect.any(String),
    field: "Département ✓",
    required: true,
    visible: true,
    recommended_values: ["R&D", "Ventes"],
  });
  const { id } = created.json;
  expect((await t.zoom.call("GET", `${prefix}/tracking_fields/${id}`)).json).toEqual(created.json);

  const list = await t.zoom.call("GET", `${prefix}/tracking_fields`);
  expect(list.json).toEqual({ total_records: 1, tracking_fields: [created.json] });

  const patched = await t.zoom.call("PATCH", `${prefix}/tracking_fields/${id}`, { body: { visible: false } });
  expect(patched.status).toBe(204);
  expect(patched.text).toBe("");
  expect((await t.zoom.call("GET", `${prefix}/tracking_fields/${id}`)).json).toEqual({ ...created.json, visible: false });

  const deleted = await t.zoom.call("DELETE", `${prefix}/tracking_fields/${id}`);
  expect(deleted.status).toBe(204);
  expect(deleted.text).toBe("");
  const gone = await t.zoom.call("GET", `${prefix}/tracking_fields/${id}`);
  expect(gone.status).toBe(404);
  expect(gone.json).toEqual({ code: 5110, message: `Tracking field does not exist: ${id}.` });
});

test("unknown ids answer 404 code 5110 on get, update and delete", async () => {
  for (const method of ["GET", "PATCH", "DELETE"]) {
    const answer = await t.zoom.call(method, "/tracking_fields/nope", method === "PATCH" ? { body: { visible: true } } : {});
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ code: 5110, message: "Tracking field does not exist: nope." });
  }
});

test("names are unique per account: 400 code 200 on create and on rename", async () => {
  await t.zoom.call("POST", "/tracking_fields", { body: { field: "Team" } });
  const other = await t.zoom.call<Field>("POST", "/tracking_fields", { body: { field: "Project" } });
  const dup = await t.zoom.call("POST", "/tracking_fields", { body: { field: "Team" } });
  expect(dup.status).toBe(400);
  expect(dup.json).toEqual({ code: 200, message: "Tracking field Team already exists." });
  const rename = await t.zoom.call("PATCH", `/tracking_fields/${other.json.id}`, { body: { field: "Team" } });
  expect(rename.status).toBe(400);
  expect(rename.json).toEqual({ code: 200, message: "Tracking field Team already exists." });
  // Renaming to its own name is no clash.
  expect((await t.zoom.call("PATCH", `/tracking_fields/${other.json.id}`, { body: { field: "Project" } })).status).toBe(204);
  expect((await t.zoom.call("GET", "/tracking_fields")).json).toMatchObject({ total_records: 2 });
});

test("invalid bodies answer 400 code 300 naming the fields", async () => {
  const answer = await t.zoom.call("POST", "/tracking_fields", { body: { required: "yes", recommended_values: [1] } });
  expect(answer.status).toBe(400);
  expect(answer.json).toEqual({
    code: 300,
    message: "Validation Failed.",
    errors: expect.arrayContaining([
      { field: "field", message: "Invalid field." },
      { field: "required", message: "Invalid field." },
      { field: "recommended_values[0]", message: "Invalid field." },
    ]),
  });
  const notJson = await t.zoom.call("POST", "/tracking_fields", { rawBody: "{field:" });
  expect(notJson.json).toEqual({ code: 300, message: "Request Body should be a valid JSON object." });
  const empty = await t.zoom.call("POST", "/tracking_fields", { rawBody: "" });
  expect(empty.json).toEqual({ code: 300, message: "Request Body should be a valid JSON object." });
  const array = await t.zoom.call("POST", "/tracking_fields", { body: [] });
  expect(array.json).toEqual({ code: 300, message: "Request Body should be a valid JSON object." });
  expect((await t.zoom.call("GET", "/tracking_fields")).json).toEqual({ total_records: 0, tracking_fields: [] });
});

test("the seed endpoint creates fields in the account it names", async () => {
  const sub = (await t.control.state()).subAccounts[0].id;
  const seeded = await t.control.seed({ accountId: sub, tracking_fields: [{ field: "A" }, { field: "B", visible: false }] });
  expect(seeded.tracking_fields).toHaveLength(2);
  expect((await t.zoom.call("GET", `/accounts/${sub}/tracking_fields`)).json).toMatchObject({ total_records: 2 });
  expect((await t.zoom.call("GET", "/tracking_fields")).json).toMatchObject({ total_records: 0 });
});
