/**
 * Drift detection: every Zoom resource of a stack read through the provider's own `read` (what `pulumi refresh`
 * runs), compared on the declared paths with `declaredDifferences` (what a plan compares), plus the objects of
 * the stack's accounts and users that the stack does not know.
 *
 * What counts as "declared": the stack's recorded inputs at the paths in `__declared`. That is the program as of
 * the last `pulumi up`; a `pulumi refresh` since then rewrote those inputs to the live values, so drift it
 * recorded is no longer reported (as with `pulumi refresh --preview-only`). Only the program itself
 * (`pulumi preview`) knows better.
 *
 * Requests: all reads and listings start in one turn, so that reads of list-only kinds and the listing of the
 * same kind share one sweep of the list cache; the client's shared rate limiter paces them.
 */
import type { ZoomClient } from "../client/types";
import type { ObjectRef, ResourceDefinition } from "../framework/definition";
import { declaredDifferences } from "../framework/diff";
import { parseId } from "../framework/ids";
import { listCacheFor } from "../framework/listCache";
import { formatPath, isDeclarablePath, leafPaths, pickPaths, parsePath } from "../framework/paths";
import { shapeOf } from "../framework/resource";
import { DECLARED_KEY, NAME_KEY } from "../framework/stateKeys";
import { allDefinitions, definitionOf, dynamicProvider } from "../resources/registry";
import { currentClient } from "../framework/runtime";
import { discover, effectiveScope, forgetListing, type FoundObject } from "../inventory/discover";
import { accountKey, describeScope, identityOf, isPerUser, UserAliases, type Scope } from "../inventory/scopes";
import { TurnQueue } from "../inventory/turns";
import { ignoresWholeKind, matchIgnore, type IgnorePattern } from "./ignore";
import {
  SECRET_SHOWN,
  summarize,
  type DifferenceEntry,
  type DriftReport,
  type ErrorEntry,
  type IgnoredEntry,
  type ManagedEntry,
  type MissingEntry,
  type UnmanagedEntry,
} from "./report";
import type { StackSummary, StackZoomResource } from "./stackExport";

export interface ScanProgress {
  /** Managed objects read so far, of `reads`. */
  readonly read: number;
  readonly reads: number;
  /** Listings done so far, of `lists`. */
  readonly listed: number;
  readonly lists: number;
  /** The kind of the read or listing that just finished (none before the first). */
  readonly kind?: string;
}

export interface DetectOptions {
  readonly ignore?: readonly IgnorePattern[];
  /** Called after each read and listing. */
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Default: the client of the configured provider runtime (`configure` first). */
  readonly client?: ZoomClient;
}

/** A stack resource whose kind and id pulumi-zoom understands. */
interface Known {
  readonly resource: StackZoomResource;
  readonly definition: ResourceDefinition;
  readonly ref: ObjectRef;
}

type ReadOutcome =
  | { readonly status: "in-sync" | "drifted"; readonly differences: readonly DifferenceEntry[]; readonly unverified: readonly string[] }
  | { readonly status: "missing" }
  | { readonly status: "error"; readonly message: string };

/** Reads started before the event loop is let go (detectDrift). */
export const READS_PER_SLICE = 250;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `a.b` is `a.b` itself, inside `a`, or holds `a.b.c`. */
function overlaps(path: string, other: string): boolean {
  return path === other || path.startsWith(`${other}.`) || other.startsWith(`${path}.`);
}

/**
 * The dotted paths the user declared: `__declared`, or (older states) every input the stack recorded. The
 * export is untrusted text: only paths into the kind's own input properties count (never an output such as
 * `joinUrl`, never a path through a prototype); anything else in it is ignored.
 */
function declaredPathsOf(resource: StackZoomResource, definition: ResourceDefinition): string[] {
  const roots: ReadonlySet<string> = new Set(Object.keys(definition.properties));
  const recorded = resource.outputs.values.__declared;
  const paths = Array.isArray(recorded) && recorded.every((p) => typeof p === "string")
    ? (recorded as string[]).map(parsePath)
    : leafPaths(resource.inputs.values);
  return paths.filter((path) => isDeclarablePath(path, roots)).map(formatPath);
}

