/**
 * The list cache's promises, over random read timings (fast-check), on a clock the test moves:
 * - one sweep serves a wave of reads: a read sweeps again only when no sweep was made yet, the previous read of
 *   the list was `idleMs` or more before it (the wave ended), the cached sweep is `maxAgeMs` old (the cap), a write
 *   of ours came since (invalidated), or the reader needs a sweep started after a given moment (`sweptSince`);
 * - concurrent reads share one sweep;
 * - no read returns a list older than the cap, or older than our own last write.
 * The statements are the README's and listCache.ts's, written as a reference count of sweeps, not a copy of the
 * cache's code. No network: a counting client stands in for Zoom. FC_SEED overrides the fixed seed.
 */
import fc from "fast-check";
import type { PaginateOptions, RequestOptions, ZoomClient, ZoomResponse } from "../../provider/client/types";
import { ListCache } from "../../provider/framework/listCache";

const IDLE_MS = 10_000;
/** Three idle pauses: waves that outlast the cap are common in the generated timings. */
const MAX_AGE_MS = 30_000;
const SEED = Number(process.env.FC_SEED ?? 20261206);

/** Answers every list request with the list's current version, counting the requests. */
class VersionedList implements ZoomClient {
  sweeps = 0;
  version = 0;
  readonly counters = { requests: 0, requestsByCategory: { LIGHT: 0, MEDIUM: 0, HEAVY: 0 }, retries: 0, rateLimited: 0, tokenFetches: 0 };

  async request<T>(_options: RequestOptions): Promise<ZoomResponse<T>> {
    this.sweeps++;
    const version = this.version;
    await new Promise((resolve) => setImmediate(resolve));
    return { status: 200, data: { templates: [{ id: "t", version }] } as T, headers: {} };
  }

  async *paginate<T>(_options: PaginateOptions): AsyncIterable<T> {
    throw new Error("not paginated");
  }
}

const request = { operation: "listMeetingTemplates", pathParams: { userId: "me" }, itemsKey: "templates", paginated: false } as const;

type Step =
  | { readonly kind: "read"; readonly afterMs: number; readonly together: number }
  | { readonly kind: "readSince"; readonly afterMs: number; readonly sinceAgoMs: number }
  | { readonly kind: "write"; readonly afterMs: number };

/**
 * Steps whose gaps fall at the idle threshold, where an off-by-one would show, or on a beat (a divisor of the cap,
 * one per run) so that waves reach the cap to the millisecond, or anywhere else.
 */
const steps: fc.Arbitrary<Step[]> = fc.constantFrom(MAX_AGE_MS / 6, MAX_AGE_MS / 5, MAX_AGE_MS / 4).chain((beat) => {
  const gap = fc.oneof(
    { weight: 3, arbitrary: fc.constant(beat) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1, IDLE_MS - 1, IDLE_MS, IDLE_MS + 1) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 * IDLE_MS }) },
  );
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("read" as const), afterMs: gap, together: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("readSince" as const), afterMs: gap, sinceAgoMs: fc.integer({ min: 0, max: MAX_AGE_MS }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("write" as const), afterMs: gap }) },
  );
  return fc.array(step, { minLength: 1, maxLength: 60 });
});

test("one sweep per wave of reads, shared by concurrent reads; never older than the cap or our last write", async () => {
  await fc.assert(
    fc.asyncProperty(steps, async (run) => {
      const zoom = new VersionedList();
      let now = 1_000_000;
      const cache = new ListCache(zoom, { enabled: true, idleMs: IDLE_MS, maxAgeMs: MAX_AGE_MS, now: () => now });
      // The reference: when the current sweep was made (and with which version), and when the list was last read.
      let sweptAt: number | undefined;
      let sweptVersion = -1;
      let lastReadAt = Number.NEGATIVE_INFINITY;
      let expectedSweeps = 0;
      for (const s of run) {
        now += s.afterMs;
        if (s.kind === "write") {
          // A write of ours: the list changes and the cache forgets it.
          zoom.version++;
          cache.invalidate(request);
          sweptAt = undefined;
          continue;
        }
        const since = s.kind === "readSince" ? now - s.sinceAgoMs : undefined;
        const sweeps =
          sweptAt === undefined || now - lastReadAt >= IDLE_MS || now - sweptAt >= MAX_AGE_MS || (since !== undefined && sweptAt < since);
        if (sweeps) {
          expectedSweeps++;
          sweptAt = now;
          sweptVersion = zoom.version;
        }
        lastReadAt = now;
        const together = s.kind === "read" ? s.together : 1;
        const answers = await Promise.all(Array.from({ length: together }, () => cache.all(request, since === undefined ? {} : { sweptSince: since })));
        // Concurrent readers got the same sweep: the one the reference says, at most a cap old, never before our write.
        for (const answer of answers) expect(answer).toEqual([{ id: "t", version: sweptVersion }]);
        expect(sweptVersion).toBe(zoom.version);
        expect(now - sweptAt!).toBeLessThan(MAX_AGE_MS);
        expect(zoom.sweeps).toBe(expectedSweeps);
      }
    }),
    { numRuns: 300, seed: SEED },
  );
});
