/**
 * The occurrences of a recurring meeting (type 8): pure date arithmetic on the meeting's own wall clock, no
 * store and no request. Kept apart so it can be tested on its own (tests/emulator/recurrence.test.ts).
 */
import { invalidFields } from "../../core/validation";
import { parseZoomDateTime, wallClock, zonedToUtc } from "../../core/zonedTime";

/** Zoom lays out at most 60 occurrences ("The maximum number of recurring is 60"). */
export const MAX_OCCURRENCES = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A meeting's `recurrence` object as Zoom documents it (the request schema in bodies.ts checks its fields). Days
 * of the week count from 1 = Sunday; `monthly_week` -1 is the last week.
 */
export interface RecurrenceRule {
  readonly type: 1 | 2 | 3;
  readonly repeat_interval?: number;
  /** One day or several, comma separated ("1,3"). */
  readonly weekly_days?: string;
  readonly monthly_day?: number;
  readonly monthly_week?: -1 | 1 | 2 | 3 | 4;
  readonly monthly_week_day?: number;
  readonly end_times?: number;
  /** An instant with its zone (`Z` or an offset). */
  readonly end_date_time?: string;
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
export function layOutOccurrences(startMs: number, timezone: string, recurrence: RecurrenceRule): number[] {
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
export function checkRecurrence(recurrence: RecurrenceRule): void {
  const invalid = (field: string) => invalidFields([`recurrence.${field}`]);
  const maxInterval = { 1: 99, 2: 50, 3: 10 }[recurrence.type];
  if ((recurrence.repeat_interval ?? 1) > maxInterval) throw invalid("repeat_interval");
  if (recurrence.end_times !== undefined && recurrence.end_date_time !== undefined) throw invalid("end_date_time");
  if (recurrence.type === 2 && recurrence.weekly_days === undefined) throw invalid("weekly_days");
  if (recurrence.type === 3 && recurrence.monthly_week !== undefined && recurrence.monthly_week_day === undefined) {
    throw invalid("monthly_week_day");
  }
}
