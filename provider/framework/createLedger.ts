/**
 * Keeps concurrent creates of one resource kind from taking each other's objects.
 *
 * Pulumi runs many creates at once in one provider process. When the outcome of one is unknown (Zoom may have
 * made the object, then the answer was lost), the resource looks for what it made (`findCreated`). Nothing in
 * Zoom tells two meetings with the same topic and start apart, so that lookup could pick the meeting a
 * concurrent create of an identical declaration made: two resources would share one meeting and the other
 * would be orphaned (found by tests/reliability/concurrentCreates.test.ts). Two rules prevent it:
 *
 * - Claims: every object a create of this process made or adopted is claimed (by its Pulumi id), and a lookup
 *   never adopts a claimed object. Deleting the object, or finding it gone, releases the claim. Objects the
 *   deployment's existing resources hold are claimed too when they are diffed, read or updated, so that an
 *   `adoptId` naming one of them is refused (adoption.ts).
 * - A gate: a lookup runs only while no create attempt of the kind is in flight (a create whose request has
 *   reached Zoom but whose answer has not arrived has made an object that is not claimed yet), and new attempts
 *   wait while a lookup is pending. Lookups are rare (only after an unknown outcome), so the wait costs little.
 */

/** How many operations of one sort are under way, and a wait for the moment none is. */
class InFlight {
  private count = 0;
  private idle: { readonly promise: Promise<void>; resolve(): void } | undefined;

  get busy(): boolean {
    return this.count > 0;
  }

  /** Runs `run` counted as under way. */
  async during<T>(run: () => Promise<T>): Promise<T> {
    this.count += 1;
    try {
      return await run();
    } finally {
      this.count -= 1;
      if (this.count === 0 && this.idle) {
        const idle = this.idle;
        this.idle = undefined;
        idle.resolve();
      }
    }
  }

  /** Resolves when the count next drops to zero (check `busy` again after: another may have started). */
  untilIdle(): Promise<void> {
    if (!this.idle) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      this.idle = { promise, resolve };
    }
    return this.idle.promise;
  }
}

export class CreateLedger {
  /** Claimed Pulumi ids, each with the logical name of the resource that holds it. */
  private readonly claimed = new Map<string, string>();
  private readonly deleted = new Map<string, string>();
  /** Objects adopted (`adoptId`) in this process, with the adopting resource's logical name. */
  private readonly adopted = new Map<string, string>();
  private readonly attempts = new InFlight();
  private readonly lookups = new InFlight();
  /** Lookups run one at a time, in order. */
  private lookupChain: Promise<unknown> = Promise.resolve();

  /** Runs one create attempt; waits first while a lookup is pending. */
  async attempt<T>(send: () => Promise<T>): Promise<T> {
    while (this.lookups.busy) await this.lookups.untilIdle();
    return this.attempts.during(send);
  }

  /** Runs one lookup alone: after every attempt in flight has settled, and before any new one starts. */
  async lookup<T>(find: () => Promise<T>): Promise<T> {
    return this.lookups.during(() => {
      const run = this.lookupChain.then(async () => {
        while (this.attempts.busy) await this.attempts.untilIdle();
        return find();
      });
      this.lookupChain = run.catch(() => undefined);
      return run;
    });
  }

  /**
   * Claims an object for the resource named `holder`; false when another resource of this process holds it
   * already. A resource may claim what it holds again (a diff, then an update of the same resource).
   */
  claim(id: string, holder = ""): boolean {
    const current = this.claimed.get(id);
    if (current !== undefined && (current !== holder || holder === "")) return false;
    this.claimed.set(id, holder);
    return true;
  }

  isClaimed(id: string): boolean {
    return this.claimed.has(id);
  }

  /** The logical name of the resource holding the object, if any resource of this process does. */
  holderOf(id: string): string | undefined {
    return this.claimed.get(id);
  }

  /**
   * The object was deleted or is gone: a later create may make (and claim) one with the same id. `deleter`: the
   * resource that deleted it, so that its replacement's create does not adopt it again (adoption.ts).
   */
  release(id: string, deleter?: string): void {
    this.claimed.delete(id);
    if (deleter !== undefined) this.deleted.set(id, deleter);
  }

  /** Records that `holder` adopted the object (it must have claimed it). */
  markAdopted(id: string, holder: string): void {
    this.adopted.set(id, holder);
  }

  /** The logical name of the resource that adopted the object in this process, if one did. */
  adoptedBy(id: string): string | undefined {
    return this.claimed.has(id) ? this.adopted.get(id) : undefined;
  }

  /** The logical name of the resource whose delete in this process removed the object, if one did. */
  deletedBy(id: string): string | undefined {
    return this.deleted.get(id);
  }
}
