/** zoom.getMeetingTemplate: a meeting template's id, by name (for a meeting's `templateId`). */
import { z } from "zod";
import { exactName, lookupAccountId, lookupUserId } from "./args";
import { readsList, type LookupDefinition } from "./definition";

const getMeetingTemplateArgs = z
  .strictObject({ userId: lookupUserId, name: exactName("The template's name, matched exactly."), accountId: lookupAccountId })
  .describe("The template's `name`, and optionally `userId` and `accountId`.");
export type GetMeetingTemplateArgs = z.input<typeof getMeetingTemplateArgs>;

export interface GetMeetingTemplateResult {
  readonly id: string;
  readonly name: string;
  /** 1: a meeting template; 2: an admin (account) template. */
  readonly type?: number;
}

export const getMeetingTemplateDefinition: LookupDefinition<typeof getMeetingTemplateArgs> = {
  name: "getMeetingTemplate",
  noun: "meeting template",
  description:
    "Finds one of a user's meeting templates by name, for a meeting's `templateId`: templates made in the web portal, or by another stack. One request (Zoom's list is not paginated).",
  args: getMeetingTemplateArgs,
  ...readsList({ operation: "listMeetingTemplates", itemsKey: "templates", paginated: false }, (args) => ({ userId: args.userId })),
  returns: { kind: "one" },
  match: [{ arg: "name", field: "name" }],
  fields: {
    id: { type: "string", description: "The template's id: a meeting's `templateId`." },
    name: { type: "string", description: "The template's name." },
    type: { type: "number", description: "1: a meeting template; 2: an admin template." },
  },
  describe: (t) => `"${String(t.name)}" (id ${String(t.id)})`,
  example: {
    typescript: `const weekly = await zoom.getMeetingTemplate({ name: "Weekly sync" });
const sync = new zoom.Meeting("sync", { topic: "Sync", type: 2, templateId: weekly.id });
return { syncId: sync.meetingId };`,
    yaml: `lookups:
  weekly:
    function: getMeetingTemplate
    arguments:
      name: Weekly sync
meetings:
  sync:
    topic: Sync
    type: 2
    templateId: \${lookups.weekly.id}`,
  },
};
