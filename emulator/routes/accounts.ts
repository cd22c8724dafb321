/**
 * Sub-accounts: `GET /accounts`, the master account's list of its sub-accounts (paginated). Only the master
 * account has one; the path has no `/accounts/{accountId}` form.
 *
 * This operation belongs to Zoom's Accounts API (master-account reference, operationId `accounts`), not to the
 * Meetings documents in ../shared/zoom-openapi; the answer follows that reference, transcribed for the
 * conformance checks in tests/support/specSupplement.ts.
 */
import type { AccountState, Handler, RouteModule } from "../types";

function listed(account: AccountState): Record<string, unknown> {
  const owner = account.users.find((u) => u.isOwner);
  return {
    id: account.id,
    account_name: account.name,
    ...(owner ? { owner_email: owner.email } : {}),
    account_type: "Pro",
    seats: account.users.length,
  };
}

/** A sub-account's token has no sub-accounts to list: it sees an empty list. */
const accounts: Handler = (req, ctx) => {
  const subAccounts = req.account.isMaster ? ctx.subAccounts() : [];
  return { status: 200, body: ctx.paginate(subAccounts.map(listed), req.query, "accounts") };
};

export const accountRoutes: RouteModule = { name: "accounts", handlers: { accounts } };
