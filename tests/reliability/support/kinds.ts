/**
 * One valid declaration per resource kind (and per variant worth its own case), distinct on every call (`n`),
 * and how to recognise the object it makes among everything the account lists: so fault tests can count how
 * many objects one create left behind. Derived from the kinds' fixtures (fixtures/kinds/).
 */
import type { OperationId } from "../../../catalogue/operations";
import { KIND_FIXTURES, type KindEnv, type KindFixture, type Props } from "../../../fixtures/kinds";
import type { AccountObject } from "../../../fixtures/account";

export type { KindEnv, Props } from "../../../fixtures/kinds";

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
  /** A change Zoom applies in place (the fixture's); absent where every change replaces. */
  readonly change?: (declared: Props, n: number) => Props;
  /** Is this listed object the one `declared` describes? */
  matches(object: AccountObject, declared: Props, env: KindEnv): boolean;
}

const casesOf = (fixture: KindFixture): KindCase[] =>
  fixture.declarations.map(({ name, declare }) => ({
    name,
    kind: fixture.kind,
    createOperation: fixture.operations.create,
    readOperation: fixture.operations.read,
    declare,
    ...(fixture.change ? { change: fixture.change } : {}),
    matches: (object, declared, env) => fixture.matches(object, declared, env.accounts),
  }));

export const KIND_CASES: readonly KindCase[] = KIND_FIXTURES.flatMap(casesOf);

export function kindCase(name: string): KindCase {
  const found = KIND_CASES.find((k) => k.name === name);
  if (!found) throw new Error(`no test case named ${name}`);
  return found;
}

/**
 * Kinds a reliability suite leaves out, and why: every other kind of the fixtures takes part, so a new kind is
 * in these suites unless it is named here (tests/resources/manifest.test.ts: every name a kind, every reason given).
 */
export type LeavesOut = Readonly<Record<string, string>>;

/** concurrentCreates.test.ts: two different declarations of a kind created at once, both answers lost. */
export const CONCURRENT_CREATES_LEAVE_OUT: LeavesOut = {
  TspAccount: "the fixture declares every TSP account for one user, who holds two at most and keeps the last: two at once fill both slots for good",
};

/** load.test.ts: hundreds of creates, reads, updates and deletes at once. */
export const LOAD_LEAVES_OUT: LeavesOut = {
  SipTrunk: "six assignments at most (three master trunks, two sub-accounts): no bulk",
  TspAccount: "two per user at most, and Zoom keeps a user's last: no bulk",
  MeetingTemplate: "Zoom has no delete for templates, and 40 per user at most: no bulk",
};

/** The fixtures of every kind `leavesOut` does not name. */
export function fixturesTakingPart(leavesOut: LeavesOut): readonly KindFixture[] {
  return KIND_FIXTURES.filter((fixture) => !(fixture.kind in leavesOut));
}
