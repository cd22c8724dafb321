/**
 * Where Zoom objects live: an account (the credentials' own, `me`, or a sub-account) and, for per-user
 * objects, a user. Drift and import enumerate objects scope by scope; identities compare objects found in
 * Zoom with objects recorded in a stack.
 */
import type { ObjectRef, ResourceDefinition } from "../framework/definition";

export interface Scope {
  /** Undefined: the account the credentials belong to (plain paths). */
  readonly accountId?: string;
  /** Set for per-user kinds (meetings, TSP accounts, templates). */
  readonly userId?: string;
}

/**
 * The account part of an identity. Unset and `me` both mean "the account the credentials belong to" (plain
 * paths, or the master account's own `/accounts/me/...`), so they compare equal.
 */
export function accountKey(accountId: string | undefined): string {
  return accountId === undefined || accountId === "me" ? "" : accountId;
}

/** Whether objects of this kind belong to a user (the definition has a `userId` property). */
export function isPerUser(definition: ResourceDefinition): boolean {
  return Object.prototype.hasOwnProperty.call(definition.properties, "userId");
}

/** Whether the user is part of the object's Pulumi id (TSP accounts and templates, not meetings). */
export function userInId(definition: ResourceDefinition): boolean {
  return definition.idParts.includes("userId");
}

/**
 * Different spellings of one user: `me`, an email and Zoom's user id all name the same person. Learned from what
 * Zoom reports (a meeting's host id, the host of the meetings listed for `me`), so that a TSP account recorded
 * as `<userId>/1` is recognised when it is found again by listing `me`'s TSP accounts.
 */
export class UserAliases {
  private readonly canonical = new Map<string, string>();

  /** `alias` (in `accountId`) is the user whose Zoom id is `userId`. */
  learn(accountId: string | undefined, alias: string, userId: string): void {
    if (alias === userId || userId === "") return;
    this.canonical.set(this.key(accountId, alias), userId);
  }

  /** The user's Zoom id when known, else the spelling given (lower-cased emails compare equal). */
  resolve(accountId: string | undefined, userId: string): string {
    return this.canonical.get(this.key(accountId, userId)) ?? (userId.includes("@") ? userId.toLowerCase() : userId);
  }

  private key(accountId: string | undefined, userId: string): string {
    return `${accountKey(accountId)}\u0000${userId.includes("@") ? userId.toLowerCase() : userId}`;
  }
}

/**
 * What makes an object the same object whichever way it was found: its kind, account, user (when the user is
 * part of its id) and Zoom's id.
 */
export function identityOf(definition: ResourceDefinition, ref: ObjectRef, aliases?: UserAliases): string {
  const user = userInId(definition) && ref.userId !== undefined ? (aliases ? aliases.resolve(ref.accountId, ref.userId) : ref.userId) : "";
  return [definition.kind, accountKey(ref.accountId), user, ref.zoomId].join("\u0000");
}

/** `sub-account abc, user me` — for messages. */
export function describeScope(scope: Scope): string {
  const account = scope.accountId === undefined ? "the account" : scope.accountId === "me" ? "the master account" : `sub-account ${scope.accountId}`;
  return scope.userId === undefined ? account : `${account}, user ${scope.userId}`;
}
