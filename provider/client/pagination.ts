/**
 * Zoom's paginated lists: every item of every page, following `next_page_token` to the end. A page that is not
 * a page (no list and no paging fields, a list of non-objects, a token already seen) is an error, never an
 * empty or endless list: callers read a short list as "those objects are gone".
 */
import { MAX_PAGE_SIZE } from "../../catalogue/operations";
import { ZoomResponseError } from "./errors";
import { buildPath, operationOf } from "./path";
import { isPlainObject } from "./response";
import type { PaginateOptions, ZoomClient } from "./types";

/** Fields every page of a Zoom list has, even an empty one without the list itself, and their types. */
const PAGE_FIELDS: Readonly<Record<string, "string" | "number">> = {
  next_page_token: "string",
  page_size: "number",
  total_records: "number",
  page_count: "number",
  page_number: "number",
};

/** The first paging field of `page` whose value has the wrong type (null counts as absent). */
function misTypedPagingField(page: Record<string, unknown>): string | undefined {
  return Object.entries(PAGE_FIELDS).find(([field, type]) => page[field] !== undefined && page[field] !== null && typeof page[field] !== type)?.[0];
}

/** Every item of the list `options` names, one request per page (`page_size` at most MAX_PAGE_SIZE). */
export async function* paginate<T>(client: Pick<ZoomClient, "request">, options: PaginateOptions): AsyncGenerator<T, void, undefined> {
  const { itemsKey, ...requestOptions } = options;
  const requested = Number(options.query?.page_size ?? MAX_PAGE_SIZE);
  const pageSize = Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  const seenTokens = new Set<string>();
  let nextPageToken: string | undefined;
  for (;;) {
    const response = await client.request<Record<string, unknown>>({
      ...requestOptions,
      query: { ...options.query, page_size: pageSize, next_page_token: nextPageToken },
    });
    const page = response.data;
    const items = page?.[itemsKey];
    if (items !== undefined && !Array.isArray(items)) {
      throw pageError(options, response.status, `a page whose "${itemsKey}" is not a list`);
    }
    // A garbled paging field means the page is not what it says: reading it as (the end of) a list would make
    // callers think objects are gone (a lookup after a lost create would then create a second one).
    const misTyped = page === undefined ? undefined : misTypedPagingField(page);
    if (misTyped !== undefined) throw pageError(options, response.status, `a page whose "${misTyped}" is not a ${PAGE_FIELDS[misTyped]}`);
    // Zoom leaves the list out of some empty pages, but never the paging fields: a page with neither is not
    // a page, and reading it as empty would make callers think objects are gone.
    if (items === undefined && !Object.keys(PAGE_FIELDS).some((field) => page?.[field] !== undefined && page[field] !== null)) {
      throw pageError(options, response.status, `a page without "${itemsKey}" or any paging field`);
    }
    if (Array.isArray(items) && !items.every(isPlainObject)) {
      throw pageError(options, response.status, `a page whose "${itemsKey}" holds something other than objects`);
    }
    // Zoom leaves the list out of an empty page on some endpoints.
    for (const item of (items ?? []) as T[]) yield item;
    const token = page?.next_page_token;
    if (typeof token !== "string" || token === "") return;
    if (seenTokens.has(token)) {
      throw pageError(options, response.status, "a next_page_token it had already sent (stopped instead of looping forever)");
    }
    seenTokens.add(token);
    nextPageToken = token;
  }
}

function pageError(options: PaginateOptions, status: number, problem: string): ZoomResponseError {
  const operation = operationOf(options.operation);
  return new ZoomResponseError({
    operationId: options.operation,
    method: operation.method,
    pathTemplate: buildPath(operation, options.pathParams, options.accountId).template,
    status,
    zoomMessage: problem,
    body: "",
    problem,
    ...(options.context ? { context: options.context } : {}),
  });
}