/** Roots whose values are secret whatever the export marks: secret inputs and secret outputs of the kind. */
function secretRootsOf(definition: ResourceDefinition): ReadonlySet<string> {
  return new Set(shapeOf(definition).secretOutputs);
}

async function readOne(known: Known, comparing: TurnQueue): Promise<ReadOutcome> {
  const { resource, definition } = known;
  try {
    const provider = dynamicProvider(definition.kind, 1);
    // What a refresh passes: the state's outputs (framework keys included), with encrypted values left out.
    // `__declared` marks the read as a refresh (a gone object is missing, not a failed `.get()`), even for a
    // state written before it existed.
    const recorded = resource.outputs.values[DECLARED_KEY];
    const props = { ...resource.outputs.values, [NAME_KEY]: resource.outputs.values[NAME_KEY] ?? resource.name, [DECLARED_KEY]: Array.isArray(recorded) ? recorded : [] };
    const result = await provider.read!(resource.id, props);
    if (!result.id) return { status: "missing" };
    const live = (result.props ?? {}) as Record<string, unknown>;
    // One object a turn (turns.ts): a list page answers hundreds of these reads at once.
    return await comparing.run(() => compare(known, live));
  } catch (error) {
    return { status: "error", message: messageOf(error) };
  }
}

/** The declared paths of a stack resource against its live object. */
function compare({ resource, definition }: Known, live: Record<string, unknown>): ReadOutcome {
  try {
    const paths = declaredPathsOf(resource, definition);
    const unreadable = resource.inputs.unreadablePaths;
    const unverified = paths.filter((path) => unreadable.some((u) => overlaps(path, u)));
    const comparable = paths.filter((path) => !unverified.includes(path)).map(parsePath);
    const declared = pickPaths(resource.inputs.values, comparable);
    const secretPaths = [...resource.inputs.secretPaths, ...resource.outputs.secretPaths];
    const secretRoots = secretRootsOf(definition);
    const differences = declaredDifferences(definition, declared, live).map((difference): DifferenceEntry => {
      const secret =
        difference.secret || secretRoots.has(difference.path.split(".")[0]!) || secretPaths.some((p) => overlaps(difference.path, p));
      return {
        urn: resource.urn,
        kind: resource.kind,
        name: resource.name,
        id: resource.id,
        path: difference.path,
        declared: secret ? SECRET_SHOWN : difference.declared,
        live: secret ? SECRET_SHOWN : difference.actual,
        secret,
      };
    });
    return { status: differences.length > 0 ? "drifted" : "in-sync", differences, unverified };
  } catch (error) {
    return { status: "error", message: messageOf(error) };
  }
}

/**
 * The scopes to look for unmanaged objects in: the stack's accounts, and for per-user kinds the stack's users.
 * Each is spelled as the kind's own resources spell it (`me` or unset, an email or an id), so a listing shares
 * the list-cache entry of the reads, and found objects get the ids the stack records.
 */
class ScopePlan {
  private readonly accounts = new Map<string, string | undefined>();
  private readonly accountsByKind = new Map<string, Map<string, string | undefined>>();
  private readonly users = new Map<string, Scope>();
  private readonly usersByKind = new Map<string, Map<string, Scope>>();

  constructor(private readonly aliases: UserAliases) {}

  add(kind: string, accountId: string | undefined, userId: string | undefined): void {
    const account = accountKey(accountId);
    if (!this.accounts.has(account)) this.accounts.set(account, accountId);
    this.forKind(this.accountsByKind, kind).set(account, accountId);
    if (userId === undefined) return;
    const user = `${account}\u0000${this.aliases.resolve(accountId, userId)}`;
    const scope: Scope = accountId === undefined ? { userId } : { accountId, userId };
    if (!this.users.has(user)) this.users.set(user, scope);
    this.forKind(this.usersByKind, kind).set(user, scope);
  }

