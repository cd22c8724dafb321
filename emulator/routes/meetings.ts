/**
 * Meetings (`/users/{userId}/meetings`, `/meetings/{meetingId}`, `/meetings/{meetingId}/status`, also under
 * `/accounts/{accountId}`), as Zoom's API reference describes them:
 *
 * - create answers 201 with the whole meeting: int64 `id`, `uuid`, host, links, generated passcodes, `start_time`
 *   in UTC (`Z`) with the request's `timezone` kept, and the FULL `settings` object with Zoom's server-side
 *   defaults filled in. Types 1 (instant), 2 (scheduled), 3 (recurring, no fixed time), 8 (recurring, fixed
 *   time, with `occurrences`) and 10 (screen share only, scheduled like 2).
 * - `start_url` carries a host token that changes on every GET, lives two hours, keeps working after the meeting
 *   ended and dies when the meeting is deleted (the one-time-meeting forum thread in ../zoom-docs).
 * - PATCH deep-merges `settings`, replaces `recurrence` and `tracking_fields`; `occurrence_id` edits one
 *   occurrence. DELETE honours `occurrence_id`, `schedule_for_reminder` and `cancel_meeting_reminder`.
 * - The list omits instant meetings and deleted ones, and pages with `next_page_token`.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { AccountState, EmulatorContext, EmulatorRequest, Handler, RouteModule, UserRecord } from "../types";
import { ZoomHttpError } from "../types";
import { invalidFields } from "../core/validation";
import { formatZoomUtc, isTimeZone, parseZoomDateTime, wallClock, zonedToUtc } from "../core/zonedTime";
import { trackingFieldByName } from "./trackingFields";
import { startDateFilter } from "./meetingDateRange";

/**
 * The account's time zone: Zoom uses it when a meeting names none ("the `timezone` value defaults to your Zoom
 * account's timezone"). The emulated accounts are set to Zoom's own example zone, which is not UTC on purpose:
 * clients that forget the zone get caught.
 */
export const ACCOUNT_TIMEZONE = "America/Los_Angeles";

/** A host's start link expires two hours after Zoom hands it out (create-meeting reference). */
const START_URL_TTL_MS = 2 * 60 * 60 * 1000;
/** Zoom lays out at most 60 occurrences ("The maximum number of recurring is 60"). */
const MAX_OCCURRENCES = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------------------
// Request bodies, from the spec's meetingCreate/meetingUpdate schemas
// ---------------------------------------------------------------------------------------------------------

const zoomDateTime = z.string().refine((text) => parseZoomDateTime(text, "UTC") !== undefined);

/**
 * `recurrence.end_date_time`: the spec gives it `format: date-time` and says "Should be in UTC time", and an
 * RFC 3339 date-time carries its zone: local time (`2030-03-01T10:00:00`) is an invalid field, as Zoom
 * validates a date-time, not a value to echo back out of spec.
 */
const zonedDateTime = zoomDateTime.refine((text) => /(Z|[+-]\d{2}:?\d{2})$/.test(text));

/** The spec's old passcode rule: at most 10 characters from `[a-zA-Z0-9@-_*]`. */
const password = z
  .string()
  .max(10)
  .regex(/^[a-zA-Z0-9@\-_*]*$/);

