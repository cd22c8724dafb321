/**
 * Instants from the date-time forms users write: `...Z`, `...+01:00`, or local time in an IANA zone. Zoom
 * answers meeting times in UTC, so equal instants written differently must compare equal.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC, in milliseconds, at the instant `utcMs`. */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Milliseconds since the epoch, or undefined when `dateTime` is not a date-time. Local times are read in
 * `timeZone` (UTC when none is known); in a DST gap the later offset wins, as Zoom's scheduler does.
 */
export function instantOf(dateTime: string, timeZone: string | undefined): number | undefined {
  if (HAS_ZONE.test(dateTime)) {
    const ms = Date.parse(dateTime);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const match = LOCAL.exec(dateTime);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac] = match;
  const wallAsUtc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0), +(frac ?? "0").padEnd(3, "0"));
  if (!timeZone) return wallAsUtc;
  const first = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  return wallAsUtc - offsetAt(first, timeZone);
}

/** `2026-03-01T09:30:00Z` for an instant (second precision, as Zoom prints). */
export function utcString(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 1 = Sunday … 7 = Saturday, as Zoom numbers days. */
  readonly weekday: number;
}

/** The wall-clock reading of an instant in a zone. */
export function wallClockOf(utcMs: number, timeZone: string): WallClock {
  const local = utcMs + offsetAt(utcMs, timeZone);
  const d = new Date(local);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay() + 1,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant of a wall-clock date and time in a zone. */
export function instantOfWallClock(clock: Omit<WallClock, "weekday">, timeZone: string): number {
  const text = `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
  return instantOf(text, timeZone)!;
}
