/** What the meeting endpoints answer: the meeting object of create and GET, and the items of the list. */
import type { AccountState, EmulatorContext } from "../../types";
import { formatZoomUtc } from "../../core/zonedTime";
import { trackingFieldByName } from "../trackingFields";
import { exceptionToken, issueStartUrl, joinUrl } from "./links";
import { findOccurrence, visibleOccurrences, type Settings, type StoredMeeting } from "./store";

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
export function render(account: AccountState, meeting: StoredMeeting, ctx: EmulatorContext, options: RenderOptions = {}) {
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
export function listItem(meeting: StoredMeeting, ctx: EmulatorContext, nowMs: number) {
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

export const LIST_TYPES = ["scheduled", "live", "upcoming", "upcoming_meetings", "previous_meetings"] as const;

export function listFilter(type: string, nowMs: number): (m: StoredMeeting) => boolean {
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
export function meetingStarts(meeting: StoredMeeting, nowMs: number): number[] {
  if (meeting.type === 8) return visibleOccurrences(meeting, nowMs, false).map((o) => o.startMs);
  return meeting.startMs === undefined ? [] : [meeting.startMs];
}