const recurrenceSchema = z.object({
  type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  repeat_interval: z.number().int().min(1).optional(),
  /** One day or several, comma separated ("1,3"): the spec's enum lists single days, its description both. */
  weekly_days: z
    .string()
    .regex(/^[1-7](,[1-7])*$/)
    .optional(),
  monthly_day: z.number().int().min(1).max(31).optional(),
  monthly_week: z.union([z.literal(-1), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
  monthly_week_day: z.number().int().min(1).max(7).optional(),
  end_times: z.number().int().min(0).max(MAX_OCCURRENCES).optional(),
  end_date_time: zonedDateTime.optional(),
});
type Recurrence = z.infer<typeof recurrenceSchema>;

const settingsSchema = z.object({
  additional_data_center_regions: z.array(z.string()).optional(),
  allow_host_control_participant_mute_state: z.boolean().optional(),
  allow_multiple_devices: z.boolean().optional(),
  alternative_host_manage_cloud_recording: z.boolean().optional(),
  alternative_host_manage_meeting_summary: z.boolean().optional(),
  alternative_host_update_polls: z.boolean().optional(),
  alternative_hosts: z.string().optional(),
  alternative_hosts_email_notification: z.boolean().optional(),
  approval_type: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  approved_or_denied_countries_or_regions: z
    .object({
      approved_list: z.array(z.string()).optional(),
      denied_list: z.array(z.string()).optional(),
      enable: z.boolean().optional(),
      method: z.enum(["approve", "deny"]).optional(),
    })
    .optional(),
  audio: z.enum(["both", "telephony", "voip", "thirdParty"]).optional(),
  audio_conference_info: z.string().max(2048).optional(),
  authentication_domains: z.string().optional(),
  authentication_exception: z
    .array(z.object({ email: z.email().optional(), name: z.string().optional() }))
    .optional(),
  authentication_name: z.string().optional(),
  authentication_option: z.string().optional(),
  auto_add_recording_to_video_management: z
    .object({
      enable: z.boolean(),
      channels: z
        .array(z.object({ channel_id: z.string(), name: z.string().optional() }))
        .min(1)
        .max(5)
        .optional(),
    })
    .optional(),
  auto_recording: z.enum(["local", "cloud", "none"]).optional(),
  auto_start_ai_companion_questions: z.boolean().optional(),
  auto_start_meeting_summary: z.boolean().optional(),
  breakout_room: z
    .object({
      enable: z.boolean().optional(),
      rooms: z
        .array(z.object({ name: z.string().optional(), participants: z.array(z.string()).optional() }))
        .optional(),
    })
    .optional(),
  calendar_type: z.union([z.literal(1), z.literal(2)]).optional(),
  close_registration: z.boolean().optional(),
  cn_meeting: z.boolean().optional(),
  contact_email: z.string().optional(),
  contact_name: z.string().optional(),
  continuous_meeting_chat: z
    .object({
      enable: z.boolean().optional(),
      auto_add_invited_external_users: z.boolean().optional(),
      auto_add_meeting_participants: z.boolean().optional(),
    })
    .optional(),
  custom_keys: z
    .array(z.object({ key: z.string().max(64).optional(), value: z.string().max(256).optional() }))
    .max(10)
    .optional(),
  device_testing: z.boolean().optional(),
  disable_participant_video: z.boolean().optional(),
  email_in_attendee_report: z.boolean().optional(),
  email_notification: z.boolean().optional(),
  encryption_type: z.enum(["enhanced_encryption", "e2ee"]).optional(),
  enforce_login: z.boolean().optional(),
  enforce_login_domains: z.string().optional(),
  focus_mode: z.boolean().optional(),
  global_dial_in_countries: z.array(z.string()).optional(),
  /** Accepted (the update schema lists it) but derived from `global_dial_in_countries`, as Zoom does. */
  global_dial_in_numbers: z.array(z.object({}).passthrough()).optional(),
  host_save_video_order: z.boolean().optional(),
  host_video: z.boolean().optional(),
  in_meeting: z.boolean().optional(),
  internal_meeting: z.boolean().optional(),
  jbh_time: z.union([z.literal(0), z.literal(5), z.literal(10), z.literal(15)]).optional(),
  join_before_host: z.boolean().optional(),
  language_interpretation: z
    .object({
      enable: z.boolean().optional(),
      interpreters: z
        .array(
          z.object({
            email: z.email().optional(),
            languages: z.string().optional(),
            interpreter_languages: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  meeting_authentication: z.boolean().optional(),
  meeting_invitees: z.array(z.object({ email: z.email().optional() })).optional(),
  mute_upon_entry: z.boolean().optional(),
  participant_focused_meeting: z.boolean().optional(),
  participant_video: z.boolean().optional(),
  private_meeting: z.boolean().optional(),
  push_change_to_calendar: z.boolean().optional(),
  question_and_answer: z
    .object({
      enable: z.boolean().optional(),
      allow_submit_questions: z.boolean().optional(),
      allow_anonymous_questions: z.boolean().optional(),
      question_visibility: z.enum(["answered", "all"]).optional(),
      attendees_can_comment: z.boolean().optional(),
      attendees_can_upvote: z.boolean().optional(),
    })
    .optional(),
  registrants_confirmation_email: z.boolean().optional(),
  registrants_email_notification: z.boolean().optional(),
  registration_type: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  request_permission_to_unmute_participants: z.boolean().optional(),
  resources: z
    .array(
      z.object({
        resource_type: z.enum(["whiteboard"]).optional(),
        resource_id: z.string().optional(),
        permission_level: z.enum(["editor", "commenter", "viewer"]).optional(),
      }),
    )
    .optional(),
  show_join_info: z.boolean().optional(),
  show_share_button: z.boolean().optional(),
  sign_language_interpretation: z
    .object({
      enable: z.boolean().optional(),
      interpreters: z
        .array(z.object({ email: z.email().optional(), sign_language: z.string().optional() }))
        .max(20)
        .optional(),
    })
    .optional(),
  summary_template_id: z.string().optional(),
  use_pmi: z.boolean().optional(),
  waiting_room: z.boolean().optional(),
  waiting_room_options: z
    .object({
      mode: z.enum(["follow_setting", "custom"]),
      who_goes_to_waiting_room: z
        .enum([
          "everyone",
          "users_not_in_account",
          "users_not_in_account_or_whitelisted_domains",
          "users_not_on_invite",
          "users_not_in_org",
        ])
        .optional(),
    })
    .optional(),
  watermark: z.boolean().optional(),
  who_can_ask_questions: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)])
    .optional(),
  who_will_receive_summary: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
});
type SettingsInput = z.infer<typeof settingsSchema>;

const meetingType = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(8), z.literal(10)]);
type MeetingType = z.infer<typeof meetingType>;

/** Create and update share one shape; create alone has `default_password`. Nothing is required. */
const meetingBody = z.object({
  agenda: z.string().max(2000).optional(),
  default_password: z.boolean().optional(),
  duration: z.number().int().min(1).max(1440).optional(),
  password: password.optional(),
  pre_schedule: z.boolean().optional(),
  recurrence: recurrenceSchema.optional(),
  schedule_for: z.string().optional(),
  settings: settingsSchema.optional(),
  start_time: zoomDateTime.optional(),
  template_id: z.string().optional(),
  timezone: z
    .string()
    .refine(isTimeZone)
    .optional(),
  topic: z.string().max(200).optional(),
  tracking_fields: z.array(z.object({ field: z.string(), value: z.string().optional() })).optional(),
  type: meetingType.optional(),
});
type MeetingBody = z.infer<typeof meetingBody>;

/** What one occurrence of a recurring meeting can change (the spec's `occurrence_id` note on PATCH). */
const occurrenceSettingKeys = [
  "host_video",
  "participant_video",
  "join_before_host",
  "mute_upon_entry",
  "waiting_room",
  "watermark",
  "auto_recording",
] as const;

const statusBody = z.object({ action: z.enum(["end", "recover"]) });

// ---------------------------------------------------------------------------------------------------------
// Stored meetings
// ---------------------------------------------------------------------------------------------------------

type Settings = Record<string, unknown>;

interface Occurrence {
  readonly occurrenceId: string;
  startMs: number;
  duration: number;
  deleted: boolean;
  agenda?: string;
  settings?: Settings;
}

interface StoredMeeting {
  readonly id: number;
  readonly uuid: string;
  hostId: string;
  hostEmail: string;
  type: MeetingType;
  topic: string;
  agenda: string;
  duration: number;
  timezone: string;
  /** Scheduled start (types 1, 2, 8, 10); recurring type 3 has none. */
  startMs?: number;
  password: string;
  h323Password: string;
  pstnPassword: string;
  encryptedPassword: string;
  /** Claims the host role from the Zoom client: a secret, as Zoom documents it (6 digits). */
  readonly dynamicHostKey: string;
  /** The token of `chat_join_url` (`/launch/jc/<id>?tk=`): joins the meeting's chat. */
  readonly chatToken: string;
  settings: Settings;
  recurrence?: Recurrence;
  occurrences: Occurrence[];
  trackingFields: { field: string; value: string }[];
  templateId?: string;
  preSchedule: boolean;
  readonly createdAtMs: number;
  status: "waiting" | "started";
  /** Deleted meetings stay for `PUT /status {"action":"recover"}`; every other call answers 3001. */
  deleted: boolean;
  /** Host start tokens handed out, with their expiry. */
  startTokens: Map<string, number>;
}

function meetingStore(account: AccountState): Map<number, StoredMeeting> {
  return account.store("meetings", () => new Map<number, StoredMeeting>());
}

function meetingNotFound(meetingId: string | number): ZoomHttpError {
  return new ZoomHttpError(404, 3001, `Meeting does not exist: ${meetingId}.`);
}

/** A live (not deleted) meeting of the account; Zoom's 404 code 3001 otherwise, ids that are no number included. */
function liveMeeting(account: AccountState, rawId: string): StoredMeeting {
  const meeting = findMeeting(account, rawId);
  if (!meeting || meeting.deleted) throw meetingNotFound(rawId);
  return meeting;
}

function findMeeting(account: AccountState, rawId: string): StoredMeeting | undefined {
  if (!/^\d{1,19}$/.test(rawId)) return undefined;
  return meetingStore(account).get(Number(rawId));
}

// ---------------------------------------------------------------------------------------------------------
// Defaults, passcodes, links
// ---------------------------------------------------------------------------------------------------------

/**
 * Zoom's server-side settings for a new meeting: the spec's GET-response defaults where it gives one, and
 * Zoom's usual answer (off, empty) where it does not.
 */
function defaultSettings(): Settings {
  return {
    host_video: false,
    participant_video: false,
    cn_meeting: false,
    in_meeting: false,
    join_before_host: false,
    jbh_time: 0,
    mute_upon_entry: false,
    watermark: false,
    use_pmi: false,
    approval_type: 2,
    audio: "both",
    auto_recording: "none",
    enforce_login: false,
    enforce_login_domains: "",
    alternative_hosts: "",
    alternative_host_update_polls: false,
    alternative_host_manage_meeting_summary: false,
    alternative_host_manage_cloud_recording: false,
    alternative_hosts_email_notification: true,
    close_registration: false,
    show_share_button: false,
    allow_multiple_devices: false,
    registrants_confirmation_email: true,
    waiting_room: false,
    request_permission_to_unmute_participants: false,
    allow_host_control_participant_mute_state: false,
    global_dial_in_countries: ["US"],
    registrants_email_notification: true,
    meeting_authentication: false,
    encryption_type: "enhanced_encryption",
    approved_or_denied_countries_or_regions: { enable: false },
    breakout_room: { enable: false },
    internal_meeting: false,
    continuous_meeting_chat: {
      enable: false,
      auto_add_invited_external_users: false,
      auto_add_meeting_participants: false,
    },
    participant_focused_meeting: false,
    push_change_to_calendar: false,
    resources: [],
    auto_start_meeting_summary: false,
    auto_start_ai_companion_questions: false,
    device_testing: false,
    focus_mode: false,
    private_meeting: false,
    email_notification: true,
    host_save_video_order: false,
    sign_language_interpretation: { enable: false },
    email_in_attendee_report: false,
    disable_participant_video: false,
    show_join_info: false,
  };
}

/** Zoom's dial-in numbers for the few countries an emulated account offers. */
const DIAL_IN_NUMBERS: Record<string, { city: string; country_name: string; number: string }> = {
  US: { city: "New York", country_name: "US", number: "+1 646 558 8656" },
  GB: { city: "London", country_name: "United Kingdom", number: "+44 203 481 5237" },
  DE: { city: "Frankfurt", country_name: "Germany", number: "+49 69 3807 9883" },
  FR: { city: "Paris", country_name: "France", number: "+33 1 7037 2246" },
  JP: { city: "Tokyo", country_name: "Japan", number: "+81 3 4578 1488" },
  AU: { city: "Sydney", country_name: "Australia", number: "+61 2 8015 6011" },
  CA: { city: "Toronto", country_name: "Canada", number: "+1 647 374 4685" },
};

function dialInNumbers(countries: unknown): unknown[] {
  if (!Array.isArray(countries)) return [];
  return countries.flatMap((country) => {
    const known = typeof country === "string" ? DIAL_IN_NUMBERS[country] : undefined;
    return known ? [{ ...known, country, type: "toll" }] : [];
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Zoom's PATCH semantics for settings: objects merge key by key, everything else (arrays included) replaces. */
function deepMerge(target: Settings, patch: Record<string, unknown>): Settings {
  const out: Settings = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? deepMerge(out[key] as Settings, value) : value;
  }
  return out;
}

/** Settings after a create or update: derived fields recomputed, Zoom's documented interplay applied. */
function applySettings(current: Settings, patch: SettingsInput | undefined, account: AccountState): Settings {
  const { global_dial_in_numbers: _derived, meeting_invitees: invitees, ...rest } = patch ?? {};
  const merged = deepMerge(current, rest);
  if (invitees) {
    merged.meeting_invitees = invitees.map((i) => ({
      email: i.email,
      internal_user: account.users.some((u) => u.email.toLowerCase() === i.email?.toLowerCase()),
    }));
  }
  // "If this value is true, this disables the join_before_host setting." (spec, settings.waiting_room)
  if (merged.waiting_room === true) merged.join_before_host = false;
  merged.global_dial_in_numbers = dialInNumbers(merged.global_dial_in_countries);
  return merged;
}

const PASSCODE_ALPHABET = /[A-Za-z0-9]/;

function generatePassword(ctx: EmulatorContext): string {
  let out = "";
  while (out.length < 6) out += [...ctx.ids.string()].filter((c) => PASSCODE_ALPHABET.test(c)).join("");
  return out.slice(0, 6);
}

/** Phone and room systems dial digits: Zoom derives a numeric passcode of the same length. */
function numericPassword(text: string): string {
  return [...text].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) % 10))).join("");
}

