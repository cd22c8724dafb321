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
import type { Props, ResourceTestbed } from "../support/resources";

/** Forgets the cached list `operation` for each account (`undefined`: the credentials' own account). */
export function forgetLists(operation: OperationId, accountIds: readonly (string | undefined)[]): void {
  const cache = listCacheFor(currentClient());
  for (const accountId of accountIds) cache.invalidate({ operation, accountId });
}

/**
 * A generated declaration's round trip, as the property-based tests run it: created, then a clean plan as the
 * next command (a new process, `newProcess`) would see it, then deleted, also when the plan was not clean.
 */
export async function expectCleanRoundTrip(bed: ResourceTestbed, kind: string, declared: Props, newProcess: () => void): Promise<void> {
  const created = await bed.create(kind, "pbt", declared);
  try {
    newProcess();
    await bed.expectCleanPlan(kind, created, declared);
  } finally {
    await bed.provider(kind).delete!(created.id, created.outs);
  }
}

/** Declaring a created object in another account plans a replacement (Zoom cannot move objects between accounts). */
export async function expectAccountMoveReplaces(bed: ResourceTestbed, kind: string, declared: Props, otherAccount: string): Promise<void> {
  const created = await bed.create(kind, "mover", declared);
  const diff = await bed.provider(kind).diff!(created.id, created.outs, { __logicalName: "mover", ...declared, accountId: otherAccount });
  expect(diff).toMatchObject({ changes: true, replaces: ["accountId"], deleteBeforeReplace: false });
}
