import { ZoomApiError, ZoomRateLimitError, type HttpZoomClient } from "../../provider/client";
import { isolatedClient, rejectionOf, settingsFor, startClientTestEmulator, type TestEmulator } from "./helpers";

let t: TestEmulator;
let client: HttpZoomClient;
let lines: string[];

beforeAll(async () => {
  t = await startClientTestEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control.reset();
  ({ client, lines } = isolatedClient(settingsFor(t.emulator)));
});

interface Meeting {
  id: number;
  topic: string;
  start_url: string;
  password?: string;
}

const scheduled = { type: 2, start_time: "2030-01-01T10:00:00Z", duration: 30 };

test("Unicode topics round-trip exactly", async () => {
  const topic = "åíøü How do I get ö, Ä, é, or ß 🎉 — 会议";
  const created = await client.request<Meeting>({ operation: "meetingCreate", pathParams: { userId: "me" }, body: { ...scheduled, topic } });
  const got = await client.request<Meeting>({ operation: "meeting", pathParams: { meetingId: created.data?.id ?? 0 } });
  expect(got.data?.topic).toBe(topic);
});

test("Zoom's validation errors read well and never carry the passcode", async () => {
  const passcode = "far-too-long-passcode-123";
  const error = await rejectionOf(
    client.request({ operation: "meetingCreate", pathParams: { userId: "me" }, body: { ...scheduled, topic: "standup", password: passcode }, context: 'creating zoom:Meeting "standup"' }),
  );
  expect(error).toBeInstanceOf(ZoomApiError);
  expect(error.message).toMatch(/^creating zoom:Meeting "standup": Zoom 400 \(code 300\): .*password.*Invalid field/);
  expect((error as ZoomApiError).fieldErrors).toEqual([{ field: "password", message: "Invalid field." }]);
  expect([error.message, ...lines].join("\n")).not.toContain(passcode);
});

test("start URLs and passcodes of created meetings stay out of the logs", async () => {
  const created = await client.request<Meeting>({ operation: "meetingCreate", pathParams: { userId: "me" }, body: { ...scheduled, topic: "secret-ish", password: "abc123" } });
  const startUrl = created.data?.start_url ?? "";
  expect(startUrl).toContain("zak=");
  await client.request({ operation: "meeting", pathParams: { meetingId: created.data?.id ?? 0 } });
  const text = lines.join("\n");
  expect(text).not.toContain(startUrl);
  expect(text).not.toContain(new URL(startUrl).searchParams.get("zak") ?? "zak");
});

test("the 101st meeting create of a host in a day fails at once, naming the limit and its reset", async () => {
  const creates = Array.from({ length: 100 }, (_, i) =>
    client.request({ operation: "meetingCreate", pathParams: { userId: "me" }, body: { ...scheduled, topic: `m${i}` } }),
  );
  await Promise.all(creates);
  await t.control.resetStats();
  const error = await rejectionOf(
    client.request({ operation: "meetingCreate", pathParams: { userId: "me" }, body: { ...scheduled, topic: "one too many" }, context: 'creating zoom:Meeting "one too many"' }),
  );
  expect(error).toBeInstanceOf(ZoomRateLimitError);
  const limit = error as ZoomRateLimitError;
  expect(limit.limit).toBe("dailyMeetingWritesPerUser");
  expect(limit.category).toBe("LIGHT");
  expect(limit.resetsAt?.toISOString()).toMatch(/T00:00:00\.000Z$/);
  expect(error.message).toContain('creating zoom:Meeting "one too many": Zoom 429: the daily limit of meeting create/update requests for this host user is used up; it resets at');
  const stats = await t.control.stats();
  expect(stats.requests).toBe(1);
  expect(stats.rateLimited).toBe(1);
  // Other operations are unaffected: reading still works.
  await client.request({ operation: "meetings", pathParams: { userId: "me" } });
});