  scopesFor(definition: ResourceDefinition): Scope[] {
    if (isPerUser(definition)) {
      const own = this.usersByKind.get(definition.kind);
      return [...this.users.entries()].map(([key, scope]) => own?.get(key) ?? scope);
    }
    const own = this.accountsByKind.get(definition.kind);
    return [...this.accounts.entries()].map(([key, accountId]) => {
      const spelled = own?.has(key) ? own.get(key) : accountId;
      return spelled === undefined ? {} : { accountId: spelled };
    });
  }

  private forKind<V>(map: Map<string, Map<string, V>>, kind: string): Map<string, V> {
    let inner = map.get(kind);
    if (!inner) {
      inner = new Map();
      map.set(kind, inner);
    }
    return inner;
  }
}

function unmanagedEntry(found: FoundObject): UnmanagedEntry {
  return {
    kind: found.definition.kind,
    id: found.id,
    ...(found.label === undefined ? {} : { name: found.label }),
    ...(found.scope.accountId === undefined ? {} : { accountId: found.scope.accountId }),
    ...(found.scope.userId === undefined ? {} : { userId: found.scope.userId }),
  };
}

export async function detectDrift(state: StackSummary, options: DetectOptions = {}): Promise<DriftReport> {
  const client = options.client ?? currentClient();
  const lists = listCacheFor(client);
  const ignore = options.ignore ?? [];
  const aliases = new UserAliases();
  const errors: ErrorEntry[] = [];

  // 1. Which stack resources pulumi-zoom can read, and where they live.
  const known: Known[] = [];
  for (const resource of state.resources) {
    let definition: ResourceDefinition;
    let ref: ObjectRef;
    try {
      definition = definitionOf(resource.kind);
      ref = parseId(definition.idParts, resource.id, resource.kind, definition.accountIdRequired);
    } catch (error) {
      if (!resource.pendingDelete) errors.push({ urn: resource.urn, kind: resource.kind, message: messageOf(error) });
      continue;
    }
    const userId = text(resource.outputs.values.userId) ?? text(resource.inputs.values.userId);
    // A meeting's host, by id and email, is the user its `userId` names (`me`, an email or an id).
    const hostId = text(resource.outputs.values.hostId);
    const hostEmail = text(resource.outputs.values.hostEmail);
    if (userId !== undefined && hostId !== undefined) aliases.learn(ref.accountId, userId, hostId);
    if (hostEmail !== undefined && hostId !== undefined) aliases.learn(ref.accountId, hostEmail, hostId);
    known.push({ resource, definition, ref: ref.userId === undefined && userId !== undefined ? { ...ref, userId } : ref });
  }
  const scopes = new ScopePlan(aliases);
  for (const { definition, ref } of known) scopes.add(definition.kind, ref.accountId, isPerUser(definition) ? (ref.userId ?? "me") : undefined);

  // 2. Forget list sweeps made before this run (a library caller may have listed moments ago): the report
  // must describe Zoom now. Then start every read and listing.
  const toRead = known.filter((k) => !k.resource.pendingDelete);
  const listingJobs: { definition: ResourceDefinition; scope: Scope }[] = [];
  for (const definition of allDefinitions()) {
    // Every kind is listed (the manifest names a listing for each kind read by id). A kind ignored as a whole
    // is still listed: its objects are counted and shown under "ignored", not hidden.
    for (const scope of scopes.scopesFor(definition)) {
      const effective = effectiveScope(definition, scope);
      if (effective) listingJobs.push({ definition, scope: effective });
    }
  }
  for (const { definition, ref } of toRead) {
    if (definition.read.kind === "list") {
      lists.invalidate({ operation: definition.read.operation, accountId: ref.accountId, pathParams: definition.read.pathParams?.(ref) });
    }
  }
  for (const { definition, scope } of listingJobs) forgetListing(lists, definition, scope);

  const progress = { read: 0, reads: toRead.length, listed: 0, lists: listingJobs.length };
  const report = (kind?: string) => options.onProgress?.({ ...progress, ...(kind === undefined ? {} : { kind }) });
  report();
  const comparing = new TurnQueue();
  const startRead = (k: Known): Promise<ReadOutcome> =>
    readOne(k, comparing).then((outcome) => {
      progress.read += 1;
      report(k.definition.kind);
      return outcome;
    });
  // Reads by id start first: Zoom's per-second limits pace them, while one sweep serves all the reads of a
  // listed kind. Then the listings, whose sweeps those reads share (the list cache keeps one in flight per
  // list). The rest start in slices with the event loop let go between them: no request leaves before it is,
  // and starting 5,000 reads in one go held the first one back 0.2 s (bench).
  const reads = new Array<Promise<ReadOutcome>>(toRead.length);
  const fromSweeps: number[] = [];
  toRead.forEach((k, index) => {
    if (k.definition.read.kind === "list") fromSweeps.push(index);
    else reads[index] = startRead(k);
  });
  const listings = listingJobs.map(({ definition, scope }) =>
    discover(client, lists, definition, scope).then(
      (found) => ({ ok: true as const, found }),
      (error: unknown) => ({ ok: false as const, error }),
    ).then((result) => {
      progress.listed += 1;
      report(definition.kind);
      return { definition, scope, result };
    }),
  );
  for (const [started, index] of fromSweeps.entries()) {
    if (started > 0 && started % READS_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    reads[index] = startRead(toRead[index]!);
  }
  const [readOutcomes, listingOutcomes] = await Promise.all([Promise.all(reads), Promise.all(listings)]);

  // 3. Managed objects.
  const managed: ManagedEntry[] = [];
  const missing: MissingEntry[] = [];
  const differences: DifferenceEntry[] = [];
  toRead.forEach(({ resource }, index) => {
    const outcome = readOutcomes[index]!;
    const base = { urn: resource.urn, kind: resource.kind, name: resource.name, id: resource.id };
    if (outcome.status === "error") {
      errors.push({ urn: resource.urn, kind: resource.kind, message: outcome.message });
      managed.push({ ...base, status: "error", unverified: [] });
      return;
    }
    if (outcome.status === "missing") {
      missing.push(base);
      managed.push({ ...base, status: "missing", unverified: [] });
      return;
    }
    differences.push(...outcome.differences);
    managed.push({ ...base, status: outcome.status, unverified: [...outcome.unverified] });
  });

  // 4. Unmanaged objects: found in Zoom, unknown to the stack. The hosts of listed meetings teach who `me` is.
  const found: FoundObject[] = [];
  for (const { definition, scope, result } of listingOutcomes) {
    if (!result.ok) {
      // The user asked not to hear about this kind (e.g. the app lacks its scope): a failed listing of it is
      // not an error of the report.
      if (!ignoresWholeKind(ignore, definition.kind)) errors.push({ kind: definition.kind, scope: describeScope(scope), message: messageOf(result.error) });
      continue;
    }
    for (const object of result.found) {
      const host = text(object.item.host_id);
      if (host !== undefined && scope.userId !== undefined) aliases.learn(scope.accountId, scope.userId, host);
      found.push(object);
    }
  }
  const inStack = new Set(known.map(({ definition, ref }) => identityOf(definition, ref, aliases)));
  const seen = new Set<string>();
  const unmanaged: UnmanagedEntry[] = [];
  const ignored: IgnoredEntry[] = [];
  for (const object of found) {
    const identity = identityOf(object.definition, object.ref, aliases);
    if (inStack.has(identity) || seen.has(identity)) continue;
    seen.add(identity);
    const entry = unmanagedEntry(object);
    const pattern = matchIgnore(ignore, entry.kind, entry.id, entry.name);
    if (pattern) ignored.push({ ...entry, pattern: pattern.text });
    else unmanaged.push(entry);
  }
  const kindOrder = allDefinitions().map((d) => d.kind);
  const byKindThenId = (a: UnmanagedEntry, b: UnmanagedEntry) =>
    kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  unmanaged.sort(byKindThenId);
  ignored.sort(byKindThenId);

  const parts = { managed, missing, unmanaged, ignored, differences, errors };
  return {
    version: 1,
    ...(state.stack === undefined ? {} : { stack: state.stack }),
    ...(state.project === undefined ? {} : { project: state.project }),
    summary: summarize(parts),
    ...parts,
  };
}

/** Kinds a `--ignore` pattern may name. */
export function knownKinds(): string[] {
  return allDefinitions().map((definition) => definition.kind);
}

