/**
 * The shared list cache: concurrent reads share one sweep, later reads of the same wave reuse it, and `sweptSince`
 * refuses a cached sweep that started before a given moment (an item missing from it may have been made since).
 * No network: a counting client stands in for Zoom.
 */
import type { PaginateOptions, RequestOptions, ZoomClient, ZoomResponse } from "../../provider/client/types";
import { ListCache } from "../../provider/framework/listCache";

/** Answers every list request with the current `items`, counting the requests. */
class CountingClient implements ZoomClient {
  requests = 0;
  items: { id: string }[] = [{ id: "a" }];
  readonly counters = { requests: 0, requestsByCategory: { LIGHT: 0, MEDIUM: 0, HEAVY: 0 }, retries: 0, rateLimited: 0, tokenFetches: 0 };

  async request<T>(_options: RequestOptions): Promise<ZoomResponse<T>> {
    this.requests++;
    await new Promise((resolve) => setImmediate(resolve));
    return { status: 200, data: { templates: [...this.items] } as T, headers: {} };
  }

  /** Never called: these lists have no pages. */
  async *paginate<T>(_options: PaginateOptions): AsyncIterable<T> {
    throw new Error("not paginated");
  }
}

const request = { operation: "listMeetingTemplates", pathParams: { userId: "me" }, itemsKey: "templates", paginated: false } as const;

test("concurrent reads share one sweep; later reads reuse it", async () => {
  const client = new CountingClient();
  const cache = new ListCache(client, { enabled: true });
  await Promise.all(Array.from({ length: 10 }, () => cache.all(request)));
  await cache.all(request);
  expect(client.requests).toBe(1);
});

test("sweptSince: a cached sweep from before is not reused; concurrent askers share the new one", async () => {
  const client = new CountingClient();
  const cache = new ListCache(client, { enabled: true });
  await cache.all(request);
  client.items.push({ id: "b" });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const asked = Date.now();
  expect(await cache.all(request)).toEqual([{ id: "a" }]);
  const fresh = await Promise.all(Array.from({ length: 5 }, () => cache.all(request, { sweptSince: asked })));
  expect(fresh[0]).toEqual([{ id: "a" }, { id: "b" }]);
  expect(client.requests).toBe(2);
  // A sweep that started after the moment asked for is reused as it is.
  await cache.all(request, { sweptSince: asked });
  expect(client.requests).toBe(2);
});

test("a wave of reads longer than the idle pause shares one sweep; a pause ends the wave; the cap ends even a busy one", async () => {
  const client = new CountingClient();
  let now = 1_000_000;
  const cache = new ListCache(client, { enabled: true, idleMs: 10_000, maxAgeMs: 60_000, now: () => now });
  /** `times` reads, each `gapMs` after the one before. */
  const readEvery = async (gapMs: number, times = 1) => {
    for (let i = 0; i < times; i++) {
      now += gapMs;
      await cache.all(request);
    }
  };
  await cache.all(request);
  // A large stack's reads arrive over 20 s, each within 10 s of the last (the 5,000-object refresh): one sweep.
  await readEvery(4_000, 5);
  expect(client.requests).toBe(1);
  // 10 s with no read: the next operation reads afresh.
  await readEvery(10_000);
  expect(client.requests).toBe(2);
  // Reads every 5 s: the same sweep for 55 s; a new one once the cached one is a minute old.
  await readEvery(5_000, 11);
  expect(client.requests).toBe(2);
  await readEvery(5_000);
  expect(client.requests).toBe(3);
});
