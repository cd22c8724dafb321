/** Stored meetings and their occurrences: the account's meeting table and the look-ups every handler shares. */
import type { AccountState } from "../../types";
import { ZoomHttpError } from "../../types";
import { invalidFields } from "../../core/validation";
import type { MeetingType, Recurrence } from "./bodies";
import { layOutOccurrences } from "./recurrence";

export type Settings = Record<string, unknown>;

export interface Occurrence {
  readonly occurrenceId: string;
  startMs: number;
  duration: number;
  deleted: boolean;
  agenda?: string;
  settings?: Settings;
}

export interface StoredMeeting {
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

export function meetingStore(account: AccountState): Map<number, StoredMeeting> {
  return account.store("meetings", () => new Map<number, StoredMeeting>());
}

export function meetingNotFound(meetingId: string | number): ZoomHttpError {
  return new ZoomHttpError(404, 3001, `Meeting does not exist: ${meetingId}.`);
}

/** A live (not deleted) meeting of the account; Zoom's 404 code 3001 otherwise, ids that are no number included. */
export function liveMeeting(account: AccountState, rawId: string): StoredMeeting {
  const meeting = findMeeting(account, rawId);
  if (!meeting || meeting.deleted) throw meetingNotFound(rawId);
  return meeting;
}

export function findMeeting(account: AccountState, rawId: string): StoredMeeting | undefined {
  if (!/^\d{1,19}$/.test(rawId)) return undefined;
  return meetingStore(account).get(Number(rawId));
}

/** Lays out the occurrences again (after a change to time, zone, duration or recurrence). */
export function scheduleOccurrences(meeting: StoredMeeting): void {
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
export function visibleOccurrences(meeting: StoredMeeting, nowMs: number, showPrevious: boolean): Occurrence[] {
  return meeting.occurrences.filter((o) => !o.deleted && (showPrevious || occurrenceEndMs(o) > nowMs));
}

export function findOccurrence(meeting: StoredMeeting, occurrenceId: string): Occurrence {
  const occurrence = meeting.occurrences.find((o) => o.occurrenceId === occurrenceId && !o.deleted);
  if (!occurrence) throw new ZoomHttpError(400, 300, "Invalid parameter: occurrence_id.");
  return occurrence;
}
