/**
 * What is in the emulated Zoom account, seen through the API as a person in the web portal would see it, and
 * the same objects as a stack's state names them: so a test can say "these objects exist that no state
 * holds" (orphans) or "this declaration exists twice" (duplicates).
 *
 * Every object gets a key `<Kind> <account> <zoom id>`, where the account is the sub-account id or `master`,
 * and the zoom id of per-user objects (TSP accounts, templates) carries the user's id: `<userId>/<id>`.
 */
import type { EmulatorStateSummary } from "../../../emulator";
import type { HttpZoomClient } from "../../../provider/client";
import { KIND_FIXTURES, type KindFixture } from "../../support/kinds";

export type Listing = Record<string, unknown>;

export interface AccountObject {
  readonly kind: string;
  readonly key: string;
  /** Zoom's object as listed. */
  readonly item: Listing;
}

/** `master` for the credentials' own account, else the sub-account's id. */
function accountKey(accounts: EmulatorStateSummary, accountId: string | undefined): string {
  return accountId === undefined || accountId === "me" || accountId === accounts.master.id ? "master" : accountId;
}

/** A user id as the account knows it: `me` is the account's owner, an email is that user. */
export function userKey(accounts: EmulatorStateSummary, accountId: string | undefined, userId: string): string {
  const account = accountKey(accounts, accountId) === "master" ? accounts.master : accounts.subAccounts.find((a) => a.id === accountId);
  const user = account?.users.find((u) => (userId === "me" ? u.isOwner : u.id === userId || u.email.toLowerCase() === userId.toLowerCase()));
  return user?.id ?? userId;
}

export function objectKey(accounts: EmulatorStateSummary, kind: string, accountId: string | undefined, zoomId: string, userId?: string): string {
  const scoped = userId === undefined ? zoomId : `${userKey(accounts, accountId, userId)}/${zoomId}`;
  return `${kind} ${accountKey(accounts, accountId)} ${scoped}`;
}


/**
 * The key of a resource in state, from its type token (`pulumi-nodejs:dynamic/zoom:Meeting`) and Pulumi id
 * (`[<accountId>/][<userId>/]<zoomId>`).
 */
export function stateKey(accounts: EmulatorStateSummary, type: string, id: string): string {
  const kind = type.split(":").pop() ?? type;
  const segments = id.split("/").map(decodeURIComponent);
  const zoomId = segments.pop() ?? "";
  // Which Pulumi id segments a kind has in front of Zoom's id (see provider/framework/ids.ts).
  const userId = KIND_FIXTURES.find((fixture) => fixture.kind === kind)?.userInId ? segments.pop() : undefined;
  const accountId = segments.pop();
  return objectKey(accounts, kind, accountId, zoomId, userId);
}

/**
 * Every object of every kind in every account: tracking fields, devices and internal numbers per account, SIP
 * trunks per sub-account, meetings, TSP accounts and templates per user. Sorted by key.
 */
export async function accountObjects(
  portal: HttpZoomClient,
  accounts: EmulatorStateSummary,
  /** Only these kinds (default: all). */
  only?: readonly string[],
): Promise<AccountObject[]> {
  const objects: AccountObject[] = [];
  const wanted = (kind: string) => only === undefined || only.includes(kind);
  const add = (kind: string, accountId: string, item: Listing, userId?: string) => {
    objects.push({ kind, key: objectKey(accounts, kind, accountId, String(item.id), userId), item });
  };
  const list = async (fixture: KindFixture, accountId: string, userId?: string) => {
    const { kind, userInId, portalListing: listing } = fixture;
    if (!wanted(kind)) return;
    const pathParams = userId === undefined ? undefined : { userId };
    const request = { operation: listing.operation, accountId, ...(pathParams ? { pathParams } : {}) };
    const keyUser = userInId ? userId : undefined;
    if (listing.paginated) {
      for await (const item of portal.paginate<Listing>({ ...request, itemsKey: listing.itemsKey })) add(kind, accountId, item, keyUser);
    } else {
      const response = await portal.request<Record<string, Listing[] | undefined>>(request);
      for (const item of response.data?.[listing.itemsKey] ?? []) add(kind, accountId, item, keyUser);
    }
  };
  const inAccount = KIND_FIXTURES.filter((f) => f.portalListing.per === "account" || f.portalListing.per === "subAccount");
  const perUser = KIND_FIXTURES.filter((f) => f.portalListing.per === "user" || f.portalListing.per === "tspUser");
  for (const account of [accounts.master, ...accounts.subAccounts]) {
    const accountId = account === accounts.master ? "me" : account.id;
    for (const fixture of inAccount) {
      if (fixture.portalListing.per === "account" || account !== accounts.master) await list(fixture, accountId);
    }
    for (const user of account.users) {
      for (const fixture of perUser) {
        if (fixture.portalListing.per === "user" || account.tspEnabled) await list(fixture, accountId, user.id);
      }
    }
  }
  return objects.sort((a, b) => a.key.localeCompare(b.key));
}

/** The keys of `after` that were not in `before`. */
export function added(before: readonly AccountObject[], after: readonly AccountObject[]): AccountObject[] {
  const known = new Set(before.map((o) => o.key));
  return after.filter((o) => !known.has(o.key));
}
