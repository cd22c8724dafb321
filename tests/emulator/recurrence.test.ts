/**
 * The emulator's recurrence arithmetic on its own (no server): the occurrences Zoom lays out for each recurrence
 * type, how `end_times` and `end_date_time` end a series, and that occurrences follow the meeting's wall clock in
 * its time zone. The expected dates are worked out by hand from a calendar (2031-01-15 is a Wednesday).
 */
import { ZoomHttpError } from "../../emulator/types";
import { MAX_OCCURRENCES, checkRecurrence, layOutOccurrences, type RecurrenceRule } from "../../emulator/routes/meetings/recurrence";

const at = (iso: string) => Date.parse(iso);
const iso = (starts: number[]) => starts.map((ms) => new Date(ms).toISOString().replace(".000Z", "Z"));
const occurrences = (start: string, rule: RecurrenceRule, timezone = "UTC") => iso(layOutOccurrences(at(start), timezone, rule));

describe("occurrences by recurrence type", () => {
  test("daily: every repeat_interval days from the start", () => {
    expect(occurrences("2031-01-15T10:00:00Z", { type: 1, repeat_interval: 2, end_times: 3 })).toEqual([
      "2031-01-15T10:00:00Z",
      "2031-01-17T10:00:00Z",
      "2031-01-19T10:00:00Z",
    ]);
  });

  test("weekly: the listed weekdays (1 = Sunday) from the start on, every repeat_interval weeks", () => {
    // Mondays (2) and Thursdays (5); the Wednesday start itself is not one of them.
    expect(occurrences("2031-01-15T10:00:00Z", { type: 2, weekly_days: "2,5", end_times: 4 })).toEqual([
      "2031-01-16T10:00:00Z",
      "2031-01-20T10:00:00Z",
      "2031-01-23T10:00:00Z",
      "2031-01-27T10:00:00Z",
    ]);
    expect(occurrences("2031-01-15T10:00:00Z", { type: 2, weekly_days: "5,2", repeat_interval: 2, end_times: 4 })).toEqual([
      "2031-01-16T10:00:00Z",
      "2031-01-27T10:00:00Z",
      "2031-01-30T10:00:00Z",
      "2031-02-10T10:00:00Z",
    ]);
  });

  test("monthly by day: months without that day are skipped", () => {
    expect(occurrences("2031-01-31T10:00:00Z", { type: 3, monthly_day: 31, end_times: 4 })).toEqual([
      "2031-01-31T10:00:00Z",
      "2031-03-31T10:00:00Z",
      "2031-05-31T10:00:00Z",
      "2031-07-31T10:00:00Z",
    ]);
  });

  test("monthly by week: the nth (or last, -1) weekday of each month, none before the start", () => {
    // Last Friday (6) of each month.
    expect(occurrences("2031-01-15T10:00:00Z", { type: 3, monthly_week: -1, monthly_week_day: 6, end_times: 3 })).toEqual([
      "2031-01-31T10:00:00Z",
      "2031-02-28T10:00:00Z",
      "2031-03-28T10:00:00Z",
    ]);
    // First Monday (2): January's (the 6th) is before the start.
    expect(occurrences("2031-01-15T10:00:00Z", { type: 3, monthly_week: 1, monthly_week_day: 2, end_times: 2 })).toEqual([
      "2031-02-03T10:00:00Z",
      "2031-03-03T10:00:00Z",
    ]);
  });
});

describe("how a series ends", () => {
  const daily = (end: Partial<RecurrenceRule>) => occurrences("2031-01-15T10:00:00Z", { type: 1, ...end });

  test("end_date_time ends it at that instant, inclusive", () => {
    expect(daily({ end_date_time: "2031-01-18T10:00:00Z" })).toEqual([
      "2031-01-15T10:00:00Z",
      "2031-01-16T10:00:00Z",
      "2031-01-17T10:00:00Z",
      "2031-01-18T10:00:00Z",
    ]);
    expect(daily({ end_date_time: "2031-01-18T09:59:59Z" })).toHaveLength(3);
  });

  test("an end_date_time before the first start leaves no occurrence", () => {
    expect(daily({ end_date_time: "2031-01-14T10:00:00Z" })).toEqual([]);
  });

  test("end_times counts occurrences; without either end there is one, with end_times 0 Zoom's maximum", () => {
    expect(daily({ end_times: 5 })).toHaveLength(5);
    expect(daily({})).toEqual(["2031-01-15T10:00:00Z"]);
    expect(daily({ end_times: 0 })).toHaveLength(MAX_OCCURRENCES);
    expect(daily({ end_date_time: "2040-01-01T00:00:00Z" })).toHaveLength(MAX_OCCURRENCES);
  });
});

describe("time zones", () => {
  test("occurrences keep the meeting's wall-clock time across a DST change", () => {
    // 09:00 in New York: EST (UTC-5) until 2031-03-09, EDT (UTC-4) from then on.
    expect(occurrences("2031-03-07T14:00:00Z", { type: 1, end_times: 4 }, "America/New_York")).toEqual([
      "2031-03-07T14:00:00Z",
      "2031-03-08T14:00:00Z",
      "2031-03-09T13:00:00Z",
      "2031-03-10T13:00:00Z",
    ]);
  });

  test("weekdays are the meeting zone's, not UTC's", () => {
    // 23:30 UTC on a Wednesday is 08:30 on Thursday in Tokyo: a Thursday (5) series starts there.
    expect(occurrences("2031-01-15T23:30:00Z", { type: 2, weekly_days: "5", end_times: 2 }, "Asia/Tokyo")).toEqual([
      "2031-01-15T23:30:00Z",
      "2031-01-22T23:30:00Z",
    ]);
    expect(occurrences("2031-01-15T23:30:00Z", { type: 2, weekly_days: "5", end_times: 1 }, "UTC")).toEqual([
      "2031-01-16T23:30:00Z",
    ]);
  });
});

describe("Zoom's rules beyond the schema", () => {
  const invalidField = (rule: RecurrenceRule): string | undefined => {
    try {
      checkRecurrence(rule);
      return undefined;
    } catch (error) {
      if (!(error instanceof ZoomHttpError)) throw error;
      return JSON.stringify(error.toBody());
    }
  };

  test("a valid rule passes", () => {
    expect(invalidField({ type: 2, weekly_days: "1", repeat_interval: 50, end_times: 3 })).toBeUndefined();
  });

  test.each([
    [{ type: 1, end_times: 2, end_date_time: "2031-02-01T00:00:00Z" }, "recurrence.end_date_time"],
    [{ type: 1, repeat_interval: 100 }, "recurrence.repeat_interval"],
    [{ type: 2, repeat_interval: 51, weekly_days: "1" }, "recurrence.repeat_interval"],
    [{ type: 3, repeat_interval: 11, monthly_day: 1 }, "recurrence.repeat_interval"],
    [{ type: 2 }, "recurrence.weekly_days"],
    [{ type: 3, monthly_week: 2 }, "recurrence.monthly_week_day"],
  ] as [RecurrenceRule, string][])("%j is refused as an invalid %s", (rule, field) => {
    expect(invalidField(rule)).toContain(`"field":"${field}"`);
  });
});
