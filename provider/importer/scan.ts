/**
 * The account scan behind `pulumi-zoom import`: every object of the chosen kinds in the chosen accounts and
 * for the chosen users, read through the provider's own `read` (so outputs are exactly what state will hold),
 * named, and declared.
 *
 * Zoom's API as pulumi-zoom uses it cannot list an account's users, so per-user kinds (meetings, TSP accounts,
 * templates) are scanned for the users given (`--users`, default `me`: the user the credentials act as).
 */
import type { ZoomClient } from "../client/types";
import { ZoomApiError } from "../client/errors";
import type { ResourceDefinition } from "../framework/definition";
import { listCacheFor } from "../framework/listCache";
import { DECLARED_KEY, NAME_KEY } from "../framework/stateKeys";
import { allDefinitions, dynamicProvider, entryOf } from "../resources/registry";
import { currentClient } from "../framework/runtime";
import { discover, forgetListing, type FoundObject } from "../inventory/discover";
import { describeScope, identityOf, isPerUser, UserAliases, type Scope } from "../inventory/scopes";
import { TurnQueue } from "../inventory/turns";
import { declare, type Declaration, type SecretMode } from "./declaration";
import { assignNames, secretConfigKey } from "./names";

export interface ScanOptions {
  /** Kinds to scan (definition kinds); default every kind. */
  readonly kinds?: readonly string[];
  /** Users whose meetings, TSP accounts and templates are scanned; default `me`. */
  readonly users?: readonly string[];
  /** Sub-accounts (or `me`) to scan; default the credentials' own account. */
  readonly accounts?: readonly string[];
  readonly secrets?: SecretMode;
  readonly onProgress?: (progress: ScanProgress) => void;
  readonly client?: ZoomClient;
}

export interface ScanProgress {
  /** Listings done so far, of `lists`: `found` is final once they are all in. */
  readonly listed: number;
  readonly lists: number;
  /** Objects read so far, of the `found` ones listed so far. */
  readonly read: number;
  readonly found: number;
  /** The kind of the listing or read that just finished (none before the first). */
  readonly kind?: string;
}

export interface ImportedObject {
  readonly definition: ResourceDefinition;
  readonly id: string;
  readonly name: string;
  readonly label?: string;
  readonly scope: Scope;
  readonly declaration: Declaration;
}

export interface ScanProblem {
  readonly kind: string;
  readonly scope?: string;
  readonly id?: string;
  readonly message: string;
}

export interface ScanResult {
  readonly objects: readonly ImportedObject[];
  readonly problems: readonly ScanProblem[];
}

