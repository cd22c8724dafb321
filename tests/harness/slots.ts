/**
 * The engine's `--parallel`: `Slots` lets at most `size` operations run at a time, started in the order they asked;
 * `inReverseDependencyOrder` schedules deletes the way `pulumi destroy` does.
 */
import { topoSort } from "./state";

/** What scheduling needs of a state entry. */
interface DependencyNode {
  urn: string;
  parent?: string;
  dependencies: string[];
}

/** At most `size` operations at a time, started in the order they asked. */
export class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`parallel must be a positive integer, not ${size}`);
  }

  async run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.active < this.size) this.active += 1;
    // A released slot passes straight to the next waiter, so `active` counts it throughout.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await operation();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

/**
 * Runs `run` for every resource once everything that depends on it (as a dependency or a child) is done, as many at
 * a time as `run` allows; after a `run` reports failure, nothing new starts. Resolves when all started runs ended.
 */
export function inReverseDependencyOrder<T extends DependencyNode>(resources: readonly T[], run: (res: T) => Promise<boolean>): Promise<void> {
  const byUrn = new Map<string, T[]>();
  for (const r of resources) byUrn.set(r.urn, [...(byUrn.get(r.urn) ?? []), r]);
  const dependenciesOf = (r: T): T[] =>
    [...new Set([r.parent, ...r.dependencies])].flatMap((urn) => (urn && urn !== r.urn ? (byUrn.get(urn) ?? []) : []));
  const dependents = new Map<T, number>(resources.map((r) => [r, 0]));
  for (const r of resources) for (const d of dependenciesOf(r)) dependents.set(d, (dependents.get(d) ?? 0) + 1);
  let failed = false;
  let active = 0;
  return new Promise<void>((resolve) => {
    const start = (res: T): void => {
      active += 1;
      void run(res)
        .catch(() => false)
        .then((ok) => {
          if (!ok) failed = true;
          for (const d of dependenciesOf(res)) {
            const left = (dependents.get(d) ?? 1) - 1;
            dependents.set(d, left);
            if (left === 0 && !failed) start(d);
          }
          active -= 1;
          if (active === 0) resolve();
        });
    };
    // Leaves first, in reverse dependency order, so with one slot the order is the sequential one.
    const leaves = topoSort(resources).reverse().filter((r) => dependents.get(r) === 0);
    if (leaves.length === 0) resolve();
    for (const r of leaves) start(r);
  });
}
