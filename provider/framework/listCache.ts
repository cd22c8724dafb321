/**
 * Shared reads of objects read from their list: list-only objects (H.323 devices, SIP trunks, internal numbers,
 * templates), and tracking fields, whose one-page list holds whole fields.
 *
 * Zoom has no GET by id for the former, so a naive refresh of 300 devices would list all devices 300 times. Every
 * read of the same list (same client, operation, account and path) in one wave of reads shares one sweep:
 * concurrent callers await the same promise (single flight), later callers reuse the result while reads keep
 * coming (a wave ends after a pause of `idleMs`) and for at most `maxAgeMs`.
 * Any write to the family invalidates it, so a read after our own write never sees a stale list. Writes by
 * others (the web portal, another stack) can still be newer than a cached sweep, so a reader that misses an
 * item asks again with `sweptSince` before calling it gone.
 */
import type { ZoomClient } from "../client/types";
import { itemsOf } from "./answers";
import type { ListReader, ListRequest, ZoomObject } from "./definition";

/**
 * A wave is the reads of one Pulumi operation: the engine sends a large stack's reads over many seconds (5,000
 * objects: about 20 s idle, 72 s on a loaded machine, so a fixed 10 s lifetime swept each list twice, and a one-minute
 * cap still did under load: 331 requests for the minimum 317). A pause of 10 s ends it, so a later operation served
 * by the same process (the native plugin, a reused test host) reads afresh; five minutes cap it, so even one long
 * operation sees others' changes within that.
 */
export const DEFAULT_FRESHNESS = { idleMs: 10_000, maxAgeMs: 300_000 } as const;

export interface ListCacheOptions {
  readonly idleMs?: number;
  readonly maxAgeMs?: number;
  /** Benchmarks switch caching off to measure what it saves. */
  readonly enabled?: boolean;
  readonly now?: () => number;
}

interface Entry {
  readonly promise: Promise<readonly ZoomObject[]>;
  /** When the sweep started (`Date.now()`). */
  readonly startedAt: number;
  /** Set once the sweep finished; undefined while in flight. */
  settledAt?: number;
  /** The latest read served by this sweep. */
  lastReadAt: number;
}

function keyOf(request: Omit<ListRequest, "itemsKey" | "paginated">): string {
  const params = Object.entries(request.pathParams ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([request.operation, request.accountId ?? null, params]);
}

export class ListCache implements ListReader {
  private readonly entries = new Map<string, Entry>();
  private readonly idleMs: number;
  private readonly maxAgeMs: number;
  private readonly enabled: boolean;
  private readonly now: () => number;

  constructor(
    private readonly client: ZoomClient,
    options: ListCacheOptions = {},
  ) {
    this.idleMs = options.idleMs ?? DEFAULT_FRESHNESS.idleMs;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_FRESHNESS.maxAgeMs;
    this.enabled = options.enabled ?? process.env.ZOOM_BENCH_NO_LIST_CACHE !== "1";
    this.now = options.now ?? Date.now;
  }

  all(request: ListRequest, options: { readonly sweptSince?: number } = {}): Promise<readonly ZoomObject[]> {
    if (!this.enabled) return this.sweep(request);
    const key = keyOf(request);
    const cached = this.entries.get(key);
    const now = this.now();
    if (cached && this.reusable(cached, now, options.sweptSince)) {
      cached.lastReadAt = now;
      return cached.promise;
    }
    // Concurrent callers asking for a sweep since the same moment share this one (it starts after all of them asked).
    const entry: Entry = { startedAt: now, lastReadAt: now, promise: this.sweep(request) };
    this.entries.set(key, entry);
    entry.promise.then(
      () => {
        entry.settledAt = this.now();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.promise;
  }

  /** In flight, or settled within the current wave and the cap; never older than a caller's `sweptSince`. */
  private reusable(entry: Entry, now: number, sweptSince: number | undefined): boolean {
    if (sweptSince !== undefined && entry.startedAt < sweptSince) return false;
    if (entry.settledAt === undefined) return true;
    return now - entry.lastReadAt < this.idleMs && now - entry.settledAt < this.maxAgeMs;
  }

  invalidate(request: Omit<ListRequest, "itemsKey" | "paginated">): void {
    this.entries.delete(keyOf(request));
  }

  private async sweep(request: ListRequest): Promise<readonly ZoomObject[]> {
    const base = { operation: request.operation, accountId: request.accountId, pathParams: request.pathParams };
    if (request.paginated) {
      const items: ZoomObject[] = [];
      for await (const item of this.client.paginate<ZoomObject>({ ...base, itemsKey: request.itemsKey })) items.push(item);
      return items;
    }
    const response = await this.client.request<Record<string, unknown>>(base);
    // A list that is not one is an error: read as empty, it would call every object gone.
    return itemsOf(response.data, request.itemsKey, request.operation);
  }
}

const caches = new WeakMap<ZoomClient, ListCache>();

/** The process-wide cache for a client (one per account and credentials, as clients are). */
export function listCacheFor(client: ZoomClient): ListCache {
  let cache = caches.get(client);
  if (!cache) {
    cache = new ListCache(client);
    caches.set(client, cache);
  }
  return cache;
}
