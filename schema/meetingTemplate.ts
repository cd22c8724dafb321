/**
 * zoom:MeetingTemplate inputs: the body of Zoom's `POST /users/{userId}/meeting_templates` (a template made
 * from an existing meeting), in camelCase, plus the scope (`userId`, `accountId`).
 */
import { z } from "zod";
import { accountId, userId } from "./common";

/**
 * Zoom's meeting ids are int64 numbers; a Meeting resource outputs a number, ids copied from a URL are strings.
 * Both are accepted and normalized to the number Zoom's body wants, so `"85746065432"` and `85746065432` are
 * the same declaration. Ids beyond 2^53 cannot be represented exactly in JavaScript and are refused.
 */
const meetingId = z
  .union([
    z.int().positive({ error: "a positive meeting id" }),
    z.string().regex(/^\d{1,16}$/, { error: "a meeting id: digits only" }),
  ])
  .transform((value, ctx) => {
    const id = typeof value === "number" ? value : Number(value);
    if (!Number.isSafeInteger(id) || id <= 0) {
      ctx.addIssue({ code: "custom", message: "a meeting id between 1 and 2^53 - 1" });
      return z.NEVER;
    }
    return id;
  })
  .describe(
    "The meeting the template is made from: its id as a number or a string of digits (usually another Meeting resource's `meetingId`). Zoom copies the meeting's settings when the template is created and does not report this afterwards: a change replaces the template.",
  );

export const meetingTemplateSchema = z
  .strictObject({
    meetingId,
    name: z
      .string()
      .min(1)
      .describe("The template's name. Unique per user: Zoom refuses a second template with the same name unless `overwrite` is true. A change replaces the template."),
    saveRecurrence: z
      .boolean()
      .optional()
      .describe("Save a recurring meeting's recurrence in the template (Zoom's default: false). Create-only: a change replaces the template."),
    overwrite: z
      .boolean()
      .optional()
      .describe("Overwrite the user's existing template of the same name instead of failing (Zoom's default: false). Create-only."),
    userId,
    accountId,
  })
  .describe(
    "A meeting template made from an existing meeting. Zoom has no API to update or delete templates: every change replaces it, and destroying it only removes it from the stack (Zoom keeps the template; delete it in the web portal).",
  );

export type MeetingTemplateArgs = z.input<typeof meetingTemplateSchema>;
export type MeetingTemplateInputs = z.output<typeof meetingTemplateSchema>;
