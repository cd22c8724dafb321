/**
 * Calls per operation, and state size: one object of every kind through the real host, phase by phase (create,
 * an `up` without changes, read (refresh), update, delete), each phase in its own host process as the CLI runs
 * them, with the emulator's counters before and after. Every kind uses operations of its own, so one deployment
 * measures all seven at once. Then list-only reads at scale: 301 seeded devices and numbers adopted with `.get()`
 * and refreshed, which must cost ceil(301/300) = 2 list pages per kind, not one sweep per object.
 *
 * All counts are deterministic: `tests/bench/calls.test.ts` asserts them; the bench prints them.
 */
import { H323Device, InternalNumber, Meeting, MeetingTemplate, SipTrunk, TrackingField, TspAccount } from "../provider";
import type { OperationId } from "../catalogue/operations";
import type { EmulatorControl, EmulatorInfo } from "../emulator";
import { seedAccount } from "../fixtures/seed";
import { attempt, benchDeployment, type Outcome } from "./deployment";
import { ALL_KINDS, MINIMUM, pagesFor, total, type Kind, type OperationCounts, type Phase } from "./minimum";
import { delta, type StatsDelta } from "./stats";
import type { StackExport } from "../harness";

export type CallsPhase = Phase | "noop";

export interface CallsRow {
  readonly kind: Kind | "all";
  readonly phase: CallsPhase;
  readonly expected: number;
  readonly measured: number;
  readonly expectedOps: OperationCounts;
  readonly measuredOps: OperationCounts;
  readonly note?: string;
}

export interface ListReadRow {
  readonly kind: (typeof LIST_READ_KINDS)[number];
  readonly objects: number;
  readonly phase: "adopt (.get)" | "refresh";
  readonly expected: number;
  readonly measured: number;
}

export interface TokenRow {
  readonly phase: string;
  readonly hostProcesses: 1;
  readonly tokenRequests: number;
  /** 1 when the phase called Zoom at all, else 0. */
  readonly expected: number;
}

export interface StateSizeRow {
  readonly kind: Kind;
  readonly providerBytes: number;
  readonly resourceBytes: number;
}

export interface CallsResult {
  readonly rows: readonly CallsRow[];
  readonly listReads: readonly ListReadRow[];
  readonly tokens: readonly TokenRow[];
  readonly stateSizes: readonly StateSizeRow[];
  readonly errors: readonly string[];
}

/** Which kind an operation belongs to (every operation belongs to exactly one kind). */
function kindOfOperation(op: OperationId): Kind {
  for (const kind of ALL_KINDS) {
    const m = MINIMUM[kind];
    const read = "get" in m.read ? m.read.get : m.read.list;
    if ([...m.create, ...m.update, ...m.delete, read].includes(op)) return kind;
  }
  throw new Error(`bench: operation ${op} belongs to no kind in bench/minimum.ts`);
}

function opsOf(kind: Kind, stats: StatsDelta): OperationCounts {
  const out: OperationCounts = {};
  for (const [op, n] of Object.entries(stats.byOperation) as [OperationId, number][]) if (kindOfOperation(op) === kind) out[op] = n;
  return out;
}

function expectedOps(kind: Kind, phase: CallsPhase): OperationCounts {
  const m = MINIMUM[kind];
  const list: readonly OperationId[] =
    phase === "noop" ? [] : phase === "read" ? ["get" in m.read ? m.read.get : m.read.list] : m[phase];
  const out: OperationCounts = {};
  for (const op of list) out[op] = (out[op] ?? 0) + 1;
  return out;
}

interface Fixtures {
  readonly subAccount: string;
  readonly trunk: { id: string; dnis: string };
  readonly user: string;
  readonly meetingId: number;
}

async function fixtures(control: EmulatorControl): Promise<Fixtures> {
  const state = await control.state();
  const trunk = state.master.sipTrunks[0];
  const sub = state.subAccounts[0];
  if (!trunk || !sub) throw new Error("bench: the emulator has no SIP trunk or no sub-account");
  const users = state.master.users.map((u) => u.id);
  // The template's source meeting, and a first TSP account so the measured one can be deleted again.
  const seeded = await control.seed({ meetings: [{ topic: "Template source", type: 2, start_time: "2031-05-01T10:00:00Z" }] });
  await seedAccount(control, { tspSlots: [users[0]!] });
  const meeting = seeded.meetings?.[0] as { id: number } | undefined;
  if (!meeting) throw new Error("bench: seeding the template's meeting failed");
  return { subAccount: sub.id, trunk: { id: trunk.id, dnis: trunk.dnis }, user: users[0]!, meetingId: meeting.id };
}

/** One object of each kind; `v` = 2 changes one live property of each (an update, or a replacement). */
function oneOfEach(f: Fixtures, v: 1 | 2): () => void {
  return () => {
    new Meeting("meeting", { topic: `Calls ${v}`, type: 2, startTime: "2031-04-01T10:00:00Z", duration: 30 });
    new TrackingField("field", { field: `Calls field ${v}` });
    new H323Device("device", { name: `Calls room ${v}`, ip: "192.0.2.10", protocol: "H.323", encryption: "auto" });
    new InternalNumber("number", { number: "+14155550100", displayNumber: "+1 415 555 0100", country: "US", labels: `calls ${v}`, languages: "en-US", type: "toll" });
    new TspAccount("tsp", { userId: f.user, conferenceCode: `888000${v}`, leaderPin: "2222" });
    new SipTrunk("trunk", {
      accountId: f.subAccount,
      trunkId: f.trunk.id,
      dnis: `${f.trunk.dnis.slice(0, 5)}010`,
      outboundCallerId: `+1415555010${v}`,
    });
    new MeetingTemplate("template", { meetingId: f.meetingId, name: `Calls template ${v}` });
  };
}

