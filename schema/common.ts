/**
 * Schema pieces shared by several resources. Every resource schema is a strict zod object: the single source
 * of validation (`check`), the YAML loader, `schema/zoom.schema.json` and the reference docs.
 */
import { z } from "zod";

/**
 * Ids and emails that end up in URL paths. Zoom's ids are base64url-like and user ids may be emails, so this
 * is the union, and nothing else: no `/`, `?`, `#`, `%`, whitespace or control characters can reach a path.
 * `.` and `..` alone are refused too: URL parsers resolve them as dot segments, so the client could never
 * send them (tests/reliability/hostileInput.test.ts found check accepting them).
 */
const PATH_SAFE = /^(?!\.{1,2}$)[A-Za-z0-9._@+-]{1,128}$/;

export const zoomId = (what: string) =>
  z
    .string()
    .regex(PATH_SAFE, { error: `${what}: 1 to 128 characters from [A-Za-z0-9._@+-], and not . or ..` })
    .describe(what);

/** An optional sub-account id (or `me`, the master account); `role` says what it does where it is used. */
export const accountIdOf = (role: string) => zoomId("Sub-account id, or `me` for the master account").optional().describe(role);

/** A user id or email, `me` by default (the user the credentials act as); `role` says what it does where it is used. */
export const userIdOf = (role: string) => zoomId("User id or email").default("me").describe(role);

export const accountId = accountIdOf(
  "Acts on a sub-account through Zoom's master-account API (`/accounts/{accountId}/...`); `me` is the master account itself. Omit to act on the account the credentials belong to. Changing it replaces the object.",
);

export const userId = userIdOf("The Zoom user (id or email) that owns the object; `me` is the user the credentials act as. Changing it replaces the object.");

/** Provider behaviour on destroy, never sent to Zoom. */
export const flag = (description: string, defaultValue: boolean) => z.boolean().default(defaultValue).describe(description);
