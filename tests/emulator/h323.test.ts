/** H.323/SIP devices: list (paginated), create, full-body update, delete; in both path forms and per account. */
import { useFreshEmulator } from "../support/emulator";

const t = useFreshEmulator();

interface Device {
  id: string;
  name: string;
  protocol: string;
  ip: string;
  encryption: string;
}

interface DevicePage {
  page_size: number;
  total_records: number;
  next_page_token: string;
  devices: Device[];
}

const DEVICE = { name: "Board room", protocol: "H.323", ip: "192.0.2.15", encryption: "auto" };

function prefixFor(form: "plain" | "master" | "sub"): string {
  if (form === "plain") return "";
  return form === "master" ? "/accounts/me" : `/accounts/${t.state.subAccounts[0].id}`;
}

const list = (prefix = "", query = "") => t.zoom.read<DevicePage>(`${prefix}/h323/devices${query}`);

async function create(body: Record<string, unknown>, prefix = ""): Promise<Device> {
  const answer = await t.zoom.call<Device>("POST", `${prefix}/h323/devices`, { body });
  expect(answer.status).toBe(201);
  return answer.json;
}

test.each(["plain", "master", "sub"] as const)("create, list, update, delete (%s path form)", async (form) => {
  const prefix = prefixFor(form);
  const created = await create(DEVICE, prefix);
  expect(created).toEqual({ id: expect.any(String), ...DEVICE });

  expect(await list(prefix)).toEqual({ page_size: 30, total_records: 1, next_page_token: "", devices: [created] });

  const changed = { name: "Board room 2", protocol: "SIP", ip: "2001:db8::15", encryption: "yes" };
  const patched = await t.zoom.call("PATCH", `${prefix}/h323/devices/${created.id}`, { body: changed });
  expect(patched.status).toBe(204);
  expect(patched.text).toBe("");
  expect((await list(prefix)).devices).toEqual([{ id: created.id, ...changed }]);

  // Zoom's spec answers a delete with 200 and no body, not the usual 204.
  const deleted = await t.zoom.call("DELETE", `${prefix}/h323/devices/${created.id}`);
  expect(deleted.status).toBe(200);
  expect(deleted.text).toBe("");
  expect((await list(prefix)).devices).toEqual([]);
});

test("an update needs the full device: a missing field is 400 code 300 naming it", async () => {
  const { id } = await create(DEVICE);
  const answer = await t.zoom.call("PATCH", `/h323/devices/${id}`, { body: { name: "Renamed", protocol: "SIP", encryption: "no" } });
  expect(answer.status).toBe(400);
  expect(answer.json).toEqual({ code: 300, message: "Validation Failed.", errors: [{ field: "ip", message: "Invalid field." }] });
  expect((await list()).devices).toEqual([{ id, ...DEVICE }]);
});

test("invalid values are 400 code 300 naming every field: enums, a name over 64, an ip that is neither address nor host name", async () => {
  const answer = await t.zoom.call("POST", "/h323/devices", {
    body: { name: "x".repeat(65), protocol: "H.264", ip: "sip:room example.com", encryption: "maybe" },
  });
  expect(answer.status).toBe(400);
  expect(answer.json).toEqual({
    code: 300,
    message: "Validation Failed.",
    errors: expect.arrayContaining(["name", "protocol", "ip", "encryption"].map((field) => ({ field, message: "Invalid field." }))),
  });
  const noBody = await t.zoom.call("POST", "/h323/devices");
  expect(noBody.status).toBe(400);
  expect(noBody.json).toEqual({ code: 300, message: "Request Body should be a valid JSON object." });
  // A name of exactly 64 characters is fine, and so is a room system known by its host name.
  await create({ ...DEVICE, name: "y".repeat(64) });
  await create({ ...DEVICE, name: "By name", ip: "room-12.example.com" });
});

test("names are unique per account: 404 code 2020 on create and on rename, as the spec documents", async () => {
  await create(DEVICE);
  const other = await create({ ...DEVICE, name: "Lobby" });
  const clash = { code: 2020, message: "H.323 device's display name Board room is already in use." };

  const dup = await t.zoom.call("POST", "/h323/devices", { body: { ...DEVICE, ip: "192.0.2.99" } });
  expect(dup.status).toBe(404);
  expect(dup.json).toEqual(clash);

  const rename = await t.zoom.call("PATCH", `/h323/devices/${other.id}`, { body: DEVICE });
  expect(rename.status).toBe(404);
  expect(rename.json).toEqual(clash);

  // Keeping its own name is no clash, and a freed name can be taken again.
  expect((await t.zoom.call("PATCH", `/h323/devices/${other.id}`, { body: { ...DEVICE, name: "Lobby", ip: "192.0.2.7" } })).status).toBe(204);
  const first = (await list()).devices.find((d) => d.name === "Board room");
  expect((await t.zoom.call("PATCH", `/h323/devices/${first?.id}`, { body: { ...DEVICE, name: "Hall" } })).status).toBe(204);
  await create(DEVICE);
  expect((await list()).total_records).toBe(3);
});

