/**
 * zoom:H323Device against the emulator over real HTTP: clean plans (hand-written and generated), drift of
 * every property, full-body updates, replace, list lookups across pages, shared list sweeps, name clashes,
 * gone objects, import, and a create whose answer was lost.
 */
import fc from "fast-check";
import type { Created, Props, ResourceTestbed } from "../support/resources";
import { useRecordingTestbed } from "./suite";
import { expectAccountMoveReplaces, expectCleanRoundTrip, forgetLists } from "./listSupport";

const KIND = "H323Device";
let bed: ResourceTestbed;
let subOne: string;
let subTwo: string;

const { exchanges, unique } = useRecordingTestbed(async (started) => {
  bed = started;
  const state = await bed.control.state();
  [subOne, subTwo] = state.subAccounts.map((account) => account.id) as [string, string];
});

const provider = () => bed.provider(KIND);
/** As the next Pulumi command would: a new process has no cached device lists. */
const newProcess = () => forgetLists("deviceList", [undefined, subOne, subTwo]);
const apiCallsSince = (index: number) => exchanges.slice(index).filter((e) => e.kind === "api");

interface Device {
  id: string;
  name: string;
  ip: string;
  protocol: string;
  encryption: string;
}

async function liveDevices(accountId?: string): Promise<Device[]> {
  const devices: Device[] = [];
  for await (const device of bed.portal.paginate<Device>({ operation: "deviceList", accountId, itemsKey: "devices" })) devices.push(device);
  return devices;
}

/** The whole device, as Zoom's PATCH needs it, with `changes` applied: a hand edit in Zoom's portal. */
async function editByHand(created: Created, changes: Partial<Omit<Device, "id">>, accountId?: string): Promise<void> {
  const deviceId = String(created.outs.deviceId);
  const current = (await liveDevices(accountId)).find((d) => d.id === deviceId)!;
  const { id: _id, ...body } = current;
  await bed.portal.request({ operation: "deviceUpdate", pathParams: { deviceId }, accountId, body: { ...body, ...changes } });
}

