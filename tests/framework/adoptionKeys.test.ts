/**
 * One Zoom object, one resource, whatever spelling of its id `adoptId` uses: `me/<id>` names the credentials' own
 * account, so it is the same object as `<id>`. Through the real provider, against the emulator.
 */
import { startResourceTestbed, type ResourceTestbed } from "../support/resources";

let bed: ResourceTestbed;
beforeAll(async () => {
  bed = await startResourceTestbed();
});
afterAll(async () => bed.close());

test("a tracking field adopted as <id> cannot be adopted again as me/<id> by another resource; nothing is written", async () => {
  const made = await bed.portal.request<{ id: string }>({ operation: "trackingfieldCreate", body: { field: "Spelled twice" } });
  const id = made.data!.id;
  const provider = bed.provider("TrackingField");
  const adopt = async (name: string, adoptId: string) => {
    const checked = await provider.check!({}, { adoptId, field: "Spelled twice", __logicalName: name });
    expect(checked.failures ?? []).toEqual([]);
    return provider.create!(checked.inputs);
  };
  const first = await adopt("first", id);
  expect(first.id).toBe(id);
  const before = await bed.requestCount();
  await expect(adopt("second", `me/${id}`)).rejects.toThrow(/already managed by zoom:TrackingField "first"/);
  // The refusal reads nothing and writes nothing.
  expect(await bed.requestCount()).toBe(before);
});
