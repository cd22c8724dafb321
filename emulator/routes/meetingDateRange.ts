/**
 * `from` and `to` of `GET /users/{userId}/meetings`: the spec gives both as `format: date` ("The start date.",
 * "The end date.") with a `timezone` "to assign to the `from` and `to` value".
 *
 * Read here as: a meeting is listed when one of its starts (the start of a one-time meeting, or of a visible
 * occurrence of a recurring one) falls on a day from `from` to `to`, both included, in `timezone`. Without a
 * `timezone` the dates are UTC days, as the spec gives no other default. Either bound may be left out. A
 * recurring meeting with no fixed time has no start to compare, so a range leaves it out. A date or zone that
 * is not one is Zoom's answer to any invalid parameter, 400 code 300 "Invalid parameter: <name>.".
 */
import { ZoomHttpError } from "../types";
import { isTimeZone, zonedToUtc } from "../core/zonedTime";

/** Which start instants (ms) a list keeps; undefined when the request names no range. */
export type StartFilter = (startsMs: readonly number[]) => boolean;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(name: string): ZoomHttpError {
  return new ZoomHttpError(400, 300, `Invalid parameter: ${name}.`);
}

/** Midnight starting the day `text` (plus `dayOffset` days) in `timeZone`, as an instant. */
function midnight(name: string, text: string, timeZone: string, dayOffset: number): number {
  const m = DATE.exec(text);
  if (!m) throw invalid(name);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw invalid(name);
  }
  return zonedToUtc({ year, month, day: day + dayOffset, hour: 0, minute: 0, second: 0 }, timeZone);
}

export function startDateFilter(query: URLSearchParams): StartFilter | undefined {
  const from = query.get("from") || undefined;
  const to = query.get("to") || undefined;
  const timeZone = query.get("timezone") || "UTC";
  if (!isTimeZone(timeZone)) throw invalid("timezone");
  if (from === undefined && to === undefined) return undefined;
  const fromMs = from === undefined ? -Infinity : midnight("from", from, timeZone, 0);
  const toMs = to === undefined ? Infinity : midnight("to", to, timeZone, 1);
  return (startsMs) => startsMs.some((ms) => ms >= fromMs && ms < toMs);
}
