/**
 * `check`: validation with failures a person can act on, defaults filled, preview unknowns tolerated, and no
 * request to Zoom (there is no emulator in this file: a request would fail the test by throwing).
 */
import { dynamicProvider } from "../../provider";
import { UNKNOWN } from "../../provider/framework/unknown";

const meeting = dynamicProvider("Meeting", 1);
const trackingField = dynamicProvider("TrackingField", 1);

async function failuresOf(provider: typeof meeting, news: Record<string, unknown>) {
  const result = await provider.check!({}, { __logicalName: "t", ...news });
  return result.failures ?? [];
}

test("a valid meeting passes and gets the provider's documented defaults", async () => {
  const result = await meeting.check!({}, { __logicalName: "standup", topic: "Standup", type: 2, startTime: "2026-03-01T09:30:00Z" });
  expect(result.failures).toEqual([]);
  expect(result.inputs).toMatchObject({ topic: "Standup", userId: "me", notifyOnDelete: false, endBeforeDelete: true, __logicalName: "standup" });
});

test("wrong types name the property path and both types", async () => {
  expect(await failuresOf(meeting, { settings: { waitingRoom: "yes" } })).toEqual([
    { property: "settings.waitingRoom", reason: "expected boolean, got string" },
  ]);
});

test("passcodes follow Zoom's rule", async () => {
  expect(await failuresOf(meeting, { password: "has space!" })).toEqual([
    { property: "password", reason: "at most 10 characters from [a-zA-Z0-9@-_*]" },
  ]);
  expect(await failuresOf(meeting, { password: "abc@-_*123" })).toEqual([]);
});

test("unknown properties are named with a suggestion", async () => {
  expect(await failuresOf(meeting, { settings: { waitingRooom: true } })).toEqual([
    { property: "settings.waitingRooom", reason: 'unknown property; did you mean "waitingRoom"?' },
  ]);
});

test("enum values list what is allowed", async () => {
  const [failure] = await failuresOf(meeting, { type: 5 });
  expect(failure).toEqual({ property: "type", reason: "expected one of 1, 2, 3, 8, got 5" });
});

test("every failure is reported at once", async () => {
  const failures = await failuresOf(meeting, { topic: "x".repeat(201), duration: 0, settings: { audio: "radio" } });
  expect(failures.map((f) => f.property).sort()).toEqual(["duration", "settings.audio", "topic"]);
});

test("cross-field rules: a recurring meeting with a fixed time needs its recurrence", async () => {
  expect(await failuresOf(meeting, { type: 8, startTime: "2026-03-01T09:30:00Z" })).toEqual([
    { property: "recurrence", reason: "required for a recurring meeting with a fixed time (type 8)" },
  ]);
  expect(await failuresOf(meeting, { type: 8, recurrence: { type: 2 } })).toEqual([
    { property: "recurrence.weeklyDays", reason: "required for weekly recurrence (type 2)" },
  ]);
});

test("time zones and path-bound ids are validated", async () => {
  expect(await failuresOf(meeting, { timezone: "Mars/Olympus" })).toEqual([
    { property: "timezone", reason: "expected an IANA time zone such as Europe/Berlin" },
  ]);
  for (const hostile of ["../me", "a/b", "me?x=1", "me#x", "%2F", "me\r\nX-Evil: 1", ""]) {
    const [failure] = await failuresOf(meeting, { userId: hostile });
    expect(failure?.property).toBe("userId");
  }
});

test("preview unknowns are not judged", async () => {
  const result = await meeting.check!({}, { __logicalName: "m", topic: UNKNOWN, duration: UNKNOWN, settings: { waitingRoom: UNKNOWN } });
  expect(result.failures).toEqual([]);
  expect(await failuresOf(trackingField, { field: UNKNOWN })).toEqual([]);
});

test("a missing required property says so", async () => {
  expect(await failuresOf(trackingField, {})).toEqual([{ property: "field", reason: "required (string)" }]);
});

test("a declaration Zoom would silently change is refused: waiting room with join before host", async () => {
  expect(await failuresOf(meeting, { settings: { waitingRoom: true, joinBeforeHost: true } })).toEqual([
    { property: "settings.joinBeforeHost", reason: "Zoom turns join before host off when waitingRoom is true: set one of them to false" },
  ]);
});

test("a declaration Zoom would refuse is refused at check: prescheduling a meeting that is not type 2 or 3", async () => {
  const recurrence = { type: 1, repeatInterval: 1, endTimes: 3 };
  expect(await failuresOf(meeting, { type: 8, startTime: "2031-03-01T09:30:00Z", recurrence, preSchedule: true })).toEqual([
    { property: "preSchedule", reason: "only scheduled meetings (type 2) and recurring meetings with no fixed time (type 3) can be prescheduled, not type 8" },
  ]);
  expect(await failuresOf(meeting, { type: 3, preSchedule: true })).toEqual([]);
  expect(await failuresOf(meeting, { type: 8, startTime: "2031-03-01T09:30:00Z", recurrence, preSchedule: false })).toEqual([]);
});

test("size bounds say the bound and what was given: numbers, text and lists", async () => {
  const failures = await failuresOf(meeting, {
    duration: 5000,
    settings: { audioConferenceInfo: "x".repeat(2049) },
    type: 8,
    startTime: "2031-03-01T09:30:00Z",
    recurrence: { type: 1, endTimes: 0 },
  });
  expect(failures).toEqual(
    expect.arrayContaining([
      { property: "duration", reason: "at most 1440, got 5000" },
      { property: "recurrence.endTimes", reason: "at least 1, got 0" },
      { property: "settings.audioConferenceInfo", reason: "at most 2048 characters, got 2049" },
    ]),
  );
});
