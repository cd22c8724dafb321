/**
 * What the tests know about one resource kind: valid declarations, a change Zoom applies in place, how to
 * recognise the object in the account listing, and which operations and inputs the fault and hostile-input
 * tables aim at. One module per kind beside this one; index.ts lists them, and a guard test
 * (tests/resources/manifest.test.ts) fails when a kind of the manifest has no fixture or a fixture no kind.
 *
 * The operations are written out, not read from the definitions: they are what the tests expect the provider
 * to call, so they must not follow a definition that calls something else.
 */
import type { EmulatorStateSummary } from "../../../emulator";
import type { OperationId } from "../../../catalogue/operations";
import type { AccountObject } from "../../reliability/support/account";

export type Props = Record<string, unknown>;

export interface KindEnv {
  readonly accounts: EmulatorStateSummary;
  /** A scheduled meeting of the master account's owner, for templates. */
  readonly meetingId: number;
}

/** The operations the tests expect the provider to call for the kind. */
export interface KindOperations {
  /** Zoom's create operation: where create faults are injected. */
  readonly create: OperationId;
  /** The operation reading one object back (a list for list-only kinds). */
  readonly read: OperationId;
  /** The list the lookup after a lost create reads (`findCreated`). */
  readonly lookup: OperationId;
  /** Update and delete, where Zoom has them (SIP trunks have no update, templates neither). */
  readonly update?: OperationId;
  readonly delete?: OperationId;
}

/** One valid declaration of a kind, unique for `n`; `name` for test names (the kind, or which variant of it). */
export interface DeclarationCase {
  readonly name: string;
  declare(n: number, env: KindEnv): Props;
}

/** What a chaos world (tests/reliability/chaos/world.ts) offers a kind: its seeded draws and its free slots. */
export interface ChaosDraw {
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** A meeting host: `me` or a user of the master account other than its owner. */
  user(): string;
  /** The other hosts a meeting of `userId` can move to. */
  otherUsers(userId: unknown): string[];
  /** Some of a few recommended values. */
  values(): string[];
  freeTrunkSlot(): { readonly accountId: string; readonly trunkId: string; readonly prefix: string } | undefined;
  freeTspUser(): string | undefined;
  /** An existing meeting templates are made from. */
  readonly templateSourceMeetingId: number;
}

/** How a chaos run declares and changes the kind, within what Zoom allows. */
export interface ChaosFixture {
  /** How many the world may hold at once. */
  readonly limit: number;
  /** A new declaration, or undefined when Zoom has no room for one. */
  fresh(draw: ChaosDraw, n: number): Props | undefined;
  /** A change Zoom applies in place; absent: every change is a replacement. */
  update?(draw: ChaosDraw, args: Props, n: number): Props;
  /** A change Zoom cannot apply in place (Pulumi replaces the object); absent: an update in place. */
  replace?(draw: ChaosDraw, args: Props, n: number): Props;
  /** The bounded slot a declaration holds (a trunk in a sub-account, a user's TSP slot). */
  slot?(args: Props): string;
  /**
   * What the object in Zoom must hold after the run converged, as `[what, declared, in Zoom]`: a lost update
   * shows as a pair that differs. `item` is the object as listed.
   */
  declaredInZoom(args: Props, item: Props, zoom: ZoomView): Promise<readonly Expectation[]>;
}

export type Expectation = readonly [what: string, declared: unknown, inZoom: unknown];

/** How a fixture sees Zoom beyond the listing: the accounts, and a portal read of one object. */
export interface ZoomView {
  readonly accounts: EmulatorStateSummary;
  read(operation: OperationId, pathParams: Record<string, string>): Promise<Props>;
}

export interface PortalListing {
  readonly operation: OperationId;
  readonly itemsKey: string;
  /** Paged with `next_page_token`, or one answer holding every item. */
  readonly paginated: boolean;
  /** Listed in every account, in sub-accounts only, for every user, or for every user of TSP-enabled accounts. */
  readonly per: "account" | "subAccount" | "user" | "tspUser";
}

export interface KindFixture {
  readonly kind: string;
  readonly operations: KindOperations;
  /** The kind's valid declarations: its own first, then variants worth a case of their own. */
  readonly declarations: readonly [DeclarationCase, ...DeclarationCase[]];
  /** Is this listed object the one `declared` describes? */
  matches(object: AccountObject, declared: Props, accounts: EmulatorStateSummary): boolean;
  /** One declared change Zoom applies in place, distinct for `n`; absent where every change replaces. */
  readonly change?: (declared: Props, n: number) => Props;
  /** Inputs that go into URL paths (ids, user ids, account ids). */
  readonly pathInputs: readonly string[];
  /** Text inputs that go into request bodies. */
  readonly textInputs: readonly string[];
  /** How the tests list every object of the kind in the emulator's accounts (reliability/support/account.ts). */
  readonly portalListing: PortalListing;
  /** The user is part of the Pulumi id (`[<accountId>/]<userId>/<zoomId>`), so of the object's key too. */
  readonly userInId?: true;
  readonly chaos: ChaosFixture;
  /** Zoom bounds how many exist (six trunk assignments, two TSP slots): tests remove what they made. */
  readonly bounded?: true;
}