test("an unknown device id is 404 on update and delete; there is no GET by id", async () => {
  const notFound = { code: 404, message: "H.323 device does not exist: nope." };
  const patched = await t.zoom.call("PATCH", "/h323/devices/nope", { body: DEVICE });
  expect(patched.status).toBe(404);
  expect(patched.json).toEqual(notFound);
  const deleted = await t.zoom.call("DELETE", "/h323/devices/nope");
  expect(deleted.status).toBe(404);
  expect(deleted.json).toEqual(notFound);

  const { id } = await create(DEVICE);
  const get = await t.zoom.call("GET", `/h323/devices/${id}`);
  expect(get.status).toBe(404);
  expect(get.json).toEqual({ code: 404, message: "Not Found" });
  // Deleting twice: the second one finds nothing.
  expect((await t.zoom.call("DELETE", `/h323/devices/${id}`)).status).toBe(200);
  expect((await t.zoom.call("DELETE", `/h323/devices/${id}`)).status).toBe(404);
});

test("accounts are isolated: names, lists and ids", async () => {
  const sub = prefixFor("sub");
  const mine = await create(DEVICE);
  expect((await list(sub)).devices).toEqual([]);
  // The same name is free in another account.
  const theirs = await create(DEVICE, sub);
  expect((await list(sub)).devices).toEqual([theirs]);
  expect((await list("/accounts/me")).devices).toEqual([mine]);
  // Another account's device id is unknown here.
  expect((await t.zoom.call("DELETE", `${sub}/h323/devices/${mine.id}`)).status).toBe(404);
  expect((await t.zoom.call("PATCH", `/h323/devices/${theirs.id}`, { body: DEVICE })).status).toBe(404);
});

describe("700 seeded devices", () => {
  let seeded: Device[];

  beforeEach(async () => {
    const items = Array.from({ length: 700 }, (_, i) => ({
      name: `Room ${String(i).padStart(3, "0")}`,
      protocol: i % 2 === 0 ? "H.323" : "SIP",
      ip: `10.0.${Math.floor(i / 256)}.${i % 256}`,
      encryption: "no",
    }));
    seeded = (await t.control.seed({ h323Devices: items })).h323Devices as Device[];
  });

  test("the seeder answers the devices with their ids", () => {
    expect(seeded).toHaveLength(700);
    expect(new Set(seeded.map((d) => d.id)).size).toBe(700);
    expect(seeded[1]).toEqual({ id: expect.any(String), name: "Room 001", protocol: "SIP", ip: "10.0.0.1", encryption: "no" });
  });

  test("300 per page: three pages, every device once, in creation order", async () => {
    const pages: DevicePage[] = [];
    let token = "";
    do {
      pages.push(await list("", `?page_size=300${token ? `&next_page_token=${encodeURIComponent(token)}` : ""}`));
      token = pages[pages.length - 1].next_page_token;
    } while (token);
    expect(pages.map((p) => p.devices.length)).toEqual([300, 300, 100]);
    expect(pages.every((p) => p.total_records === 700 && p.page_size === 300)).toBe(true);
    expect(pages.flatMap((p) => p.devices)).toEqual(seeded);
  });

  test("the default page is 30; a size above 300 is an invalid parameter; the master form pages alike", async () => {
    const first = await list();
    expect(first.devices).toEqual(seeded.slice(0, 30));
    expect(first.next_page_token).not.toBe("");
    const second = await list("/accounts/me", `?next_page_token=${encodeURIComponent(first.next_page_token)}`);
    expect(second.devices).toEqual(seeded.slice(30, 60));
    const refused = await t.zoom.call("GET", "/h323/devices?page_size=1000");
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ code: 300, message: "Invalid parameter: page_size." });
  });

  test("the deprecated page_number still pages, in both path forms", async () => {
    for (const prefix of ["", "/accounts/me"]) {
      const second = await list(prefix, "?page_size=300&page_number=2");
      expect(second.devices).toEqual(seeded.slice(300, 600));
      expect(second).toMatchObject({ page_number: 2, page_count: 3, total_records: 700 });
      expect(second.next_page_token).not.toBe("");
    }
  });

  test("seeded names clash with new ones as created ones do", async () => {
    const dup = await t.zoom.call("POST", "/h323/devices", { body: { ...DEVICE, name: "Room 042" } });
    expect(dup.status).toBe(404);
    expect(dup.json).toMatchObject({ code: 2020 });
    await expect(t.control.seed({ h323Devices: [{ ...DEVICE, name: "Room 001" }] })).rejects.toThrow(/2020/);
  });
});

test("the seeder fills the account it names and validates like the API", async () => {
  const sub = t.state.subAccounts[1];
  await t.control.seed({ accountId: sub.id, h323Devices: [DEVICE] });
  expect((await list(`/accounts/${sub.id}`)).devices).toEqual([{ id: expect.any(String), ...DEVICE }]);
  expect((await list()).devices).toEqual([]);
  await expect(t.control.seed({ h323Devices: [{ ...DEVICE, ip: "not an ip" }] })).rejects.toThrow(/Validation Failed/);
});
