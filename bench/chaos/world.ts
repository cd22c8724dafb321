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
import type { EmulatorStateSummary } from "../../emulator";
import { SeededRandom } from "../../emulator/core/random";
import { fixtureOf, KIND_FIXTURES, type ChaosDraw } from "../../fixtures/kinds";

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

/**
 * Templates Zoom keeps after they leave the program (kinds without a delete operation): at most this many are
 * ever made in a run.
 */
const TEMPLATE_BUDGET = 8;

export class World {
  readonly declarations = new Map<string, Declaration>();
  /** Templates that left the program: Zoom has no API to delete them, so they stay in the account. */
  templatesRemoved = 0;
  private templatesMade = 0;
  private counter = 0;
  private readonly freedThisRound = new Set<string>();

  /** The seeded draws and free slots the kinds' fixtures declare with. */
  private readonly draw: ChaosDraw;

  constructor(
    private readonly env: WorldEnv,
    private readonly random: Random,
  ) {
    this.draw = {
      int: (max) => random.int(max),
      pick: (items) => random.pick(items),
      chance: (p) => random.chance(p),
      user: () => random.pick(this.hosts()),
      otherUsers: (userId) => this.hosts().filter((u) => u !== userId),
      values: () => ["alpha", "beta", "gamma", "delta"].filter(() => random.chance(0.5)),
      freeTrunkSlot: () => this.freeTrunkSlot(),
      freeTspUser: () => this.freeTspUser(),
      templateSourceMeetingId: env.templateSourceMeetingId,
    };
  }

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
      if (staysInZoom(declaration.kind)) this.templatesRemoved += 1;
      this.freedThisRound.add(this.slotOf(declaration));
      this.declarations.delete(name);
      return true;
    }
    if (change === "replace") return this.replace(declaration);
    return this.update(declaration);
  }

  /** The bounded slot a declaration holds (see `ChaosFixture.slot`); "" for unbounded kinds. */
  private slotOf(d: Declaration): string {
    return fixtureOf(d.kind).chaos.slot?.(d.args) ?? "";
  }

  private count(kind: string): number {
    return [...this.declarations.values()].filter((d) => d.kind === kind).length;
  }

  private add(): boolean {
    const kinds = KIND_FIXTURES.filter(({ kind, chaos }) => this.count(kind) < chaos.limit && (!staysInZoom(kind) || this.templatesMade < TEMPLATE_BUDGET)).map(({ kind }) => kind);
    const kind = this.random.pick(kinds);
    const n = ++this.counter;
    const args = fixtureOf(kind).chaos.fresh(this.draw, n);
    if (!args) return false;
    if (staysInZoom(kind)) this.templatesMade += 1;
    this.declarations.set(`${kind.toLowerCase()}-${n}`, { kind, args });
    return true;
  }

  /** Meeting hosts: `me` and the master account's users other than its owner. */
  private hosts(): string[] {
    return ["me", ...this.env.accounts.master.users.filter((u) => !u.isOwner).map((u) => u.id)];
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

  /** A change Zoom applies in place; kinds without one are replaced. */
  private update(d: Declaration): boolean {
    const n = ++this.counter;
    const update = fixtureOf(d.kind).chaos.update;
    if (!update) return this.replace(d);
    d.args = update(this.draw, d.args, n);
    return true;
  }

  /** A change Zoom cannot apply in place: Pulumi replaces the object. Kinds without one are updated. */
  private replace(d: Declaration): boolean {
    const n = ++this.counter;
    const replace = fixtureOf(d.kind).chaos.replace;
    if (!replace) return this.update(d);
    if (staysInZoom(d.kind)) {
      if (this.templatesMade >= TEMPLATE_BUDGET) return false;
      this.templatesMade += 1;
      this.templatesRemoved += 1;
    }
    d.args = replace(this.draw, d.args, n);
    return true;
  }
}

/** Objects of kinds Zoom cannot delete stay in the account after they leave the program (templates). */
function staysInZoom(kind: string): boolean {
  return fixtureOf(kind).operations.delete === undefined;
}
