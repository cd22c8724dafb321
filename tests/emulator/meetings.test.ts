/** Meetings: create, get, update, delete, status, with Zoom's documented answers and errors. */
import { useFreshEmulator } from "../support/emulator";

const t = useFreshEmulator();

/** The fields of Zoom's meeting object this suite reads. */
interface Meeting {
  id: number;
  uuid: string;
  host_id: string;
  host_email: string;
  topic: string;
  type: number;
  status: string;
  start_time?: string;
  duration: number;
  timezone: string;
  agenda: string;
  created_at: string;
  start_url: string;
  join_url: string;
  password: string;
  h323_password: string;
  pstn_password: string;
  encrypted_password: string;
  settings: Record<string, unknown>;
  tracking_fields?: { field: string; value: string; visible: boolean }[];
  occurrences?: { occurrence_id: string; start_time: string; duration: number; status: string }[];
  recurrence?: Record<string, unknown>;
  template_id?: string;
}

const FUTURE = "2031-01-15T10:00:00Z";

/** An ISO time as Zoom prints it: UTC, whole seconds. */
function wholeSeconds(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

async function create(body: Record<string, unknown>, user = "me", prefix = ""): Promise<Meeting> {
  const answer = await t.zoom.call<Meeting>("POST", `${prefix}/users/${user}/meetings`, { body });
  expect(answer.status).toBe(201);
  return answer.json;
}

async function get(id: number, query = ""): Promise<Meeting> {
  const answer = await t.zoom.call<Meeting>("GET", `/meetings/${id}${query}`);
  expect(answer.status).toBe(200);
  return answer.json;
}

function validationError(...fields: string[]) {
  return {
    code: 300,
    message: "Validation Failed.",
    errors: expect.arrayContaining(fields.map((field) => ({ field, message: "Invalid field." }))),
  };
}

describe("create", () => {
  test("answers 201 with Zoom's full meeting object", async () => {
    const owner = t.state.master.users[0];
    const meeting = await create({
      topic: "Standup",
      type: 2,
      start_time: FUTURE,
      duration: 30,
      timezone: "America/New_York",
      agenda: "Daily",
      template_id: "Dv4YdINdTk+Z5RToadh5ug==",
      tracking_fields: [{ field: "Team", value: "Platform" }],
      settings: { host_video: true, breakout_room: { enable: true, rooms: [{ name: "A", participants: [] }] } },
    });
    expect(meeting).toMatchObject({
      host_id: owner.id,
      host_email: owner.email,
      topic: "Standup",
      type: 2,
      status: "waiting",
      start_time: FUTURE,
      duration: 30,
      timezone: "America/New_York",
      agenda: "Daily",
      template_id: "Dv4YdINdTk+Z5RToadh5ug==",
      tracking_fields: [{ field: "Team", value: "Platform", visible: true }],
    });
    expect(Number.isSafeInteger(meeting.id) && String(meeting.id).length >= 10).toBe(true);
    expect(meeting.uuid).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(meeting.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(meeting.join_url).toContain(`/j/${meeting.id}`);
    expect(meeting.start_url).toContain(`/s/${meeting.id}?zak=`);
    // Passcodes are generated when absent; phone and room systems get a numeric one.
    expect(meeting.password).toMatch(/^[A-Za-z0-9]{6}$/);
    expect(meeting.h323_password).toMatch(/^\d{6}$/);
    expect(meeting.pstn_password).toBe(meeting.h323_password);
    expect(meeting.encrypted_password).not.toBe("");
    // The full settings object: what was given, merged into Zoom's defaults.
    expect(meeting.settings).toMatchObject({
      host_video: true,
      participant_video: false,
      join_before_host: false,
      mute_upon_entry: false,
      approval_type: 2,
      audio: "both",
      auto_recording: "none",
      waiting_room: false,
      alternative_hosts: "",
      encryption_type: "enhanced_encryption",
      breakout_room: { enable: true, rooms: [{ name: "A", participants: [] }] },
      global_dial_in_countries: ["US"],
      global_dial_in_numbers: [expect.objectContaining({ country: "US", type: "toll" })],
    });
    expect(Object.keys(meeting.settings).length).toBeGreaterThan(40);
    expect(await get(meeting.id)).toMatchObject({ ...meeting, start_url: expect.any(String) });
  });

  test("works in the master-account form and for users by email", async () => {
    const sub = t.state.subAccounts[0];
    const user = sub.users[1];
    const meeting = await create({ topic: "Sub", start_time: FUTURE }, encodeURIComponent(user.email), `/accounts/${sub.id}`);
    expect(meeting.host_id).toBe(user.id);
    expect((await t.zoom.call("GET", `/accounts/${sub.id}/meetings/${meeting.id}`)).status).toBe(200);
    // Not visible from the master account.
    expect((await t.zoom.call("GET", `/meetings/${meeting.id}`)).status).toBe(404);
  });

  test("a given passcode is kept; default_password=false leaves none", async () => {
    const withPassword = await create({ password: "a@b-c_d*9" });
    expect(withPassword.password).toBe("a@b-c_d*9");
    expect(withPassword.h323_password).toMatch(/^\d{9}$/);
    const without = await create({ default_password: false });
    expect(without).toMatchObject({ password: "", h323_password: "", pstn_password: "", encrypted_password: "" });
    expect(without.join_url).not.toContain("pwd=");
  });

  test("types: instant gets a start time of now; recurring-no-fixed-time has none", async () => {
    const { now } = await t.control.freezeClock();
    const instant = await create({ type: 1, start_time: FUTURE });
    expect(instant.start_time).toBe(wholeSeconds(now));
    const floating = await create({ type: 3, start_time: FUTURE });
    expect(floating.start_time).toBeUndefined();
    expect(floating.occurrences).toBeUndefined();
  });

  test("waiting room on disables join before host (spec, settings.waiting_room)", async () => {
    const meeting = await create({ settings: { waiting_room: true, join_before_host: true } });
    expect(meeting.settings).toMatchObject({ waiting_room: true, join_before_host: false });
  });

  test("schedule_for makes another user of the account the host, and tells them", async () => {
    const other = t.state.master.users[2];
    const meeting = await create({ schedule_for: other.email, start_time: FUTURE });
    expect(meeting.host_id).toBe(other.id);
    expect(await t.control.emails()).toEqual([
      expect.objectContaining({ kind: "scheduleForReminder", to: other.email, meetingId: meeting.id }),
    ]);
  });

  test("documented errors: unknown user, bad schedule_for, instant for someone else, pre_schedule on type 8", async () => {
    const unknown = await t.zoom.call("POST", "/users/nobody/meetings", { body: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ code: 1001, message: "User does not exist: nobody." });
    const badFor = await t.zoom.call("POST", "/users/me/meetings", { body: { schedule_for: "stranger@example.com" } });
    expect(badFor.status).toBe(400);
    expect(badFor.json).toMatchObject({ code: 300, message: expect.stringContaining("schedule_for") });
    const instantFor = await t.zoom.call("POST", "/users/me/meetings", {
      body: { type: 1, schedule_for: t.state.master.users[1].id },
    });
    expect(instantFor.json).toMatchObject({ code: 3000, message: expect.stringContaining("Instant meetings") });
    const preSchedule = await t.zoom.call("POST", "/users/me/meetings", {
      body: { type: 8, pre_schedule: true, recurrence: { type: 1 } },
    });
    expect(preSchedule.json).toMatchObject({ code: 3000, message: expect.stringContaining("Prescheduling") });
  });

  test.each([
    [{ topic: "x".repeat(201) }, "topic"],
    [{ agenda: "x".repeat(2001) }, "agenda"],
    [{ password: "12345678901" }, "password"],
    [{ password: "pass word" }, "password"],
    [{ password: "päss" }, "password"],
    [{ type: 5 }, "type"],
    [{ type: "2" }, "type"],
    [{ duration: 0 }, "duration"],
    [{ duration: 1441 }, "duration"],
    [{ duration: 30.5 }, "duration"],
    [{ start_time: "tomorrow" }, "start_time"],
    [{ start_time: "2031-02-30T10:00:00" }, "start_time"],
    [{ timezone: "Mars/Olympus_Mons" }, "timezone"],
    [{ settings: { audio: "radio" } }, "settings.audio"],
    [{ settings: { jbh_time: 3 } }, "settings.jbh_time"],
    [{ settings: { host_video: "yes" } }, "settings.host_video"],
    [{ settings: { meeting_invitees: [{ email: "not-an-email" }] } }, "settings.meeting_invitees[0].email"],
    [{ tracking_fields: [{ value: "v" }] }, "tracking_fields[0].field"],
    [{ type: 8 }, "recurrence"],
    [{ type: 8, recurrence: { type: "1" } }, "recurrence.type"],
    [{ type: 8, recurrence: { type: 2 } }, "recurrence.weekly_days"],
    [{ type: 8, recurrence: { type: 1, end_times: 61 } }, "recurrence.end_times"],
    [{ type: 8, recurrence: { type: 1, end_times: 2, end_date_time: FUTURE } }, "recurrence.end_date_time"],
    // A date-time without its zone is not the spec's UTC `date-time`: Zoom validates it, never echoes it back.
    [{ type: 8, start_time: "2031-02-03T10:00:00Z", recurrence: { type: 1, end_date_time: "2031-03-01T10:00:00" } }, "recurrence.end_date_time"],
    [{ type: 8, recurrence: { type: 3, repeat_interval: 11 } }, "recurrence.repeat_interval"],
  ])("invalid %j answers 400 code 300 naming %s", async (body, fieldName) => {
    const answer = await t.zoom.call("POST", "/users/me/meetings", { body });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(validationError(fieldName));
  });

  test("the limits themselves are allowed", async () => {
    const meeting = await create({ topic: "x".repeat(200), agenda: "y".repeat(2000), password: "abcdefghij", duration: 1440 });
    expect(meeting.topic).toHaveLength(200);
  });
});

describe("Unicode", () => {
  const topic = "åíøü How do I get ö, Ä, é, or ß — 会議 🎉 e\u0301 مرحبا \u{1F468}\u200D\u{1F469}\u200D\u{1F467}";
  const agenda = "Ligne 1\nLigne 2\t« guillemets » \\ \"quotes\" \u0000 end";

  test("topics and agendas round-trip byte for byte, on create, get, list and update", async () => {
    const meeting = await create({ topic, agenda, start_time: FUTURE });
    expect(Buffer.from(meeting.topic)).toEqual(Buffer.from(topic));
    expect(Buffer.from(meeting.agenda)).toEqual(Buffer.from(agenda));
    const fetched = await get(meeting.id);
    expect(fetched.topic).toBe(topic);
    expect(fetched.agenda).toBe(agenda);
    const list = await t.zoom.call<{ meetings: { topic: string; agenda: string }[] }>("GET", "/users/me/meetings");
    expect(list.json.meetings[0]).toMatchObject({ topic, agenda });
    await t.zoom.call("PATCH", `/meetings/${meeting.id}`, { body: { topic: `${topic}!` } });
    expect((await get(meeting.id)).topic).toBe(`${topic}!`);
  });

  test("answers are UTF-8 JSON", async () => {
    const answer = await t.zoom.call("POST", "/users/me/meetings", { body: { topic } });
    expect(answer.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    expect(answer.text).toContain(topic);
  });
});

describe("time normalization", () => {
  test.each([
    ["2031-01-15T10:00:00Z", undefined, "2031-01-15T10:00:00Z", "America/Los_Angeles"],
    ["2031-01-15T10:00:00", "Europe/Berlin", "2031-01-15T09:00:00Z", "Europe/Berlin"],
    ["2031-07-15T10:00:00", "Europe/Berlin", "2031-07-15T08:00:00Z", "Europe/Berlin"],
    ["2031-07-15T10:00", "Asia/Kolkata", "2031-07-15T04:30:00Z", "Asia/Kolkata"],
    ["2031-01-15T10:00:00", undefined, "2031-01-15T18:00:00Z", "America/Los_Angeles"],
    ["2031-01-15T10:00:00+02:00", "UTC", "2031-01-15T08:00:00Z", "UTC"],
    ["2031-01-15T10:00:00.500Z", "Asia/Tokyo", "2031-01-15T10:00:00Z", "Asia/Tokyo"],
  ])("start_time %s in %s is answered as %s", async (startTime, timezone, expected, expectedZone) => {
    const meeting = await create({ start_time: startTime, ...(timezone ? { timezone } : {}) });
    expect(meeting.start_time).toBe(expected);
    expect(meeting.timezone).toBe(expectedZone);
  });

  test("a past or missing start time becomes now (spec, meetingCreate start_time)", async () => {
    const { now } = await t.control.freezeClock();
    for (const body of [{ start_time: "2001-01-01T00:00:00Z" }, {}]) {
      expect((await create(body)).start_time).toBe(wholeSeconds(now));
    }
  });
});

describe("recurring meetings (type 8)", () => {
  test("daily, with end_times", async () => {
    const meeting = await create({
      type: 8,
      start_time: "2031-03-01T09:00:00",
      timezone: "UTC",
      recurrence: { type: 1, repeat_interval: 2, end_times: 3 },
    });
    expect(meeting.occurrences?.map((o) => o.start_time)).toEqual([
      "2031-03-01T09:00:00Z",
      "2031-03-03T09:00:00Z",
      "2031-03-05T09:00:00Z",
    ]);
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
    const meeting = await create({
      type: 8,
      start_time: "2031-03-24T09:00:00",
      timezone: "Europe/Berlin",
      recurrence: { type: 2, weekly_days: "2,4", end_times: 4 },
    });
    // Mondays and Wednesdays ("2,4"): 24 and 26 March (CET), then CEST from 30 March: 09:00 local is 07:00Z.
    expect(meeting.occurrences?.map((o) => o.start_time)).toEqual([
      "2031-03-24T08:00:00Z",
      "2031-03-26T08:00:00Z",
      "2031-03-31T07:00:00Z",
      "2031-04-02T07:00:00Z",
    ]);
  });

  test("monthly by day and by week, and end_date_time", async () => {
    const byDay = await create({
      type: 8,
      start_time: "2031-01-31T12:00:00Z",
      timezone: "UTC",
      recurrence: { type: 3, monthly_day: 31, end_times: 3 },
    });
    // Months without a 31st are skipped.
    expect(byDay.occurrences?.map((o) => o.start_time)).toEqual([
      "2031-01-31T12:00:00Z",
      "2031-03-31T12:00:00Z",
      "2031-05-31T12:00:00Z",
    ]);
    const lastFriday = await create({
      type: 8,
      start_time: "2031-01-01T12:00:00Z",
      timezone: "UTC",
      recurrence: { type: 3, monthly_week: -1, monthly_week_day: 6, end_date_time: "2031-03-31T00:00:00Z" },
    });
    expect(lastFriday.occurrences?.map((o) => o.start_time)).toEqual([
      "2031-01-31T12:00:00Z",
      "2031-02-28T12:00:00Z",
      "2031-03-28T12:00:00Z",
    ]);
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

describe("update", () => {
  test("answers 204; settings merge, recurrence and tracking fields are replaced", async () => {
    const meeting = await create({
      type: 8,
      start_time: FUTURE,
      recurrence: { type: 1, repeat_interval: 1, end_times: 5 },
      tracking_fields: [{ field: "A", value: "1" }, { field: "B", value: "2" }],
      settings: { host_video: true, breakout_room: { enable: true, rooms: [{ name: "R" }] }, alternative_hosts: "x@example.com" },
    });
    const answer = await t.zoom.call("PATCH", `/meetings/${meeting.id}`, {
      body: {
        settings: { mute_upon_entry: true, breakout_room: { enable: false } },
        recurrence: { type: 2, weekly_days: "1" },
        tracking_fields: [{ field: "C", value: "3" }],
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    const after = await get(meeting.id);
    expect(after.settings).toMatchObject({
      host_video: true,
      mute_upon_entry: true,
      alternative_hosts: "x@example.com",
      breakout_room: { enable: false, rooms: [{ name: "R" }] },
    });
    expect(after.recurrence).toEqual({ type: 2, weekly_days: "1" });
    expect(after.occurrences).toHaveLength(1);
    expect(after.tracking_fields).toEqual([{ field: "C", value: "3", visible: true }]);
    expect(after.topic).toBe(meeting.topic);
  });

  test("a new passcode changes its derived forms and the join link", async () => {
    const meeting = await create({ password: "first" });
    await t.zoom.call("PATCH", `/meetings/${meeting.id}`, { body: { password: "second2" } });
    const after = await get(meeting.id);
    expect(after.password).toBe("second2");
    expect(after.h323_password).toMatch(/^\d{7}$/);
    expect(after.encrypted_password).not.toBe(meeting.encrypted_password);
    expect(after.join_url).not.toBe(meeting.join_url);
  });

  test("start_time and timezone: local times read in the new zone; past times are ignored", async () => {
    const meeting = await create({ start_time: FUTURE, timezone: "UTC" });
    await t.zoom.call("PATCH", `/meetings/${meeting.id}`, { body: { start_time: "2031-06-01T10:00:00", timezone: "Asia/Tokyo" } });
    expect(await get(meeting.id)).toMatchObject({ start_time: "2031-06-01T01:00:00Z", timezone: "Asia/Tokyo" });
    await t.zoom.call("PATCH", `/meetings/${meeting.id}`, { body: { start_time: "2001-01-01T00:00:00Z", topic: "Renamed" } });
    expect(await get(meeting.id)).toMatchObject({ start_time: "2031-06-01T01:00:00Z", topic: "Renamed" });
  });

  test("changing type 8 to 2 drops the recurrence", async () => {
    const meeting = await create({ type: 8, start_time: FUTURE, recurrence: { type: 1, end_times: 2 } });
    await t.zoom.call("PATCH", `/meetings/${meeting.id}`, { body: { type: 2 } });
    const after = await get(meeting.id);
    expect(after).toMatchObject({ type: 2, start_time: FUTURE });
    expect(after.recurrence).toBeUndefined();
    expect(after.occurrences).toBeUndefined();
  });

  test("errors: unknown meeting 3001, invalid body 300 (and nothing applies)", async () => {
    const missing = await t.zoom.call("PATCH", "/meetings/12345678901", { body: { topic: "x" } });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ code: 3001, message: "Meeting does not exist: 12345678901." });
    const meeting = await create({ topic: "Keep" });
    const invalid = await t.zoom.call("PATCH", `/meetings/${meeting.id}`, { body: { topic: "Changed", duration: -1 } });
    expect(invalid.json).toEqual(validationError("duration"));
    expect((await get(meeting.id)).topic).toBe("Keep");
  });
});

describe("start_url", () => {
  const zak = (url: string) => new URL(url).searchParams.get("zak");

  test("a new token on every GET; all stay valid for two hours, also after the meeting ended", async () => {
    const meeting = await create({ start_time: FUTURE });
    const first = await get(meeting.id);
    const second = await get(meeting.id);
    expect(new Set([zak(meeting.start_url), zak(first.start_url), zak(second.start_url)]).size).toBe(3);
    for (const url of [meeting.start_url, first.start_url, second.start_url]) {
      expect(await t.control.isStartUrlValid(url)).toBe(true);
    }
    await t.control.startMeeting(meeting.id);
    await t.zoom.call("PUT", `/meetings/${meeting.id}/status`, { body: { action: "end" } });
    expect(await t.control.isStartUrlValid(second.start_url)).toBe(true);
    await t.control.advanceClock(2 * 3600);
    expect(await t.control.isStartUrlValid(second.start_url)).toBe(false);
    expect(await t.control.isStartUrlValid((await get(meeting.id)).start_url)).toBe(true);
  });

  test("deleting the meeting kills every start link, also after a recover", async () => {
    const meeting = await create({ start_time: FUTURE });
    const fetched = await get(meeting.id);
    expect((await t.zoom.call("DELETE", `/meetings/${meeting.id}`)).status).toBe(204);
    expect(await t.control.isStartUrlValid(meeting.start_url)).toBe(false);
    expect(await t.control.isStartUrlValid(fetched.start_url)).toBe(false);
    await t.zoom.call("PUT", `/meetings/${meeting.id}/status`, { body: { action: "recover" } });
    expect(await t.control.isStartUrlValid(fetched.start_url)).toBe(false);
    expect(await t.control.isStartUrlValid((await get(meeting.id)).start_url)).toBe(true);
  });

  test("forged or foreign links are not valid", async () => {
    const meeting = await create({});
    expect(await t.control.isStartUrlValid(meeting.start_url.replace(/zak=.*/, "zak=forged"))).toBe(false);
    expect(await t.control.isStartUrlValid("not a url")).toBe(false);
    expect(await t.control.isStartUrlValid(`${t.emulator.url}/s/1?zak=x`)).toBe(false);
  });
});

describe("delete", () => {
  async function meetingWithPeople(): Promise<Meeting> {
    return create({
      start_time: FUTURE,
      settings: {
        alternative_hosts: `${t.state.master.users[1].id};outside@example.com`,
        meeting_invitees: [{ email: "guest@example.com" }, { email: t.state.master.users[2].email }],
      },
    });
  }

  test("by default the host and alternative hosts are notified, registrants not", async () => {
    const meeting = await meetingWithPeople();
    expect(meeting.settings.meeting_invitees).toEqual([
      { email: "guest@example.com", internal_user: false },
      { email: t.state.master.users[2].email, internal_user: true },
    ]);
    const answer = await t.zoom.call("DELETE", `/meetings/${meeting.id}`);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    const emails = await t.control.emails();
    expect(emails.map((e) => [e.kind, e.to])).toEqual([
      ["scheduleForReminder", t.state.master.users[0].email],
      ["scheduleForReminder", t.state.master.users[1].email],
      ["scheduleForReminder", "outside@example.com"],
    ]);
    expect(emails[0]).toMatchObject({ meetingId: meeting.id, at: expect.any(String) });
    const gone = await t.zoom.call("GET", `/meetings/${meeting.id}`);
    expect(gone.json).toEqual({ code: 3001, message: `Meeting does not exist: ${meeting.id}.` });
  });

  test("schedule_for_reminder=false&cancel_meeting_reminder=false sends nothing (the quiet one-time-meeting delete)", async () => {
    const meeting = await meetingWithPeople();
    await t.zoom.call("DELETE", `/meetings/${meeting.id}?schedule_for_reminder=false&cancel_meeting_reminder=false`);
    expect(await t.control.emails()).toEqual([]);
  });

  test("cancel_meeting_reminder=true notifies the invitees", async () => {
    const meeting = await meetingWithPeople();
    await t.zoom.call("DELETE", `/meetings/${meeting.id}?schedule_for_reminder=false&cancel_meeting_reminder=true`);
    expect((await t.control.emails()).map((e) => [e.kind, e.to])).toEqual([
      ["meetingCancelled", "guest@example.com"],
      ["meetingCancelled", t.state.master.users[2].email],
    ]);
  });

  test("occurrence_id deletes one occurrence; the last one takes the meeting with it", async () => {
    const meeting = await create({ type: 8, start_time: FUTURE, recurrence: { type: 1, end_times: 2 } });
    const [first, second] = meeting.occurrences ?? [];
    await t.zoom.call("DELETE", `/meetings/${meeting.id}?occurrence_id=${first.occurrence_id}&schedule_for_reminder=false`);
    expect((await get(meeting.id)).occurrences).toEqual([second]);
    const again = await t.zoom.call("DELETE", `/meetings/${meeting.id}?occurrence_id=${first.occurrence_id}`);
    expect(again.json).toEqual({ code: 300, message: "Invalid parameter: occurrence_id." });
    await t.zoom.call("DELETE", `/meetings/${meeting.id}?occurrence_id=${second.occurrence_id}`);
    expect((await t.zoom.call("GET", `/meetings/${meeting.id}`)).status).toBe(404);
    expect((await t.control.emails()).at(-1)).toMatchObject({ occurrenceId: second.occurrence_id });
  });

  test("errors: unknown meeting 3001 (also for ids that are no number), bad flag 300", async () => {
    for (const id of ["99999999999", "abc"]) {
      const answer = await t.zoom.call("DELETE", `/meetings/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ code: 3001, message: `Meeting does not exist: ${id}.` });
    }
    const meeting = await create({});
    const bad = await t.zoom.call("DELETE", `/meetings/${meeting.id}?schedule_for_reminder=maybe`);
    expect(bad.json).toEqual({ code: 300, message: "Invalid parameter: schedule_for_reminder." });
    expect((await t.zoom.call("DELETE", `/meetings/${meeting.id}`)).status).toBe(204);
    expect((await t.zoom.call("DELETE", `/meetings/${meeting.id}`)).status).toBe(404);
  });
});

describe("status", () => {
  test("a started meeting is live; end makes it wait again", async () => {
    const meeting = await create({ start_time: FUTURE });
    await t.control.startMeeting(meeting.id);
    expect((await get(meeting.id)).status).toBe("started");
    const live = await t.zoom.call<{ meetings: { id: number }[] }>("GET", "/users/me/meetings?type=live");
    expect(live.json.meetings.map((m) => m.id)).toEqual([meeting.id]);
    const ended = await t.zoom.call("PUT", `/meetings/${meeting.id}/status`, { body: { action: "end" } });
    expect(ended.status).toBe(204);
    expect(ended.text).toBe("");
    expect((await get(meeting.id)).status).toBe("waiting");
  });

  test("recover brings a deleted meeting back", async () => {
    const meeting = await create({ topic: "Back" });
    await t.zoom.call("DELETE", `/meetings/${meeting.id}`);
    expect((await t.zoom.call("PUT", `/meetings/${meeting.id}/status`, { body: { action: "end" } })).status).toBe(404);
    expect((await t.zoom.call("PUT", `/meetings/${meeting.id}/status`, { body: { action: "recover" } })).status).toBe(204);
    expect((await get(meeting.id)).topic).toBe("Back");
  });

  test("errors: unknown meeting 3001, bad action 300", async () => {
    const unknown = await t.zoom.call("PUT", "/meetings/1/status", { body: { action: "end" } });
    expect(unknown.json).toEqual({ code: 3001, message: "Meeting does not exist: 1." });
    const meeting = await create({});
    const bad = await t.zoom.call("PUT", `/meetings/${meeting.id}/status`, { body: { action: "pause" } });
    expect(bad.json).toEqual(validationError("action"));
    await expect(t.control.startMeeting(meeting.id)).resolves.toBeUndefined();
    await expect(t.control.startMeeting(42)).rejects.toThrow(/404/);
  });
});

describe("list", () => {
  test("lists the user's meetings except instant ones, in start order, filtered by type", async () => {
    const later = await create({ topic: "later", start_time: "2031-05-01T00:00:00Z" });
    const sooner = await create({ topic: "sooner", start_time: "2031-04-01T00:00:00Z" });
    await create({ topic: "instant", type: 1 });
    const floating = await create({ topic: "floating", type: 3 });
    await create({ topic: "someone else's" }, t.state.master.users[1].id);
    const list = await t.zoom.call<{ total_records: number; page_size: number; next_page_token: string; meetings: Meeting[] }>(
      "GET",
      "/users/me/meetings",
    );
    expect(list.json).toMatchObject({ total_records: 3, page_size: 30, next_page_token: "" });
    expect(list.json.meetings.map((m) => m.topic).sort()).toEqual(["floating", "later", "sooner"]);
    expect(list.json.meetings.map((m) => m.id).indexOf(sooner.id)).toBeLessThan(
      list.json.meetings.map((m) => m.id).indexOf(later.id),
    );
    expect(list.json.meetings.find((m) => m.id === later.id)).toEqual({
      uuid: later.uuid,
      id: later.id,
      host_id: later.host_id,
      topic: "later",
      type: 2,
      start_time: "2031-05-01T00:00:00Z",
      duration: 60,
      timezone: "America/Los_Angeles",
      created_at: later.created_at,
      join_url: later.join_url,
    });
    const upcoming = await t.zoom.call<{ meetings: Meeting[] }>("GET", "/users/me/meetings?type=upcoming");
    expect(upcoming.json.meetings).toHaveLength(3);
    const previous = await t.zoom.call<{ meetings: Meeting[] }>("GET", "/users/me/meetings?type=previous_meetings");
    expect(previous.json.meetings).toEqual([]);
    const { now } = await t.control.advanceClock(0);
    await t.control.advanceClock((Date.parse("2031-04-15T00:00:00Z") - Date.parse(now)) / 1000);
    const after = await t.zoom.call<{ meetings: Meeting[] }>("GET", "/users/me/meetings?type=previous_meetings");
    expect(after.json.meetings.map((m) => m.id)).toEqual([sooner.id]);
    expect(floating.start_time).toBeUndefined();
  });

  test("from and to keep the meetings starting on those days (both included), in UTC or the given timezone", async () => {
    const march = await create({ topic: "march", start_time: "2031-03-31T23:30:00Z" });
    const april = await create({ topic: "april", start_time: "2031-04-01T00:30:00Z" });
    const may = await create({ topic: "may", start_time: "2031-05-10T12:00:00Z" });
    const weekly = await create({
      topic: "weekly",
      type: 8,
      start_time: "2031-06-02T09:00:00Z",
      recurrence: { type: 2, repeat_interval: 1, weekly_days: "2", end_times: 3 },
    });
    await create({ topic: "no fixed time", type: 3 });
    const topics = async (query: string): Promise<string[]> => {
      const answer = await t.zoom.call<{ meetings: Meeting[] }>("GET", `/users/me/meetings?${query}`);
      expect(answer.status).toBe(200);
      return answer.json.meetings.map((m) => m.topic);
    };
    expect(await topics("from=2031-04-01&to=2031-05-10")).toEqual(["april", "may"]);
    expect(await topics("from=2031-04-01")).toEqual(["april", "may", "weekly"]);
    expect(await topics("to=2031-03-31")).toEqual(["march"]);
    // Any occurrence in range keeps a recurring meeting (its second is on June 9th).
    expect(await topics("from=2031-06-09&to=2031-06-09")).toEqual(["weekly"]);
    expect(await topics("from=2031-07-01")).toEqual([]);
    // 23:30 UTC on March 31st is already April 1st in Berlin, 00:30 UTC on April 1st still March 31st in New York.
    expect(await topics("from=2031-04-01&to=2031-04-01&timezone=Europe/Berlin")).toEqual(["march", "april"]);
    expect(await topics("from=2031-03-31&to=2031-03-31&timezone=America/New_York")).toEqual(["march", "april"]);
    expect([march.id, april.id, may.id, weekly.id].every(Number.isInteger)).toBe(true);
  });

  test("a from, to or timezone that is not one is 400 code 300 naming it", async () => {
    for (const [query, name] of [["from=2031-02-30", "from"], ["to=tomorrow", "to"], ["from=2031-01-01&timezone=Mars/Base", "timezone"]]) {
      const answer = await t.zoom.call("GET", `/users/me/meetings?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ code: 300, message: `Invalid parameter: ${name}.` });
    }
  });

  test("errors: unknown user 1001, bad type 300", async () => {
    expect((await t.zoom.call("GET", "/users/ghost/meetings")).json).toEqual({ code: 1001, message: "User does not exist: ghost." });
    expect((await t.zoom.call("GET", "/users/me/meetings?type=someday")).json).toEqual({ code: 300, message: "Invalid parameter: type." });
  });
});
