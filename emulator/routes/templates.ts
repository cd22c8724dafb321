/**
 * Meeting templates: `/users/{userId}/meeting_templates`, also under `/accounts/{accountId}`.
 *
 * Zoom only creates a template from an existing meeting and lists a user's templates: there is no get, no
 * update and no delete (the core's unknown-route answers cover those). At most 40 per user; names are unique
 * per user unless the request asks to overwrite. Error codes and wording are the spec's.
 */
import { z } from "zod";
import type { AccountState, EmulatorContext, Handler, RouteModule, UserRecord } from "../types";
import { ZoomHttpError } from "../types";

const MAX_TEMPLATES_PER_USER = 40;

/** What the emulator keeps of a template; Zoom answers only `{id, name, type}` of it. */
interface MeetingTemplate {
  id: string;
  name: string;
  /** 1: meeting template (2, admin template, is made in the web portal, not through this API). */
  type: 1;
  meeting_id: number;
  save_recurrence: boolean;
}

/**
 * The spec's body marks no field required, but a template needs its source meeting and a name; a missing one
 * gets the usual 400 code 300 naming the field.
 */
const createBody = z.object({
  meeting_id: z.number().int().positive(),
  name: z.string().min(1),
  save_recurrence: z.boolean().optional(),
  overwrite: z.boolean().optional(),
});
type CreateBody = z.infer<typeof createBody>;

const seedItem = createBody.extend({ user_id: z.string().min(1) });

function userTemplates(account: AccountState, user: UserRecord): MeetingTemplate[] {
  const store = account.store<Map<string, MeetingTemplate[]>>("templates", () => new Map());
  let templates = store.get(user.id);
  if (!templates) {
    templates = [];
    store.set(user.id, templates);
  }
  return templates;
}

/**
 * Is this meeting the user's own? Reads the meetings module's storage (meetings.ts: id -> meeting, where
 * deleted meetings stay, flagged, until recovered or gone for good). Only the flag and the host are read here,
 * so the structural type is all this module needs to know of a stored meeting. A template is made from one of
 * the user's meetings ("Create a meeting template from an existing meeting"): Zoom answers another user's
 * meeting as it answers a meeting that does not exist (400 code 3001), since the user has no such meeting.
 */
function usersMeeting(account: AccountState, user: UserRecord, meetingId: number): boolean {
  const meetings = account.store<ReadonlyMap<number, { readonly deleted: boolean; readonly hostId: string }>>(
    "meetings",
    () => new Map(),
  );
  const meeting = meetings.get(meetingId);
  return meeting !== undefined && !meeting.deleted && meeting.hostId === user.id;
}

/**
 * Adds a template, or with `overwrite` replaces the user's template of the same name (keeping its id). Spec
 * errors, all 400: code 3000 "Meeting template name already exists: {templateName}.", code 300 "You can only
 * create up to 40 meeting templates."
 */
function saveTemplate(templates: MeetingTemplate[], fields: CreateBody, ctx: EmulatorContext): MeetingTemplate {
  const clash = templates.find((template) => template.name === fields.name);
  const source = { meeting_id: fields.meeting_id, save_recurrence: fields.save_recurrence ?? false };
  if (clash) {
    if (!fields.overwrite) throw new ZoomHttpError(400, 3000, `Meeting template name already exists: ${fields.name}.`);
    Object.assign(clash, source);
    return clash;
  }
  if (templates.length >= MAX_TEMPLATES_PER_USER) {
    throw new ZoomHttpError(400, 300, `You can only create up to ${MAX_TEMPLATES_PER_USER} meeting templates.`);
  }
  const created: MeetingTemplate = { id: ctx.ids.string(), name: fields.name, type: 1, ...source };
  templates.push(created);
  return created;
}

const listMeetingTemplates: Handler = (req, ctx) => {
  const templates = userTemplates(req.account, ctx.resolveUser(req.account, req.pathParams.userId));
  return {
    status: 200,
    body: {
      total_records: templates.length,
      templates: templates.map(({ id, name, type }) => ({ id, name, type })),
    },
  };
};

/** Spec: 400 code 3001 "Meeting does not exist: {meetingId}" when the source meeting is not the user's. */
const meetingTemplateCreate: Handler = (req, ctx) => {
  const user = ctx.resolveUser(req.account, req.pathParams.userId);
  const templates = userTemplates(req.account, user);
  const fields = ctx.validate(createBody, req.body);
  if (!usersMeeting(req.account, user, fields.meeting_id)) {
    throw new ZoomHttpError(400, 3001, `Meeting does not exist: ${fields.meeting_id}`);
  }
  const template = saveTemplate(templates, fields, ctx);
  return { status: 201, body: { id: template.id, name: template.name } };
};

export const templateRoutes: RouteModule = {
  name: "templates",
  handlers: { listMeetingTemplates, meetingTemplateCreate },
  seed: {
    /**
     * Items: a create body plus `user_id`. The per-user limit and name rule hold; the source meeting need not
     * exist, as a template outlives the meeting it was made from.
     */
    meetingTemplates: (account, items, ctx) =>
      items.map((item) => {
        const { user_id: userId, ...fields } = ctx.validate(seedItem, item);
        const user = ctx.resolveUser(account, userId);
        const template = saveTemplate(userTemplates(account, user), fields, ctx);
        return { user_id: user.id, id: template.id, name: template.name, type: template.type };
      }),
  },
};
