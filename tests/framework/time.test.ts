import { instantOf, utcString } from "../../schema/time";

test("the same instant written three ways is one instant", () => {
  const utc = instantOf("2026-03-01T09:30:00Z", undefined);
  expect(instantOf("2026-03-01T10:30:00+01:00", undefined)).toBe(utc);
  expect(instantOf("2026-03-01T10:30:00", "Europe/Berlin")).toBe(utc);
  expect(instantOf("2026-03-01T04:30:00", "America/New_York")).toBe(utc);
  expect(utcString(utc!)).toBe("2026-03-01T09:30:00Z");
});

test("local times follow daylight saving time", () => {
  // Berlin is UTC+2 in July.
  expect(utcString(instantOf("2026-07-01T10:00:00", "Europe/Berlin")!)).toBe("2026-07-01T08:00:00Z");
  // Kathmandu has a 5:45 offset.
  expect(utcString(instantOf("2026-07-01T10:00:00", "Asia/Kathmandu")!)).toBe("2026-07-01T04:15:00Z");
});

test("a real change of time is a different instant", () => {
  expect(instantOf("2026-03-01T10:31:00", "Europe/Berlin")).not.toBe(instantOf("2026-03-01T09:30:00Z", undefined));
});

test("not a date-time", () => {
  expect(instantOf("tomorrow", "UTC")).toBeUndefined();
});
