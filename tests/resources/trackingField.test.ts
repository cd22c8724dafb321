/**
 * zoom:TrackingField against the emulator over real HTTP: clean plans, exact drift, updates that send only
 * what changed, replace, delete twice, import, and clear errors.
 */
import fc from "fast-check";
import type { ResourceTestbed } from "../support/resources";
import { useRecordingTestbed } from "./suite";

const KIND = "TrackingField";
let bed: ResourceTestbed;

const { exchanges, unique } = useRecordingTestbed(async (started) => {
  bed = started;
});

const sent = (operationId: string) => exchanges.filter((e) => e.operationId === operationId);

test("create, refresh and a second plan: no change, and state has Zoom's id", async () => {
  const declared = { field: unique("Cost center"), recommendedValues: ["4100", "4200"], required: true, visible: true };
  const created = await bed.create(KIND, "cost", declared);
  expect(created.outs).toMatchObject({ ...declared, trackingFieldId: created.id });
  await bed.expectCleanPlan(KIND, created, declared);
});

test("property-based: any valid declaration plans no change after create", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record(
        {
          field: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
          recommendedValues: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 5 }),
          required: fc.boolean(),
          visible: fc.boolean(),
        },
        { requiredKeys: ["field"] },
      ),
      async (declared) => {
        const withUniqueName = { ...declared, field: unique(declared.field) };
        const created = await bed.create(KIND, "pbt", withUniqueName);
        const { changes } = await bed.refreshAndDiff(KIND, created, withUniqueName);
        expect(changes).toBe(false);
        await bed.provider(KIND).delete!(created.id, created.outs);
      },
    ),
    { numRuns: 15 },
  );
});

test("recommended values in another order are not a change", async () => {
  const declared = { field: unique("Region"), recommendedValues: ["emea", "apac", "amer"] };
  const created = await bed.create(KIND, "region", declared);
  const { changes } = await bed.refreshAndDiff(KIND, created, { ...declared, recommendedValues: ["amer", "apac", "emea"] });
  expect(changes).toBe(false);
});

test.each([
  ["field", { field: "Renamed by hand" }],
  ["recommendedValues", { recommended_values: ["x"] }],
  ["required", { required: false }],
  ["visible", { visible: false }],
])("an out-of-band change of %s shows up as drift with the live value", async (property, portalBody) => {
  const declared = { field: unique("Drift"), recommendedValues: ["a", "b"], required: true, visible: true };
  const created = await bed.create(KIND, "drift", declared);
  if ("field" in portalBody) (portalBody as { field: string }).field = unique("Renamed by hand");
  await bed.portal.request({ operation: "trackingfieldUpdate", pathParams: { fieldId: created.id }, body: portalBody });
  const { changes, read } = await bed.refreshAndDiff(KIND, created, declared);
  expect(changes).toBe(true);
  const liveKey = property as keyof typeof declared;
  expect((read.inputs as Record<string, unknown>)[liveKey]).not.toEqual(declared[liveKey]);
});

test("an update sends only the changed field, then reads the object back once", async () => {
  const declared = { field: unique("Team"), recommendedValues: ["a"], required: false, visible: true };
  const created = await bed.create(KIND, "team", declared);
  const before = exchanges.length;
  const news = (await bed.provider(KIND).check!(created.inputs, { __logicalName: "team", ...declared, required: true })).inputs;
  const diff = await bed.provider(KIND).diff!(created.id, created.outs, news);
  expect(diff).toMatchObject({ changes: true, replaces: [] });
  const { outs } = await bed.provider(KIND).update!(created.id, created.outs, news);
  const calls = exchanges.slice(before).filter((e) => e.kind === "api");
  expect(calls.map((e) => e.operationId)).toEqual(["trackingfieldUpdate", "trackingfieldList"]);
  expect(JSON.parse(calls[0]!.requestBody)).toEqual({ required: true });
  expect(outs).toMatchObject({ required: true });
});

test("moving to another account replaces", async () => {
  const declared = { field: unique("Moves") };
  const created = await bed.create(KIND, "moves", declared);
  const state = await bed.control.state();
  const diff = await bed.provider(KIND).diff!(created.id, created.outs, { __logicalName: "moves", ...declared, accountId: state.subAccounts[0]!.id });
  expect(diff.replaces).toEqual(["accountId"]);
});

test("deleted out of band: refresh drops it; delete twice is fine", async () => {
  const created = await bed.create(KIND, "gone", { field: unique("Gone") });
  await bed.provider(KIND).delete!(created.id, created.outs);
  expect((await bed.provider(KIND).read!(created.id, created.outs)).id).toBe("");
  await expect(bed.provider(KIND).delete!(created.id, created.outs)).resolves.toBeUndefined();
});

test(".get() by id: outputs from Zoom, no inputs (nothing is declared), and a matching declaration plans nothing", async () => {
  const made = await bed.portal.request<{ id: string }>({
    operation: "trackingfieldCreate",
    body: { field: unique("Made by hand"), required: true, recommended_values: ["1"] },
  });
  const id = made.data!.id;
  const read = await bed.provider(KIND).read!(id, {});
  expect(read.id).toBe(id);
  expect(read.inputs).toEqual({});
  const outputs = read.props as Record<string, unknown>;
  expect(outputs).toMatchObject({ required: true, recommendedValues: ["1"] });
  const diff = await bed.provider(KIND).diff!(id, read.props!, { __logicalName: "x", field: outputs.field, required: true });
  expect(diff.changes).toBe(false);
});

test("a label already in use is a clear error naming the label", async () => {
  const field = unique("Taken");
  await bed.create(KIND, "first", { field });
  await expect(bed.create(KIND, "second", { field })).rejects.toThrow(
    `creating zoom:TrackingField "second": a tracking field labelled "${field}" already exists in this account`,
  );
});

test("an invalid declaration fails in check, and nothing reaches Zoom", async () => {
  const before = await bed.requestCount();
  const result = await bed.provider(KIND).check!({}, { __logicalName: "bad", field: 42, visible: "yes", colour: "red" });
  expect(result.failures).toEqual(
    expect.arrayContaining([
      { property: "field", reason: "expected string, got number" },
      { property: "visible", reason: "expected boolean, got string" },
      { property: "colour", reason: "unknown property" },
    ]),
  );
  expect(await bed.requestCount()).toBe(before);
  expect(sent("trackingfieldCreate").every((e) => !e.requestBody.includes("colour"))).toBe(true);
});
