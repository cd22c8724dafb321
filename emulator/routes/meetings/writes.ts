/** Create and update: a request body checked against Zoom's rules, then applied to the stored meeting. */
import type { AccountState, EmulatorContext, UserRecord } from "../../types";
import { ZoomHttpError } from "../../types";
import { invalidFields } from "../../core/validation";
import { parseZoomDateTime } from "../../core/zonedTime";
import { meetingBody, occurrenceSettingKeys, type MeetingBody, type MeetingType, type Recurrence } from "./bodies";
import { applySettings, defaultSettings } from "./defaults";
import { generatePassword, setPassword } from "./links";
import { checkRecurrence } from "./recurrence";
import { findOccurrence, meetingStore, scheduleOccurrences, type Settings, type StoredMeeting } from "./store";

/**
 * The account's time zone: Zoom uses it when a meeting names none ("the `timezone` value defaults to your Zoom
 * account's timezone"). The emulated accounts are set to Zoom's own example zone, which is not UTC on purpose:
 * clients that forget the zone get caught.
 */
export const ACCOUNT_TIMEZONE = "America/Los_Angeles";

/**
 * A request's `start_time` as an instant: UTC (`Z`) or with an offset as given, local times read in `timezone`.
 * For create, Zoom documents "If start_time is not specified or is set to a past value, it defaults to the
 * current time".
 */
function resolveStart(text: string | undefined, timezone: string, nowMs: number): number {
  const parsed = text === undefined ? undefined : parseZoomDateTime(text, timezone);
  return parsed === undefined || parsed < nowMs ? Math.floor(nowMs / 1000) * 1000 : parsed;
}

/** `schedule_for`: the user the meeting is scheduled for, with Zoom's documented 400s. */
function scheduledFor(
  account: AccountState,
  body: MeetingBody,
  type: MeetingType,
  ctx: EmulatorContext,
): UserRecord | undefined {
  if (body.schedule_for === undefined) return undefined;
  if (type === 1) {
    throw new ZoomHttpError(
      400,
      3000,
      "Instant meetings do not support the `schedule_for` parameter, and you can't schedule an instant meeting for another user.",
    );
  }
  try {
    return ctx.resolveUser(account, body.schedule_for);
  } catch (error) {
    if (!(error instanceof ZoomHttpError)) throw error;
    throw new ZoomHttpError(
      400,
      300,
      "The value that you entered in the `schedule_for` field is invalid. Enter a valid value and try again.",
    );
  }
}

function checkPreSchedule(body: MeetingBody, type: MeetingType): void {
  if (body.pre_schedule === true && type !== 2 && type !== 3) {
    throw new ZoomHttpError(
      400,
      3000,
      "Prescheduling is only available for scheduled meetings (type 2) and recurring meetings with no fixed time (type 3).",
    );
  }
}

function requireRecurrence(type: MeetingType, recurrence: Recurrence | undefined): void {
  if (type === 8 && !recurrence) {
    throw invalidFields(["recurrence"]);
  }
}

function uniqueMeetingId(account: AccountState, ctx: EmulatorContext): number {
  const store = meetingStore(account);
  let id = ctx.ids.meetingId();
  while (store.has(id)) id = ctx.ids.meetingId();
  return id;
}

export function createMeeting(account: AccountState, requester: UserRecord, input: unknown, ctx: EmulatorContext): StoredMeeting {
  const body = ctx.validate(meetingBody, input);
  const type: MeetingType = body.type ?? 2;
  const host = scheduledFor(account, body, type, ctx) ?? requester;
  checkPreSchedule(body, type);
  if (body.recurrence) checkRecurrence(body.recurrence);
  requireRecurrence(type, body.recurrence);
  const nowMs = ctx.now().getTime();
  const timezone = body.timezone ?? ACCOUNT_TIMEZONE;
  const meeting: StoredMeeting = {
    id: uniqueMeetingId(account, ctx),
    uuid: ctx.ids.uuid(),
    hostId: host.id,
    hostEmail: host.email,
    type,
    topic: body.topic ?? "Zoom meeting",
    agenda: body.agenda ?? "",
    duration: body.duration ?? 60,
    timezone,
    startMs: type === 3 ? undefined : type === 1 ? Math.floor(nowMs / 1000) * 1000 : resolveStart(body.start_time, timezone, nowMs),
    password: "",
    h323Password: "",
    pstnPassword: "",
    encryptedPassword: "",
    dynamicHostKey: String(ctx.ids.meetingId() % 1_000_000).padStart(6, "0"),
    chatToken: ctx.ids.string() + ctx.ids.string(),
    settings: applySettings(defaultSettings(), body.settings, account),
    recurrence: type === 8 ? body.recurrence : undefined,
    occurrences: [],
    trackingFields: (body.tracking_fields ?? []).map((f) => ({ field: f.field, value: f.value ?? "" })),
    templateId: body.template_id,
    preSchedule: body.pre_schedule ?? false,
    createdAtMs: Math.floor(nowMs / 1000) * 1000,
    status: "waiting",
    deleted: false,
    startTokens: new Map(),
  };
  const wantsPassword = body.password !== undefined || body.default_password !== false;
  setPassword(meeting, body.password ?? (wantsPassword ? generatePassword(ctx) : ""), ctx);
  scheduleOccurrences(meeting);
  meetingStore(account).set(meeting.id, meeting);
  if (host.id !== requester.id) {
    ctx.recordEmail({ kind: "scheduleForReminder", to: host.email, meetingId: meeting.id });
  }
  return meeting;
}