function normalizeKindName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** `meetings`, `trackingFields`, `H323Device`, `tsp-accounts` → the definition; throws with the choices. */
export function resolveKinds(names: readonly string[]): ResourceDefinition[] {
  const known = allDefinitions();
  return names.map((name) => {
    const wanted = normalizeKindName(name);
    const match = known.find((d) => [normalizeKindName(d.kind), `${normalizeKindName(d.kind)}s`].includes(wanted));
    if (!match) throw new Error(`unknown kind "${name}" (known: ${known.map((d) => d.kind).join(", ")})`);
    return match;
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The order kinds are written in (the manifest's `importRank`): what others refer to first. */
function ordered(definitions: readonly ResourceDefinition[]): ResourceDefinition[] {
  const rank = (kind: string) => entryOf(kind).importRank;
  return [...definitions].sort((a, b) => rank(a.kind) - rank(b.kind));
}

interface ReadObject {
  readonly found: FoundObject;
  /**
   * Its declaration, made as soon as it was read (the scan waits on Zoom's rate limits for most of its time;
   * declaring 5,000 objects after the last read took a second of its own, bench), one object a turn of the
   * event loop (turns.ts), under a provisional name:
   * logical names are given once every object is in (names.ts), and `named` then spells its config keys.
   */
  readonly declaration: Declaration;
}

/** A declaration made under a provisional name, with the config keys of its secrets spelled for `name`. */
function named(declaration: Declaration, name: string): Declaration {
  if (declaration.adoption !== "import" || declaration.secrets.length === 0) return declaration;
  return { ...declaration, secrets: declaration.secrets.map(({ property }) => ({ property, configKey: secretConfigKey(name, property) })) };
}

export async function scanAccount(options: ScanOptions = {}): Promise<ScanResult> {
  const client = options.client ?? currentClient();
  const lists = listCacheFor(client);
  const definitions = ordered(options.kinds ? resolveKinds(options.kinds) : allDefinitions());
  const accounts: (string | undefined)[] = options.accounts && options.accounts.length > 0 ? [...new Set(options.accounts)] : [undefined];
  const users = options.users && options.users.length > 0 ? [...new Set(options.users)] : ["me"];
  const problems: ScanProblem[] = [];
  const secrets = options.secrets ?? "omit";
  const declaring = new TurnQueue();

  const jobs: { definition: ResourceDefinition; scope: Scope }[] = [];
  for (const definition of definitions) {
    for (const accountId of accounts) {
      const account: Scope = accountId === undefined ? {} : { accountId };
      if (isPerUser(definition)) for (const userId of users) jobs.push({ definition, scope: { ...account, userId } });
      else jobs.push({ definition, scope: account });
    }
  }

  // The program must describe Zoom as it is now, not a sweep cached moments ago.
  for (const { definition, scope } of jobs) forgetListing(lists, definition, scope);
  const progress = { listed: 0, lists: jobs.length, read: 0, found: 0 };
  const report = (kind?: string) => options.onProgress?.({ ...progress, ...(kind === undefined ? {} : { kind }) });
  report();
  // A user named by id or email belongs to one account: with several accounts scanned, Zoom's "User does not
  // exist" (1001) in the others only says where the user is not. The user is a problem only when no scanned
  // account knows it (`me` is a user of every account).
  const elsewhere = new Map<string, { kind: string; accounts: string[] }>();
  const notHere = (error: unknown, scope: Scope): boolean =>
    accounts.length > 1 && scope.userId !== undefined && scope.userId !== "me" && error instanceof ZoomApiError && error.zoomCode === 1001;
  // Each listing's reads start as soon as it is in: list-only kinds then read from the sweep just made.
  const batches = await Promise.all(
    jobs.map(async ({ definition, scope }): Promise<ReadObject[]> => {
      let found: FoundObject[];
      try {
        found = await discover(client, lists, definition, scope);
        progress.found += found.length;
      } catch (error) {
        if (notHere(error, scope)) {
          const key = `${definition.kind}\u0000${scope.userId}`;
          const entry = elsewhere.get(key) ?? { kind: definition.kind, accounts: [] };
          entry.accounts.push(scope.accountId ?? "me");
          elsewhere.set(key, entry);
        } else {
          problems.push({ kind: definition.kind, scope: describeScope(scope), message: messageOf(error) });
        }
        return [];
      } finally {
        progress.listed += 1;
        report(definition.kind);
      }
      const provider = dynamicProvider(definition.kind, 1);
      const reads = await Promise.all(
        found.map(async (object): Promise<ReadObject | undefined> => {
          try {
            // Read as a refresh reads (`__declared`, nothing declared): one that vanished since the listing is gone,
            // not a failed `.get()`.
            const props: Record<string, unknown> = { ...object.scope, [NAME_KEY]: object.label ?? object.id, [DECLARED_KEY]: [] };
            const result = await provider.read!(object.id, props);
            // Gone between the listing and the read: nothing to adopt.
            if (!result.id) return undefined;
            const outputs = (result.props ?? {}) as Record<string, unknown>;
            const declaration = await declaring.run(() =>
              declare({ definition, id: object.id, ref: object.ref, outputs, name: object.label ?? object.id }, { secrets, configKeyFor: (property) => property }),
            );
            return { found: object, declaration };
          } catch (error) {
            problems.push({ kind: definition.kind, id: object.id, message: messageOf(error) });
            return undefined;
          } finally {
            progress.read += 1;
            report(definition.kind);
          }
        }),
      );
      return reads.filter((read): read is ReadObject => read !== undefined);
    }),
  );

  for (const [key, { kind, accounts: missing }] of elsewhere) {
    if (missing.length < accounts.length) continue;
    const user = key.slice(key.indexOf("\u0000") + 1);
    problems.push({ kind, scope: `user ${user}`, message: `not a user of any scanned account (${accounts.map((a) => a ?? "me").join(", ")}): Zoom answered "User does not exist" in each` });
  }

  // The same object found twice (a user listed as `me` and by id): keep the first.
  const aliases = new UserAliases();
  for (const { found } of batches.flat()) {
    const host = found.item.host_id;
    if (typeof host === "string" && found.scope.userId !== undefined) aliases.learn(found.scope.accountId, found.scope.userId, host);
  }
  const seen = new Set<string>();
  const unique = batches.flat().filter(({ found }) => {
    const identity = identityOf(found.definition, found.ref, aliases);
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });

  const names = assignNames(unique.map(({ found }) => ({ kind: found.definition.kind, id: found.id, ...(found.label === undefined ? {} : { label: found.label }) })));
  const objects = unique.map(({ found, declaration }, index): ImportedObject => {
    const name = names[index]!;
    return { definition: found.definition, id: found.id, name, ...(found.label === undefined ? {} : { label: found.label }), scope: found.scope, declaration: named(declaration, name) };
  });
  const rank = new Map(definitions.map((d, i) => [d.kind, i]));
  objects.sort((a, b) => (rank.get(a.definition.kind) ?? 0) - (rank.get(b.definition.kind) ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { objects, problems };
}
