/**
 * Date-times as users write them for Zoom: `2026-03-01T09:30:00Z`, with an offset (`+01:00`), or local time
 * (`2026-03-01T09:30:00`) read in the meeting's `timezone`. A pattern alone lets impossible dates through
 * (`2030-02-30`, month 13, hour 24), which Zoom then refuses with a bare "Invalid field": they are refused here,
 * with the value and the reason.
 */
import { z } from "zod";

/** `2026-03-01T09:30:00`, optionally with fractional seconds and `Z` or an offset. */
export const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Why `text` (which matches DATE_TIME) is no real date-time, or undefined when it is one. */
export function impossibleDateTime(text: string): string | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12) return `month ${m[2]} does not exist (01 to 12)`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has no day ${m[3]} (01 to ${days})`;
  if (hour > 23) return `hour ${m[4]} does not exist (00 to 23; midnight is T00:00 of the next day)`;
  if (minute > 59) return `minute ${m[5]} does not exist (00 to 59)`;
  if (second > 59) return `second ${m[6]} does not exist (00 to 59)`;
  const zone = m[7];
  if (zone && zone !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    if (Number(digits.slice(0, 2)) > 14 || Number(digits.slice(2)) > 59) return `offset ${zone} does not exist (at most ±14:00)`;
  }
  return undefined;
}

/** True when the text carries its zone (`Z` or an offset), rather than being local time. */
export function hasZone(text: string): boolean {
  return DATE_TIME.exec(text)?.[7] !== undefined;
}

/** A date-time string: DATE_TIME's form, and a real date and time. */
export function dateTime(formError: string) {
  return z
    .string()
    .regex(DATE_TIME, { error: formError })
    .superRefine((text, ctx) => {
      const why = impossibleDateTime(text);
      if (why) ctx.addIssue({ code: "custom", message: `${JSON.stringify(text)} is not a real date-time: ${why}` });
    });
}
