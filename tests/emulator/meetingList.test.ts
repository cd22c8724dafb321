/** The meetings list: which meetings, in what order, by type and date range; its errors. */
import { useFreshEmulator } from "../support/emulator";
import { meetingCalls, type Meeting } from "./meetingCalls";

const t = useFreshEmulator();
const { create } = meetingCalls(t);

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
