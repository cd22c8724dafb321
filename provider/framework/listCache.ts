/**
 * Shared reads of objects read from their list: list-only objects (H.323 devices, SIP trunks, internal numbers,
 * templates), and tracking fields, whose one-page list holds whole fields.
 *
 * Zoom has no GET by id for the former, so a naive refresh of 300 devices would list all devices 300 times. Every
 * read of the same list (same client, operation, account and path) within a few seconds shares one sweep:
 * concurrent callers await the same promise (single flight), later callers reuse the result until it expires.
 * Any write to the family invalidates it, so a read after our own write never sees a stale list. Writes by
 * others (the web portal, another stack) can still be newer than a cached sweep, so a reader that misses an
 * item asks again with `sweptSince` before calling it gone.
 */
import type { ZoomClient } from "../client/types";
import { itemsOf } from "./answers";
import type { ListReader, ListRequest, ZoomObject } from "./definition";

/** Long enough to cover one refresh wave, short enough that a second `pulumi refresh` sees fresh data. */
const DEFAULT_TTL_MS = 10_000;

interface Entry {
  readonly promise: Promise<readonly ZoomObject[]>;
  /** When the sweep started (`Date.now()`). */
  readonly startedAt: number;
  /** Set once the sweep finished; undefined while in flight. */
  settledAt?: number;
}

function keyOf(request: Omit<ListRequest, "itemsKey" | "paginated">): string {
  const params = Object.entries(request.pathParams ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([request.operation, request.accountId ?? null, params]);
}

export class ListCache implements ListReader {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly client: ZoomClient,
    private readonly ttlMs = DEFAULT_TTL_MS,
    /** Benchmarks switch caching off to measure what it saves. */
    private readonly enabled = process.env.ZOOM_BENCH_NO_LIST_CACHE !== "1",
  ) {}

  all(request: ListRequest, options: { readonly sweptSince?: number } = {}): Promise<readonly ZoomObject[]> {
    if (!this.enabled) return this.sweep(request);
    const key = keyOf(request);
    const cached = this.entries.get(key);
    const fresh = (entry: Entry) => options.sweptSince === undefined || entry.startedAt >= options.sweptSince;
    if (cached && fresh(cached) && (cached.settledAt === undefined || Date.now() - cached.settledAt < this.ttlMs)) return cached.promise;
    // Concurrent callers asking for a sweep since the same moment share this one (it starts after all of them asked).
    const entry: Entry = { startedAt: Date.now(), promise: this.sweep(request) };
    this.entries.set(key, entry);
    entry.promise.then(
      () => {
        entry.settledAt = Date.now();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.promise;
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
