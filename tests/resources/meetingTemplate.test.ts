/**
 * zoom:MeetingTemplate against the emulator over real HTTP: clean plans (corpus and fast-check), every change
 * replaces, destroy warns and keeps the template in Zoom, list lookups (by id, by name) in full lists of several
 * users, one list sweep for many concurrent reads, Zoom's refusals made clear, import by id, a lost create
 * answer found by name, and templates gone out of band.
 */
import fc from "fast-check";
import type { AccountSummary } from "../../emulator/controlTypes";
import type { ZoomDynamicProvider } from "../../provider/framework/provider";
import { UNKNOWN } from "../../provider/framework/unknown";
import { zoomConfig } from "../support/emulator";
import type { Props, ResourceTestbed } from "../support/resources";
import { useRecordingTestbed } from "./suite";

const KIND = "MeetingTemplate";
let bed: ResourceTestbed;
let master: AccountSummary;
let subOne: AccountSummary;
let subTwo: AccountSummary;
/** A scheduled meeting and a recurring one of the master account's owner, and one of a sub-account user. */
let meetingId: number;
let otherMeetingId: number;
let recurringMeetingId: number;
let subMeetingId: number;
/** Meetings hosted by the master account's second and third users: a template is made from the user's own. */
let userOneMeetingId: number;
let userTwoMeetingId: number;

async function createMeeting(userId: string, body: Props, accountId?: string): Promise<number> {
  const answer = await bed.portal.request<{ id: number }>({ operation: "meetingCreate", pathParams: { userId }, accountId, body });
  return answer.data!.id;
}

const { exchanges, unique } = useRecordingTestbed(async (started) => {
  bed = started;
  const state = await bed.control.state();
  master = state.master;
  [subOne, subTwo] = state.subAccounts as [AccountSummary, AccountSummary];
  const scheduled = { topic: "Template source", type: 2, start_time: "2030-03-01T09:30:00Z", duration: 30 };
  meetingId = await createMeeting("me", scheduled);
  otherMeetingId = await createMeeting("me", { ...scheduled, topic: "Another source" });
  recurringMeetingId = await createMeeting("me", {
    topic: "Weekly source",
    type: 8,
    start_time: "2030-01-07T08:00:00Z",
    recurrence: { type: 2, repeat_interval: 1, weekly_days: "2", end_times: 10 },
  });
  subMeetingId = await createMeeting(subTwo.users[0]!.id, scheduled, subTwo.id);
  userOneMeetingId = await createMeeting(master.users[1]!.id, scheduled);
  userTwoMeetingId = await createMeeting(master.users[2]!.id, scheduled);
});

const provider = () => bed.provider(KIND);
const apiCallsSince = (index: number) => exchanges.slice(index).filter((e) => e.kind === "api");
const listSweeps = async () => (await bed.control.stats()).byOperation.listMeetingTemplates ?? 0;

/**
 * The provider as a new `pulumi` run loads it: a fresh module registry, so a new client and an empty list
 * cache (within one process, the cache rightly keeps a sweep for a few seconds).
 */
async function providerOfANewProcess(): Promise<ZoomDynamicProvider> {
  const config = zoomConfig(bed.emulator);
  let fresh: ZoomDynamicProvider | undefined;
  await jest.isolateModulesAsync(async () => {
    fresh = (await import("../../provider")).dynamicProvider(KIND, 1);
  });
  await fresh!.configure({ config: { get: (key: string) => config[key] } });
  return fresh!;
}

async function templatesOf(userId: string, accountId?: string): Promise<{ id: string; name: string; type: number }[]> {
  const answer = await bed.portal.request<{ templates: { id: string; name: string; type: number }[] }>({
    operation: "listMeetingTemplates",
    pathParams: { userId },
    accountId,
  });
  return answer.data!.templates;
}

/** Seeds `count` templates for a user, as if made in the web portal; returns their ids and names. */
async function seedTemplates(accountId: string, userId: string, count: number, prefix: string) {
  const items = Array.from({ length: count }, (_, i) => ({ user_id: userId, meeting_id: 1, name: `${prefix} ${i}` }));
  const seeded = await bed.control.seed({ accountId, meetingTemplates: items });
  return seeded.meetingTemplates as { id: string; name: string }[];
}

