/**
 * zoom:InternalNumber inputs: one entry of Zoom's add-internal-numbers body
 * (`POST /accounts/{accountId}/sip_trunk/internal_numbers`), in camelCase, with `type` spelled out.
 */
import { z } from "zod";
import { zoomId } from "./common";

/** The display languages Zoom's spec enumerates for internal numbers. */
export const INTERNAL_NUMBER_LANGUAGES = [
  "en-GB", "en-US", "ar", "da-DK", "de-DE", "es-ES", "es-MX", "fr-CA", "fr-FR",
  "it-IT", "ja", "ko-KR", "nl-NL", "pt-BR", "pt-PT", "ru", "zh-CN", "zh-HK",
] as const;

/** E.164: a plus, then at most 15 digits, the first not zero. */
const E164 = /^\+[1-9]\d{1,14}$/;

/** Two-letter codes ICU names but ISO 3166-1 does not assign to a country. */
const NOT_A_COUNTRY = new Set(["EU", "EZ", "UN", "UK", "QO", "ZZ"]);
/**
 * Made at the first country code checked, not when the schema loads: ICU's region names took 50-150 ms of every
 * process's start (the host's first resource, every CLI command), whether or not it ever checks a number.
 */
let regionNames: Intl.DisplayNames | undefined;

/** An assigned ISO 3166-1 alpha-2 country code (`US`, `DE`), upper case. */
export function isCountryCode(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value) || NOT_A_COUNTRY.has(value)) return false;
  try {
    regionNames ??= new Intl.DisplayNames(["en"], { type: "region" });
    return regionNames.of(value) !== value;
  } catch {
    return false;
  }
}

export const internalNumberSchema = z
  .strictObject({
    number: z
      .string()
      .regex(E164, { error: "expected an E.164 number: + and up to 15 digits without spaces, e.g. +14155550100" })
      .describe("The phone number in E.164 format (`+14155550100`). Unique in the account."),
    displayNumber: z
      .string()
      .min(1, { error: "must not be empty" })
      .describe("The number as shown to users, e.g. `+1 415 555 0100`."),
    country: z
      .string()
      .refine(isCountryCode, { error: "expected an ISO 3166-1 alpha-2 country code in upper case, e.g. US" })
      .describe("The number's country: ISO 3166-1 alpha-2 code in upper case (`US`)."),
    labels: z.string().describe("A short description of the number."),
    languages: z.enum(INTERNAL_NUMBER_LANGUAGES).describe("The language the number is shown in."),
    type: z.enum(["toll", "tollfree"]).describe("`toll` or `tollfree` (Zoom's `0` and `1`)."),
    visible: z
      .boolean()
      .optional()
      .describe("Show the number to the account's users in the Zoom client and web portal. A visible number can always be used to join meetings."),
    allowJoin: z
      .boolean()
      .optional()
      .describe("Users may dial this number to join meetings. Zoom keeps it `true` while the number is visible, so `false` needs `visible: false`."),
    allowForExternalMeetings: z.boolean().optional().describe("The number may be used to join third-party meetings."),
    accountId: zoomId("Account id, or `me` for the master account")
      .default("me")
      .describe(
        "The account that gets the number: a sub-account id, or `me` (default) for the master account. Internal numbers exist only in Zoom's master-account API. Changing it replaces the number.",
      ),
  })
  .superRefine((n, ctx) => {
    // Zoom silently turns allowJoin back on for a visible number: the declaration could never hold. Without
    // `visible: false` declared, the number may be (or stay) visible, so that is refused too (the generative
    // settle run found `allowJoin: false` with `visible` left out planning forever).
    if (n.visible !== false && n.allowJoin === false) {
      ctx.addIssue({
        code: "custom",
        path: ["allowJoin"],
        message: `Zoom always allows joining through a visible number (visible: true forces allowJoin: true); ${n.visible === true ? "set" : "declare"} visible: false, or drop allowJoin: false`,
      });
    }
  })
  .describe("An internal phone number (one the organization owns, not Zoom) for SIP Connected Audio, in the master account or a sub-account.");

export type InternalNumberArgs = z.input<typeof internalNumberSchema>;
export type InternalNumberInputs = z.output<typeof internalNumberSchema>;
