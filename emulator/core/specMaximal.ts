/**
 * Spec-maximal answers (`startEmulator({ specMaximal: true })`, `pulumi-zoom emulator --spec-maximal`): every
 * answer also carries every optional field Zoom's response schema allows for that operation (inside list items
 * too), and set-like lists come back in another order than they were written. Code that settles against these
 * answers does not depend on Zoom leaving fields out or keeping an order it does not promise.
 *
 * The fields are the emulator's own knowledge (maximalFields.ts), checked against Zoom's documents by
 * tests/emulator/specMaximal.test.ts; nothing here reads the documents.
 */
import type { OperationId } from "../../catalogue/operations";
import { MAXIMAL_FIELDS } from "./maximalFields";

/** Pagination fields: an invented `next_page_token` would send a client round forever. */
export const PAGINATION_KEYS: readonly string[] = ["next_page_token", "page_count", "page_number", "page_size", "total_records"];

/** Lists (and list-like strings) whose order Zoom does not promise: answered reversed. */
const SET_LIKE_LISTS = new Set([
  "meeting_invitees",
  "approved_list",
  "denied_list",
  "global_dial_in_countries",
  "additional_data_center_regions",
  "tracking_fields",
  "authentication_exception",
  "rooms",
  "participants",
  "interpreters",
  "channels",
  "resources",
  "recommended_values",
]);
const SET_LIKE_STRINGS: Readonly<Record<string, RegExp>> = { weekly_days: /,/, alternative_hosts: /[;,]/ };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** `answer` with every field of `extra` it lacks, recursively; a list's template item is merged into each item. */
function withExtra(answer: unknown, extra: unknown): unknown {
  if (isObject(answer) && isObject(extra)) {
    const out: Record<string, unknown> = { ...answer };
    for (const [key, value] of Object.entries(extra)) {
      if (PAGINATION_KEYS.includes(key)) continue;
      // A list the answer lacks stays absent: an invented item would be a value nobody wrote, and an empty list
      // can break the spec's own minimum (`channels` needs one item); absent is always within it.
      if (key in answer) out[key] = withExtra(answer[key], value);
      else if (!Array.isArray(value)) out[key] = value;
    }
    return out;
  }
  if (Array.isArray(answer) && Array.isArray(extra) && extra.length > 0) return answer.map((item) => withExtra(item, extra[0]));
  return answer;
}

/** Set-like lists reversed, everywhere in the answer. */
function reordered(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => reordered(item));
    return key !== undefined && SET_LIKE_LISTS.has(key) ? items.reverse() : items;
  }
  if (typeof value === "string" && key !== undefined && SET_LIKE_STRINGS[key]) {
    const separator = SET_LIKE_STRINGS[key]!;
    const parts = value.split(separator);
    return parts.length > 1 ? parts.reverse().join(key === "weekly_days" ? "," : ";") : value;
  }
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, inner]) => [k, reordered(inner, k)]));
  return value;
}

/** The spec-maximal form of a successful JSON answer. */
export function maximal(operationId: OperationId, body: unknown): unknown {
  if (!isObject(body)) return body;
  const extra = MAXIMAL_FIELDS[operationId];
  return reordered(extra === undefined ? body : withExtra(body, extra));
}
