/**
 * The account the throughput benchmarks deploy: a mix of every kind that can be made in bulk in one account,
 * and the Pulumi program that declares it.
 *
 * Constraints of Zoom (which the emulator enforces) shape the mix: 100 meeting creates/updates per host user per
 * day (the master account has three users, so at most 300 meetings per run), and two TSP accounts per user, the
 * last of which cannot be deleted (each user gets one seeded account and the fleet adds the second). Everything
 * lives in the master account: Zoom budgets rate limits per account, and one account is the hard case.
 *
 * The program registers the kinds interleaved in proportion, not kind by kind, so that at every moment the
 * engine's parallel steps hold requests of every rate-limit category (see README "Performance").
 */
import {
  H323Device,
  h323DeviceDefinition,
  InternalNumber,
  internalNumberDefinition,
  Meeting,
  meetingDefinition,
  TrackingField,
  trackingFieldDefinition,
  TspAccount,
  tspAccountDefinition,
} from "../provider";
import type { ResourceDefinition } from "../provider/framework/definition";
import { shapeOf } from "../provider/framework/resource";
import { NAME_KEY } from "../provider/framework/stateKeys";
import { DAILY_MEETING_WRITES_PER_USER } from "../catalogue/operations";
import type { EmulatorControl } from "../emulator";
import { seedAccount } from "../fixtures/seed";
import { NullResource } from "./nullProvider";

export const FLEET_KINDS = ["Meeting", "TrackingField", "H323Device", "InternalNumber", "TspAccount"] as const;
/** The kinds the fleet leaves out, and why (tests/resources/manifest.test.ts: every other kind must be in it). */
export const FLEET_LEAVES_OUT: Readonly<Record<string, string>> = {
  SipTrunk: "a sub-account holds at most as many trunks as the master account has (three in the emulator): no bulk",
  MeetingTemplate: "Zoom has no delete for templates: a destroy cannot clear them, and 40 per user at most",
};
export type FleetKind = (typeof FLEET_KINDS)[number];

export interface FleetItem {
  readonly kind: FleetKind;
  readonly name: string;
  readonly index: number;
  readonly args: Record<string, unknown>;
}

export interface Fleet {
  readonly objects: number;
  readonly counts: Readonly<Record<FleetKind, number>>;
  /** In registration order (interleaved). */
  readonly items: readonly FleetItem[];
  /** What the fleet's limits forced, for the report. */
  readonly notes: readonly string[];
}

/**
 * Master-account users (ids), owner first, each given one TSP account (fixtures/seed.ts), so the fleet's (second)
 * one can be deleted again.
 */
export async function seedFleetUsers(control: EmulatorControl): Promise<string[]> {
  const state = await seedAccount(control, { tspSlots: "all" });
  return state.master.users.map((u) => u.id);
}

export function countsFor(objects: number, users: number): { counts: Record<FleetKind, number>; notes: string[] } {
  const notes: string[] = [];
  const wantedMeetings = Math.round(objects * 0.3);
  const meetingCap = users * DAILY_MEETING_WRITES_PER_USER;
  const meetings = Math.min(wantedMeetings, meetingCap);
  if (meetings < wantedMeetings) {
    notes.push(`meetings capped at ${meetingCap} (${users} users x ${DAILY_MEETING_WRITES_PER_USER} creates per user per day; the emulator cannot add users)`);
  }
  const tsp = Math.min(users, Math.max(1, Math.floor(objects / 100)));
  const rest = objects - meetings - tsp;
  const devices = Math.round(rest * 0.3);
  const fields = Math.round(rest * 0.25);
  return {
    counts: { Meeting: meetings, TrackingField: fields, H323Device: devices, InternalNumber: rest - devices - fields, TspAccount: tsp },
    notes,
  };
}

function argsFor(kind: FleetKind, i: number, users: readonly string[]): Record<string, unknown> {
  switch (kind) {
    case "Meeting": {
      const day = 1 + (i % 28);
      return {
        topic: `Bench meeting ${i}`,
        type: 2,
        startTime: `2031-03-${String(day).padStart(2, "0")}T${String(8 + (i % 10)).padStart(2, "0")}:00:00Z`,
        duration: 30,
        // Spread over the users: each may take 100 creates a day.
        userId: users[i % users.length],
      };
    }
    case "TrackingField":
      return { field: `Bench field ${i}`, recommendedValues: ["a", "b"] };
    case "H323Device":
      return { name: `Bench room ${i}`, ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, protocol: "H.323", encryption: "auto" };
    case "InternalNumber": {
      const digits = String(i).padStart(7, "0");
      return { number: `+1415${digits}`, displayNumber: `+1 415 ${digits}`, country: "US", labels: "bench", languages: "en-US", type: "toll" };
    }
    case "TspAccount":
      return { userId: users[i], conferenceCode: `77700${i}`, leaderPin: "2222", tspBridge: "US_TSP_TB" };
  }
}

export function planFleet(objects: number, users: readonly string[]): Fleet {
  const { counts, notes } = countsFor(objects, users.length);
  return fleetOf(counts, users, notes);
}

/** A fleet of exactly these counts (tests that need, say, 301 objects of one kind). */
export function fleetOf(counts: Readonly<Record<FleetKind, number>>, users: readonly string[], notes: readonly string[] = []): Fleet {
  const objects = FLEET_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
  const keyed: { key: number; item: FleetItem }[] = [];
  for (const kind of FLEET_KINDS) {
    const n = counts[kind];
    for (let i = 0; i < n; i++) {
      // The i-th of n sits at (i + 0.5) / n of the program: every kind spread evenly over the registrations.
      keyed.push({ key: (i + 0.5) / n, item: { kind, index: i, name: `${kind.toLowerCase()}-${i}`, args: argsFor(kind, i, users) } });
    }
  }
  keyed.sort((a, b) => a.key - b.key);
  return { objects, counts, items: keyed.map((k) => k.item), notes };
}

const DEFINITIONS: Readonly<Record<FleetKind, ResourceDefinition>> = {
  Meeting: meetingDefinition,
  TrackingField: trackingFieldDefinition,
  H323Device: h323DeviceDefinition,
  InternalNumber: internalNumberDefinition,
  TspAccount: tspAccountDefinition,
};

/**
 * The same registrations with a provider that does nothing: the engine floor (nullProvider.ts). Each carries the
 * same property keys as the real resource (every output placeholder too): the SDK's cost grows with them.
 */
export function nullProgram(fleet: Fleet): () => void {
  const placeholders = Object.fromEntries(
    FLEET_KINDS.map((kind) => [kind, Object.fromEntries(shapeOf(DEFINITIONS[kind]).outputNames.map((name) => [name, undefined]))]),
  );
  return () => {
    for (const item of fleet.items) new NullResource(item.name, { ...placeholders[item.kind], ...item.args, [NAME_KEY]: item.name });
  };
}

/** Each kind's resource class. The args are built to each kind's schema; the classes take them as inputs. */
const FLEET_CLASSES: Readonly<Record<FleetKind, new (name: string, args: never) => unknown>> = {
  Meeting,
  TrackingField,
  H323Device,
  InternalNumber,
  TspAccount,
};

/** The Pulumi program declaring the fleet. */
export function fleetProgram(fleet: Fleet): () => void {
  return () => {
    for (const item of fleet.items) new FLEET_CLASSES[item.kind](item.name, item.args as never);
  };
}
