/**
 * The accounts the emulator serves: one master account (the one the credentials belong to) and its
 * sub-accounts, each with its own users and per-module storage, so data never leaks between accounts.
 */
import type { AccountState, UserRecord } from "../types";
import { ZoomHttpError } from "../types";
import type { SeededRandom } from "./random";

export class Account implements AccountState {
  private readonly slices = new Map<string, unknown>();
  readonly settings = { tspEnabled: true };

  constructor(
    readonly id: string,
    readonly isMaster: boolean,
    readonly name: string,
    readonly users: UserRecord[],
  ) {}

  store<T>(key: string, init: () => T): T {
    if (!this.slices.has(key)) this.slices.set(key, init());
    return this.slices.get(key) as T;
  }

  get owner(): UserRecord {
    const owner = this.users.find((u) => u.isOwner);
    if (!owner) throw new Error(`account ${this.id} has no owner`);
    return owner;
  }
}

const PEOPLE: readonly [string, string][] = [
  ["Ada", "Lovelace"],
  ["Grace", "Hopper"],
  ["Alan", "Turing"],
  ["Edsger", "Dijkstra"],
  ["Barbara", "Liskov"],
  ["Donald", "Knuth"],
  ["Frances", "Allen"],
];

/** Builds the initial accounts: master (owner + 2 users) and two sub-accounts (owner + 1 user each). */
export function createAccounts(random: SeededRandom): Account[] {
  let person = 0;
  const makeUsers = (domain: string, count: number): UserRecord[] =>
    Array.from({ length: count }, (_, i) => {
      const [firstName, lastName] = PEOPLE[person++ % PEOPLE.length];
      return {
        id: random.zoomId(),
        email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@${domain}`,
        firstName,
        lastName,
        isOwner: i === 0,
      };
    });
  return [
    new Account(random.zoomId(), true, "Example Master", makeUsers("master.example.com", 3)),
    new Account(random.zoomId(), false, "Example Sub One", makeUsers("sub-one.example.com", 2)),
    new Account(random.zoomId(), false, "Example Sub Two", makeUsers("sub-two.example.com", 2)),
  ];
}

export class AccountDirectory {
  constructor(private readonly accounts: Account[]) {}

  get master(): Account {
    return this.accounts[0];
  }

  get subAccounts(): Account[] {
    return this.accounts.slice(1);
  }

  all(): readonly Account[] {
    return this.accounts;
  }

  /** `me` and the master's own id mean the master; sub-account ids their account; anything else undefined. */
  find(accountId: string): Account | undefined {
    if (accountId === "me") return this.master;
    return this.accounts.find((a) => a.id === accountId);
  }

  /**
   * The account of an `/accounts/{accountId}/...` request. Zoom documents `404 code 2001 "Account does not exist:
   * {accountId}."` for the master-account SIP operations; the other operations do not say, and we answer the same.
   */
  require(accountId: string): Account {
    const account = this.find(accountId);
    if (!account) throw new ZoomHttpError(404, 2001, `Account does not exist: ${accountId}.`);
    return account;
  }
}

/**
 * A user of the account by id, email (case-insensitive) or `me` (the account owner: on plain paths that is who
 * the server-to-server token acts as). Zoom's 404 code 1001 otherwise.
 */
export function resolveUser(account: AccountState, userIdOrEmail: string): UserRecord {
  const wanted = userIdOrEmail.toLowerCase();
  const user =
    userIdOrEmail === "me"
      ? account.users.find((u) => u.isOwner)
      : account.users.find((u) => u.id === userIdOrEmail || u.email.toLowerCase() === wanted);
  if (!user) throw new ZoomHttpError(404, 1001, `User does not exist: ${userIdOrEmail}.`);
  return user;
}