describe("clean plans", () => {
  const corpus: [string, () => Props][] = [
    ["meeting id as a number", () => ({ meetingId, name: unique("Numbered") })],
    ["meeting id as a string", () => ({ meetingId: String(meetingId), name: unique("Stringly") })],
    ["a recurring meeting, recurrence saved", () => ({ meetingId: recurringMeetingId, name: unique("Weekly"), saveRecurrence: true })],
    ["overwrite without a clash, explicit user", () => ({ meetingId, name: unique("Overwritable"), overwrite: true, saveRecurrence: false, userId: master.users[0]!.id })],
    ["a sub-account user's template", () => ({ accountId: subTwo.id, userId: subTwo.users[0]!.id, meetingId: subMeetingId, name: unique("Sub") })],
    ["a Unicode name", () => ({ meetingId, name: unique("Réunion åíøü 日本語 🎉") })],
  ];

  test.each(corpus)("%s: create, refresh, second plan has no change", async (_label, declaration) => {
    const declared = declaration();
    const created = await bed.create(KIND, "template", declared);
    const templateId = created.id.split("/").pop();
    expect(created.outs).toMatchObject({ name: declared.name, templateId, templateType: 1, meetingId: Number(declared.meetingId) });
    expect(created.id).toBe([declared.accountId, declared.userId ?? "me", templateId].filter(Boolean).map((s) => encodeURIComponent(String(s))).join("/"));
    const { changes, replaces, read } = await bed.refreshAndDiff(KIND, created, declared);
    expect({ changes, replaces }).toEqual({ changes: false, replaces: [] });
    expect(read.id).toBe(created.id);
    expect(read.inputs).toMatchObject({ name: declared.name, meetingId: Number(declared.meetingId) });
  });

  test("property-based: any valid declaration plans no change after create", async () => {
    const user = master.users[1]!;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            name: fc.string({ minLength: 1, maxLength: 60 }),
            meetingIdAsString: fc.boolean(),
            saveRecurrence: fc.boolean(),
            overwrite: fc.boolean(),
          },
          { requiredKeys: ["name", "meetingIdAsString"] },
        ),
        async ({ name, meetingIdAsString, ...flags }) => {
          const declared = { userId: user.id, name: unique(name), meetingId: meetingIdAsString ? String(userOneMeetingId) : userOneMeetingId, ...flags };
          const created = await bed.create(KIND, "pbt", declared);
          const { changes } = await bed.refreshAndDiff(KIND, created, declared);
          expect(changes).toBe(false);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("every change replaces; destroy only forgets", () => {
  test("name, meeting, recurrence and user changes replace; the same meeting id as a string does not", async () => {
    const declared = { meetingId, name: unique("Replaceable") };
    const created = await bed.create(KIND, "replace", declared);
    const diff = async (declaration: Props) => provider().diff!(created.id, created.outs, await bed.checked(KIND, created, declaration));
    expect(await diff({ ...declared, meetingId: String(meetingId) })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, changedPaths: [] });
    expect((await diff({ ...declared, name: "Renamed" })).replaces).toEqual(["name"]);
    expect((await diff({ ...declared, meetingId: otherMeetingId })).replaces).toEqual(["meetingId"]);
    expect((await diff({ ...declared, saveRecurrence: true })).replaces).toEqual(["saveRecurrence"]);
    expect((await diff({ ...declared, userId: master.users[1]!.id })).replaces).toEqual(["userId"]);
    // During a preview, a meeting that is being replaced has an unknown id: the template may be replaced too.
    expect((await provider().diff!(created.id, created.outs, { ...created.inputs, meetingId: UNKNOWN })).replaces).toEqual(["meetingId"]);
  });

  test("destroy warns that Zoom keeps the template, succeeds, and leaves it in Zoom", async () => {
    const name = unique("Kept by Zoom");
    const created = await bed.create(KIND, "kept", { meetingId, name });
    const warnings: string[] = [];
    const spy = jest.spyOn(console, "error").mockImplementation((message: unknown) => void warnings.push(String(message)));
    const before = exchanges.length;
    try {
      await expect(provider().delete!(created.id, created.outs)).resolves.toBeUndefined();
    } finally {
      spy.mockRestore();
    }
    expect(apiCallsSince(before)).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Zoom has no API to delete meeting templates: template "${name}" (id ${created.outs.templateId})`);
    expect(warnings[0]).toContain("stays in Zoom; delete it in Zoom's web portal");
    expect((await templatesOf("me")).map((t) => t.name)).toContain(name);
  });

  test("replacing under the same name clashes unless overwrite is set", async () => {
    const name = unique("Same name");
    await bed.create(KIND, "first", { meetingId, name });
    // The replacement is created before the old one is forgotten, and Zoom keeps names unique.
    await expect(bed.create(KIND, "second", { meetingId: otherMeetingId, name })).rejects.toThrow(
      `user "me" (the user the credentials act as) already has a meeting template named "${name}" (names are unique per user): set \`overwrite: true\``,
    );
    const replacement = await bed.create(KIND, "second", { meetingId: otherMeetingId, name, overwrite: true });
    expect(replacement.outs).toMatchObject({ name, meetingId: otherMeetingId, overwrite: true });
    expect((await templatesOf("me")).filter((t) => t.name === name)).toHaveLength(1);
  });
});

describe("Zoom's refusals, made clear", () => {
  test("the 41st template of a user", async () => {
    const user = master.users[2]!;
    await seedTemplates(master.id, user.id, 40, "Full");
    await expect(bed.create(KIND, "41st", { userId: user.id, meetingId: userTwoMeetingId, name: unique("One too many") })).rejects.toThrow(
      `user "${user.id}" already has 40 meeting templates, Zoom's maximum; Zoom has no API to delete templates`,
    );
  });

  test("a meeting that does not exist", async () => {
    await expect(bed.create(KIND, "orphan", { meetingId: 99999999999, name: unique("Orphan") })).rejects.toThrow(
      `user "me" (the user the credentials act as) has no meeting 99999999999, so no template can be made from it (meetingId)`,
    );
  });

  test("another user's meeting", async () => {
    await expect(bed.create(KIND, "borrowed", { meetingId: userOneMeetingId, name: unique("Borrowed") })).rejects.toThrow(
      `has no meeting ${userOneMeetingId}, so no template can be made from it (meetingId); a template is made from one of the user's own existing meetings`,
    );
  });

  test("a meeting deleted since", async () => {
    const doomed = await createMeeting("me", { topic: "Doomed", type: 2, start_time: "2030-03-01T09:30:00Z" });
    await bed.portal.request({ operation: "meetingDelete", pathParams: { meetingId: doomed } });
    await expect(bed.create(KIND, "late", { meetingId: doomed, name: unique("Late") })).rejects.toThrow(`has no meeting ${doomed}`);
  });

  test("an invalid declaration fails in check, and nothing reaches Zoom", async () => {
    const before = await bed.requestCount();
    const result = await provider().check!({}, { meetingId: "12a", name: "", saveRecurrence: "yes", color: "red" });
    expect(result.failures).toEqual(
      expect.arrayContaining([
        { property: "meetingId", reason: expect.stringContaining("meeting id") },
        { property: "name", reason: "at least 1 character, got 0" },
        { property: "saveRecurrence", reason: "expected boolean, got string" },
        { property: "color", reason: "unknown property" },
      ]),
    );
    expect((await provider().check!({}, { meetingId: -5, name: "x" })).failures).toEqual([
      { property: "meetingId", reason: expect.stringContaining("meeting id") },
    ]);
    expect((await provider().check!({}, { meetingId: "000123", name: "x" })).inputs).toMatchObject({ meetingId: 123 });
    expect(await bed.requestCount()).toBe(before);
  });
});

describe("list lookups", () => {
  test("many concurrent reads across several users' full lists: one sweep per list, every template found", async () => {
    const lists = [
      { accountId: subOne.id, userId: subOne.users[0]!.id, count: 40 },
      { accountId: subOne.id, userId: subOne.users[1]!.id, count: 40 },
      { accountId: subTwo.id, userId: subTwo.users[1]!.id, count: 25 },
    ];
    const seeded = await Promise.all(
      lists.map(async (list) =>
        (await seedTemplates(list.accountId, list.userId, list.count, `Bulk ${list.userId}`)).map((t) => ({ ...list, ...t })),
      ),
    );
    const all = seeded.flat();
    const before = await listSweeps();
    const reads = await Promise.all(all.map((t) => provider().read!(`${t.accountId}/${t.userId}/${t.id}`, {})));
    expect(await listSweeps()).toBe(before + lists.length);
    reads.forEach((read, i) => {
      const t = all[i]!;
      expect(read.id).toBe(`${t.accountId}/${t.userId}/${t.id}`);
      expect(read.props).toMatchObject({ name: t.name, templateId: t.id, templateType: 1, userId: t.userId, accountId: t.accountId });
    });
  });

  test("a template whose id changed under the same name is still found, by name", async () => {
    const name = unique("Re-made");
    const created = await bed.create(KIND, "remade", { meetingId, name });
    const staleId = "me/no-longer-this-id";
    const read = await provider().read!(staleId, { ...created.outs, templateId: "no-longer-this-id" });
    expect(read.id).toBe(staleId);
    expect(read.props).toMatchObject({ name, templateId: created.outs.templateId });
  });

  test("a template made in the portal after a cached sweep is found, not taken for gone", async () => {
    const user = master.users[1]!;
    // A refresh's read (state outputs carry `__declared`): gone, not an error.
    await provider().read!(`${user.id}/warm-the-cache`, { __declared: [] });
    const name = unique("Made after the sweep");
    const made = await bed.portal.request<{ id: string }>({ operation: "meetingTemplateCreate", pathParams: { userId: user.id }, body: { meeting_id: userOneMeetingId, name } });
    const before = await listSweeps();
    const read = await provider().read!(`${user.id}/${made.data!.id}`, {});
    expect(read.props).toMatchObject({ name, templateId: made.data!.id });
    // The cached sweep lacked it; one fresh sweep found it.
    expect(await listSweeps()).toBe(before + 1);
  });

  test("an id that is not in the user's list is gone on refresh, and an error for .get()", async () => {
    // A refresh passes the state's outputs, which carry `__declared`; a `.get()` passes the program's properties.
    expect((await provider().read!("me/no-such-template", { __declared: ["name"] })).id).toBe("");
    await expect(provider().read!("me/no-such-template", { __logicalName: "gone" })).rejects.toThrow(
      'reading zoom:MeetingTemplate "gone": no MeetingTemplate "me/no-such-template" exists in user me of the credentials\' account (MeetingTemplate.get)',
    );
  });
});

describe("import and recovery", () => {
  test(".get() by id: outputs from Zoom, no inputs (nothing declared), and a matching declaration plans nothing", async () => {
    const owner = master.users[0]!;
    const name = unique("Made in the portal");
    const made = await bed.portal.request<{ id: string }>({
      operation: "meetingTemplateCreate",
      pathParams: { userId: owner.id },
      body: { meeting_id: meetingId, name },
    });
    const id = `${owner.id}/${made.data!.id}`;
    const read = await provider().read!(id, {});
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ name, templateId: made.data!.id, templateType: 1, userId: owner.id });
    // A `.get()` declares nothing, so it has no inputs.
    expect(read.inputs).toEqual({});
    const declared = { userId: owner.id, name, meetingId: String(meetingId) };
    const news = (await provider().check!({}, declared)).inputs as Props;
    expect(await provider().diff!(id, read.props!, news)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, changedPaths: [] });
    // Still a template, so a changed name replaces it.
    const renamed = (await provider().check!({}, { ...declared, name: "Another name" })).inputs as Props;
    expect((await provider().diff!(id, read.props!, renamed)).replaces).toEqual(["name"]);
  });

  test("a create whose answer is lost is found by name, not made twice", async () => {
    const name = unique("Lost answer");
    await bed.withLostAnswer("meetingTemplateCreate", async () => {
      const before = exchanges.length;
      const created = await bed.create(KIND, "lost", { meetingId, name });
      expect(created.outs).toMatchObject({ name, templateType: 1 });
      // The create (answer lost), the lookup by name, the read-back: no second create.
      expect(apiCallsSince(before).map((e) => e.operationId)).toEqual(["meetingTemplateCreate", "listMeetingTemplates", "listMeetingTemplates"]);
    });
    expect((await templatesOf("me")).filter((t) => t.name === name)).toHaveLength(1);
  });

  // Last: resets the emulator.
  test("templates gone out of band (deleted in the web portal) are dropped on refresh", async () => {
    const created = await bed.create(KIND, "gone", { meetingId, name: unique("Deleted by hand") });
    // Zoom's API cannot delete templates; an emulator reset stands in for deleting them in the web portal.
    await bed.control.reset();
    expect((await (await providerOfANewProcess()).read!(created.id, created.outs)).id).toBe("");
  });
});
