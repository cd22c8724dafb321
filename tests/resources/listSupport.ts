/**
 * Helpers for the list-only resources (H.323 devices, internal numbers, SIP trunks).
 *
 * The provider shares list sweeps through a short-lived cache (provider/framework/listCache.ts). Each Pulumi
 * command runs in a new plugin process, so a `pulumi refresh` after someone edited Zoom by hand starts with an
 * empty cache; in a test everything runs in one process, so a test that edits out of band and then reads
 * "as the next command would" first forgets the cached lists, as a new process would not have them.
 */
import type { OperationId } from "../../catalogue/operations";
import { listCacheFor } from "../../provider/framework/listCache";
import { currentClient } from "../../provider/framework/runtime";

/** Forgets the cached list `operation` for each account (`undefined`: the credentials' own account). */
export function forgetLists(operation: OperationId, accountIds: readonly (string | undefined)[]): void {
  const cache = listCacheFor(currentClient());
  for (const accountId of accountIds) cache.invalidate({ operation, accountId });
}
