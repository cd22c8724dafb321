/**
 * Reading Zoom's answers: JSON bodies, Zoom's error body `{code, message, errors}`, and everything that is not
 * what it should be (HTML pages from a gateway, empty bodies, truncated JSON). Malformed answers become
 * ZoomResponseError, never an exception from JSON.parse.
 */
import { ZoomApiError, ZoomResponseError, type RequestSite, type ZoomApiErrorDetails, type ZoomFieldError } from "./errors";
import type { WireResponse } from "./http";

export type ParsedBody =
  | { readonly kind: "empty" }
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "malformed"; readonly problem: string };

function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return true; // judged by parsing
  const mime = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return mime === "application/json" || mime.endsWith("+json") || mime === "text/json";
}

export function parseBody(response: WireResponse): ParsedBody {
  if (response.body.trim() === "") return { kind: "empty" };
  const contentType = response.headers["content-type"];
  if (!isJsonContentType(contentType)) {
    const html = /html/i.test(contentType ?? "") || /^\s*</.test(response.body);
    return { kind: "malformed", problem: html ? "an HTML page instead of JSON" : "a non-JSON body" };
  }
  try {
    return { kind: "json", value: JSON.parse(response.body) as unknown };
  } catch {
    return { kind: "malformed", problem: "malformed JSON" };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function trackingIdOf(response: WireResponse): string | undefined {
  return response.headers["x-zm-trackingid"];
}

export function responseError(site: RequestSite, response: WireResponse, problem: string): ZoomResponseError {
  const trackingId = trackingIdOf(response);
  const contentType = response.headers["content-type"];
  return new ZoomResponseError({
    ...site,
    status: response.status,
    zoomMessage: problem,
    headers: response.headers,
    body: response.body,
    problem,
    ...(trackingId ? { trackingId } : {}),
    ...(contentType ? { contentType } : {}),
  });
}

/** Zoom's `{code, message}`, as far as the body has them. */
export interface ZoomErrorInfo {
  readonly zoomCode?: number;
  readonly zoomMessage: string;
  readonly fieldErrors?: readonly ZoomFieldError[];
}

export function errorInfo(value: unknown): ZoomErrorInfo | undefined {
  if (!isPlainObject(value)) return undefined;
  const rawCode = value.code;
  const code = typeof rawCode === "number" ? rawCode : typeof rawCode === "string" && /^\d+$/.test(rawCode) ? Number(rawCode) : undefined;
  const message = [value.message, value.error_description, value.error, value.reason].find((v): v is string => typeof v === "string");
  const fieldErrors = Array.isArray(value.errors)
    ? value.errors.filter(isPlainObject).map((e) => ({ field: String(e.field ?? ""), message: String(e.message ?? "") }))
    : undefined;
  if (code === undefined && message === undefined) return undefined;
  return {
    zoomMessage: message ?? "(no message)",
    ...(code !== undefined ? { zoomCode: code } : {}),
    ...(fieldErrors?.length ? { fieldErrors } : {}),
  };
}

/** The error for a non-2xx answer: ZoomApiError with Zoom's code and message, or ZoomResponseError. */
export function errorFromResponse(site: RequestSite, response: WireResponse): ZoomApiError {
  const parsed = parseBody(response);
  if (parsed.kind === "malformed") return responseError(site, response, parsed.problem);
  const info = parsed.kind === "json" ? errorInfo(parsed.value) : undefined;
  const trackingId = trackingIdOf(response);
  const details: ZoomApiErrorDetails = {
    ...site,
    status: response.status,
    zoomMessage: info?.zoomMessage ?? (parsed.kind === "empty" ? "(empty body)" : "(no Zoom error message)"),
    headers: response.headers,
    ...(info?.zoomCode !== undefined ? { zoomCode: info.zoomCode } : {}),
    ...(info?.fieldErrors ? { fieldErrors: info.fieldErrors } : {}),
    ...(trackingId ? { trackingId } : {}),
  };
  return new ZoomApiError(details);
}
