/**
 * zoom:Meeting against the emulator over real HTTP: clean plans for every meeting shape, exact drift per
 * property, minimal updates, replacements, quiet deletes that kill the start URL, import, and clear errors.
 */
import fc from "fast-check";
import type { EmulatorExchange } from "../../emulator";
import { declaredDifferences } from "../../provider/framework/diff";
import { meetingDefinition } from "../../provider/resources/meeting";
import { startTestEmulator } from "../support/emulator";
import { startResourceTestbed, type Created, type Props, type ResourceTestbed } from "../support/resources";

const KIND = "Meeting";
let bed: ResourceTestbed;
const exchanges: EmulatorExchange[] = [];

beforeAll(async () => {
  bed = await startResourceTestbed({ onExchange: (e) => exchanges.push(e) });
});
afterAll(async () => bed.close());

const FORUM_TOPIC = "Test one time meeting - åíøü How do I get ö, Ä, é, or ß";

const corpus: [string, Props][] = [
  [
    "scheduled, UTC start, many settings",
    {
      topic: "Weekly review",
      type: 2,
      startTime: "2030-03-01T09:30:00Z",
      duration: 45,
      timezone: "Europe/Berlin",
      agenda: "Numbers, risks, asks",
      password: "abc@-_*12",
      settings: {
        hostVideo: true,
        participantVideo: false,
        joinBeforeHost: true,
        jbhTime: 5,
        muteUponEntry: true,
        waitingRoom: false,
        approvalType: 2,
        audio: "both",
        autoRecording: "cloud",
        alternativeHosts: "alt1@example.com;alt2@example.com",
        meetingAuthentication: false,
      },
    },
  ],
  ["scheduled, local time in a zone", { topic: "Local", type: 2, startTime: "2030-07-01T10:00:00", timezone: "America/New_York", duration: 30 }],
  ["scheduled, with an offset", { topic: "Offset", type: 2, startTime: "2030-07-01T10:00:00+05:45", timezone: "Asia/Kathmandu" }],
  [
    "recurring weekly with tracking fields",
    {
      topic: "Standup",
      type: 8,
      startTime: "2030-01-06T08:00:00Z",
      timezone: "UTC",
      duration: 15,
      recurrence: { type: 2, repeatInterval: 1, weeklyDays: "4,2", endTimes: 20 },
      trackingFields: [
        { field: "dept", value: "eng" },
        { field: "cost", value: "4100" },
      ],
      settings: { waitingRoom: true, registrationType: 1 },
    },
  ],
  ["recurring daily until a date", { topic: "Daily", type: 8, startTime: "2030-01-06T08:00:00Z", recurrence: { type: 1, repeatInterval: 2, endDateTime: "2030-02-01T08:00:00Z" } }],
  ["recurring monthly by week", { topic: "Monthly", type: 8, startTime: "2030-01-06T08:00:00Z", recurrence: { type: 3, monthlyWeek: -1, monthlyWeekDay: 6, endTimes: 6 } }],
  ["recurring without a fixed time", { topic: "Office hours", type: 3 }],
  ["instant", { topic: "Right now", type: 1 }],
  ["Unicode topic and agenda", { topic: FORUM_TOPIC, agenda: "ß ∑ 日本語 🎉 — “quotes”", type: 2, startTime: "2030-03-01T09:30:00Z" }],
];

test.each(corpus)("%s: create, refresh, second plan has no change", async (_label, declared) => {
  const created = await bed.create(KIND, "m", declared);
  const { changes, read } = await bed.refreshAndDiff(KIND, created, declared);
  expect(changes).toBe(false);
  expect(read.id).toBe(created.id);
  expect(typeof created.outs.meetingId).toBe("number");
  expect(String(created.outs.meetingId)).toBe(created.id);
  expect(created.outs.joinUrl).toEqual(expect.any(String));
});

test("Unicode round-trips byte for byte", async () => {
  const created = await bed.create(KIND, "unicode", { topic: FORUM_TOPIC, type: 2, startTime: "2030-03-01T09:30:00Z" });
  const read = await bed.provider(KIND).read!(created.id, created.outs);
  expect(Buffer.from(String(read.props!.topic))).toEqual(Buffer.from(FORUM_TOPIC));
});

