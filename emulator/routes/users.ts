/**
 * Users: `GET /users` (list, paginated) and `GET /users/{userId}` (by id, email or `me`), also under
 * `/accounts/{accountId}`. Read-only: pulumi-zoom looks users up, it does not manage them.
 *
 * These operations belong to Zoom's Users API, not to the Meetings documents in ../shared/zoom-openapi; the
 * answers follow Zoom's Users API reference (operationIds `users` and `user`), transcribed for the conformance
 * checks in tests/support/specSupplement.ts.
 */
import { z } from "zod";
import type { AccountState, Handler, RouteModule, UserRecord } from "../types";
import { ZoomHttpError } from "../types";

/** Zoom's user types: 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None. Everyone here is Licensed. */
const LICENSED = 2;

/** A user as the list shows one. The emulator's users are all active and verified. */
function listed(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: `${user.firstName} ${user.lastName}`,
    type: LICENSED,
    status: "active",
    verified: 1,
    timezone: "UTC",
  };
}

/** `status` filters the list: Zoom's default is `active`; the emulator has no inactive or pending users. */
const statusQuery = z.enum(["active", "inactive", "pending"]).optional();

const users: Handler = (req, ctx) => {
  const status = ctx.validate(statusQuery, req.query.get("status") ?? undefined) ?? "active";
  const matching = status === "active" ? req.account.users : [];
  return { status: 200, body: ctx.paginate(matching.map(listed), req.query, "users") };
};

/** Spec: 404 code 1001 "User does not exist: {userId}." (resolveUser answers it). */
const user: Handler = (req, ctx) => {
  const found = ctx.resolveUser(req.account, req.pathParams.userId);
  return { status: 200, body: { ...listed(found), account_id: req.account.id, role_name: found.isOwner ? "Owner" : "Member" } };
};

/** Seed items: `{email, first_name, last_name}`; the email must be new to the account, as in Zoom. */
const seedItem = z.object({ email: z.string().min(1).max(128), first_name: z.string().max(64), last_name: z.string().max(64) });

function addUser(account: AccountState, item: z.infer<typeof seedItem>, id: string): UserRecord {
  const email = item.email.toLowerCase();
  if (account.users.some((u) => u.email.toLowerCase() === email)) {
    // Zoom's create-user answer for a taken email (Users API, code 1005).
    throw new ZoomHttpError(409, 1005, `User already in the account: ${item.email}.`);
  }
  const record: UserRecord = { id, email: item.email, firstName: item.first_name, lastName: item.last_name, isOwner: false };
  account.users.push(record);
  return record;
}

export const userRoutes: RouteModule = {
  name: "users",
  handlers: { users, user },
  seed: {
    /** More users for the seed's account (pagination and lookups by name need more than the initial few). */
    users: (account, items, ctx) =>
      items.map((item) => listed(addUser(account, ctx.validate(seedItem, item), ctx.ids.string()))),
  },
};
