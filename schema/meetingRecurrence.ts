/**
 * When a recurring meeting (type 8) really starts. Zoom starts the series on the first day on or after the
 * declared `start_time` that fits the recurrence (a weekly Monday/Wednesday series declared for a Sunday
 * starts on Monday) and answers that first occurrence. A declared start and Zoom's answer mean the same
 * series exactly when they lead to the same first occurrence, which is what diff compares.
 */
import { instantOfWallClock, wallClockOf } from "./time";

export interface RecurrenceRule {
  readonly type?: unknown;
  readonly weeklyDays?: unknown;
  readonly monthlyDay?: unknown;
  readonly monthlyWeek?: unknown;
  readonly monthlyWeekDay?: unknown;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day of the month of the `week`th (or last, -1) `weekday` (1 = Sunday), if the month has one. */
function nthWeekday(year: number, month: number, week: number, weekday: number): number | undefined {
  const last = daysInMonth(year, month);
  const weekdayOf = (day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
  if (week === -1) return last - ((weekdayOf(last) - weekday + 7) % 7);
  const day = 1 + ((weekday - weekdayOf(1) + 7) % 7) + (week - 1) * 7;
  return day <= last ? day : undefined;
}

/**
 * Candidate day of a monthly rule in a given month. An answer may carry both rules' fields (the spec allows
 * every field); Zoom applies the weekday rule then, as a declaration can only have one of them (check).
 */
function monthlyDayIn(rule: RecurrenceRule, year: number, month: number): number | undefined {
  if (typeof rule.monthlyWeek === "number" && typeof rule.monthlyWeekDay === "number") {
    return nthWeekday(year, month, rule.monthlyWeek, rule.monthlyWeekDay);
  }
  if (typeof rule.monthlyDay === "number") return rule.monthlyDay <= daysInMonth(year, month) ? rule.monthlyDay : undefined;
  return undefined;
}

/**
 * The first occurrence of a series anchored at `startMs` (its time of day kept on the zone's wall clock),
 * or `startMs` itself when the rule is unknown.
 */
export function firstOccurrence(startMs: number, timeZone: string, rule: RecurrenceRule | undefined): number {
  if (!rule) return startMs;
  const start = wallClockOf(startMs, timeZone);
  const at = (year: number, month: number, day: number) =>
    instantOfWallClock({ year, month, day, hour: start.hour, minute: start.minute, second: start.second }, timeZone);
  if (rule.type === 2 && typeof rule.weeklyDays === "string") {
    const days = new Set(rule.weeklyDays.split(",").map((d) => Number(d.trim())));
    for (let offset = 0; offset < 7; offset++) {
      if (days.has(((start.weekday - 1 + offset) % 7) + 1)) {
        const date = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
        return at(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      }
    }
    return startMs;
  }
  if (rule.type === 3) {
    for (let months = 0; months < 24; months++) {
      const year = start.year + Math.floor((start.month - 1 + months) / 12);
      const month = ((start.month - 1 + months) % 12) + 1;
      const day = monthlyDayIn(rule, year, month);
      if (day !== undefined && (months > 0 || day >= start.day)) return at(year, month, day);
    }
  }
  return startMs;
}

/**
 * The rule Zoom applied, from its answer. An answer may carry both monthly rules' fields (spec-maximal answers
 * do: a monthly-by-weekday series with a `monthly_day`, a monthly-by-day one with a `monthly_week` and
 * `monthly_week_day`); Zoom's `start_time` is the first occurrence under the rule it applied, so that rule is
 * the one under which `zoomStartMs` is its own first occurrence. The weekday rule when both fit (they give the
 * same start) or neither (as Zoom reads a request carrying both).
 */
export function appliedRule(rule: RecurrenceRule, zoomStartMs: number, timeZone: string): RecurrenceRule {
  if (rule.type !== 3 || typeof rule.monthlyDay !== "number" || typeof rule.monthlyWeek !== "number" || typeof rule.monthlyWeekDay !== "number") return rule;
  const { monthlyDay: _day, ...byWeekday } = rule;
  const { monthlyWeek: _week, monthlyWeekDay: _weekday, ...byDay } = rule;
  const fits = (candidate: RecurrenceRule) => firstOccurrence(zoomStartMs, timeZone, candidate) === zoomStartMs;
  return !fits(byWeekday) && fits(byDay) ? byDay : byWeekday;
}
