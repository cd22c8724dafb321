/**
 * `diff` compares the declaration with the last known object on declared properties only, with Zoom's
 * notion of equality. No API call.
 */
import { dynamicProvider } from "../../provider";
import { UNKNOWN } from "../../provider/framework/unknown";

const meeting = dynamicProvider("Meeting", 1);

/** What Zoom reports for a scheduled meeting (after normalization), with server defaults the user never set. */
const live = {
  __logicalName: "standup",
  topic: "Standup åíøü",
  type: 2,
  startTime: "2026-03-01T09:30:00Z",
  timezone: "Europe/Berlin",
  duration: 30,
  password: "generated1",
  settings: { waitingRoom: true, hostVideo: false, alternativeHosts: "b@x.com;a@x.com", audio: "both" },
  trackingFields: [{ field: "dept", value: "eng" }, { field: "cost", value: "42" }],
  userId: "me",
  notifyOnDelete: false,
  endBeforeDelete: true,
  startUrl: "https://zoom.us/s/1?zak=secret",
  status: "waiting",
};

async function diff(news: Record<string, unknown>) {
  return meeting.diff!("1", live, { __logicalName: "standup", userId: "me", notifyOnDelete: false, endBeforeDelete: true, ...news });
}

test("equal meaning is no change: local time in zone, alternative hosts in any order, tracking fields in any order", async () => {
  const result = await diff({
    topic: "Standup åíøü",
    startTime: "2026-03-01T10:30:00",
    timezone: "Europe/Berlin",
    settings: { waitingRoom: true, alternativeHosts: "A@x.com, b@x.com" },
    trackingFields: [{ field: "cost", value: "42" }, { field: "dept", value: "eng" }],
  });
  expect(result).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, changedPaths: [] });
});

test("server-side defaults and generated values never cause a diff", async () => {
  expect((await diff({ topic: "Standup åíøü" })).changes).toBe(false);
});

test("a real change of time is a change, in place", async () => {
  const result = await diff({ startTime: "2026-03-01T10:31:00", timezone: "Europe/Berlin" });
  expect(result).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false, changedPaths: ["startTime"] });
});

test("create-only and scope properties replace", async () => {
  expect((await diff({ templateId: "tmpl1" })).replaces).toEqual(["templateId"]);
  expect((await diff({ userId: "someone@x.com" })).replaces).toEqual(["userId"]);
});

test("provider-only settings change without replacing", async () => {
  expect(await diff({ notifyOnDelete: true })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false, changedPaths: ["notifyOnDelete"] });
});

test("a preview unknown may change", async () => {
  expect((await diff({ topic: UNKNOWN })).changes).toBe(true);
});

test("Unicode compares byte for byte", async () => {
  expect((await diff({ topic: "Standup aiou" })).changes).toBe(true);
});
