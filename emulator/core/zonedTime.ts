/**
 * Wall-clock time in IANA time zones with nothing but `Intl`: enough for Zoom's `start_time` + `timezone`
 * pairs and for laying out recurring meetings in the meeting's own zone (DST included).
 */

export interface WallClock {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a clock in `timeZone` shows at instant `ms`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

function asUtcMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The zone's offset from UTC at instant `ms`, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  return asUtcMs(wallClock(ms, timeZone)) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a clock in `timeZone` shows `w`. Fields may overflow (day 32, month 13): they roll over as in
 * `Date.UTC`. In a DST gap the later offset wins, like most calendars.
 */
export function zonedToUtc(w: WallClock, timeZone: string): number {
  const guess = asUtcMs(w);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

const ZOOM_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses Zoom's `start_time`: `yyyy-MM-ddTHH:mm:ssZ` (UTC), the same with an offset, or local
 * `yyyy-MM-ddTHH:mm:ss` read in `timeZone`. Seconds are optional (Zoom accepts `2020-03-04T11:30`).
 * Undefined when the text is not such a time.
 */
export function parseZoomDateTime(text: string, timeZone: string): number | undefined {
  const m = ZOOM_DATE_TIME.exec(text);
  if (!m) return undefined;
  const w: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31 || w.hour > 23 || w.minute > 59 || w.second > 59) {
    return undefined;
  }
  // Reject dates such as February 30th instead of rolling them over.
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day));
  if (check.getUTCDate() !== w.day) return undefined;
  const zone = m[7];
  if (zone === undefined) return zonedToUtc(w, timeZone);
  if (zone === "Z") return asUtcMs(w);
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return asUtcMs(w) - sign * offsetMinutes * 60_000;
}

/** `2020-03-31T12:02:00Z`: how Zoom prints times (UTC, whole seconds). */
export function formatZoomUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
