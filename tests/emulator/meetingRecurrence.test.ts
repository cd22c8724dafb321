/** Recurring meetings (type 8) through the API: occurrences laid out, read and changed one by one. */
import { useFreshEmulator } from "../support/emulator";
import { FUTURE, meetingCalls, type Meeting } from "./meetingCalls";

const t = useFreshEmulator();
const { create, get } = meetingCalls(t);

/** Creates a recurring meeting (type 8) starting at `start_time` in `timezone`. */
const recurring = (start_time: string, timezone: string, recurrence: Record<string, unknown>) =>
  create({ type: 8, start_time, timezone, recurrence });
const startsOf = (meeting: Meeting) => meeting.occurrences?.map((o) => o.start_time);

describe("recurring meetings (type 8)", () => {
  test("daily, with end_times", async () => {
    const meeting = await recurring("2031-03-01T09:00:00", "UTC", { type: 1, repeat_interval: 2, end_times: 3 });
    expect(startsOf(meeting)).toEqual(["2031-03-01T09:00:00Z", "2031-03-03T09:00:00Z", "2031-03-05T09:00:00Z"]);
    expect(meeting.occurrences?.[0]).toEqual({
      occurrence_id: String(Date.parse("2031-03-01T09:00:00Z")),
      start_time: "2031-03-01T09:00:00Z",
      duration: 60,
      status: "available",
    });
    expect(meeting.start_time).toBe("2031-03-01T09:00:00Z");
    expect(meeting.recurrence).toEqual({ type: 1, repeat_interval: 2, end_times: 3 });
    expect(meeting.settings.registration_type).toBe(1);
  });

  test("weekly on several days keeps the wall-clock time across a DST change", async () => {
    const meeting = await recurring("2031-03-24T09:00:00", "Europe/Berlin", { type: 2, weekly_days: "2,4", end_times: 4 });
    // Mondays and Wednesdays ("2,4"): 24 and 26 March (CET), then CEST from 30 March: 09:00 local is 07:00Z.
    expect(startsOf(meeting)).toEqual([
      "2031-03-24T08:00:00Z",
      "2031-03-26T08:00:00Z",
      "2031-03-31T07:00:00Z",
      "2031-04-02T07:00:00Z",
    ]);
  });

  test("monthly by day and by week, and end_date_time", async () => {
    const byDay = await recurring("2031-01-31T12:00:00Z", "UTC", { type: 3, monthly_day: 31, end_times: 3 });
    // Months without a 31st are skipped.
    expect(startsOf(byDay)).toEqual(["2031-01-31T12:00:00Z", "2031-03-31T12:00:00Z", "2031-05-31T12:00:00Z"]);
    const lastFriday = await recurring("2031-01-01T12:00:00Z", "UTC", {
      type: 3,
      monthly_week: -1,
      monthly_week_day: 6,
      end_date_time: "2031-03-31T00:00:00Z",
    });
    expect(startsOf(lastFriday)).toEqual(["2031-01-31T12:00:00Z", "2031-02-28T12:00:00Z", "2031-03-28T12:00:00Z"]);
  });

  test("end_times 0 means no end: Zoom lays out its maximum of 60", async () => {
    const meeting = await create({ type: 8, start_time: FUTURE, recurrence: { type: 1, end_times: 0 } });
    expect(meeting.occurrences).toHaveLength(60);
  });

  test("GET with occurrence_id answers that occurrence; past ones only with show_previous_occurrences", async () => {
    const meeting = await create({
      type: 8,
      start_time: "2031-03-01T09:00:00Z",
      recurrence: { type: 1, end_times: 3 },
    });
    const second = meeting.occurrences?.[1];
    const one = await get(meeting.id, `?occurrence_id=${second?.occurrence_id}`);
    expect(one.start_time).toBe(second?.start_time);
    expect(one.occurrences).toEqual([second]);
    const bad = await t.zoom.call("GET", `/meetings/${meeting.id}?occurrence_id=123`);
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ code: 300, message: "Invalid parameter: occurrence_id." });

    // Move the clock past the first occurrence.
    const { now } = await t.control.advanceClock(0);
    await t.control.advanceClock((Date.parse("2031-03-01T12:00:00Z") - Date.parse(now)) / 1000);
    expect((await get(meeting.id)).occurrences).toHaveLength(2);
    expect((await get(meeting.id, "?show_previous_occurrences=true")).occurrences).toHaveLength(3);
  });

  test("PATCH with occurrence_id changes only that occurrence", async () => {
    const meeting = await create({ type: 8, start_time: FUTURE, recurrence: { type: 1, end_times: 3 } });
    const target = meeting.occurrences?.[2].occurrence_id ?? "";
    const patched = await t.zoom.call("PATCH", `/meetings/${meeting.id}?occurrence_id=${target}`, {
      body: { duration: 15, agenda: "Only this one", settings: { host_video: true } },
    });
    expect(patched.status).toBe(204);
    const one = await get(meeting.id, `?occurrence_id=${target}`);
    expect(one).toMatchObject({ duration: 15, agenda: "Only this one", settings: expect.objectContaining({ host_video: true }) });
    const series = await get(meeting.id);
    expect(series.occurrences?.map((o) => o.duration)).toEqual([60, 60, 15]);
    expect(series).toMatchObject({ agenda: "", settings: expect.objectContaining({ host_video: false }) });
  });
});
