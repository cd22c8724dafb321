/**
 * Zoom's token pagination: `page_size` (default 30, at most 300) and an opaque `next_page_token` that is the
 * empty string on the last page. Tokens here encode the offset; a token that does not decode is Zoom's
 * documented `400 code 300 "The next page token is invalid or expired."`.
 *
 * Some lists (H.323 devices, a user's meetings) still take the deprecated `page_number`; they pass
 * `{ pageNumbers: true }`.
 */
import { MAX_PAGE_SIZE } from "../../catalogue/operations";
import { ZoomHttpError } from "../types";

const DEFAULT_PAGE_SIZE = 30;

export interface PaginateOptions {
  /**
   * The list takes the deprecated `page_number` (1-based; the spec still lists it on `GET /h323/devices` and
   * `GET /users/{userId}/meetings`). A `next_page_token` wins over it, as the token is the spec's way to page.
   * When it is given, the answer also carries the spec's `page_number` and `page_count`.
   */
  readonly pageNumbers?: boolean;
}

function invalidParameter(name: string): ZoomHttpError {
  return new ZoomHttpError(400, 300, `Invalid parameter: ${name}.`);
}

function positiveInteger(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw invalidParameter(name);
  return value;
}

/**
 * The spec gives `page_size` a `maximum` of 300; a value outside the schema is an invalid parameter, answered
 * as Zoom answers any (400 code 300), not silently capped.
 */
function pageSize(query: URLSearchParams): number {
  const size = positiveInteger(query, "page_size") ?? DEFAULT_PAGE_SIZE;
  if (size > MAX_PAGE_SIZE) throw invalidParameter("page_size");
  return size;
}

function encodeToken(offset: number, itemsKey: string): string {
  return Buffer.from(JSON.stringify({ o: offset, k: itemsKey })).toString("base64url");
}

function decodeToken(token: string, itemsKey: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (typeof parsed === "object" && parsed !== null && "o" in parsed && "k" in parsed) {
      const { o, k } = parsed;
      if (typeof o === "number" && Number.isInteger(o) && o >= 0 && k === itemsKey) return o;
    }
  } catch {
    // fall through: not one of ours
  }
  throw new ZoomHttpError(400, 300, "The next page token is invalid or expired.");
}

export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  itemsKey: string,
  options: PaginateOptions = {},
): Record<string, unknown> {
  const size = pageSize(query);
  const token = query.get("next_page_token");
  const pageNumber = options.pageNumbers ? positiveInteger(query, "page_number") : undefined;
  let offset = 0;
  if (token) offset = decodeToken(token, itemsKey);
  else if (pageNumber !== undefined) offset = (pageNumber - 1) * size;
  const page = items.slice(offset, offset + size);
  const next = offset + size < items.length ? encodeToken(offset + size, itemsKey) : "";
  const numbering =
    pageNumber !== undefined && !token
      ? { page_number: pageNumber, page_count: Math.ceil(items.length / size) }
      : {};
  return { page_size: size, total_records: items.length, next_page_token: next, ...numbering, [itemsKey]: page };
}