function setPassword(meeting: StoredMeeting, value: string, ctx: EmulatorContext): void {
  meeting.password = value;
  meeting.h323Password = numericPassword(value);
  meeting.pstnPassword = numericPassword(value);
  meeting.encryptedPassword = value ? `${(ctx.ids.string() + ctx.ids.string()).slice(0, 32)}.1` : "";
}

/** The `tk=` of a participant's authentication-bypass link: stable per meeting and participant. */
function exceptionToken(meeting: StoredMeeting, who: string): string {
  return createHash("sha256").update(`${meeting.uuid}\u0000${meeting.chatToken}\u0000${who.toLowerCase()}`).digest("base64url").slice(0, 32);
}

function joinUrl(meeting: StoredMeeting, ctx: EmulatorContext): string {
  const pwd = meeting.encryptedPassword ? `?pwd=${meeting.encryptedPassword}` : "";
  return `${ctx.webOrigin}/j/${meeting.id}${pwd}`;
}

/** A fresh host link: every GET hands out a new token; older ones keep working until they expire. */
function issueStartUrl(meeting: StoredMeeting, ctx: EmulatorContext): string {
  const token = ctx.ids.string() + ctx.ids.string();
  const now = ctx.now().getTime();
  for (const [old, expires] of meeting.startTokens) if (expires <= now) meeting.startTokens.delete(old);
  meeting.startTokens.set(token, now + START_URL_TTL_MS);
  return `${ctx.webOrigin}/s/${meeting.id}?zak=${token}`;
}

