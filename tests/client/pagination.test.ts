import { ZoomResponseError, type HttpZoomClient } from "../../provider/client";
import { FAST_RETRIES, isolatedClient, rejectionOf, settingsFor, startClientTestEmulator, type TestEmulator } from "./helpers";

let t: TestEmulator;
let client: HttpZoomClient;

beforeAll(async () => {
  t = await startClientTestEmulator();
  client = isolatedClient(settingsFor(t.emulator), FAST_RETRIES).client;
});
afterAll(() => t.close());
beforeEach(() => t.control.reset());

function devices(count: number, accountId?: string) {
  const items = Array.from({ length: count }, (_, i) => ({ name: `room-${String(i).padStart(4, "0")}`, protocol: "H.323", ip: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`, encryption: "auto" }));
  return accountId ? { accountId, h323Devices: items } : { h323Devices: items };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

test("1000 devices over pages of 300, in order, each exactly once", async () => {
  await t.control.seed(devices(1000));
  const all = await collect(client.paginate<{ id: string; name: string }>({ operation: "deviceList", itemsKey: "devices" }));
  expect(all).toHaveLength(1000);
  expect(new Set(all.map((d) => d.id)).size).toBe(1000);
  expect(all[0]?.name).toBe("room-0000");
  expect(all[999]?.name).toBe("room-0999");
  const log = await t.control.requests();
  expect(log.map((r) => new URLSearchParams(r.query).get("page_size"))).toEqual(["300", "300", "300", "300"]);
  expect(log.map((r) => new URLSearchParams(r.query).has("next_page_token"))).toEqual([false, true, true, true]);
});

test("a caller asking for more than 300 per page still sends 300, Zoom's maximum (a larger size is a 400)", async () => {
  await t.control.seed(devices(301));
  const all = await collect(client.paginate({ operation: "deviceList", itemsKey: "devices", query: { page_size: 1000 } }));
  expect(all).toHaveLength(301);
  const log = await t.control.requests();
  expect(log.map((r) => new URLSearchParams(r.query).get("page_size"))).toEqual(["300", "300"]);
});

test("account-scoped pagination keeps the account on every page", async () => {
  await t.control.seed(devices(301, t.emulator.accountId));
  const all = await collect(client.paginate({ operation: "deviceList", itemsKey: "devices", accountId: t.emulator.accountId }));
  expect(all).toHaveLength(301);
  const log = await t.control.requests();
  expect(log.map((r) => r.rawPath)).toEqual([`/v2/accounts/${t.emulator.accountId}/h323/devices`, `/v2/accounts/${t.emulator.accountId}/h323/devices`]);
});

test("an empty list and a caller's smaller page size", async () => {
  expect(await collect(client.paginate({ operation: "deviceList", itemsKey: "devices" }))).toEqual([]);
  await t.control.seed(devices(5));
  const all = await collect(client.paginate({ operation: "deviceList", itemsKey: "devices", query: { page_size: 2 } }));
  expect(all).toHaveLength(5);
  expect((await t.control.requests()).length).toBe(4);
});

test("stopping early sends no further page requests", async () => {
  await t.control.seed(devices(700));
  for await (const device of client.paginate<{ name: string }>({ operation: "deviceList", itemsKey: "devices" })) {
    if (device.name === "room-0010") break;
  }
  expect((await t.control.requests()).length).toBe(1);
});

test("a page repeating its next_page_token is an error, not an endless loop", async () => {
  const page = JSON.stringify({ page_size: 1, total_records: 9, next_page_token: "same", devices: [{ id: "a" }] });
  await t.control.setFaults({ rules: [{ match: { operationId: "deviceList" }, fault: { kind: "respond", status: 200, body: page, contentType: "application/json" } }] });
  const error = await rejectionOf(collect(client.paginate({ operation: "deviceList", itemsKey: "devices" })));
  expect(error).toBeInstanceOf(ZoomResponseError);
  expect(error.message).toContain("next_page_token it had already sent");
  expect((await t.control.requests()).length).toBe(2);
});

test("meetings paginate too (list of a user's scheduled meetings)", async () => {
  await t.control.seed({ meetings: Array.from({ length: 350 }, (_, i) => ({ topic: `m${i}`, type: 2, start_time: "2030-01-01T10:00:00Z", duration: 30 })) });
  const all = await collect(client.paginate({ operation: "meetings", pathParams: { userId: "me" }, itemsKey: "meetings", query: { type: "scheduled" } }));
  expect(all).toHaveLength(350);
});

test.each([
  ["next_page_token", { next_page_token: 5 }],
  ["page_size", { page_size: "300", total_records: 0 }],
  ["total_records", { total_records: [] }],
])("a page whose %s has the wrong type is an error, never an empty list (callers would think objects gone)", async (field, fields) => {
  const page = JSON.stringify(fields);
  await t.control.setFaults({ rules: [{ match: { operationId: "deviceList" }, fault: { kind: "respond", status: 200, body: page, contentType: "application/json" } }] });
  const error = await rejectionOf(collect(client.paginate({ operation: "deviceList", itemsKey: "devices" })));
  expect(error).toBeInstanceOf(ZoomResponseError);
  expect(error.message).toContain(`a page whose "${field}" is not a`);
});
