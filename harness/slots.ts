/**
 * The engine's `--parallel`: `Slots` lets at most `size` operations run at a time, started in the order they asked;
 * `deleteAntichains` and `runDeletes` schedule deletes the way the engine does at the end of `up` and in `destroy`.
 */

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

/** How one delete ended. "refused": a protected resource; the engine reports it and carries on (see runDeletes). */
export type DeleteOutcome = "deleted" | "failed" | "refused";

function dependenciesIn<T extends DependencyNode>(resources: readonly T[]): (r: T) => T[] {
  const byUrn = new Map<string, T[]>();
  for (const r of resources) byUrn.set(r.urn, [...(byUrn.get(r.urn) ?? []), r]);
  return (r) => [...new Set([r.parent, ...r.dependencies])].flatMap((urn) => (urn && urn !== r.urn ? (byUrn.get(urn) ?? []) : []));
}

/**
 * The engine's delete schedule (step_generator.go: ScheduleDeletes): rounds ("antichains") of resources that can be
 * deleted together. Built bottom-up (a resource joins a round once none of its dependencies or its parent is still
 * condemned), then reversed, so dependents go first; an independent resource lands in the LAST round.
 */
export function deleteAntichains<T extends DependencyNode>(resources: readonly T[]): T[][] {
  const dependenciesOf = dependenciesIn(resources);
  const condemned = new Set(resources);
  const rounds: T[][] = [];
  while (condemned.size > 0) {
    const round = [...condemned].filter((r) => !dependenciesOf(r).some((d) => condemned.has(d)));
    // A dependency cycle cannot come out of a Pulumi program; never loop on one.
    if (round.length === 0) throw new Error(`dependency cycle among ${[...condemned].map((r) => r.urn).join(", ")}`);
    for (const r of round) condemned.delete(r);
    rounds.push(round.reverse());
  }
  return rounds.reverse();
}

/**
 * Runs deletes as the deployment executor does (deployment_executor.go: performPostSteps): one antichain after the
 * other, each antichain's deletes in parallel within `slots` (`--parallel`). After a failed delete the step executor
 * cancels: nothing new starts. A refused delete (protected resource: step_executor.go treats deleteProtectedError as
 * continue-on-error) does not cancel, but every resource it depends on is left out of the later antichains.
 */
export async function runDeletes<T extends DependencyNode>(resources: readonly T[], slots: Slots, run: (res: T) => Promise<DeleteOutcome>): Promise<void> {
  const dependenciesOf = dependenciesIn(resources);
  const spared = new Set<T>();
  const spare = (r: T): void => {
    for (const d of dependenciesOf(r)) {
      if (spared.has(d)) continue;
      spared.add(d);
      spare(d);
    }
  };
  let cancelled = false;
  for (const round of deleteAntichains(resources)) {
    if (cancelled) return;
    await Promise.all(
      round
        .filter((r) => !spared.has(r))
        .map((r) =>
          slots.run(async () => {
            if (cancelled) return;
            const outcome = await run(r).catch((): DeleteOutcome => "failed");
            if (outcome === "failed") cancelled = true;
            if (outcome === "refused") spare(r);
          }),
        ),
    );
  }
}
