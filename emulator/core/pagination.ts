/**
 * Zoom's token pagination: `page_size` (default 30, at most 300) and an opaque `next_page_token` that is the
 * empty string on the last page. Tokens here encode the offset; a token that does not decode is Zoom's
 * documented `400 code 300 "The next page token is invalid or expired."`.
 */
import { MAX_PAGE_SIZE } from "../../provider/client/operations";
import { ZoomHttpError } from "../types";

const DEFAULT_PAGE_SIZE = 30;

function pageSize(query: URLSearchParams): number {
  const raw = query.get("page_size");
  if (raw === null || raw === "") return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) throw new ZoomHttpError(400, 300, "Invalid parameter: page_size.");
  // Zoom caps larger sizes at its maximum rather than refusing them.
  return Math.min(size, MAX_PAGE_SIZE);
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

export function paginate<T>(items: readonly T[], query: URLSearchParams, itemsKey: string): Record<string, unknown> {
  const size = pageSize(query);
  const token = query.get("next_page_token");
  const offset = token ? decodeToken(token, itemsKey) : 0;
  const page = items.slice(offset, offset + size);
  const next = offset + size < items.length ? encodeToken(offset + size, itemsKey) : "";
  return { page_size: size, total_records: items.length, next_page_token: next, [itemsKey]: page };
}
