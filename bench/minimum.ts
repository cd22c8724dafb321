/**
 * The fewest requests Zoom's API allows for each operation of each kind: one call, plus one read only where
 * Zoom's answer lacks the object; list-only kinds read through one shared list sweep of ceil(N/300) pages per
 * kind and account, tracking fields through their one-page list. These are the "expected" columns of the calls table and the request counts the throughput
 * lower bound is computed from, so our own waste shows up as measured > expected, and as time.
 */
import { MAX_PAGE_SIZE, OPERATIONS, RATE_LIMITS_PER_SECOND, type OperationId, type RateLimitCategory } from "../catalogue/operations";
import type { Fleet, FleetKind } from "./fleet";

export type Phase = "create" | "read" | "update" | "delete";

export interface KindMinimum {
  readonly create: readonly OperationId[];
  /** A GET by id, or the list every read of the kind shares. */
  readonly read: { readonly get: OperationId } | { readonly list: OperationId; readonly paginated: boolean };
  readonly update: readonly OperationId[];
  readonly delete: readonly OperationId[];
  /** Why an operation needs more than one call. */
  readonly notes?: Partial<Record<Phase, string>>;
}

/** A kind read from a list, updated by a PATCH that answers 204 (so one list read follows), deleted by id. */
function readFromList(
  ops: { readonly create: OperationId; readonly list: OperationId; readonly update: OperationId; readonly delete: OperationId },
  read: { readonly paginated: boolean; readonly why: string },
): KindMinimum {
  return {
    create: [ops.create],
    read: { list: ops.list, paginated: read.paginated },
    update: [ops.update, ops.list],
    delete: [ops.delete],
    notes: { read: read.why, update: "PATCH answers 204: one list read" },
  };
}

/**
 * One row per resource kind, in the order the calls table lists them. tests/resources/manifest.test.ts checks that
 * every kind of the manifest has one.
 */
const ROWS = {
  Meeting: {
    create: ["meetingCreate"],
    read: { get: "meeting" },
    update: ["meetingUpdate", "meeting"],
    delete: ["meeting", "meetingDelete"],
    notes: {
      update: "PATCH answers 204: one read",
      delete: "endBeforeDelete (default true) reads the status first, to end a meeting in progress",
    },
  },
  TrackingField: readFromList(
    { create: "trackingfieldCreate", list: "trackingfieldList", update: "trackingfieldUpdate", delete: "trackingfieldDelete" },
    { paginated: false, why: "one unpaginated list holds every field" },
  ),
  H323Device: readFromList(
    { create: "deviceCreate", list: "deviceList", update: "deviceUpdate", delete: "deviceDelete" },
    { paginated: true, why: "no GET by id: list" },
  ),
  InternalNumber: readFromList(
    { create: "AddInternalNumbers", list: "ListInternalNumbers", update: "UpdateAnInternalNumber", delete: "DeleteAnInternalNumber" },
    { paginated: true, why: "no GET by id: list" },
  ),
  TspAccount: {
    create: ["userTSPCreate"],
    read: { get: "userTSP" },
    update: ["userTSPUpdate", "userTSP"],
    delete: ["userTSPDelete"],
    notes: { update: "PATCH answers 204: one read" },
  },
  SipTrunk: {
    create: ["AssignSIPTrunks", "ListSIPTrunks"],
    read: { list: "ListSIPTrunks", paginated: false },
    update: ["DeleteASIPTrunk", "AssignSIPTrunks", "ListSIPTrunks"],
    delete: ["DeleteASIPTrunk"],
    notes: {
      create: "the assign answer lacks the trunk: one list read",
      update: "no update: delete-before-replace, assign, one list read",
    },
  },
  MeetingTemplate: {
    create: ["meetingTemplateCreate", "listMeetingTemplates"],
    read: { list: "listMeetingTemplates", paginated: false },
    update: ["meetingTemplateCreate", "listMeetingTemplates"],
    delete: [],
    notes: {
      create: "the answer is {id, name}: one list read",
      update: "no update: a new template (create + list read)",
      delete: "no delete in Zoom's API: dropped from state",
    },
  },
} satisfies Record<string, KindMinimum>;

export type Kind = keyof typeof ROWS;
export const MINIMUM: Readonly<Record<Kind, KindMinimum>> = ROWS;
export const ALL_KINDS: readonly Kind[] = Object.keys(ROWS) as Kind[];

export type OperationCounts = Partial<Record<OperationId, number>>;

function add(counts: OperationCounts, op: OperationId, n = 1): void {
  counts[op] = (counts[op] ?? 0) + n;
}

/** List pages for n items (an empty list still takes one request). */
export function pagesFor(n: number): number {
  return Math.max(1, Math.ceil(n / MAX_PAGE_SIZE));
}

/** The minimum requests of one fleet phase (the fleet lives in one account). */
export function fleetMinimum(fleet: Fleet, phase: "up" | "refresh" | "destroy"): OperationCounts {
  const counts: OperationCounts = {};
  for (const kind of Object.keys(fleet.counts) as FleetKind[]) {
    const n = fleet.counts[kind];
    if (n === 0) continue;
    const minimum = MINIMUM[kind];
    if (phase === "up") for (const op of minimum.create) add(counts, op, n);
    if (phase === "destroy") for (const op of minimum.delete) add(counts, op, n);
    if (phase === "refresh") {
      const read = minimum.read;
      if ("get" in read) add(counts, read.get, n);
      else add(counts, read.list, read.paginated ? pagesFor(n) : 1);
    }
  }
  return counts;
}

export function byCategory(counts: OperationCounts): Record<RateLimitCategory, number> {
  const out: Record<RateLimitCategory, number> = { LIGHT: 0, MEDIUM: 0, HEAVY: 0 };
  for (const [op, n] of Object.entries(counts) as [OperationId, number][]) out[OPERATIONS[op].category] += n;
  return out;
}

export function total(counts: OperationCounts): number {
  return Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
}

/**
 * The shortest time Zoom's per-second limits allow for these requests in one account: each category is its own
 * budget, so the busiest category decides (count / limit, the sustained rate).
 */
export function lowerBoundSeconds(counts: OperationCounts, plan: "pro" | "business" | "free" = "pro"): number {
  const perCategory = byCategory(counts);
  const limits = RATE_LIMITS_PER_SECOND[plan];
  return Math.max(...(Object.keys(perCategory) as RateLimitCategory[]).map((c) => perCategory[c] / limits[c]));
}