test("a generated passcode is an output, never a diff; Zoom's fresh start URL on every read is not a change", async () => {
  const declared = { topic: "No passcode declared", type: 2, startTime: "2030-03-01T09:30:00Z" };
  const created = await bed.create(KIND, "gen", declared);
  expect(created.outs.password).toEqual(expect.any(String));
  const direct = async () => (await bed.portal.request<{ start_url: string }>({ operation: "meeting", pathParams: { meetingId: created.id } })).data!.start_url;
  expect(await direct()).not.toEqual(await direct());
  const first = await bed.provider(KIND).read!(created.id, created.outs);
  const second = await bed.provider(KIND).read!(created.id, first.props!);
  expect(second.props).toEqual(first.props);
  const { changes } = await bed.refreshAndDiff(KIND, { ...created, outs: second.props! }, declared);
  expect(changes).toBe(false);
});

const zones = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney"];
const localTime = fc
  .record({ day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }), hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 15, 30, 45) })
  .map(({ day, month, hour, minute }) => `2031-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00`);

test("property-based: valid scheduled meetings plan no change after create", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record(
        {
          topic: fc.string({ minLength: 1, maxLength: 200, unit: "grapheme" }).filter((t) => [...t].length <= 200 && t.length <= 200),
          startTime: localTime,
          timezone: fc.constantFrom(...zones),
          duration: fc.integer({ min: 1, max: 1440 }),
          agenda: fc.string({ maxLength: 300 }),
          password: fc.stringMatching(/^[a-zA-Z0-9@\-_*]{1,10}$/),
          settings: fc.record(
            {
              hostVideo: fc.boolean(),
              participantVideo: fc.boolean(),
              joinBeforeHost: fc.boolean(),
              muteUponEntry: fc.boolean(),
              waitingRoom: fc.boolean(),
              audio: fc.constantFrom("both", "telephony", "voip", "thirdParty"),
              autoRecording: fc.constantFrom("local", "cloud", "none"),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: ["topic", "startTime", "timezone"] },
      )
        // Zoom turns join before host off under a waiting room; check refuses that pair (tested above).
        .filter((d) => !(d.settings?.waitingRoom && d.settings.joinBeforeHost)),
      async (declared) => {
        const withType = { ...declared, type: 2 };
        const created = await bed.create(KIND, "pbt", withType);
        const { changes } = await bed.refreshAndDiff(KIND, created, withType);
        expect(changes).toBe(false);
        await bed.provider(KIND).delete!(created.id, created.outs);
      },
    ),
    { numRuns: 20 },
  );
});

/** The declared paths that differ after an out-of-band edit, as the drift report and a plan would see them. */
async function driftAfter(declared: Props, portalBody: Record<string, unknown>): Promise<string[]> {
  const created = await bed.create(KIND, "drift", declared);
  await bed.portal.request({ operation: "meetingUpdate", pathParams: { meetingId: created.id }, body: portalBody });
  const { changes, read } = await bed.refreshAndDiff(KIND, created, declared);
  expect(changes).toBe(true);
  const checked = (await bed.provider(KIND).check!({}, { __logicalName: "drift", ...declared })).inputs as Props;
  return declaredDifferences(meetingDefinition, strip(checked), strip(read.props as Props)).map((d) => d.path);
}

const strip = (props: Props): Props => Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith("__")));

const base = {
  topic: "Drift target",
  type: 8,
  startTime: "2030-01-06T08:00:00Z",
  timezone: "UTC",
  duration: 30,
  agenda: "Original",
  password: "orig123",
  recurrence: { type: 2, weeklyDays: "2,4", endTimes: 10 },
  trackingFields: [{ field: "dept", value: "eng" }],
  settings: { waitingRoom: false, hostVideo: false, muteUponEntry: false, alternativeHosts: "a@example.com", autoRecording: "none", jbhTime: 5, joinBeforeHost: true },
};

