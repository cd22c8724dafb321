/** Paging through a long meetings list: page_size up to 300 and next_page_token, as Zoom pages. */
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { RawZoom } from "../support/zoomHttp";

let t: TestEmulator;
let zoom: RawZoom;
let seededIds: number[];

interface Page {
  page_size: number;
  total_records: number;
  next_page_token: string;
  meetings: { id: number; topic: string }[];
}

beforeAll(async () => {
  t = await startTestEmulator({ plan: "unlimited" });
  zoom = new RawZoom(t.emulator);
  const items = Array.from({ length: 700 }, (_, i) => ({
    topic: `Seeded ${i}`,
    start_time: new Date(Date.UTC(2031, 0, 1) + i * 3600_000).toISOString().replace(".000Z", "Z"),
  }));
  const seeded = await t.control.seed({ meetings: items });
  seededIds = (seeded.meetings as { id: number }[]).map((m) => m.id);
});
afterAll(() => t.close());

async function allPages(pageSize?: number): Promise<Page[]> {
  const pages: Page[] = [];
  let token = "";
  do {
    const query = new URLSearchParams();
    if (pageSize !== undefined) query.set("page_size", String(pageSize));
    if (token) query.set("next_page_token", token);
    const answer = await zoom.call<Page>("GET", `/users/me/meetings?${query.toString()}`);
    expect(answer.status).toBe(200);
    pages.push(answer.json);
    token = answer.json.next_page_token;
  } while (token);
  return pages;
}

test("seeding answers the created meetings", () => {
  expect(seededIds).toHaveLength(700);
  expect(new Set(seededIds).size).toBe(700);
});

test("300 per page: three pages, every meeting exactly once, in start order", async () => {
  const pages = await allPages(300);
  expect(pages.map((p) => p.meetings.length)).toEqual([300, 300, 100]);
  expect(pages.every((p) => p.total_records === 700 && p.page_size === 300)).toBe(true);
  expect(pages.at(-1)?.next_page_token).toBe("");
  expect(pages.flatMap((p) => p.meetings.map((m) => m.id))).toEqual(seededIds);
});

test("the default page size is 30; a size above the spec's maximum of 300 is an invalid parameter", async () => {
  const first = await zoom.call<Page>("GET", "/users/me/meetings");
  expect(first.json.page_size).toBe(30);
  expect(first.json.meetings).toHaveLength(30);
  for (const size of [301, 1000]) {
    const refused = await zoom.call<Page>("GET", `/users/me/meetings?page_size=${size}`);
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ code: 300, message: "Invalid parameter: page_size." });
  }
  expect((await allPages(7)).length).toBe(100);
});

test("the deprecated page_number still pages (the spec lists it), and a next_page_token wins over it", async () => {
  const third = await zoom.call<Page & { page_number: number; page_count: number }>(
    "GET",
    "/users/me/meetings?page_size=300&page_number=3",
  );
  expect(third.status).toBe(200);
  expect(third.json).toMatchObject({ page_number: 3, page_count: 3, page_size: 300, total_records: 700, next_page_token: "" });
  expect(third.json.meetings.map((m) => m.id)).toEqual(seededIds.slice(600));
  const beyond = await zoom.call<Page>("GET", "/users/me/meetings?page_size=300&page_number=4");
  expect(beyond.json.meetings).toEqual([]);
  const first = await zoom.call<Page>("GET", "/users/me/meetings?page_size=10");
  const tokenWins = await zoom.call<Page>(
    "GET",
    `/users/me/meetings?page_size=10&page_number=5&next_page_token=${encodeURIComponent(first.json.next_page_token)}`,
  );
  expect(tokenWins.json.meetings.map((m) => m.id)).toEqual(seededIds.slice(10, 20));
  expect(tokenWins.json).not.toHaveProperty("page_number");
  const bad = await zoom.call("GET", "/users/me/meetings?page_number=0");
  expect(bad.json).toEqual({ code: 300, message: "Invalid parameter: page_number." });
});

test("a next_page_token that Zoom did not hand out is refused", async () => {
  const answer = await zoom.call("GET", "/users/me/meetings?next_page_token=garbage");
  expect(answer.status).toBe(400);
  expect(answer.json).toEqual({ code: 300, message: "The next page token is invalid or expired." });
  const bad = await zoom.call("GET", "/users/me/meetings?page_size=zero");
  expect(bad.json).toEqual({ code: 300, message: "Invalid parameter: page_size." });
});
