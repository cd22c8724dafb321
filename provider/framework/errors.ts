/**
 * Errors the framework raises on top of the client's: explanations of Zoom's answers, and the partial-failure
 * shape the dynamic-provider host turns into `ErrorResourceInitFailed` (object kept in state, never orphaned).
 */
import { ZoomApiError } from "../client/errors";
import type { ErrorExplanation, ZoomErrorMatch } from "./definition";

/**
 * Thrown from create/update when Zoom made the object but a later step failed. The host reads `id`,
 * `properties` and `reasons` and records the object in state, so the next `up` repairs it instead of
 * creating a duplicate.
 */
export class ResourceInitError extends Error {
  readonly properties: Record<string, unknown>;

  constructor(
    message: string,
    readonly id: string,
    properties: Record<string, unknown>,
    readonly reasons: string[] = [message],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ResourceInitError";
    // The host turns these into a protobuf Struct, which refuses undefined.
    this.properties = JSON.parse(JSON.stringify(properties)) as Record<string, unknown>;
  }
}

/**
 * What a lookup after an unknown create outcome concluded, when that conclusion is itself the answer (an
 * instant meeting Zoom does not list, two TSP slots alike, a match another resource claimed). The framework
 * passes it on as it is; any other error from a lookup is a failure of the lookup and is explained as such.
 */
export class LookupVerdict extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LookupVerdict";
  }
}

/** A resource-specific reading of a Zoom error (a name clash, a limit), keeping Zoom's own words. */
export class ExplainedZoomError extends Error {
  constructor(
    label: string,
    explanation: string,
    readonly zoom: ZoomApiError,
  ) {
    super(`${label}: ${explanation} (Zoom ${zoom.status}${zoom.zoomCode !== undefined ? ` code ${zoom.zoomCode}` : ""}: ${zoom.zoomMessage})`, {
      cause: zoom,
    });
    this.name = "ExplainedZoomError";
  }
}

/** Applies the first matching explanation, else returns the error unchanged. */
export function explain<I>(
  error: unknown,
  operation: ErrorExplanation<I>["operation"],
  explanations: readonly ErrorExplanation<I>[] | undefined,
  inputs: I,
  label: string,
): unknown {
  if (!(error instanceof ZoomApiError)) return error;
  const match = explanations?.find((e) => e.operation === operation && matchesZoomError(error, e));
  return match ? new ExplainedZoomError(label, match.explain(inputs, error.zoomMessage), error) : error;
}

/** Does Zoom's error answer fit `match` (every field given)? */
export function matchesZoomError(error: ZoomApiError, match: ZoomErrorMatch): boolean {
  return (
    (match.zoomCode === undefined || match.zoomCode === error.zoomCode) &&
    (match.httpStatus === undefined || match.httpStatus === error.status) &&
    (match.zoomMessage === undefined || match.zoomMessage.test(error.zoomMessage)) &&
    (match.zoomField === undefined || error.fieldErrors.some((e) => match.zoomField!.test(e.field)))
  );
}

/** Zoom says the object does not exist: one of `goneCodes`, or an answer fitting one of `goneErrors`. */
export function isGone(error: unknown, goneCodes: readonly number[], goneErrors: readonly ZoomErrorMatch[] = []): boolean {
  if (!(error instanceof ZoomApiError)) return false;
  if (error.zoomCode !== undefined && goneCodes.includes(error.zoomCode)) return true;
  return goneErrors.some((match) => matchesZoomError(error, match));
}