test.each([
  ["topic", { topic: "Renamed in the portal" }, ["topic"]],
  ["startTime", { start_time: "2030-01-06T09:00:00Z" }, ["startTime"]],
  ["duration", { duration: 60 }, ["duration"]],
  ["timezone", { timezone: "Europe/Paris" }, ["timezone"]],
  ["agenda", { agenda: "Changed by hand" }, ["agenda"]],
  ["password", { password: "hand123" }, ["password"]],
  // Other weekdays move the series' first occurrence, so its start drifts too.
  ["recurrence.weeklyDays", { recurrence: { type: 2, weekly_days: "3", end_times: 10 } }, ["startTime", "recurrence.weeklyDays"]],
  ["recurrence.endTimes", { recurrence: { type: 2, weekly_days: "2,4", end_times: 12 } }, ["recurrence.endTimes"]],
  ["trackingFields", { tracking_fields: [{ field: "dept", value: "sales" }] }, ["trackingFields"]],
  // Turning the waiting room on turns join before host off, as Zoom documents.
  ["settings.waitingRoom", { settings: { waiting_room: true } }, ["settings.waitingRoom", "settings.joinBeforeHost"]],
  ["settings.hostVideo", { settings: { host_video: true } }, ["settings.hostVideo"]],
  ["settings.muteUponEntry", { settings: { mute_upon_entry: true } }, ["settings.muteUponEntry"]],
  ["settings.alternativeHosts", { settings: { alternative_hosts: "b@example.com" } }, ["settings.alternativeHosts"]],
  ["settings.autoRecording", { settings: { auto_recording: "cloud" } }, ["settings.autoRecording"]],
  ["settings.jbhTime", { settings: { jbh_time: 10 } }, ["settings.jbhTime"]],
])("an out-of-band change of %s is drift on exactly the properties it changed", async (_path, portalBody, expected) => {
  expect((await driftAfter(base, portalBody)).sort()).toEqual([...expected].sort());
});

test("an update sends only the changed fields, then reads the meeting back once", async () => {
  const declared = { topic: "Minimal update", type: 2, startTime: "2030-03-01T09:30:00Z", agenda: "a", settings: { waitingRoom: true, hostVideo: true } };
  const created = await bed.create(KIND, "upd", declared);
  const before = exchanges.length;
  const changed = { ...declared, agenda: "b", settings: { waitingRoom: false, hostVideo: true } };
  const news = (await bed.provider(KIND).check!(created.inputs, { __logicalName: "upd", ...changed })).inputs;
  const { outs } = await bed.provider(KIND).update!(created.id, created.outs, news);
  const calls = exchanges.slice(before).filter((e) => e.kind === "api");
  expect(calls.map((e) => e.operationId)).toEqual(["meetingUpdate", "meeting"]);
  expect(JSON.parse(calls[0]!.requestBody)).toEqual({ agenda: "b", settings: { waiting_room: false } });
  expect(outs).toMatchObject({ agenda: "b", settings: expect.objectContaining({ waitingRoom: false, hostVideo: true }) });
  expect((await bed.refreshAndDiff(KIND, { ...created, outs: outs as Props }, changed)).changes).toBe(false);
});

test("a new local start time is sent with its zone, and lands on the right instant", async () => {
  const declared = { topic: "Moved", type: 2, startTime: "2030-03-01T10:00:00", timezone: "Europe/Berlin" };
  const created = await bed.create(KIND, "moved", declared);
  const before = exchanges.length;
  const changed = { ...declared, startTime: "2030-03-01T11:00:00" };
  const news = (await bed.provider(KIND).check!(created.inputs, { __logicalName: "moved", ...changed })).inputs;
  const { outs } = await bed.provider(KIND).update!(created.id, created.outs, news);
  const patch = exchanges.slice(before).find((e) => e.operationId === "meetingUpdate")!;
  expect(JSON.parse(patch.requestBody)).toEqual({ start_time: "2030-03-01T11:00:00", timezone: "Europe/Berlin" });
  expect((outs as Props).startTime).toBe("2030-03-01T10:00:00Z");
});

