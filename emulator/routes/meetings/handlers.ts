/** The meeting endpoints' handlers: create, get, update, delete, status and list. */
import type { AccountState, Handler } from "../../types";
import { ZoomHttpError } from "../../types";
import { startDateFilter } from "../meetingDateRange";
import { statusBody } from "./bodies";
import { isPlainObject } from "./defaults";
import { LIST_TYPES, listFilter, listItem, meetingStarts, render } from "./render";
import { findMeeting, findOccurrence, liveMeeting, meetingNotFound, meetingStore, visibleOccurrences, type StoredMeeting } from "./store";
import { createMeeting, updateMeeting, updateOccurrence } from "./writes";

function booleanQuery(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new ZoomHttpError(400, 300, `Invalid parameter: ${name}.`);
}

export const create: Handler = (req, ctx) => {
  const requester = ctx.resolveUser(req.account, req.pathParams.userId);
  const meeting = createMeeting(req.account, requester, req.body, ctx);
  return { status: 201, body: render(req.account, meeting, ctx) };
};

export const get: Handler = (req, ctx) => {
  const meeting = liveMeeting(req.account, req.pathParams.meetingId);
  const occurrenceId = req.query.get("occurrence_id") ?? undefined;
  const showPreviousOccurrences = booleanQuery(req.query, "show_previous_occurrences", false);
  return { status: 200, body: render(req.account, meeting, ctx, { occurrenceId, showPreviousOccurrences }) };
};

export const update: Handler = (req, ctx) => {
  const meeting = liveMeeting(req.account, req.pathParams.meetingId);
  const occurrenceId = req.query.get("occurrence_id");
  if (occurrenceId) updateOccurrence(meeting, occurrenceId, req.body, ctx);
  else updateMeeting(req.account, meeting, req.body, ctx);
  return { status: 204 };
};

/** Who gets the host-side cancellation notice: the host and the alternative hosts (emails or user ids). */
function hostRecipients(account: AccountState, meeting: StoredMeeting): string[] {
  const alternatives = String(meeting.settings.alternative_hosts ?? "")
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => account.users.find((u) => u.id === entry)?.email ?? entry);
  return [...new Set([meeting.hostEmail, ...alternatives])];
}

function inviteeEmails(meeting: StoredMeeting): string[] {
  const invitees = meeting.settings.meeting_invitees;
  if (!Array.isArray(invitees)) return [];
  return invitees.flatMap((i: unknown) => (isPlainObject(i) && typeof i.email === "string" ? [i.email] : []));
}

function deleteMeeting(meeting: StoredMeeting): void {
  meeting.deleted = true;
  meeting.status = "waiting";
  // Deleting is the one thing that kills every start link handed out (forum thread in ../zoom-docs).
  meeting.startTokens.clear();
}

/**
 * DELETE. Notifications, as the query parameters describe them: `schedule_for_reminder` (Zoom notifies the host
 * and alternative hosts unless it is `false`: the forum thread's "email gets sent to the host") is recorded as
 * kind `scheduleForReminder`; `cancel_meeting_reminder=true` (default false) notifies registrants, recorded as
 * kind `meetingCancelled` for each of the meeting's invitees (the emulator has no registrants).
 */
export const remove: Handler = (req, ctx) => {
  const meeting = liveMeeting(req.account, req.pathParams.meetingId);
  const occurrenceId = req.query.get("occurrence_id") ?? undefined;
  const notifyHosts = booleanQuery(req.query, "schedule_for_reminder", true);
  const notifyRegistrants = booleanQuery(req.query, "cancel_meeting_reminder", false);
  if (occurrenceId !== undefined) {
    findOccurrence(meeting, occurrenceId).deleted = true;
    if (meeting.occurrences.every((o) => o.deleted)) deleteMeeting(meeting);
  } else {
    deleteMeeting(meeting);
  }
  const email = { meetingId: meeting.id, ...(occurrenceId === undefined ? {} : { occurrenceId }) };
  if (notifyHosts) {
    for (const to of hostRecipients(req.account, meeting)) ctx.recordEmail({ kind: "scheduleForReminder", to, ...email });
  }
  if (notifyRegistrants) {
    for (const to of inviteeEmails(meeting)) ctx.recordEmail({ kind: "meetingCancelled", to, ...email });
  }
  return { status: 204 };
};

/** `end` ends a live meeting (a meeting that is not running stays as it is); `recover` undeletes. */
export const status: Handler = (req, ctx) => {
  const { action } = ctx.validate(statusBody, req.body);
  const meeting = findMeeting(req.account, req.pathParams.meetingId);
  if (!meeting || (meeting.deleted && action !== "recover")) throw meetingNotFound(req.pathParams.meetingId);
  if (action === "end") meeting.status = "waiting";
  else {
    meeting.deleted = false;
    if (meeting.occurrences.length > 0 && meeting.occurrences.every((o) => o.deleted)) {
      for (const o of meeting.occurrences) o.deleted = false;
    }
  }
  return { status: 204 };
};

export const list: Handler = (req, ctx) => {
  const user = ctx.resolveUser(req.account, req.pathParams.userId);
  const type = req.query.get("type") || "scheduled";
  if (!(LIST_TYPES as readonly string[]).includes(type)) throw new ZoomHttpError(400, 300, "Invalid parameter: type.");
  const nowMs = ctx.now().getTime();
  const keep = listFilter(type, nowMs);
  const inRange = startDateFilter(req.query);
  const meetings = [...meetingStore(req.account).values()]
    // "This API does not return information about instant meetings."
    .filter((m) => !m.deleted && m.type !== 1 && m.hostId === user.id && keep(m))
    .filter((m) => !inRange || inRange(meetingStarts(m, nowMs)))
    .map((m) => ({ m, sortMs: (m.type === 8 ? visibleOccurrences(m, nowMs, false)[0]?.startMs : m.startMs) ?? m.createdAtMs }))
    .sort((a, b) => a.sortMs - b.sortMs)
    .map(({ m }) => listItem(m, ctx, nowMs));
  return { status: 200, body: ctx.paginate(meetings, req.query, "meetings", { pageNumbers: true }) };
};