function stateSizes(exported: StackExport): StateSizeRow[] {
  const rows: StateSizeRow[] = [];
  for (const resource of exported.deployment.resources) {
    const kind = resource.type.split(":").pop() as Kind;
    if (!resource.type.startsWith("pulumi-nodejs:dynamic/zoom:") || !ALL_KINDS.includes(kind)) continue;
    rows.push({
      kind,
      providerBytes: Buffer.byteLength(String(resource.outputs?.__provider ?? resource.inputs?.__provider ?? "")),
      resourceBytes: Buffer.byteLength(JSON.stringify(resource)),
    });
  }
  return rows.sort((a, b) => ALL_KINDS.indexOf(a.kind) - ALL_KINDS.indexOf(b.kind));
}

/** Calls per operation for every kind, tokens per host process, and the state each kind leaves. */
export async function measureCalls(info: EmulatorInfo, control: EmulatorControl): Promise<CallsResult> {
  const f = await fixtures(control);
  const deployment = benchDeployment(info, { project: "bench-calls" });
  const rows: CallsRow[] = [];
  const tokens: TokenRow[] = [];
  const errors: string[] = [];
  let sizes: StateSizeRow[] = [];

  const phases: { phase: CallsPhase; label: string; run: () => Promise<Outcome> }[] = [
    { phase: "create", label: "up (create)", run: () => attempt(() => deployment.up(oneOfEach(f, 1))) },
    { phase: "noop", label: "up (no changes)", run: () => attempt(() => deployment.up(oneOfEach(f, 1))) },
    { phase: "read", label: "refresh", run: () => attempt(() => deployment.refresh()) },
    { phase: "update", label: "up (update)", run: () => attempt(() => deployment.up(oneOfEach(f, 2))) },
    { phase: "delete", label: "destroy", run: () => attempt(() => deployment.destroy()) },
  ];
  for (const { phase, label, run } of phases) {
    const before = await control.stats();
    const outcome = await run();
    const stats = delta(await control.stats(), before);
    errors.push(...outcome.errors.map((e) => `${label}: ${e}`));
    tokens.push({ phase: label, hostProcesses: 1, tokenRequests: stats.tokenRequests, expected: stats.requests > 0 ? 1 : 0 });
    if (phase === "create") sizes = stateSizes(deployment.exportState());
    for (const kind of ALL_KINDS) {
      const expected = expectedOps(kind, phase);
      const measured = opsOf(kind, stats);
      const note = phase === "noop" ? undefined : MINIMUM[kind].notes?.[phase];
      rows.push({ kind, phase, expected: total(expected), measured: total(measured), expectedOps: expected, measuredOps: measured, ...(note ? { note } : {}) });
    }
  }
  await deployment.close();
  return { rows, tokens, stateSizes: sizes, listReads: await measureListReads(info, control, errors), errors };
}

const LIST_OBJECTS = 301;
/** The kinds read from a list: one sweep of the list serves every object's read. */
const LIST_READ_KINDS = ["H323Device", "InternalNumber", "TrackingField"] as const;

/** 301 seeded devices, numbers and tracking fields, adopted with `.get()` (reads) and then refreshed. */
async function measureListReads(info: EmulatorInfo, control: EmulatorControl, errors: string[]): Promise<ListReadRow[]> {
  const seeded = await control.seed({
    h323Devices: Array.from({ length: LIST_OBJECTS }, (_, i) => ({ name: `Seeded room ${i}`, ip: `10.1.${i >> 8}.${i & 255}`, protocol: "SIP", encryption: "no" })),
    internalNumbers: Array.from({ length: LIST_OBJECTS }, (_, i) => ({
      number: `+1646${String(i).padStart(7, "0")}`,
      display_number: `+1 646 ${i}`,
      country: "US",
      labels: "seeded",
      languages: "en-US",
      type: 0,
    })),
    tracking_fields: Array.from({ length: LIST_OBJECTS }, (_, i) => ({ field: `Seeded field ${i}` })),
  });
  const deviceIds = (seeded.h323Devices as { id: string }[]).map((d) => String(d.id));
  const numberIds = (seeded.internalNumbers as { id: string }[]).map((n) => String(n.id));
  const fieldIds = (seeded.tracking_fields as { id: string }[]).map((f) => String(f.id));
  const deployment = benchDeployment(info, { project: "bench-list-reads" });
  const program = () => {
    deviceIds.forEach((id, i) => H323Device.get(`device-${i}`, id));
    numberIds.forEach((id, i) => InternalNumber.get(`number-${i}`, id));
    fieldIds.forEach((id, i) => TrackingField.get(`field-${i}`, id));
  };
  const rows: ListReadRow[] = [];
  const measure = async (phase: ListReadRow["phase"], run: () => Promise<Outcome>): Promise<void> => {
    const before = await control.stats();
    const outcome = await run();
    errors.push(...outcome.errors.map((e) => `list reads, ${phase}: ${e}`));
    const stats = delta(await control.stats(), before);
    for (const kind of LIST_READ_KINDS) {
      const read = MINIMUM[kind].read;
      if (!("list" in read)) throw new Error(`bench: ${kind} is not read from a list in bench/minimum.ts`);
      rows.push({ kind, objects: LIST_OBJECTS, phase, expected: read.paginated ? pagesFor(LIST_OBJECTS) : 1, measured: stats.byOperation[read.list] ?? 0 });
    }
  };
  await measure("adopt (.get)", () => attempt(() => deployment.up(program)));
  await measure("refresh", () => attempt(() => deployment.refresh()));
  await deployment.close();
  return rows;
}