test("create-only inputs and the host replace the meeting; provider settings do not", async () => {
  const declared = { topic: "Replace me", type: 2, startTime: "2030-03-01T09:30:00Z" };
  const created = await bed.create(KIND, "rep", declared);
  const diff = (news: Props) => bed.provider(KIND).diff!(created.id, created.outs, { ...created.inputs, ...news });
  expect((await diff({ scheduleFor: "someone@example.com" })).replaces).toEqual(["scheduleFor"]);
  expect((await diff({ userId: "other@example.com" })).replaces).toEqual(["userId"]);
  expect(await diff({ endBeforeDelete: false })).toMatchObject({ changes: true, replaces: [] });
});

async function deleteAndEmails(created: Created): Promise<number> {
  const before = (await bed.control.emails()).length;
  await bed.provider(KIND).delete!(created.id, created.outs);
  return (await bed.control.emails()).length - before;
}

test("delete is quiet by default and notifies only when asked", async () => {
  const quiet = await bed.create(KIND, "quiet", { topic: "Quiet", type: 2, startTime: "2030-03-01T09:30:00Z" });
  expect(await deleteAndEmails(quiet)).toBe(0);
  const loud = await bed.create(KIND, "loud", { topic: "Loud", type: 2, startTime: "2030-03-01T09:30:00Z", notifyOnDelete: true });
  expect(await deleteAndEmails(loud)).toBeGreaterThan(0);
});

test("a meeting in progress is ended, then deleted: its start URL is dead", async () => {
  const created = await bed.create(KIND, "live", { topic: "Live", type: 2, startTime: "2030-03-01T09:30:00Z" });
  const startUrl = String(created.outs.startUrl);
  await bed.control.startMeeting(Number(created.id));
  expect(await bed.control.isStartUrlValid(startUrl)).toBe(true);
  const before = exchanges.length;
  await bed.provider(KIND).delete!(created.id, created.outs);
  const ops = exchanges.slice(before).filter((e) => e.kind === "api").map((e) => e.operationId);
  expect(ops).toEqual(["meeting", "meetingStatus", "meetingDelete"]);
  expect(await bed.control.isStartUrlValid(startUrl)).toBe(false);
});

test("deleted out of band: refresh drops it; delete twice is fine", async () => {
  const created = await bed.create(KIND, "gone", { topic: "Gone", type: 2, startTime: "2030-03-01T09:30:00Z" });
  await bed.portal.request({ operation: "meetingDelete", pathParams: { meetingId: created.id } });
  expect((await bed.provider(KIND).read!(created.id, created.outs)).id).toBe("");
  await expect(bed.provider(KIND).delete!(created.id, created.outs)).resolves.toBeUndefined();
});

test(".get() by id: a meeting made in the portal is read, with no inputs, and a matching declaration plans nothing", async () => {
  const made = await bed.portal.request<{ id: number }>({
    operation: "meetingCreate",
    pathParams: { userId: "me" },
    body: { topic: "Made by hand", type: 2, start_time: "2030-05-01T12:00:00Z", duration: 20, settings: { waiting_room: true } },
  });
  const id = String(made.data!.id);
  const read = await bed.provider(KIND).read!(id, {});
  expect(read.props).toMatchObject({ topic: "Made by hand", meetingId: made.data!.id, duration: 20 });
  // Nothing declared, so no input: Zoom's passcode stays an (encrypted) output, never a plaintext input.
  expect(read.inputs).toEqual({});
  const declared = { topic: "Made by hand", type: 2, startTime: "2030-05-01T14:00:00+02:00", duration: 20, settings: { waitingRoom: true } };
  const news = (await bed.provider(KIND).check!({}, { __logicalName: "adopted", ...declared })).inputs;
  expect((await bed.provider(KIND).diff!(id, read.props!, news)).changes).toBe(false);
});