/** PATCH of the whole meeting (no `occurrence_id`). */
export function updateMeeting(account: AccountState, meeting: StoredMeeting, input: unknown, ctx: EmulatorContext): void {
  const body = ctx.validate(meetingBody, input);
  const type: MeetingType = body.type ?? meeting.type;
  const host = scheduledFor(account, body, type, ctx);
  checkPreSchedule(body, type);
  if (body.recurrence) checkRecurrence(body.recurrence);
  const recurrence = body.recurrence ?? meeting.recurrence;
  requireRecurrence(type, recurrence);
  const nowMs = ctx.now().getTime();

  // Everything is checked; from here on the update applies.
  if (host) {
    meeting.hostId = host.id;
    meeting.hostEmail = host.email;
  }
  const timezone = body.timezone ?? meeting.timezone;
  let reschedule =
    type !== meeting.type || body.recurrence !== undefined || timezone !== meeting.timezone || body.duration !== undefined;
  meeting.type = type;
  meeting.timezone = timezone;
  if (body.topic !== undefined) meeting.topic = body.topic;
  if (body.agenda !== undefined) meeting.agenda = body.agenda;
  if (body.duration !== undefined) meeting.duration = body.duration;
  if (body.password !== undefined) setPassword(meeting, body.password, ctx);
  if (body.pre_schedule !== undefined) meeting.preSchedule = body.pre_schedule;
  if (body.template_id !== undefined) meeting.templateId = body.template_id;
  if (body.tracking_fields !== undefined) {
    meeting.trackingFields = body.tracking_fields.map((f) => ({ field: f.field, value: f.value ?? "" }));
  }
  meeting.settings = applySettings(meeting.settings, body.settings, account);
  meeting.recurrence = type === 8 ? recurrence : undefined;
  if (type === 3) meeting.startMs = undefined;
  else if (body.start_time !== undefined) {
    // "If the value is omitted or a date is in the past, the API ignores this value" (spec, meetingUpdate).
    const parsed = parseZoomDateTime(body.start_time, timezone);
    if (parsed !== undefined && parsed >= nowMs) {
      meeting.startMs = parsed;
      reschedule = true;
    }
  }
  if (meeting.startMs === undefined && type !== 3) meeting.startMs = Math.floor(nowMs / 1000) * 1000;
  if (reschedule) {
    // A new layout starts from the series' original first start, not from today's first visible occurrence.
    scheduleOccurrences(meeting);
  }
}

/** PATCH with `occurrence_id`: agenda, start time, duration and a few settings of one occurrence. */
export function updateOccurrence(meeting: StoredMeeting, occurrenceId: string, input: unknown, ctx: EmulatorContext): void {
  const occurrence = findOccurrence(meeting, occurrenceId);
  const body = ctx.validate(meetingBody, input);
  if (body.agenda !== undefined) occurrence.agenda = body.agenda;
  if (body.duration !== undefined) occurrence.duration = body.duration;
  if (body.start_time !== undefined) {
    const parsed = parseZoomDateTime(body.start_time, meeting.timezone);
    if (parsed !== undefined && parsed >= ctx.now().getTime()) occurrence.startMs = parsed;
  }
  if (body.settings) {
    const picked: Settings = {};
    for (const key of occurrenceSettingKeys) if (body.settings[key] !== undefined) picked[key] = body.settings[key];
    occurrence.settings = { ...occurrence.settings, ...picked };
  }
}
