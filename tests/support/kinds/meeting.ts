import { userKey } from "../../reliability/support/account";
import type { KindFixture } from "./types";

export const meeting: KindFixture = {
  kind: "Meeting",
  operations: { create: "meetingCreate", read: "meeting", lookup: "meetings", update: "meetingUpdate", delete: "meetingDelete" },
  declarations: [
    {
      name: "Meeting",
      declare: (n) => ({ topic: `Reliability ${n}`, type: 2, startTime: "2031-05-04T10:00:00Z", duration: 30, agenda: `agenda ${n}` }),
    },
    {
      name: "Meeting (recurring, local start time)",
      declare: (n) => ({
        topic: `Reliability weekly ${n}`,
        type: 8,
        startTime: "2031-05-05T09:30:00",
        timezone: "Europe/Berlin",
        recurrence: { type: 2, weeklyDays: "4", endTimes: 5 },
      }),
    },
    { name: "Meeting (recurring, no fixed time)", declare: (n) => ({ topic: `Reliability any time ${n}`, type: 3 }) },
  ],
  matches: (o, d) => o.kind === "Meeting" && o.item.topic === d.topic,
  change: (d, n) => ({ ...d, agenda: `changed ${n}` }),
  portalListing: { operation: "meetings", itemsKey: "meetings", paginated: true, per: "user" },
  chaos: {
    limit: 30,
    fresh: (r, n) => {
      const type = r.pick([2, 2, 8, 3]);
      const base = { topic: `Chaos meeting ${n}`, type, duration: 15 + r.int(8) * 15, agenda: `agenda ${n}`, userId: r.user() };
      if (type === 2) return { ...base, startTime: `2031-0${1 + r.int(9)}-1${r.int(10)}T0${r.int(10)}:${r.pick(["00", "30"])}:00Z` };
      if (type === 8) return { ...base, startTime: "2031-03-03T09:00:00", timezone: r.pick(["Europe/Berlin", "America/New_York", "UTC"]), recurrence: { type: 2, weeklyDays: r.pick(["2", "3,5", "6"]), endTimes: 1 + r.int(10) } };
      return base;
    },
    update: (r, a, n) => (r.chance(0.5) ? { ...a, agenda: `agenda ${n}` } : { ...a, duration: 15 + r.int(8) * 15 }),
    // Another host: a new meeting, then the old one is deleted.
    replace: (r, a) => ({ ...a, userId: r.pick(r.otherUsers(a.userId)) }),
    declaredInZoom: async (a, item, zoom) => {
      const live = await zoom.read("meeting", { meetingId: String(item.id) });
      return [
        ["topic", a.topic, live.topic],
        ["agenda", a.agenda, live.agenda],
        ["duration", a.duration, live.duration],
        ["host", userKey(zoom.accounts, undefined, String(a.userId)), live.host_id],
      ];
    },
  },
  pathInputs: ["userId", "accountId"],
  textInputs: ["topic", "agenda", "templateId", "scheduleFor"],
};