// ---------------------------------------------------------------------------------------------------------
// Times and recurrence
// ---------------------------------------------------------------------------------------------------------

/**
 * A request's `start_time` as an instant: UTC (`Z`) or with an offset as given, local times read in `timezone`.
 * For create, Zoom documents "If start_time is not specified or is set to a past value, it defaults to the
 * current time".
 */
function resolveStart(text: string | undefined, timezone: string, nowMs: number): number {
  const parsed = text === undefined ? undefined : parseZoomDateTime(text, timezone);
  return parsed === undefined || parsed < nowMs ? Math.floor(nowMs / 1000) * 1000 : parsed;
}

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function dayAt(utcMidnightMs: number): Day & { weekday: number } {
  const d = new Date(utcMidnightMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() + 1 };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The `week`th (or last, -1) `weekday` (1 = Sunday) of a month, or undefined if the month has none. */
function nthWeekday(year: number, month: number, week: number, weekday: number): number | undefined {
  const last = daysInMonth(year, month);
  if (week === -1) {
    const lastWeekday = dayAt(Date.UTC(year, month - 1, last)).weekday;
    return last - ((lastWeekday - weekday + 7) % 7);
  }
  const firstWeekday = dayAt(Date.UTC(year, month - 1, 1)).weekday;
  const day = 1 + ((weekday - firstWeekday + 7) % 7) + (week - 1) * 7;
  return day <= last ? day : undefined;
}

/**
 * The occurrences of a type-8 meeting, laid out on the meeting's own wall clock in its time zone (so a 09:00
 * meeting stays at 09:00 across DST), from the first start on, until `end_times` or `end_date_time`.
 */
function layOutOccurrences(startMs: number, timezone: string, recurrence: Recurrence): number[] {
  const first = wallClock(startMs, timezone);
  const endMs = recurrence.end_date_time === undefined ? undefined : parseZoomDateTime(recurrence.end_date_time, "UTC");
  const wanted =
    endMs !== undefined || recurrence.end_times === 0 ? MAX_OCCURRENCES : (recurrence.end_times ?? 1);
  const interval = recurrence.repeat_interval ?? 1;
  const base = Date.UTC(first.year, first.month - 1, first.day);
  const out: number[] = [];
  /** Adds the occurrence on this day; false once the series is complete. */
  const add = (day: Day): boolean => {
    const ms = zonedToUtc({ ...day, hour: first.hour, minute: first.minute, second: first.second }, timezone);
    if (ms < startMs) return true;
    if (endMs !== undefined && ms > endMs) return false;
    out.push(ms);
    return out.length < wanted;
  };
  // Enough steps for 60 occurrences at the widest spacing, with room for skipped months.
  const maxSteps = 400;
  if (recurrence.type === 1) {
    for (let step = 0; step < maxSteps && add(dayAt(base + step * interval * DAY_MS)); step++);
  } else if (recurrence.type === 2) {
    const days = [...new Set((recurrence.weekly_days ?? "").split(",").map(Number))].sort((a, b) => a - b);
    const weekStart = base - (dayAt(base).weekday - 1) * DAY_MS;
    outer: for (let week = 0; week < maxSteps; week += interval) {
      for (const weekday of days) {
        const ms = weekStart + (week * 7 + weekday - 1) * DAY_MS;
        if (ms < base) continue;
        if (!add(dayAt(ms))) break outer;
      }
    }
  } else {
    for (let step = 0; step < maxSteps; step++) {
      const monthIndex = first.month - 1 + step * interval;
      const year = first.year + Math.floor(monthIndex / 12);
      const month = (monthIndex % 12) + 1;
      const day =
        recurrence.monthly_week !== undefined
          ? nthWeekday(year, month, recurrence.monthly_week, recurrence.monthly_week_day ?? 1)
          : (recurrence.monthly_day ?? first.day);
      if (day === undefined || day > daysInMonth(year, month)) continue;
      if (!add({ year, month, day })) break;
    }
  }
  return out;
}

/** Zoom's rules for a recurrence beyond its schema (descriptions of `recurrence.*`). */
function checkRecurrence(recurrence: Recurrence): void {
  const invalid = (field: string) => invalidFields([`recurrence.${field}`]);
  const maxInterval = { 1: 99, 2: 50, 3: 10 }[recurrence.type];
  if ((recurrence.repeat_interval ?? 1) > maxInterval) throw invalid("repeat_interval");
  if (recurrence.end_times !== undefined && recurrence.end_date_time !== undefined) throw invalid("end_date_time");
  if (recurrence.type === 2 && recurrence.weekly_days === undefined) throw invalid("weekly_days");
  if (recurrence.type === 3 && recurrence.monthly_week !== undefined && recurrence.monthly_week_day === undefined) {
    throw invalid("monthly_week_day");
  }
}

/** Lays out the occurrences again (after a change to time, zone, duration or recurrence). */
function scheduleOccurrences(meeting: StoredMeeting): void {
  if (meeting.type !== 8 || !meeting.recurrence || meeting.startMs === undefined) {
    meeting.occurrences = [];
    return;
  }
  const starts = layOutOccurrences(meeting.startMs, meeting.timezone, meeting.recurrence);
  if (starts.length === 0) {
    throw invalidFields(["recurrence.end_date_time"]);
  }
  meeting.occurrences = starts.map((startMs) => ({
    occurrenceId: String(startMs),
    startMs,
    duration: meeting.duration,
    deleted: false,
  }));
  meeting.startMs = starts[0];
}

function occurrenceEndMs(o: Occurrence): number {
  return o.startMs + o.duration * 60_000;
}

/** The occurrences a GET shows: not deleted, and not over unless `show_previous_occurrences=true`. */
function visibleOccurrences(meeting: StoredMeeting, nowMs: number, showPrevious: boolean): Occurrence[] {
  return meeting.occurrences.filter((o) => !o.deleted && (showPrevious || occurrenceEndMs(o) > nowMs));
}

function findOccurrence(meeting: StoredMeeting, occurrenceId: string): Occurrence {
  const occurrence = meeting.occurrences.find((o) => o.occurrenceId === occurrenceId && !o.deleted);
  if (!occurrence) throw new ZoomHttpError(400, 300, "Invalid parameter: occurrence_id.");
  return occurrence;
}

// ---------------------------------------------------------------------------------------------------------
// Create, update, render
// ---------------------------------------------------------------------------------------------------------

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

function createMeeting(account: AccountState, requester: UserRecord, input: unknown, ctx: EmulatorContext): StoredMeeting {
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
function updateMeeting(account: AccountState, meeting: StoredMeeting, input: unknown, ctx: EmulatorContext): void {
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
function updateOccurrence(meeting: StoredMeeting, occurrenceId: string, input: unknown, ctx: EmulatorContext): void {
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

interface RenderOptions {
  readonly occurrenceId?: string;
  readonly showPreviousOccurrences?: boolean;
}

function trackingFieldsOf(account: AccountState, meeting: StoredMeeting): unknown[] {
  return meeting.trackingFields.map((f) => ({
    field: f.field,
    value: f.value,
    visible: trackingFieldByName(account, f.field)?.visible ?? true,
  }));
}

/** The meeting object of create and GET, with a fresh `start_url`. */
function render(account: AccountState, meeting: StoredMeeting, ctx: EmulatorContext, options: RenderOptions = {}) {
  const nowMs = ctx.now().getTime();
  const occurrence = options.occurrenceId === undefined ? undefined : findOccurrence(meeting, options.occurrenceId);
  const occurrences = occurrence
    ? [occurrence]
    : visibleOccurrences(meeting, nowMs, options.showPreviousOccurrences === true);
  const startMs =
    occurrence?.startMs ?? (meeting.type === 8 && occurrences.length > 0 ? occurrences[0].startMs : meeting.startMs);
  const settings: Settings = { ...meeting.settings, ...occurrence?.settings };
  // Each participant allowed past authentication gets a link of their own that bypasses it: a secret.
  if (Array.isArray(settings.authentication_exception)) {
    settings.authentication_exception = settings.authentication_exception.map((entry) => ({
      ...entry,
      join_url: `${ctx.webOrigin}/j/${meeting.id}?tk=${exceptionToken(meeting, entry.email ?? entry.name ?? "")}`,
    }));
  }
  if (meeting.type === 8) settings.registration_type ??= 1;
  const registration = settings.approval_type !== 2 ? { registration_url: `${ctx.webOrigin}/meeting/register/${meeting.uuid}` } : {};
  return {
    uuid: meeting.uuid,
    id: meeting.id,
    host_id: meeting.hostId,
    host_email: meeting.hostEmail,
    topic: meeting.topic,
    type: meeting.type,
    status: meeting.status,
    ...(startMs === undefined ? {} : { start_time: formatZoomUtc(startMs) }),
    duration: occurrence?.duration ?? meeting.duration,
    timezone: meeting.timezone,
    agenda: occurrence?.agenda ?? meeting.agenda,
    created_at: formatZoomUtc(meeting.createdAtMs),
    start_url: issueStartUrl(meeting, ctx),
    join_url: joinUrl(meeting, ctx),
    ...registration,
    password: meeting.password,
    h323_password: meeting.h323Password,
    pstn_password: meeting.pstnPassword,
    encrypted_password: meeting.encryptedPassword,
    dynamic_host_key: meeting.dynamicHostKey,
    chat_join_url: `${ctx.webOrigin}/launch/jc/${meeting.id}?tk=${meeting.chatToken}`,
    settings,
    pre_schedule: meeting.preSchedule,
    ...(meeting.trackingFields.length > 0 ? { tracking_fields: trackingFieldsOf(account, meeting) } : {}),
    ...(meeting.type === 8
      ? {
          occurrences: occurrences.map((o) => ({
            occurrence_id: o.occurrenceId,
            start_time: formatZoomUtc(o.startMs),
            duration: o.duration,
            status: "available",
          })),
          recurrence: meeting.recurrence,
        }
      : {}),
    ...(meeting.templateId === undefined ? {} : { template_id: meeting.templateId }),
    creation_source: "open_api",
  };
}

/** An item of the meetings list (the spec's list-item schema: no links but `join_url`, no settings). */
function listItem(meeting: StoredMeeting, ctx: EmulatorContext, nowMs: number) {
  const next = meeting.type === 8 ? visibleOccurrences(meeting, nowMs, false)[0] : undefined;
  const startMs = next?.startMs ?? meeting.startMs;
  return {
    uuid: meeting.uuid,
    id: meeting.id,
    host_id: meeting.hostId,
    topic: meeting.topic,
    type: meeting.type,
    ...(startMs === undefined ? {} : { start_time: formatZoomUtc(startMs) }),
    duration: meeting.duration,
    timezone: meeting.timezone,
    ...(meeting.agenda ? { agenda: meeting.agenda } : {}),
    created_at: formatZoomUtc(meeting.createdAtMs),
    join_url: joinUrl(meeting, ctx),
  };
}

/** Whether the meeting is still ahead (or running) for `type=upcoming`, or over for `type=previous_meetings`. */
function isUpcoming(meeting: StoredMeeting, nowMs: number): boolean {
  if (meeting.status === "started" || meeting.type === 3) return true;
  if (meeting.type === 8) return visibleOccurrences(meeting, nowMs, false).length > 0;
  return meeting.startMs !== undefined && meeting.startMs + meeting.duration * 60_000 > nowMs;
}

const LIST_TYPES = ["scheduled", "live", "upcoming", "upcoming_meetings", "previous_meetings"] as const;

function listFilter(type: string, nowMs: number): (m: StoredMeeting) => boolean {
  switch (type) {
    case "scheduled":
      return () => true;
    case "live":
      return (m) => m.status === "started";
    case "upcoming":
    case "upcoming_meetings":
      return (m) => isUpcoming(m, nowMs);
    default:
      return (m) => !isUpcoming(m, nowMs);
  }
}

/** The starts a date range is compared with: a recurring meeting's visible occurrences, else its start. */
function meetingStarts(meeting: StoredMeeting, nowMs: number): number[] {
  if (meeting.type === 8) return visibleOccurrences(meeting, nowMs, false).map((o) => o.startMs);
  return meeting.startMs === undefined ? [] : [meeting.startMs];
}

function booleanQuery(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new ZoomHttpError(400, 300, `Invalid parameter: ${name}.`);
}

// ---------------------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------------------

const create: Handler = (req, ctx) => {
  const requester = ctx.resolveUser(req.account, req.pathParams.userId);
  const meeting = createMeeting(req.account, requester, req.body, ctx);
  return { status: 201, body: render(req.account, meeting, ctx) };
};

const get: Handler = (req, ctx) => {
  const meeting = liveMeeting(req.account, req.pathParams.meetingId);
  const occurrenceId = req.query.get("occurrence_id") ?? undefined;
  const showPreviousOccurrences = booleanQuery(req.query, "show_previous_occurrences", false);
  return { status: 200, body: render(req.account, meeting, ctx, { occurrenceId, showPreviousOccurrences }) };
};

const update: Handler = (req, ctx) => {
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
const remove: Handler = (req, ctx) => {
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
const status: Handler = (req, ctx) => {
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

const list: Handler = (req, ctx) => {
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

// ---------------------------------------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------------------------------------

const seedItem = z.object({ user_id: z.string().optional() }).passthrough();

export const meetings: RouteModule = {
  name: "meetings",
  handlers: {
    meetingCreate: create,
    meeting: get,
    meetingUpdate: update,
    meetingDelete: remove,
    meetingStatus: status,
    meetings: list,
  },
  dailyMeetingLimitHost: {
    // "The rate limit is applied against the userId of the meeting host used to make the request."
    meetingCreate: (req: EmulatorRequest, ctx: EmulatorContext) => ctx.resolveUser(req.account, req.pathParams.userId).id,
    meetingUpdate: (req: EmulatorRequest) => {
      const meeting = findMeeting(req.account, req.pathParams.meetingId);
      return meeting && !meeting.deleted ? meeting.hostId : undefined;
    },
  },
  seed: {
    /**
     * `{"meetings": [{...create body, "user_id"?: host id or email (default: the owner)}]}`; answers the created
     * meetings as create does. Seeding skips rate limits, so large lists are quick to set up.
     */
    meetings: (account, items, ctx) =>
      items.map((item) => {
        const { user_id: userId, ...body } = ctx.validate(seedItem, item);
        const meeting = createMeeting(account, ctx.resolveUser(account, userId ?? "me"), body, ctx);
        return render(account, meeting, ctx);
      }),
  },
  control: {
    startMeeting(account, meetingId) {
      const meeting = meetingStore(account).get(meetingId);
      if (!meeting || meeting.deleted) return false;
      meeting.status = "started";
      return true;
    },
    startUrlValidity(account, url, ctx) {
      const path = /^\/s\/(\d+)$/.exec(url.pathname);
      const meeting = path ? meetingStore(account).get(Number(path[1])) : undefined;
      if (!meeting) return undefined;
      if (meeting.deleted) return false;
      const expires = meeting.startTokens.get(url.searchParams.get("zak") ?? "");
      return expires !== undefined && expires > ctx.now().getTime();
    },
  },
};
