/**
 * Moving a stack from the dynamic resources to the plugin, as docs/languages.md says, through the harness and the
 * emulator: objects made through the dynamic host are taken out of the state (`pulumi state delete`, which calls no
 * provider) and adopted by the plugin, with the `import` option (the engine's ImportStep: Read with the id alone,
 * then Check and Diff against the program) or with `adoptId` (a create that reads). Nothing is created twice,
 * the first plan after adoption is empty, secrets stay secret, and a destroy through the plugin deletes them.
 */
import type { EngineHost } from "../../harness/host";
import { isSecret, reveal, type PropertyMap } from "../../harness/values";
import { startTestEmulator, zoomConfig, type TestEmulator } from "../support/emulator";
import { dynamicDoor, pluginDoor, type FrontDoor } from "../../fixtures/frontDoors";

let zoom: TestEmulator;
let dynamic: FrontDoor;
let plugin: FrontDoor;
const hosts: EngineHost[] = [];

beforeAll(async () => {
  zoom = await startTestEmulator({ plan: "unlimited" });
  dynamic = dynamicDoor(zoomConfig(zoom.emulator));
  plugin = pluginDoor(zoomConfig(zoom.emulator));
});
afterAll(async () => {
  for (const host of hosts) await host.close();
  await zoom?.close();
});

const start = async (door: FrontDoor) => {
  const host = await door.start();
  hosts.push(host);
  return host;
};

/** `up` through the dynamic resources: the object and its Pulumi id. */
async function madeByDynamic(kind: string, name: string, declared: PropertyMap): Promise<string> {
  const host = await start(dynamic);
  const urn = dynamic.urn(kind, name);
  const checked = await host.check(urn, {}, await dynamic.inputs(kind, name, declared));
  expect(checked.failures).toEqual([]);
  return (await host.create(urn, checked.inputs)).id;
}

/** Meeting creates the emulator has answered so far. */
async function meetingCount(): Promise<number> {
  return (await zoom.control.stats()).byOperation.meetingCreate ?? 0;
}

test("the import option adopts a dynamic resource's object by its id: an empty first plan, secrets secret, destroy deletes it", async () => {
  const declared = { topic: "Migrated standup", type: 2, startTime: "2030-05-04T09:00:00Z", duration: 15, password: "M1grate" };
  const id = await madeByDynamic("Meeting", "standup", declared);
  const creates = await meetingCount();

  const host = await start(plugin);
  const urn = plugin.urn("Meeting", "standup");
  const program = await plugin.inputs("Meeting", "standup", declared);
  // ImportStep.Apply: Read with the id alone (no inputs, no state).
  const imported = await host.read(id, urn, {});
  expect(imported.id).toBe(id);
  expect(isSecret(imported.properties.password)).toBe(true);
  expect(reveal(imported.properties)).toMatchObject({ topic: declared.topic, password: declared.password });
  // The inputs are what `pulumi import` writes as the program: Zoom's values as a declaration, the passcode
  // secret; that program, checked and diffed, plans nothing.
  const written = imported.inputs ?? {};
  expect(isSecret(written.password)).toBe(true);
  expect(reveal(written)).toMatchObject({ topic: declared.topic, startTime: declared.startTime, duration: 15, password: declared.password });
  const asWritten = await host.check(urn, {}, written);
  expect(asWritten.failures).toEqual([]);
  expect(await host.diff(id, urn, imported.properties, asWritten.inputs, written)).toMatchObject({ changes: "none", replaces: [] });
  // Then Check (olds: the imported inputs) and Diff against the program: nothing to change.
  const checked = await host.check(urn, imported.inputs ?? {}, program);
  expect(checked.failures).toEqual([]);
  const plan = await host.diff(id, urn, imported.properties, checked.inputs, imported.inputs ?? {});
  expect(plan).toMatchObject({ changes: "none", replaces: [] });
  expect(await meetingCount()).toBe(creates);

  // A refresh agrees, and a destroy through the plugin deletes the meeting.
  const read = await host.read(id, urn, imported.properties, checked.inputs);
  expect((await host.diff(id, urn, read.properties, checked.inputs, read.inputs ?? checked.inputs)).changes).toBe("none");
  await host.delete(id, urn, read.properties, checked.inputs);
  expect((await host.read(id, urn, read.properties, checked.inputs)).id).toBe("");
});

test("adoptId adopts a dynamic resource's object on the plugin's first up, without creating one", async () => {
  const declared = { field: "Migrated cost centre", recommendedValues: ["A", "B"], visible: true };
  const id = await madeByDynamic("TrackingField", "cost", declared);
  const fieldsBefore = (await zoom.control.stats()).byOperation.trackingfieldCreate ?? 0;

  const host = await start(plugin);
  const urn = plugin.urn("TrackingField", "cost");
  const checked = await host.check(urn, {}, await plugin.inputs("TrackingField", "cost", { ...declared, adoptId: id }));
  expect(checked.failures).toEqual([]);
  const adopted = await host.create(urn, checked.inputs);
  expect(adopted.id).toBe(id);
  expect((await zoom.control.stats()).byOperation.trackingfieldCreate ?? 0).toBe(fieldsBefore);
  expect((await host.diff(id, urn, adopted.properties, checked.inputs, checked.inputs)).changes).toBe("none");
  await host.delete(id, urn, adopted.properties, checked.inputs);
  expect((await host.read(id, urn, adopted.properties, checked.inputs)).id).toBe("");
});
