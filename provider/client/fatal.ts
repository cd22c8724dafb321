/**
 * The first failure that every later request of a client would repeat: the credentials were refused, or Zoom
 * did not answer anything for a whole operation deadline. A `pulumi up`, `drift` or `import` runs many
 * operations through one client; without this each of them waited out its own deadline (or asked the token
 * endpoint again) and printed its own copy of the same error. With it, the first error says what was tried
 * and what to check, and every later (or concurrent) request fails at once with a short pointer to it.
 */
import { ZoomAuthError, ZoomNetworkError, type RequestSite, type ZoomError } from "./errors";

export interface FatalFailure {
  readonly error: ZoomError;
  /** One line for the pointers: `Zoom refused this stack's credentials`. */
  readonly summary: string;
  /** What the first failing request was doing, when it said. */
  readonly context: string | undefined;
}

export class FirstFatal {
  private first: FatalFailure | undefined;

  get error(): ZoomError | undefined {
    return this.first?.error;
  }

  /** Remembers `error` if it is the first; returns what the caller should throw (the error, or a pointer). */
  record(error: ZoomError, summary: string, site: Pick<RequestSite, "context"> & Partial<RequestSite>): ZoomError {
    if (!this.first) {
      this.first = { error, summary, context: site.context };
      return error;
    }
    return this.first.error === error ? error : this.pointer(site);
  }

  /** The error for a request that is not sent (or not retried) because of the first failure. */
  pointer(site: Pick<RequestSite, "context"> & Partial<RequestSite>): ZoomError {
    const first = this.first;
    if (!first) throw new Error("FirstFatal.pointer without a failure");
    const where = first.context ? ` (on ${first.context})` : "";
    const reason = `not sent: ${first.summary} earlier in this run; the first error${where} says what was tried and what to check`;
    if (first.error instanceof ZoomAuthError) {
      const details = {
        ...(first.error.status !== undefined ? { status: first.error.status } : {}),
        ...(first.error.zoomCode !== undefined ? { zoomCode: first.error.zoomCode } : {}),
      };
      return new ZoomAuthError(`${site.context ? `${site.context}: ` : ""}${reason}`, details, { cause: first.error });
    }
    if (site.operationId && site.method && site.pathTemplate) {
      const full = { operationId: site.operationId, method: site.method, pathTemplate: site.pathTemplate, ...(site.context ? { context: site.context } : {}) };
      return new ZoomNetworkError({ ...full, reason, attempts: 0 }, { cause: first.error });
    }
    return first.error;
  }
}
