/**
 * What a Zoom account holds, through Zoom's API: every object the examples can manage, in the master account
 * and every sub-account, for every user. The demo shows it before and after destroy; the end-to-end test of the
 * examples compares it.
 */
import type { EmulatorStateSummary } from "../../emulator";
import type { HttpZoomClient, OperationId } from "../../provider/client";

/** One object in the account. */
export interface ZoomObjectEntry {
  /** Zoom's list key: `meetings`, `tracking_fields`, `devices`, `tsp_accounts`, `templates`, `sip_trunks`, `internal_numbers`. */
  kind: string;
  /** `me` for the master account, else the sub-account's id. */
  accountId: string;
  /** For users' objects (meetings, TSP accounts, templates). */
  userId?: string;
  id: string;
}

type Item = Record<string, unknown>;

/** The accounts and users to look through: the shape of the emulator's `/_emulator/state`. */
export type AccountDirectory = Pick<EmulatorStateSummary, "master" | "subAccounts">;

export async function inventory(client: HttpZoomClient, accounts: AccountDirectory): Promise<ZoomObjectEntry[]> {
  const entries: ZoomObjectEntry[] = [];
  const add = (kind: string, accountId: string, userId: string | undefined, item: Item) =>
    entries.push({ kind, accountId, ...(userId === undefined ? {} : { userId }), id: String(item.id) });

  /** A paginated list (Zoom's `next_page_token`). */
  const paged = async (operation: OperationId, kind: string, accountId: string, userId?: string) => {
    const pathParams = userId === undefined ? undefined : { userId };
    for await (const item of client.paginate<Item>({ operation, itemsKey: kind, accountId, ...(pathParams ? { pathParams } : {}) })) {
      add(kind, accountId, userId, item);
    }
  };
  /** A list Zoom answers in one piece. */
  const whole = async (operation: OperationId, kind: string, accountId: string, userId?: string) => {
    const pathParams = userId === undefined ? undefined : { userId };
    const response = await client.request<Record<string, Item[] | undefined>>({ operation, accountId, ...(pathParams ? { pathParams } : {}) });
    for (const item of response.data?.[kind] ?? []) add(kind, accountId, userId, item);
  };

  for (const account of [accounts.master, ...accounts.subAccounts]) {
    const isMaster = account === accounts.master;
    const accountId = isMaster ? "me" : account.id;
    await whole("trackingfieldList", "tracking_fields", accountId);
    await paged("deviceList", "devices", accountId);
    await paged("ListInternalNumbers", "internal_numbers", accountId);
    // Trunks are assigned to sub-accounts; the master's own are Zoom's configuration, not objects we manage.
    if (!isMaster) await whole("ListSIPTrunks", "sip_trunks", accountId);
    for (const user of account.users) {
      await paged("meetings", "meetings", accountId, user.id);
      await whole("userTSPs", "tsp_accounts", accountId, user.id);
      await whole("listMeetingTemplates", "templates", accountId, user.id);
    }
  }
  return entries;
}

const keyOf = (e: ZoomObjectEntry): string => `${e.kind} ${e.accountId} ${e.userId ?? ""} ${e.id}`;

/** Objects in `after` that were not in `before`, and the other way round. */
export function compareInventories(before: readonly ZoomObjectEntry[], after: readonly ZoomObjectEntry[]): { added: ZoomObjectEntry[]; removed: ZoomObjectEntry[] } {
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  return { added: after.filter((e) => !beforeKeys.has(keyOf(e))), removed: before.filter((e) => !afterKeys.has(keyOf(e))) };
}

/** `{kind: count}`. */
export function countByKind(entries: readonly ZoomObjectEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
}
