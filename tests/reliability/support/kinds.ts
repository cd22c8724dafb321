/**
 * One valid declaration per resource kind, distinct on every call (`n`), and how to recognise the object it
 * makes among everything the account lists: so fault tests can count how many objects one create left behind.
 */
import type { EmulatorStateSummary } from "../../../emulator";
import type { OperationId } from "../../../catalogue/operations";
import type { AccountObject, Listing } from "./account";
import { userKey } from "./account";

export type Props = Record<string, unknown>;

export interface KindCase {
  /** For test names: the kind, and which variant of it. */
  readonly name: string;
  readonly kind: string;
  /** Zoom's create operation: where create faults are injected. */
  readonly createOperation: OperationId;
  /** The operation reading one object back (a list for list-only kinds). */
  readonly readOperation: OperationId;
  /** A valid declaration, unique for `n`. `meetingId`: an existing meeting (templates are made from one). */
  declare(n: number, env: KindEnv): Props;
  /** Is this listed object the one `declared` describes? */
  matches(object: AccountObject, declared: Props, env: KindEnv): boolean;
}

export interface KindEnv {
  readonly accounts: EmulatorStateSummary;
  /** A scheduled meeting of the master account's owner, for templates. */
  readonly meetingId: number;
}

const sub = (env: KindEnv, index: number) => {
  const account = env.accounts.subAccounts[index];
  if (!account) throw new Error(`the emulator has no sub-account ${index}`);
  return account;
};

/** Three trunks, two sub-accounts: the six possible assignments, by `n`. */
function trunkSlot(env: KindEnv, n: number): { accountId: string; trunk: { id: string; dnis: string } } {
  const trunks = env.accounts.master.sipTrunks;
  const slot = n % (trunks.length * env.accounts.subAccounts.length);
  const trunk = trunks[slot % trunks.length]!;
  return { accountId: sub(env, Math.floor(slot / trunks.length)).id, trunk };
}

export const KIND_CASES: readonly KindCase[] = [
  {
    name: "Meeting",
    kind: "Meeting",
    createOperation: "meetingCreate",
    readOperation: "meeting",
    declare: (n) => ({ topic: `Reliability ${n}`, type: 2, startTime: "2031-05-04T10:00:00Z", duration: 30, agenda: `agenda ${n}` }),
    matches: (o, d) => o.kind === "Meeting" && o.item.topic === d.topic,
  },
  {
    name: "Meeting (recurring, local start time)",
    kind: "Meeting",
    createOperation: "meetingCreate",
    readOperation: "meeting",
    declare: (n) => ({
      topic: `Reliability weekly ${n}`,
      type: 8,
      startTime: "2031-05-05T09:30:00",
      timezone: "Europe/Berlin",
      recurrence: { type: 2, weeklyDays: "4", endTimes: 5 },
    }),
    matches: (o, d) => o.kind === "Meeting" && o.item.topic === d.topic,
  },
  {
    name: "Meeting (recurring, no fixed time)",
    kind: "Meeting",
    createOperation: "meetingCreate",
    readOperation: "meeting",
    declare: (n) => ({ topic: `Reliability any time ${n}`, type: 3 }),
    matches: (o, d) => o.kind === "Meeting" && o.item.topic === d.topic,
  },
  {
    name: "TrackingField",
    kind: "TrackingField",
    createOperation: "trackingfieldCreate",
    readOperation: "trackingfieldList",
    declare: (n) => ({ field: `Reliability field ${n}`, recommendedValues: ["a", "b"], required: n % 2 === 0 }),
    matches: (o, d) => o.kind === "TrackingField" && o.item.field === d.field,
  },
  {
    name: "H323Device",
    kind: "H323Device",
    createOperation: "deviceCreate",
    readOperation: "deviceList",
    declare: (n) => ({ name: `reliability-room-${n}`, ip: `192.0.2.${(n % 250) + 1}`, protocol: "SIP", encryption: "auto" }),
    matches: (o, d) => o.kind === "H323Device" && o.item.name === d.name,
  },
  {
    name: "InternalNumber",
    kind: "InternalNumber",
    createOperation: "AddInternalNumbers",
    readOperation: "ListInternalNumbers",
    declare: (n) => ({
      number: `+1415555${String(n).padStart(4, "0")}`,
      displayNumber: `+1 415 555 ${String(n).padStart(4, "0")}`,
      country: "US",
      labels: `reliability ${n}`,
      languages: "en-US",
      type: "toll",
    }),
    matches: (o, d) => o.kind === "InternalNumber" && o.item.number === d.number,
  },
  {
    name: "SipTrunk",
    kind: "SipTrunk",
    createOperation: "AssignSIPTrunks",
    readOperation: "ListSIPTrunks",
    declare: (n, env) => {
      const { accountId, trunk } = trunkSlot(env, n);
      return { accountId, trunkId: trunk.id, dnis: `${trunk.dnis.slice(0, 5)}${String(n % 1000).padStart(3, "0")}` };
    },
    matches: (o, d) => o.kind === "SipTrunk" && o.key.split(" ")[1] === d.accountId && String(o.item.id) === d.trunkId,
  },
  {
    name: "TspAccount",
    kind: "TspAccount",
    createOperation: "userTSPCreate",
    readOperation: "userTSP",
    // The master account's second user: the tests seed one TSP account for it, so slot 2 comes and goes.
    declare: (n, env) => ({ userId: env.accounts.master.users[1]!.id, conferenceCode: `77${String(n).padStart(6, "0")}`, leaderPin: `${n}` }),
    matches: (o, d, env) =>
      o.kind === "TspAccount" &&
      o.key.split(" ")[2]!.startsWith(`${userKey(env.accounts, undefined, String(d.userId))}/`) &&
      o.item.conference_code === d.conferenceCode,
  },
  {
    name: "MeetingTemplate",
    kind: "MeetingTemplate",
    createOperation: "meetingTemplateCreate",
    readOperation: "listMeetingTemplates",
    declare: (n, env) => ({ meetingId: env.meetingId, name: `Reliability template ${n}` }),
    matches: (o, d) => o.kind === "MeetingTemplate" && (o.item as Listing).name === d.name,
  },
];

export function kindCase(name: string): KindCase {
  const found = KIND_CASES.find((k) => k.name === name);
  if (!found) throw new Error(`no test case named ${name}`);
  return found;
}
