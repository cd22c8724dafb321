/** A meeting's passcodes and links: join, host start (short-lived tokens) and authentication-bypass links. */
import { createHash } from "node:crypto";
import type { EmulatorContext } from "../../types";
import type { StoredMeeting } from "./store";

/** A host's start link expires two hours after Zoom hands it out (create-meeting reference). */
const START_URL_TTL_MS = 2 * 60 * 60 * 1000;

const PASSCODE_ALPHABET = /[A-Za-z0-9]/;

export function generatePassword(ctx: EmulatorContext): string {
  let out = "";
  while (out.length < 6) out += [...ctx.ids.string()].filter((c) => PASSCODE_ALPHABET.test(c)).join("");
  return out.slice(0, 6);
}

/** Phone and room systems dial digits: Zoom derives a numeric passcode of the same length. */
function numericPassword(text: string): string {
  return [...text].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) % 10))).join("");
}

export function setPassword(meeting: StoredMeeting, value: string, ctx: EmulatorContext): void {
  meeting.password = value;
  meeting.h323Password = numericPassword(value);
  meeting.pstnPassword = numericPassword(value);
  meeting.encryptedPassword = value ? `${(ctx.ids.string() + ctx.ids.string()).slice(0, 32)}.1` : "";
}

/** The `tk=` of a participant's authentication-bypass link: stable per meeting and participant. */
export function exceptionToken(meeting: StoredMeeting, who: string): string {
  return createHash("sha256").update(`${meeting.uuid}\u0000${meeting.chatToken}\u0000${who.toLowerCase()}`).digest("base64url").slice(0, 32);
}

export function joinUrl(meeting: StoredMeeting, ctx: EmulatorContext): string {
  const pwd = meeting.encryptedPassword ? `?pwd=${meeting.encryptedPassword}` : "";
  return `${ctx.webOrigin}/j/${meeting.id}${pwd}`;
}

/** A fresh host link: every GET hands out a new token; older ones keep working until they expire. */
export function issueStartUrl(meeting: StoredMeeting, ctx: EmulatorContext): string {
  const token = ctx.ids.string() + ctx.ids.string();
  const now = ctx.now().getTime();
  for (const [old, expires] of meeting.startTokens) if (expires <= now) meeting.startTokens.delete(old);
  meeting.startTokens.set(token, now + START_URL_TTL_MS);
  return `${ctx.webOrigin}/s/${meeting.id}?zak=${token}`;
}
