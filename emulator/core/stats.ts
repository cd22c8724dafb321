/** Counters and the request log behind `GET /_emulator/stats` and `GET /_emulator/requests`. */
import type { OperationId, RateLimitCategory } from "../../catalogue/operations";
import { faultLabel, type EmulatorStats, type Fault, type RequestLogEntry } from "../controlTypes";

/** Enough for any test or benchmark run; beyond it the oldest entries go, so memory stays bounded. */
const MAX_LOG_ENTRIES = 100_000;

function emptyStats(): EmulatorStats {
  return {
    requests: 0,
    byOperation: {},
    byCategory: { LIGHT: 0, MEDIUM: 0, HEAVY: 0 },
    rateLimited: 0,
    tokenRequests: 0,
    faultsInjected: 0,
    faultsByKind: {},
  };
}

export class StatsRecorder {
  private stats = emptyStats();
  private log: RequestLogEntry[] = [];
  /**
   * Counts resets. A request is recorded when it has been answered, so one that arrived before a reset (held by a
   * delay fault, say) would otherwise land in the counters and log of whatever came after the reset.
   */
  epoch = 0;

  /** One `/v2` request, whatever its answer; `arrivedInEpoch`: the `epoch` when it arrived. */
  recordApi(arrivedInEpoch: number, entry: RequestLogEntry, category: RateLimitCategory | undefined): void {
    if (arrivedInEpoch !== this.epoch) return;
    this.stats.requests += 1;
    if (entry.operationId) {
      const op: OperationId = entry.operationId;
      this.stats.byOperation[op] = (this.stats.byOperation[op] ?? 0) + 1;
    }
    if (category) this.stats.byCategory[category] += 1;
    if (entry.status === 429) this.stats.rateLimited += 1;
    this.log.push(entry);
    if (this.log.length > MAX_LOG_ENTRIES) this.log.splice(0, this.log.length - MAX_LOG_ENTRIES);
  }

  recordTokenRequest(): void {
    this.stats.tokenRequests += 1;
  }

  recordFault(fault: Fault): void {
    this.stats.faultsInjected += 1;
    const label = faultLabel(fault);
    this.stats.faultsByKind[label] = (this.stats.faultsByKind[label] ?? 0) + 1;
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.stats);
  }

  requests(): RequestLogEntry[] {
    return [...this.log];
  }

  /** `POST /_emulator/stats/reset`: counters and the request log start again. */
  reset(): void {
    this.epoch += 1;
    this.stats = emptyStats();
    this.log = [];
  }
}
