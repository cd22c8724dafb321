/** Meetings: create and update, with Zoom's documented answers and errors; Unicode; time normalization. */
import { useFreshEmulator } from "../support/emulator";
import { FUTURE, meetingCalls, validationError, wholeSeconds } from "./meetingCalls";

const t = useFreshEmulator();
const { create, get } = meetingCalls(t);

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
