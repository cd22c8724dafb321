/**
 * The generative settle test's declarations, per kind: pairs (first declaration, changed declaration) of random
 * valid inputs generated from the resource's zod schema (bench/zodArbitrary.ts), with overrides only where
 * validity needs more than the schema knows (unique names, a sub-account's trunk, an existing user or meeting).
 */
import fc from "fast-check";
import type { EmulatorStateSummary } from "../emulator";
import {
  H323Device,
  InternalNumber,
  Meeting,
  MeetingTemplate,
  SipTrunk,
  TrackingField,
  TspAccount,
} from "../provider";
import { h323DeviceSchema } from "../schema/h323Device";
import { internalNumberSchema } from "../schema/internalNumber";
import { meetingSchema } from "../schema/meeting";
import { meetingTemplateSchema } from "../schema/meetingTemplate";
import { sipTrunkSchema } from "../schema/sipTrunk";
import { trackingFieldSchema } from "../schema/trackingField";
import { tspAccountSchema } from "../schema/tspAccount";
import { declarations } from "./zodArbitrary";

export type Props = Record<string, unknown>;

export interface SettleKind {
  readonly kind: string;
  /** How many resources of the kind one round can hold (slots, users). */
  capacity(state: EmulatorStateSummary): number;
  /** A pair of declarations for resource `i` of a round; `tag` keeps names unique across rounds. */
  pair(state: EmulatorStateSummary, i: number, tag: string): fc.Arbitrary<readonly [Props, Props]>;
  /** Registers resource `i` (and what it needs) in a program. */
  register(name: string, props: Props): void;
}

const none = fc.constant(undefined);
const pad = (n: number) => String(n).padStart(2, "0");

/** A date-time in one of the forms users write: UTC, with an offset, or local time (read in `timezone`). */
function dateTimeIn(from: Date, to: Date): fc.Arbitrary<string> {
  return fc
    .tuple(fc.date({ min: from, max: to, noInvalidDate: true }), fc.constantFrom("Z", "+02:00", "-05:30", ""))
    .map(([date, zone]) => {
      const d = new Date(Math.floor(date.getTime() / 60_000) * 60_000);
      const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
      return `${text}${zone}`;
    });
}

const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo"];

/**
 * Meeting starts: mostly in the first week of 2031, sometimes in the past (Zoom moves those to the time of the
 * request). Series end in January or February 2031, so no series has more than Zoom's 60 occurrences.
 */
const meetingDeclarations = declarations(meetingSchema, {
  startTime: fc.oneof({ weight: 5, arbitrary: dateTimeIn(new Date("2031-01-01T00:00:00Z"), new Date("2031-01-07T23:00:00Z")) }, { weight: 1, arbitrary: dateTimeIn(new Date("2021-01-01T00:00:00Z"), new Date("2024-01-01T00:00:00Z")) }),
  timezone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
  "recurrence.endDateTime": fc.option(dateTimeIn(new Date("2031-01-20T00:00:00Z"), new Date("2031-02-25T00:00:00Z")), { nil: undefined, freq: 3 }),
  templateId: none,
  scheduleFor: none,
  userId: none,
  accountId: none,
}).map((m) => {
  // A series declared in the past starts now (Zoom moves it): an end date in 2031 would exceed 60 occurrences.
  const recurrence = m.recurrence as Props | undefined;
  if (recurrence?.endDateTime !== undefined && typeof m.startTime === "string" && m.startTime < "2030") {
    const { endDateTime: _end, ...rest } = recurrence;
    return { ...m, recurrence: { ...rest, endTimes: 3 } };
  }
  return m;
});

function pairOf(arbitrary: fc.Arbitrary<Props>, fix: (props: Props, second: boolean, changeName: boolean) => Props): fc.Arbitrary<readonly [Props, Props]> {
  return fc.tuple(arbitrary, arbitrary, fc.boolean()).map(([a, b, changeName]) => [fix(a, false, changeName), fix(b, true, changeName)] as const);
}

