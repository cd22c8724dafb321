/**
 * The fault plan: probabilistic rules and a scripted sequence of failures (429s, 5xx, connection resets,
 * delays, writes that apply and then fail, arbitrary malformed answers), drawn from the emulator's seeded
 * generator so a run repeats.
 */
import type { Fault, FaultMatch, FaultPlan, FaultRule } from "../controlTypes";
import type { OperationId } from "../../catalogue/operations";
import type { SeededRandom } from "./random";

export interface FaultTarget {
  readonly method: string;
  readonly operationId?: OperationId;
  readonly target: "api" | "oauth";
}

interface RuleState {
  readonly rule: FaultRule;
  seen: number;
  injected: number;
}

function matches(match: FaultMatch | undefined, target: FaultTarget): boolean {
  if ((match?.target ?? "api") !== target.target) return false;
  if (match?.method && match.method.toUpperCase() !== target.method) return false;
  if (match?.operationId && match.operationId !== target.operationId) return false;
  return true;
}

export class FaultInjector {
  private rules: RuleState[] = [];
  private sequence: { match?: FaultMatch; steps: (Fault | null)[] } | undefined;

  constructor(private readonly random: SeededRandom) {}

  setPlan(plan: FaultPlan): void {
    this.rules = (plan.rules ?? []).map((rule) => ({ rule, seen: 0, injected: 0 }));
    this.sequence = plan.sequence ? { match: plan.sequence.match, steps: [...plan.sequence.steps] } : undefined;
  }

  clear(): void {
    this.setPlan({});
  }

  /** The fault for this request, if any. The scripted sequence goes first; then the rules, in order. */
  next(target: FaultTarget): Fault | undefined {
    if (this.sequence && this.sequence.steps.length > 0 && matches(this.sequence.match, target)) {
      return this.sequence.steps.shift() ?? undefined;
    }
    for (const state of this.rules) {
      if (!matches(state.rule.match, target)) continue;
      state.seen += 1;
      if (state.seen <= (state.rule.after ?? 0)) continue;
      if (state.rule.times !== undefined && state.injected >= state.rule.times) continue;
      if (this.random.next() >= (state.rule.probability ?? 1)) continue;
      state.injected += 1;
      return state.rule.fault;
    }
    return undefined;
  }
}
