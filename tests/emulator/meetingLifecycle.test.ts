/** A meeting's life after create: start links, delete (and who is told), status (end, recover). */
import { useFreshEmulator } from "../support/emulator";
import { FUTURE, meetingCalls, validationError, type Meeting } from "./meetingCalls";

const t = useFreshEmulator();
const { create, get } = meetingCalls(t);

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
