/** Argument schemas the lookups share. */
import { z } from "zod";
import { accountIdOf, userIdOf } from "../../schema/common";

export const lookupAccountId = accountIdOf(
  "Looks in a sub-account, through Zoom's master-account API (`/accounts/{accountId}/...`); `me` is the master account. Omit for the account the credentials belong to.",
);

export const lookupUserId = userIdOf("The user (id or email) whose objects to look at; `me` (the default) is the user the credentials act as.");

/** A name to match exactly, as Zoom shows it. */
export const exactName = (what: string) => z.string().min(1).max(256).describe(what);