export const SETTLE_KINDS: readonly SettleKind[] = [
  {
    kind: "Meeting",
    capacity: () => 40,
    pair: () => pairOf(meetingDeclarations, (p) => p),
    register: (name, props) => new Meeting(name, props),
  },
  {
    kind: "TrackingField",
    capacity: () => 40,
    pair: (_state, i, tag) =>
      pairOf(declarations(trackingFieldSchema, { field: fc.constant("x"), accountId: none }), (p, second, change) => ({
        ...p,
        field: `settle ${tag} ${i}${second && change ? " b" : ""}`,
      })),
    register: (name, props) => new TrackingField(name, props as never),
  },
  {
    kind: "H323Device",
    capacity: () => 40,
    pair: (_state, i, tag) =>
      pairOf(
        declarations(h323DeviceSchema, {
          name: fc.constant("x"),
          ip: fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom("room.example.com", "Room-2.Example.COM", "h323.corp.example.net")),
          accountId: none,
        }),
        (p, second, change) => ({ ...p, name: `settle ${tag} ${i}${second && change ? " b" : ""}` }),
      ),
    register: (name, props) => new H323Device(name, props as never),
  },
  {
    kind: "InternalNumber",
    capacity: () => 40,
    pair: (_state, i, tag) =>
      pairOf(
        declarations(internalNumberSchema, { number: fc.constant("+15550000000"), country: fc.constantFrom("US", "DE", "GB", "JP", "BR"), accountId: none }),
        (p, second, change) => ({ ...p, number: `+1555${tag.padStart(6, "0").slice(-6)}${String(i).padStart(2, "0")}${second && change ? "9" : ""}` }),
      ),
    register: (name, props) => new InternalNumber(name, props as never),
  },
  {
    kind: "TspAccount",
    // One per master-account user: Zoom allows two per user, and a replace needs the second slot.
    capacity: (state) => state.master.users.length,
    pair: (state, i) =>
      pairOf(declarations(tspAccountSchema, { userId: none, accountId: none }), (p) => ({ ...p, userId: state.master.users[i]!.id })),
    register: (name, props) => new TspAccount(name, props as never),
  },
  {
    kind: "SipTrunk",
    // Each of the master's trunks once per sub-account.
    capacity: (state) => state.master.sipTrunks.length * state.subAccounts.length,
    pair: (state, i) => {
      const trunks = state.master.sipTrunks;
      const trunk = trunks[i % trunks.length]!;
      const accountId = state.subAccounts[Math.floor(i / trunks.length)]!.id;
      return pairOf(
        declarations(sipTrunkSchema, {
          accountId: fc.constant(accountId),
          trunkId: fc.constant(trunk.id),
          // The master trunk's DNIS prefix and up to three digits of the sub-account's own.
          dnis: fc.stringMatching(/^\d{0,3}$/).map((digits) => `${trunk.dnis.slice(0, 5)}${digits}`),
        }),
        (p) => p,
      );
    },
    register: (name, props) => new SipTrunk(name, props as never),
  },
  {
    kind: "MeetingTemplate",
    capacity: () => 20,
    pair: (_state, i, tag) =>
      // Zoom cannot delete a template, so a replacement under the same name clashes with the old one (unless
      // `overwrite`): the changed declaration always takes a new name.
      pairOf(declarations(meetingTemplateSchema, { meetingId: fc.constant(1), name: fc.constant("x"), userId: none, accountId: none }), (p, second) => ({
        ...p,
        name: `settle ${tag} ${i}${second ? " b" : ""}`,
      })),
    // Made from a meeting of the same program, as users do.
    register: (name, props) => {
      const meeting = new Meeting(`${name}-meeting`, { topic: `template source ${name}`, type: 2, startTime: "2031-03-01T10:00:00Z" });
      new MeetingTemplate(name, { ...props, meetingId: meeting.meetingId } as never);
    },
  },
];
