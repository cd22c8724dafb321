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
import type { OperationId } from "../../../catalogue/operations";

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

/** Which Pulumi id segments a kind has in front of Zoom's id (see provider/framework/ids.ts). */
const USER_SCOPED = new Set(["TspAccount", "MeetingTemplate"]);

/**
 * The key of a resource in state, from its type token (`pulumi-nodejs:dynamic/zoom:Meeting`) and Pulumi id
 * (`[<accountId>/][<userId>/]<zoomId>`).
 */
export function stateKey(accounts: EmulatorStateSummary, type: string, id: string): string {
  const kind = type.split(":").pop() ?? type;
  const segments = id.split("/").map(decodeURIComponent);
  const zoomId = segments.pop() ?? "";
  const userId = USER_SCOPED.has(kind) ? segments.pop() : undefined;
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
  const paged = async (kind: string, operation: OperationId, itemsKey: string, accountId: string, userId?: string) => {
    if (!wanted(kind)) return;
    const pathParams = userId === undefined ? undefined : { userId };
    for await (const item of portal.paginate<Listing>({ operation, itemsKey, accountId, ...(pathParams ? { pathParams } : {}) })) {
      add(kind, accountId, item, userId === undefined || kind === "Meeting" ? undefined : userId);
    }
  };
  const whole = async (kind: string, operation: OperationId, itemsKey: string, accountId: string, userId?: string) => {
    if (!wanted(kind)) return;
    const pathParams = userId === undefined ? undefined : { userId };
    const response = await portal.request<Record<string, Listing[] | undefined>>({ operation, accountId, ...(pathParams ? { pathParams } : {}) });
    for (const item of response.data?.[itemsKey] ?? []) add(kind, accountId, item, userId);
  };
  for (const account of [accounts.master, ...accounts.subAccounts]) {
    const accountId = account === accounts.master ? "me" : account.id;
    await whole("TrackingField", "trackingfieldList", "tracking_fields", accountId);
    await paged("H323Device", "deviceList", "devices", accountId);
    await paged("InternalNumber", "ListInternalNumbers", "internal_numbers", accountId);
    if (account !== accounts.master) await whole("SipTrunk", "ListSIPTrunks", "sip_trunks", accountId);
    for (const user of account.users) {
      await paged("Meeting", "meetings", "meetings", accountId, user.id);
      if (account.tspEnabled) await whole("TspAccount", "userTSPs", "tsp_accounts", accountId, user.id);
      await whole("MeetingTemplate", "listMeetingTemplates", "templates", accountId, user.id);
    }
  }
  return objects.sort((a, b) => a.key.localeCompare(b.key));
}

/** The keys of `after` that were not in `before`. */
export function added(before: readonly AccountObject[], after: readonly AccountObject[]): AccountObject[] {
  const known = new Set(before.map((o) => o.key));
  return after.filter((o) => !known.has(o.key));
}
