import { appliedRule, firstOccurrence } from "../../schema/meetingRecurrence";
import { instantOf, utcString } from "../../schema/time";

const at = (text: string) => instantOf(text, undefined)!;

test("weekly: the first listed weekday on or after the declared start, same time of day", () => {
  // 2030-01-06 is a Sunday; Monday (2) and Wednesday (4) recurrence starts on Monday the 7th.
  expect(utcString(firstOccurrence(at("2030-01-06T08:00:00Z"), "UTC", { type: 2, weeklyDays: "4,2" }))).toBe("2030-01-07T08:00:00Z");
  expect(utcString(firstOccurrence(at("2030-01-07T08:00:00Z"), "UTC", { type: 2, weeklyDays: "2" }))).toBe("2030-01-07T08:00:00Z");
});

test("weekly in a zone keeps the local time of day", () => {
  // 23:30 in Los Angeles on Sunday 6 January is 07:30Z Monday; the next local Tuesday 23:30 is 07:30Z Wednesday.
  expect(utcString(firstOccurrence(at("2030-01-07T07:30:00Z"), "America/Los_Angeles", { type: 2, weeklyDays: "3" }))).toBe("2030-01-09T07:30:00Z");
});

test("monthly by day and by nth weekday", () => {
  expect(utcString(firstOccurrence(at("2030-01-20T08:00:00Z"), "UTC", { type: 3, monthlyDay: 15 }))).toBe("2030-02-15T08:00:00Z");
  // The last Friday of January 2030 is the 25th.
  expect(utcString(firstOccurrence(at("2030-01-06T08:00:00Z"), "UTC", { type: 3, monthlyWeek: -1, monthlyWeekDay: 6 }))).toBe("2030-01-25T08:00:00Z");
});

test("daily and unknown rules start at the declared time", () => {
  const start = at("2030-01-06T08:00:00Z");
  expect(firstOccurrence(start, "UTC", { type: 1 })).toBe(start);
  expect(firstOccurrence(start, "UTC", undefined)).toBe(start);
});

test("an answer carrying both monthly rules is read as the one Zoom's start fits: the weekday one when both fit or neither", () => {
  const both = { type: 3, monthlyDay: 20, monthlyWeek: -1, monthlyWeekDay: 1 };
  // 2031-01-20 is a Monday, the last Sunday of January 2031 the 26th.
  expect(appliedRule(both, at("2031-01-20T10:00:00Z"), "UTC")).toEqual({ type: 3, monthlyDay: 20 });
  expect(appliedRule(both, at("2031-01-26T10:00:00Z"), "UTC")).toEqual({ type: 3, monthlyWeek: -1, monthlyWeekDay: 1 });
  expect(appliedRule(both, at("2031-01-21T10:00:00Z"), "UTC")).toEqual({ type: 3, monthlyWeek: -1, monthlyWeekDay: 1 });
  // January 26th 2031 is both the last Sunday and (declared so) the 26th: either reading gives the same start.
  expect(appliedRule({ ...both, monthlyDay: 26 }, at("2031-01-26T10:00:00Z"), "UTC")).toEqual({ type: 3, monthlyWeek: -1, monthlyWeekDay: 1 });
  // One rule only: as it is.
  expect(appliedRule({ type: 3, monthlyDay: 20 }, at("2031-01-26T10:00:00Z"), "UTC")).toEqual({ type: 3, monthlyDay: 20 });
  expect(appliedRule({ type: 2, weeklyDays: "2", monthlyDay: 1 }, at("2031-01-20T10:00:00Z"), "UTC")).toEqual({ type: 2, weeklyDays: "2", monthlyDay: 1 });
});
