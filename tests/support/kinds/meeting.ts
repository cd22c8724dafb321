import type { KindFixture } from "./types";

export const meeting: KindFixture = {
  kind: "Meeting",
  createOperation: "meetingCreate",
  readOperation: "meeting",
  lookupOperation: "meetings",
  writes: { update: "meetingUpdate", delete: "meetingDelete" },
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
  pathInputs: ["userId", "accountId"],
  textInputs: ["topic", "agenda", "templateId", "scheduleFor"],
};
