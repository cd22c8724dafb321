import type { Listing } from "../../reliability/support/account";
import type { KindFixture } from "./types";

/** No update and no delete in Zoom's API: a change is a new template, destroy drops it from state. */
export const meetingTemplate: KindFixture = {
  kind: "MeetingTemplate",
  operations: { create: "meetingTemplateCreate", read: "listMeetingTemplates", lookup: "listMeetingTemplates" },
  declarations: [{ name: "MeetingTemplate", declare: (n, env) => ({ meetingId: env.meetingId, name: `Reliability template ${n}` }) }],
  matches: (o, d) => o.kind === "MeetingTemplate" && (o.item as Listing).name === d.name,
  portalListing: { operation: "listMeetingTemplates", itemsKey: "templates", paginated: false, per: "user" },
  userInId: true,
  chaos: {
    limit: 3,
    fresh: (r, n) => ({ meetingId: r.templateSourceMeetingId, name: `Chaos template ${n}` }),
    replace: (_r, a, n) => ({ ...a, name: `Chaos template ${n}` }),
    declaredInZoom: async (a, item) => [["name", a.name, item.name]],
  },
  pathInputs: ["userId", "accountId", "meetingId"],
  textInputs: ["name"],
};
