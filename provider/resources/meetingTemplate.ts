/**
 * zoom:MeetingTemplate — a meeting template made from an existing meeting.
 *
 * Zoom can only create templates and list a user's templates: no get by id, no update, no delete. So reads
 * look the template up in the (cached) list, every change replaces it, and destroy only drops it from state
 * with a warning that Zoom keeps it. The create answer is `{id, name}` only, so the object is read back from
 * the list once after creating it.
 */
import type * as pulumi from "@pulumi/pulumi";
import { meetingTemplateSchema, type MeetingTemplateArgs, type MeetingTemplateInputs } from "../../schema/meetingTemplate";
import { idOf, itemsOf } from "../framework/answers";
import { resourceClass, SCOPE, unknownUser, userLabel } from "../framework/declare";
import type { ObjectRef, OperationContext, ResourceDefinition, ZoomObject } from "../framework/definition";

/** Zoom's documented per-user limit. */
const MAX_TEMPLATES_PER_USER = 40;


/**
 * The listed template of `ref`: by Zoom's id, else by name (unique per user). The name fallback finds a template
 * whose id changed under the same name (re-made in the web portal, or overwritten), which is still the one the
 * program declares.
 */
function findTemplate(items: readonly ZoomObject[], ref: ObjectRef, inputs: Partial<MeetingTemplateInputs>): ZoomObject | undefined {
  return items.find((item) => String(item.id) === ref.zoomId) ?? (inputs.name === undefined ? undefined : items.find((item) => item.name === inputs.name));
}

/**
 * After a create whose outcome is unknown: the user's template with the declared name. Names are unique per
 * user, so a template of that name is the one this create made (or, with `overwrite`, the one it overwrote).
 * The list is fetched fresh: the cached one may predate the attempt.
 */
async function findCreatedTemplate(ctx: OperationContext, inputs: MeetingTemplateInputs): Promise<string | undefined> {
  const response = await ctx.client.request({
    operation: "listMeetingTemplates",
    pathParams: { userId: inputs.userId },
    accountId: inputs.accountId,
    context: ctx.label,
  });
  const found = itemsOf(response.data, "templates", "listMeetingTemplates").find((template) => template.name === inputs.name);
  return found === undefined ? undefined : idOf(found) || undefined;
}

export const meetingTemplateDefinition = {
  kind: "MeetingTemplate",
  description:
    "A meeting template made from an existing meeting (its settings, and optionally its recurrence). Zoom has no API to update or delete templates: any change of an input replaces the template (the new one is created first, so keep names distinct or set `overwrite`), and destroying it only removes it from the stack with a warning: Zoom keeps the template until someone deletes it in the web portal. At most 40 templates per user; names are unique per user.",
  idParts: ["accountId", "userId"],
  lostCreate:
    "the template is looked for by its name among the user's templates (names are unique per user) before it is tried again",
  schema: meetingTemplateSchema,
  properties: {
    // Zoom reports only id, name and type of a template: the rest is what we sent, kept in state.
    meetingId: { source: "createOnly" },
    name: { source: "live" },
    saveRecurrence: { source: "createOnly" },
    overwrite: { source: "createOnly" },
    userId: SCOPE,
    accountId: SCOPE,
  },
  outputs: {
    templateId: { type: "string", description: "Zoom's id of the template (use it as a Meeting's `templateId`)." },
    templateType: { type: "number", description: "`1` a meeting template, `2` an admin meeting template." },
  },
  normalize: (live) => ({ name: live.name, templateId: live.id === undefined ? undefined : String(live.id), templateType: live.type }),
  // 1001: the user is gone, and their templates with them. A template missing from the list is gone too.
  goneCodes: [1001],
  create: {
    operation: "meetingTemplateCreate",
    pathParams: (inputs) => ({ userId: inputs.userId }),
    // The answer is `{id, name}`: the type comes from the list.
    answerIsObject: false,
  },
  read: {
    kind: "list",
    operation: "listMeetingTemplates",
    pathParams: (ref) => ({ userId: ref.userId ?? "me" }),
    itemsKey: "templates",
    // Zoom's list of a user's templates (at most 40) has no pages.
    paginated: false,
    find: findTemplate,
  },
  update: "replace",
  delete: {
    unsupported: (ref, inputs) =>
      `Zoom has no API to delete meeting templates: template "${inputs.name ?? ref.zoomId}" (id ${ref.zoomId}) of user ${userLabel(inputs)} is removed from the stack but stays in Zoom; delete it in Zoom's web portal if it is no longer wanted`,
  },
  errors: [
    // Zoom's code 3000 also means "cannot access webinar information": only the name clash is explained.
    {
      operation: "create",
      zoomCode: 3000,
      zoomMessage: /template name already exists/i,
      explain: (inputs) =>
        `user ${userLabel(inputs)} already has a meeting template named "${inputs.name}" (names are unique per user): set \`overwrite: true\` to replace its content from meeting ${inputs.meetingId}, import it (id "${inputs.userId}/<templateId>", see \`templateId\` in Zoom's list of the user's templates), or choose another name`,
    },
    {
      operation: "create",
      zoomCode: 300,
      zoomMessage: /up to 40/i,
      explain: (inputs) =>
        `user ${userLabel(inputs)} already has ${MAX_TEMPLATES_PER_USER} meeting templates, Zoom's maximum; Zoom has no API to delete templates, so delete unused ones in Zoom's web portal first`,
    },
    {
      operation: "create",
      zoomCode: 3001,
      explain: (inputs) =>
        `user ${userLabel(inputs)} has no meeting ${inputs.meetingId}, so no template can be made from it (meetingId); a template is made from one of the user's own existing meetings: create the meeting first with the same host (e.g. pass a Meeting resource's meetingId and set both userIds alike)`,
    },
    unknownUser(),
  ],
  hooks: { findCreated: findCreatedTemplate },
} satisfies ResourceDefinition<typeof meetingTemplateSchema>;

/**
 * `MeetingTemplate.get(name, id)` adopts an existing template by id (`[<accountId>/]<userId>/<templateId>`).
 * Zoom does not say which meeting it was made from, so `meetingId` stays unset until the template is replaced.
 */
export class MeetingTemplate extends resourceClass<MeetingTemplateArgs>(meetingTemplateDefinition) {
  /** The meeting the template was made from (a number, whichever form was declared). */
  declare readonly meetingId: pulumi.Output<number | undefined>;
  declare readonly name: pulumi.Output<string>;
  declare readonly saveRecurrence: pulumi.Output<boolean | undefined>;
  declare readonly overwrite: pulumi.Output<boolean | undefined>;
  declare readonly userId: pulumi.Output<string>;
  declare readonly accountId: pulumi.Output<string | undefined>;
  /** Zoom's id of the template. */
  declare readonly templateId: pulumi.Output<string>;
  /** `1` a meeting template, `2` an admin meeting template. */
  declare readonly templateType: pulumi.Output<number>;
}