describe("clean plans", () => {
  const corpus: [string, Props][] = [
    ["IPv4, H.323", { name: "Board room", ip: "192.0.2.10", protocol: "H.323", encryption: "auto" }],
    ["IPv6, SIP", { name: "Lab", ip: "2001:db8::10", protocol: "SIP", encryption: "yes" }],
    ["IPv6 in capitals", { name: "Lab 2", ip: "2001:DB8:0:0:0:0:0:1F", protocol: "SIP", encryption: "no" }],
    ["IPv4-mapped IPv6", { name: "Mapped", ip: "::ffff:192.0.2.1", protocol: "H.323", encryption: "auto" }],
    ["Unicode name", { name: "Salle de réunion åíøü ß", ip: "198.51.100.7", protocol: "H.323", encryption: "yes" }],
    ["64-character name", { name: "n".repeat(64), ip: "203.0.113.64", protocol: "SIP", encryption: "auto" }],
  ];

  test.each(corpus)("%s: create, refresh, and a second plan shows no change", async (_label, declared) => {
    const withName = { ...declared, name: unique(String(declared.name)).slice(-64) };
    const created = await bed.create(KIND, "device", withName);
    expect(created.outs).toMatchObject({ ...withName, deviceId: created.id });
    newProcess();
    await bed.expectCleanPlan(KIND, created, withName);
  });

  test("in a sub-account: the id carries the account, and the device lives there", async () => {
    const declared = { name: unique("Sub room"), ip: "192.0.2.44", protocol: "SIP", encryption: "auto", accountId: subOne };
    const created = await bed.create(KIND, "sub", declared);
    expect(created.id).toBe(`${subOne}/${String(created.outs.deviceId)}`);
    expect((await liveDevices(subOne)).map((d) => d.name)).toContain(declared.name);
    expect((await liveDevices()).map((d) => d.name)).not.toContain(declared.name);
    newProcess();
    await bed.expectCleanPlan(KIND, created, declared);
  });

  let generated = 0;
  test("property-based: any valid declaration plans no change after create", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 50 }),
          ip: fc.oneof(fc.ipV4(), fc.ipV6()),
          protocol: fc.constantFrom("H.323", "SIP"),
          encryption: fc.constantFrom("auto", "yes", "no"),
          accountId: fc.constantFrom(undefined, subOne),
        }),
        async ({ accountId, ...device }) => {
          const declared: Props = { ...device, name: `${device.name} #${++generated}` };
          if (accountId !== undefined) declared.accountId = accountId;
          await expectCleanRoundTrip(bed, KIND, declared, newProcess);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("check", () => {
  const failuresOf = async (declared: Props) => (await provider().check!({}, { __logicalName: "c", ...declared })).failures ?? [];
  const device = { name: "Room", protocol: "H.323", encryption: "auto" };

  test("addresses: IPv4, IPv6 and host names pass; anything else is named clearly", async () => {
    for (const ip of ["192.0.2.1", "2001:db8::1", "room.example.com", "room-101", "sip.example.com."]) {
      expect(await failuresOf({ ...device, ip })).toEqual([]);
    }
    const reason = "expected an IPv4 address (192.0.2.10), an IPv6 address (2001:db8::10) or a host name (room.example.com)";
    for (const ip of ["192.0.2.300", "not a host", "-bad.example.com", "", "sip:room@example.com", `${"a".repeat(64)}.com`]) {
      expect(await failuresOf({ ...device, ip })).toEqual([{ property: "ip", reason }]);
    }
  });

  test("names, protocols and encryption follow Zoom's rules, and nothing reaches Zoom", async () => {
    const before = await bed.requestCount();
    expect(await failuresOf({ name: "x".repeat(65), ip: "192.0.2.1", protocol: "H.264", encryption: "maybe" })).toEqual(
      expect.arrayContaining([
        { property: "name", reason: "at most 64 characters" },
        { property: "protocol", reason: 'expected one of "H.323", "SIP", got "H.264"' },
        { property: "encryption", reason: 'expected one of "auto", "yes", "no", got "maybe"' },
      ]),
    );
    expect(await failuresOf({ ip: "192.0.2.1" })).toEqual(
      expect.arrayContaining([{ property: "name", reason: "required (string)" }]),
    );
    expect(await bed.requestCount()).toBe(before);
  });
});

describe("drift", () => {
  test.each([
    ["name", { name: "Renamed by hand" }],
    ["ip", { ip: "198.51.100.99" }],
    ["protocol", { protocol: "SIP" }],
    ["encryption", { encryption: "no" }],
  ] as const)("an out-of-band change of %s shows up as drift, and the read carries the live value", async (property, change) => {
    const declared = { name: unique("Drift"), ip: "192.0.2.20", protocol: "H.323", encryption: "yes" };
    const created = await bed.create(KIND, "drift", declared);
    const live = property === "name" ? { name: unique("Renamed by hand") } : change;
    await editByHand(created, live);
    newProcess();
    const { changes, replaces, read } = await bed.refreshAndDiff(KIND, created, declared);
    expect(changes).toBe(true);
    expect(replaces).toEqual([]);
    expect((read.inputs as Props)[property]).toEqual(live[property as keyof typeof live]);
    expect((read.props as Props)[property]).toEqual(live[property as keyof typeof live]);
  });

  test("a host name written in other capitals is the same address", async () => {
    const declared = { name: unique("Case"), ip: "2001:db8::abcd", protocol: "SIP", encryption: "auto" };
    const created = await bed.create(KIND, "case", declared);
    await editByHand(created, { ip: "2001:DB8::ABCD" });
    newProcess();
    expect((await bed.refreshAndDiff(KIND, created, declared)).changes).toBe(false);
  });
});

describe("update and replace", () => {
  test("an update sends the whole device (Zoom's PATCH needs it), then reads it back from the list", async () => {
    const declared = { name: unique("Whole"), ip: "192.0.2.30", protocol: "H.323", encryption: "auto" };
    const created = await bed.create(KIND, "whole", declared);
    const news = (await provider().check!(created.inputs, { __logicalName: "whole", ...declared, encryption: "yes" })).inputs;
    const diff = await provider().diff!(created.id, created.outs, news);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const before = exchanges.length;
    const { outs } = await provider().update!(created.id, created.outs, news);
    const calls = apiCallsSince(before);
    expect(calls.map((e) => e.operationId)).toEqual(["deviceUpdate", "deviceList"]);
    expect(JSON.parse(calls[0]!.requestBody)).toEqual({ ...declared, encryption: "yes" });
    expect(outs).toMatchObject({ ...declared, encryption: "yes", deviceId: created.outs.deviceId });
  });

  test("moving to another account replaces the device", async () => {
    await expectAccountMoveReplaces(bed, KIND, { name: unique("Mover"), ip: "192.0.2.31", protocol: "SIP", encryption: "auto" }, subTwo);
  });
});

describe("lists", () => {
  test("a device beyond the first page of a large account is found, reading every page once", async () => {
    const seeded = Array.from({ length: 320 }, (_, i) => ({
      name: `Seeded room ${String(i).padStart(3, "0")}`,
      protocol: i % 2 === 0 ? "H.323" : "SIP",
      ip: `10.1.${Math.floor(i / 256)}.${i % 256}`,
      encryption: "auto",
    }));
    await bed.control.seed({ accountId: subTwo, h323Devices: seeded });
    const declared = { name: unique("Last of many"), ip: "192.0.2.50", protocol: "H.323", encryption: "no", accountId: subTwo };
    const created = await bed.create(KIND, "last", declared);
    newProcess();
    // 321 devices, at most 300 per page: two pages, one sweep.
    await bed.expectFoundInList(KIND, created, declared, "deviceList", 2);
  });

  test("concurrent reads share one sweep per account", async () => {
    const make = (i: number, accountId?: string) =>
      bed.create(KIND, `many${i}`, { name: unique("Concurrent"), ip: `192.0.2.${100 + i}`, protocol: "SIP", encryption: "auto", ...(accountId ? { accountId } : {}) });
    const created = await Promise.all([0, 1, 2, 3].map((i) => make(i)).concat([4, 5, 6, 7].map((i) => make(i, subOne))));
    newProcess();
    // Each account has far fewer than 300 devices: one page per account.
    await bed.expectSharedSweeps(KIND, created, "deviceList", 2);
  });
});

describe("errors", () => {
  test("a name already in use is a clear error naming the name, on create and on rename", async () => {
    const name = unique("Taken");
    await bed.create(KIND, "first", { name, ip: "192.0.2.60", protocol: "H.323", encryption: "auto" });
    await expect(bed.create(KIND, "second", { name, ip: "192.0.2.61", protocol: "H.323", encryption: "auto" })).rejects.toThrow(
      `creating zoom:H323Device "second": an H.323/SIP device named "${name}" already exists in this account`,
    );
    const other = await bed.create(KIND, "other", { name: unique("Free"), ip: "192.0.2.62", protocol: "H.323", encryption: "auto" });
    const news = (await provider().check!(other.inputs, { __logicalName: "other", ...other.inputs, name })).inputs;
    await expect(provider().update!(other.id, other.outs, news)).rejects.toThrow(
      `updating zoom:H323Device "other": cannot rename the device to "${name}": another H.323/SIP device in this account already has that name`,
    );
  });

  test("a room system given by host name is created and plans no change", async () => {
    const declared = { name: unique("Named host"), ip: "room.example.com", protocol: "SIP", encryption: "auto" };
    const created = await bed.create(KIND, "hostname", declared);
    expect((await bed.refreshAndDiff(KIND, created, declared)).changes).toBe(false);
  });

  test("an unknown sub-account is named", async () => {
    await expect(bed.create(KIND, "nowhere", { name: unique("Nowhere"), ip: "192.0.2.63", protocol: "SIP", encryption: "auto", accountId: "noSuchAccount" })).rejects.toThrow(
      'the account "noSuchAccount" does not exist, or is not a sub-account of this master account (accountId)',
    );
  });
});

describe("lifecycle", () => {
  test("deleted out of band: refresh drops it; delete twice is fine", async () => {
    const created = await bed.create(KIND, "gone", { name: unique("Gone"), ip: "192.0.2.70", protocol: "H.323", encryption: "auto" });
    await bed.portal.request({ operation: "deviceDelete", pathParams: { deviceId: String(created.outs.deviceId) } });
    newProcess();
    await bed.expectGone(KIND, created);
  });

  test.each([
    ["the credentials' account", undefined],
    ["a sub-account", "sub"],
  ])(".get() by id in %s: every output from Zoom, no inputs (nothing declared), and a matching declaration plans nothing", async (_label, scope) => {
    const accountId = scope === undefined ? undefined : subOne;
    const body = { name: unique("Made by hand"), ip: "198.51.100.20", protocol: "SIP", encryption: "no" };
    const made = await bed.portal.request<Device>({ operation: "deviceCreate", accountId, body });
    const id = accountId ? `${accountId}/${made.data!.id}` : made.data!.id;
    const read = await provider().read!(id, {});
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ ...body, deviceId: made.data!.id });
    expect(read.inputs).toEqual({});
    const declared = accountId ? { ...body, accountId } : body;
    const diff = await provider().diff!(id, read.props!, { __logicalName: "imported", ...declared });
    expect(diff.changes).toBe(false);
  });

  test("a create whose answer was lost is found by name, not made twice", async () => {
    const declared = { name: unique("Lost answer"), ip: "192.0.2.80", protocol: "H.323", encryption: "auto" };
    await bed.withLostAnswer("deviceCreate", async () => {
      const created = await bed.create(KIND, "lost", declared);
      expect(created.outs).toMatchObject(declared);
      expect((await liveDevices()).filter((d) => d.name === declared.name).map((d) => d.id)).toEqual([created.id]);
    });
  });
});