test("a sub-account's meeting: id carries the account, reads go through the master-account API", async () => {
  const state = await bed.control.state();
  const sub = state.subAccounts[0]!;
  const declared = { topic: "Sub-account", type: 2, startTime: "2030-03-01T09:30:00Z", accountId: sub.id, userId: sub.users[0]!.id };
  const created = await bed.create(KIND, "sub", declared);
  expect(created.id).toBe(`${sub.id}/${created.outs.meetingId}`);
  const before = exchanges.length;
  expect((await bed.refreshAndDiff(KIND, created, declared)).changes).toBe(false);
  expect(exchanges.slice(before).find((e) => e.operationId === "meeting")!.rawPath).toBe(`/v2/accounts/${sub.id}/meetings/${created.outs.meetingId}`);
});

test("an unknown host is a clear error naming the user", async () => {
  await expect(bed.create(KIND, "nohost", { topic: "x", userId: "nobody@example.com" })).rejects.toThrow(
    'creating zoom:Meeting "nohost": the host user "nobody@example.com" does not exist in this account (userId)',
  );
});

test("an invalid declaration fails in check with property paths, and nothing reaches Zoom", async () => {
  const before = await bed.requestCount();
  const result = await bed.provider(KIND).check!({}, { __logicalName: "bad", topic: "ok", settings: { waitingRoom: "yes" }, password: "too long passcode" });
  expect(result.failures).toEqual([
    { property: "password", reason: "at most 10 characters from [a-zA-Z0-9@-_*]" },
    { property: "settings.waitingRoom", reason: "expected boolean, got string" },
  ]);
  expect(await bed.requestCount()).toBe(before);
});

describe("Zoom's 100 meeting creates/updates per host per day", () => {
  test("the 101st create fails at once with a message saying which limit and when it resets", async () => {
    const limited = await startTestEmulator({ plan: "pro" });
    try {
      const { dynamicProvider } = await import("../../provider");
      const provider = dynamicProvider(KIND, 1);
      const e = limited.emulator;
      const portal = (await import("../../provider/client")).createClient(
        { apiUrl: e.url, oauthUrl: e.oauthUrl, plan: "pro", credentials: { kind: "clientCredentials", accountId: e.accountId, clientId: e.clientId, clientSecret: e.clientSecret } },
        { limiter: "isolated", env: {} },
      );
      for (let i = 0; i < 100; i++) {
        await portal.request({ operation: "meetingCreate", pathParams: { userId: "me" }, body: { topic: `filler ${i}`, type: 2, start_time: "2030-01-01T00:00:00Z" } });
      }
      // The filler's last second out of the account's per-second window: the portal's client spends the whole
      // MEDIUM budget, and the provider's create would share that second with it (a per-second 429 and a retry).
      await limited.control.advanceClock(2);
      await provider.configure({
        config: {
          get: (key: string) =>
            ({ "zoom:apiUrl": e.url, "zoom:oauthUrl": e.oauthUrl, "zoom:accountId": e.accountId, "zoom:clientId": e.clientId, "zoom:clientSecret": e.clientSecret })[key],
        },
      });
      const before = (await limited.control.stats()).byOperation.meetingCreate ?? 0;
      const checked = await provider.check!({}, { __logicalName: "one-too-many", topic: "101st", type: 2, startTime: "2030-01-01T00:00:00Z" });
      await expect(provider.create(checked.inputs)).rejects.toThrow(/creating zoom:Meeting "one-too-many": Zoom 429: the daily limit of meeting create\/update requests for this host user is used up; it resets at \d{4}-\d{2}-\d{2}T00:00:00/);
      expect((await limited.control.stats()).byOperation.meetingCreate).toBe(before + 1);
    } finally {
      await limited.close();
      // Point the shared runtime back at the main testbed for any later test.
      await bed.provider(KIND).configure({
        config: {
          get: (key: string) =>
            ({ "zoom:apiUrl": bed.emulator.url, "zoom:oauthUrl": bed.emulator.oauthUrl, "zoom:accountId": bed.emulator.accountId, "zoom:clientId": bed.emulator.clientId, "zoom:clientSecret": bed.emulator.clientSecret })[key],
        },
      });
    }
  });
});
