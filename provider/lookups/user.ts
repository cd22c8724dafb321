/** zoom.getUser: a user's id, email and name, by id, email or display name. */
import { z } from "zod";
import { zoomId } from "../../schema/common";
import { exactName, lookupAccountId } from "./args";
import type { LookupDefinition } from "./definition";

const getUserArgs = z
  .strictObject({
    id: zoomId("User id").optional().describe("The user's Zoom id."),
    email: zoomId("User email").optional().describe("The user's email address (Zoom compares emails case-insensitively)."),
    name: exactName("The user's display name, e.g. `Ada Lovelace` (first and last name), matched exactly.").optional(),
    accountId: lookupAccountId,
  })
  .refine((args) => [args.id, args.email, args.name].filter((v) => v !== undefined).length === 1, {
    error: "give exactly one of id, email or name",
  })
  .describe("Exactly one of `id`, `email` or `name`, and optionally `accountId`.");

export type GetUserArgs = z.input<typeof getUserArgs>;

export interface GetUserResult {
  readonly id: string;
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly displayName: string;
  /** Zoom's user type: 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None. */
  readonly type: number;
  readonly status?: string;
}

export const getUserDefinition: LookupDefinition<typeof getUserArgs> = {
  name: "getUser",
  noun: "user",
  description:
    "Finds one user of the account (or of a sub-account) by id, email or display name, for `userId`, `scheduleFor`, alternative hosts and other places that take a user. By id or email it is one request; by name it reads the user list (every page) and fails when no user or more than one has that name.",
  args: getUserArgs,
  operations: ["user", "users"],
  accountId: (args) => args.accountId,
  source: (args) =>
    args.name === undefined
      ? { kind: "get", operation: "user", pathParams: { userId: args.id ?? args.email ?? "" }, notFound: [1001] }
      : { kind: "list", operation: "users", itemsKey: "users", paginated: true },
  returns: { kind: "one" },
  match: [
    { arg: "id", field: "id" },
    { arg: "email", field: "email", caseInsensitive: true },
    { arg: "name", field: "displayName" },
  ],
  fields: {
    id: { type: "string", description: "The user's Zoom id." },
    email: { type: "string", description: "The user's email address." },
    firstName: { type: "string", description: "First name." },
    lastName: { type: "string", description: "Last name." },
    displayName: {
      type: "string",
      description: "Display name; Zoom's `display_name`, else first and last name.",
      compute: (u) => u.displayName ?? [u.firstName, u.lastName].filter((part) => typeof part === "string" && part !== "").join(" "),
    },
    type: { type: "number", description: "1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None." },
    status: { type: "string", description: "`active`, `inactive` or `pending` (the list shows active users)." },
  },
  describe: (u) => `${String(u.displayName)} <${String(u.email)}> (id ${String(u.id)})`,
  notFoundHint: "the list shows active users; Zoom's web portal lists every user under User Management",
  example: {
    typescript: `const ada = await zoom.getUser({ email: "ada.lovelace@example.com" });
const standup = new zoom.Meeting("standup", { topic: "Daily standup", type: 2, scheduleFor: ada.id });
return { standupId: standup.meetingId };`,
    yaml: `lookups:
  ada:
    function: getUser
    arguments:
      email: ada.lovelace@example.com
meetings:
  standup:
    topic: Daily standup
    type: 2
    scheduleFor: \${lookups.ada.id}`,
  },
};
