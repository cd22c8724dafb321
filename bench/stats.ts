/** Differences between two emulator stats snapshots: what one phase cost. */
import type { EmulatorStats } from "../emulator";
import type { OperationId, RateLimitCategory } from "../catalogue/operations";
import type { OperationCounts } from "./minimum";

export interface StatsDelta {
  readonly requests: number;
  readonly byOperation: OperationCounts;
  readonly byCategory: Record<RateLimitCategory, number>;
  readonly rateLimited: number;
  readonly tokenRequests: number;
}

export function delta(after: EmulatorStats, before: EmulatorStats): StatsDelta {
  const byOperation: OperationCounts = {};
  for (const [op, n] of Object.entries(after.byOperation) as [OperationId, number][]) {
    const d = n - (before.byOperation[op] ?? 0);
    if (d !== 0) byOperation[op] = d;
  }
  return {
    requests: after.requests - before.requests,
    byOperation,
    byCategory: {
      LIGHT: after.byCategory.LIGHT - before.byCategory.LIGHT,
      MEDIUM: after.byCategory.MEDIUM - before.byCategory.MEDIUM,
      HEAVY: after.byCategory.HEAVY - before.byCategory.HEAVY,
    },
    rateLimited: after.rateLimited - before.rateLimited,
    tokenRequests: after.tokenRequests - before.tokenRequests,
  };
}

/** Several phases together. */
export function sum(deltas: readonly StatsDelta[]): StatsDelta {
  const byOperation: OperationCounts = {};
  for (const d of deltas) for (const [op, n] of Object.entries(d.byOperation) as [OperationId, number][]) byOperation[op] = (byOperation[op] ?? 0) + n;
  return {
    requests: deltas.reduce((a, d) => a + d.requests, 0),
    byOperation,
    byCategory: {
      LIGHT: deltas.reduce((a, d) => a + d.byCategory.LIGHT, 0),
      MEDIUM: deltas.reduce((a, d) => a + d.byCategory.MEDIUM, 0),
      HEAVY: deltas.reduce((a, d) => a + d.byCategory.HEAVY, 0),
    },
    rateLimited: deltas.reduce((a, d) => a + d.rateLimited, 0),
    tokenRequests: deltas.reduce((a, d) => a + d.tokenRequests, 0),
  };
}
