/**
 * The declared world of a chaos run: named declarations of every kind, and the random changes a round makes to
 * them (add, update in place, replace, remove), within what Zoom allows: six SIP trunk assignments (three trunks,
 * two sub-accounts), one free TSP slot per user (each user is seeded with a first TSP account, which Zoom keeps),
 * a few templates (Zoom cannot delete them: each one removed from the program stays in Zoom, counted apart).
 *
 * Instant meetings are left out on purpose: Zoom does not list them, so after an unknown create outcome the
 * provider refuses to guess (a clear error) and the object may exist outside state. That is documented, and
 * tested on its own (tests/reliability/createFaults.test.ts covers the lookups that can be done).
 */
import type { EmulatorStateSummary } from "../../../emulator";
import { SeededRandom } from "../../../emulator/core/random";

/** The emulator's seeded generator (emulator/core/random.ts, mulberry32), with the picks a round makes: a run can be repeated. */
export class Random {
  private readonly source: SeededRandom;
  constructor(seed: number) {
    this.source = new SeededRandom(seed);
  }
  next(): number {
    return this.source.next();
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type Args = Record<string, unknown>;

export interface Declaration {
  readonly kind: string;
  args: Args;
}

export interface WorldEnv {
  readonly accounts: EmulatorStateSummary;
  /** An existing meeting templates are made from. */
  readonly templateSourceMeetingId: number;
}

export type Change = "add" | "update" | "replace" | "remove";

/** How many of each kind the world may hold at once. */
const LIMITS: Record<string, number> = {
  Meeting: 30,
  TrackingField: 20,
  H323Device: 20,
  InternalNumber: 20,
  SipTrunk: 6,
  TspAccount: 3,
  MeetingTemplate: 3,
};
/** Templates Zoom keeps after they leave the program: at most this many are ever made in a run. */
const TEMPLATE_BUDGET = 8;

export class World {
  readonly declarations = new Map<string, Declaration>();
  /** Templates that left the program: Zoom has no API to delete them, so they stay in the account. */
  templatesRemoved = 0;
  private templatesMade = 0;
  private counter = 0;
  private readonly freedThisRound = new Set<string>();

  constructor(
    private readonly env: WorldEnv,
    private readonly random: Random,
  ) {}

  /** Adds `count` declarations (or as many as Zoom has room for). */
  populate(count: number): void {
    for (let i = 0; i < count; i++) this.add();
  }

  /** Makes `count` random changes; returns what it did. */
  mutate(count: number): Change[] {
    this.freedThisRound.clear();
    const done: Change[] = [];
    for (let i = 0; i < count; i++) {
      const change = this.random.pick<Change>(["add", "add", "update", "update", "update", "replace", "remove"]);
      if (this.apply(change)) done.push(change);
    }
    return done;
  }

  private apply(change: Change): boolean {
    if (change === "add" || this.declarations.size === 0) return this.add();
    const names = [...this.declarations.keys()];
    const name = this.random.pick(names);
    const declaration = this.declarations.get(name)!;
    if (change === "remove") {
      if (declaration.kind === "MeetingTemplate") this.templatesRemoved += 1;
      this.freedThisRound.add(this.slotOf(declaration));
      this.declarations.delete(name);
      return true;
    }
    if (change === "replace") return this.replace(declaration);
    return this.update(declaration);
  }

  /**
   * The bounded slot a declaration holds (a trunk in a sub-account, a user's TSP slot). Pulumi deletes what left
   * the program only after every create of the `up` (and not at all when one failed), so a slot freed in this
   * round is not free for a new declaration before the next one: a user would hit Zoom's limit the same way.
   */
  private slotOf(d: Declaration): string {
    if (d.kind === "SipTrunk") return `${String(d.args.accountId)}/${String(d.args.trunkId)}`;
    if (d.kind === "TspAccount") return String(d.args.userId);
    return "";
  }

  private count(kind: string): number {
    return [...this.declarations.values()].filter((d) => d.kind === kind).length;
  }

  private add(): boolean {
    const kinds = Object.keys(LIMITS).filter((kind) => this.count(kind) < LIMITS[kind]! && (kind !== "MeetingTemplate" || this.templatesMade < TEMPLATE_BUDGET));
    const kind = this.random.pick(kinds);
    const n = ++this.counter;
    const args = this.fresh(kind, n);
    if (!args) return false;
    if (kind === "MeetingTemplate") this.templatesMade += 1;
    this.declarations.set(`${kind.toLowerCase()}-${n}`, { kind, args });
    return true;
  }

  /** A new declaration of `kind`, or undefined when Zoom has no room for one. */
  private fresh(kind: string, n: number): Args | undefined {
    const r = this.random;
    switch (kind) {
      case "Meeting": {
        const type = r.pick([2, 2, 8, 3]);
        const base: Args = { topic: `Chaos meeting ${n}`, type, duration: 15 + r.int(8) * 15, agenda: `agenda ${n}`, userId: this.user() };
        if (type === 2) return { ...base, startTime: `2031-0${1 + r.int(9)}-1${r.int(10)}T0${r.int(10)}:${r.pick(["00", "30"])}:00Z` };
        if (type === 8) return { ...base, startTime: "2031-03-03T09:00:00", timezone: r.pick(["Europe/Berlin", "America/New_York", "UTC"]), recurrence: { type: 2, weeklyDays: r.pick(["2", "3,5", "6"]), endTimes: 1 + r.int(10) } };
        return base;
      }
      case "TrackingField":
        return { field: `Chaos field ${n}`, recommendedValues: this.values(), required: r.chance(0.5), visible: r.chance(0.5) };
      case "H323Device":
        return { name: `chaos-room-${n}`, ip: `198.51.100.${1 + r.int(250)}`, protocol: r.pick(["H.323", "SIP"]), encryption: r.pick(["auto", "yes", "no"]) };
      case "InternalNumber":
        return {
          number: `+1650555${String(n).padStart(4, "0")}`,
          displayNumber: `+1 650 555 ${String(n).padStart(4, "0")}`,
          country: "US",
          labels: `chaos ${n}`,
          languages: r.pick(["en-US", "de-DE", "fr-FR"]),
          type: r.pick(["toll", "tollfree"]),
        };
      case "SipTrunk": {
        const slot = this.freeTrunkSlot();
        return slot && { accountId: slot.accountId, trunkId: slot.trunkId, dnis: `${slot.prefix}${String(n % 1000).padStart(3, "0")}` };
      }
      case "TspAccount": {
        const user = this.freeTspUser();
        return user === undefined ? undefined : { userId: user, conferenceCode: `${10_000_000 + n}`, leaderPin: `${1000 + r.int(9000)}` };
      }
      case "MeetingTemplate":
        return { meetingId: this.env.templateSourceMeetingId, name: `Chaos template ${n}` };
      default:
        return undefined;
    }
  }

  private user(): string {
    return this.random.pick(["me", ...this.env.accounts.master.users.filter((u) => !u.isOwner).map((u) => u.id)]);
  }

  private values(): string[] {
    return ["alpha", "beta", "gamma", "delta"].filter(() => this.random.chance(0.5));
  }

  private freeTrunkSlot(): { accountId: string; trunkId: string; prefix: string } | undefined {
    const used = new Set([...this.declarations.values()].filter((d) => d.kind === "SipTrunk").map((d) => `${d.args.accountId}/${d.args.trunkId}`));
    const free = this.env.accounts.subAccounts.flatMap((account) =>
      this.env.accounts.master.sipTrunks.map((trunk) => ({ accountId: account.id, trunkId: trunk.id, prefix: trunk.dnis.slice(0, 5) })),
    ).filter((slot) => !used.has(`${slot.accountId}/${slot.trunkId}`) && !this.freedThisRound.has(`${slot.accountId}/${slot.trunkId}`));
    return free.length > 0 ? this.random.pick(free) : undefined;
  }

  private freeTspUser(): string | undefined {
    const used = new Set([...this.declarations.values()].filter((d) => d.kind === "TspAccount").map((d) => String(d.args.userId)));
    const free = this.env.accounts.master.users.map((u) => u.id).filter((id) => !used.has(id) && !this.freedThisRound.has(id));
    return free.length > 0 ? this.random.pick(free) : undefined;
  }

  /** A change Zoom applies in place. */
  private update(d: Declaration): boolean {
    const r = this.random;
    const n = ++this.counter;
    switch (d.kind) {
      case "Meeting":
        d.args = r.chance(0.5) ? { ...d.args, agenda: `agenda ${n}` } : { ...d.args, duration: 15 + r.int(8) * 15 };
        return true;
      case "TrackingField":
        d.args = r.chance(0.5) ? { ...d.args, required: !d.args.required } : { ...d.args, recommendedValues: this.values() };
        return true;
      case "H323Device":
        d.args = r.chance(0.5) ? { ...d.args, encryption: r.pick(["auto", "yes", "no"]) } : { ...d.args, ip: `198.51.100.${1 + r.int(250)}` };
        return true;
      case "InternalNumber":
        d.args = { ...d.args, labels: `chaos label ${n}` };
        return true;
      case "TspAccount":
        d.args = r.chance(0.5) ? { ...d.args, conferenceCode: `${20_000_000 + n}` } : { ...d.args, leaderPin: `${1000 + r.int(9000)}` };
        return true;
      default:
        // SIP trunks and templates have no update: their changes are replacements.
        return this.replace(d);
    }
  }

  /** A change Zoom cannot apply in place: Pulumi replaces the object. */
  private replace(d: Declaration): boolean {
    const n = ++this.counter;
    switch (d.kind) {
      case "Meeting": {
        // Another host: a new meeting, then the old one is deleted.
        const others = ["me", ...this.env.accounts.master.users.filter((u) => !u.isOwner).map((u) => u.id)].filter((u) => u !== d.args.userId);
        d.args = { ...d.args, userId: this.random.pick(others) };
        return true;
      }
      case "SipTrunk":
        d.args = { ...d.args, dnis: `${String(d.args.dnis).slice(0, 5)}${String(n % 1000).padStart(3, "0")}` };
        return true;
      case "MeetingTemplate":
        if (this.templatesMade >= TEMPLATE_BUDGET) return false;
        this.templatesMade += 1;
        this.templatesRemoved += 1;
        d.args = { ...d.args, name: `Chaos template ${n}` };
        return true;
      case "H323Device":
        // A new name is an update in place for Zoom; still a change worth having.
        d.args = { ...d.args, name: `chaos-room-${n}` };
        return true;
      default:
        return this.update(d);
    }
  }
}
