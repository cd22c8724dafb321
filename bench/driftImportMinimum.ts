/**
 * The fewest requests `pulumi-zoom drift` (a stack holding the fleet) and `pulumi-zoom import` (the account
 * holding it) can make, per kind, against Zoom's API:
 *
 * - kinds Zoom only lists (tracking fields, H.323 devices, internal numbers): one sweep of ceil(N/300) pages
 *   per account (one page for the unpaginated tracking fields), shared by the reads of managed objects and the
 *   search for unmanaged ones;
 * - kinds read by id (meetings, TSP accounts): one GET per object read (Zoom's meeting list gives summaries,
 *   not settings), plus their listing per user for the objects the stack does not know (drift) or to find them
 *   (import): ceil(n/300) meeting pages, one TSP list;
 * - kinds the fleet has none of are still listed once per scope: templates per user; SIP trunks live only in
 *   sub-accounts, and the fleet's account is the master, so none.
 *
 * Drift reads the stack's objects; import reads every object the account holds (the fleet and one seeded TSP
 * account per user).
 */
import type { OperationId } from "../catalogue/operations";
import type { Fleet, FleetKind } from "./fleet";
import { MINIMUM, pagesFor, type Kind, type OperationCounts } from "./minimum";

/** Requests per kind, by operation. */
export type KindCounts = Partial<Record<Kind, OperationCounts>>;

function add(counts: KindCounts, kind: Kind, op: OperationId, n: number): void {
  if (n <= 0) return;
  const ops = (counts[kind] ??= {});
  ops[op] = (ops[op] ?? 0) + n;
}

/** The users the fleet's per-user objects belong to, with their meeting counts. */
export function fleetUsers(fleet: Fleet): Map<string, number> {
  const users = new Map<string, number>();
  for (const item of fleet.items) {
    const user = item.args.userId;
    if (typeof user !== "string") continue;
    users.set(user, (users.get(user) ?? 0) + (item.kind === "Meeting" ? 1 : 0));
  }
  return users;
}

function listings(fleet: Fleet, counts: KindCounts): void {
  for (const [, meetings] of fleetUsers(fleet)) {
    add(counts, "Meeting", "meetings", pagesFor(meetings));
    add(counts, "TspAccount", "userTSPs", 1);
    add(counts, "MeetingTemplate", "listMeetingTemplates", 1);
  }
  for (const kind of ["TrackingField", "H323Device", "InternalNumber"] as const) {
    const read = MINIMUM[kind].read;
    if ("list" in read) add(counts, kind, read.list, read.paginated ? pagesFor(fleet.counts[kind]) : 1);
  }
}

function readsById(counts: KindCounts, kind: FleetKind, n: number): void {
  const read = MINIMUM[kind].read;
  if ("get" in read) add(counts, kind, read.get, n);
}

export function driftMinimum(fleet: Fleet): KindCounts {
  const counts: KindCounts = {};
  listings(fleet, counts);
  for (const kind of Object.keys(fleet.counts) as FleetKind[]) readsById(counts, kind, fleet.counts[kind]);
  return counts;
}

/** `seededTsp`: TSP accounts the account holds besides the fleet's (one per user: bench/fleet.ts seedFleetUsers). */
export function importMinimum(fleet: Fleet, seededTsp: number): KindCounts {
  const counts: KindCounts = {};
  listings(fleet, counts);
  for (const kind of Object.keys(fleet.counts) as FleetKind[]) readsById(counts, kind, fleet.counts[kind] + (kind === "TspAccount" ? seededTsp : 0));
  return counts;
}

/** All kinds' requests as one operation count (for the lower bound). */
export function flatten(counts: KindCounts): OperationCounts {
  const out: OperationCounts = {};
  for (const ops of Object.values(counts)) for (const [op, n] of Object.entries(ops) as [OperationId, number][]) out[op] = (out[op] ?? 0) + n;
  return out;
}

/** Measured requests by operation, grouped by the kind whose minimum names the operation ("other" if none). */
export function byKind(measured: OperationCounts, minimum: KindCounts): Record<string, OperationCounts> {
  const kindOf = new Map<string, string>();
  for (const [kind, ops] of Object.entries(minimum)) for (const op of Object.keys(ops)) kindOf.set(op, kind);
  const out: Record<string, OperationCounts> = {};
  for (const [op, n] of Object.entries(measured) as [OperationId, number][]) {
    const kind = kindOf.get(op) ?? "other";
    (out[kind] ??= {})[op] = n;
  }
  return out;
}
