/**
 * Turns an operation and its parameters into the URL to call, so that an id can never steer a request to a
 * different endpoint: every value is percent-encoded (a `/` or `?` inside an id stays inside its segment),
 * and ids the URL parser would still reinterpret (`.`/`..` dot segments, control characters, empty strings) are
 * refused before anything is sent.
 */
import { ZoomInvalidRequestError } from "./errors";
import { OPERATIONS, type Operation, type OperationId } from "../../catalogue/operations";
import type { PathParams, QueryParams } from "./types";

export interface BuiltPath {
  /** Path below the API base, encoded, e.g. `/accounts/abc/meetings/123`. */
  readonly path: string;
  /** Same, with placeholders: e.g. `/accounts/{accountId}/meetings/{meetingId}`; for logs and errors. */
  readonly template: string;
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Why a path value is refused, or undefined when it is fine. */
function problemWith(value: string): string | undefined {
  if (value.length === 0) return "is empty";
  if (/[\r\n]/.test(value)) return "contains a line break";
  if (/[\u0000-\u001f\u007f]/.test(value)) return "contains a control character";
  // encodeURIComponent throws on half a surrogate pair; say so instead of a bare URIError.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) return "contains a lone UTF-16 surrogate";
  // Percent-encoding leaves dots alone and the URL parser resolves `.` and `..` segments: refuse them.
  if (value === "." || value === "..") return "is a dot segment";
  return undefined;
}

function segment(name: string, raw: string | number | undefined, operationId: string): string {
  if (raw === undefined || raw === null) {
    throw new ZoomInvalidRequestError(`${operationId}: path parameter "${name}" is missing`);
  }
  if (typeof raw === "number" && !(Number.isSafeInteger(raw) && raw >= 0)) {
    throw new ZoomInvalidRequestError(`${operationId}: path parameter "${name}" must be a non-negative integer, got ${raw}`);
  }
  const value = String(raw);
  const problem = problemWith(value);
  if (problem) throw new ZoomInvalidRequestError(`${operationId}: path parameter "${name}" ${problem}: ${JSON.stringify(value)}`);
  return encodeURIComponent(value);
}

/** The catalogue row of an operation id; JavaScript callers can name one that does not exist. */
export function operationOf(id: OperationId): Operation {
  if (!Object.prototype.hasOwnProperty.call(OPERATIONS, id)) {
    throw new ZoomInvalidRequestError(`unknown Zoom operation "${String(id)}" (see catalogue/operations.ts)`);
  }
  return OPERATIONS[id];
}

/**
 * `/accounts/{accountId}` + path when `accountId` is given; the plain path when not, except for operations
 * that exist only in the account form (SIP trunks, internal numbers), which then act on `me`: the master
 * account the credentials belong to.
 */
export function buildPath(operation: Operation, pathParams: PathParams = {}, accountId?: string): BuiltPath {
  const used = new Set<string>();
  const path = operation.path.replace(PLACEHOLDER, (_m, name: string) => {
    used.add(name);
    return segment(name, pathParams[name], operation.id);
  });
  // Declarations are typed from the template (PathParamsOf), but the client also takes requests whose operation
  // is only known at run time (the framework running a declaration, inventory sweeps, JavaScript programs), and
  // a function's returned object may carry names no type refuses: so names are checked here too.
  const extra = Object.keys(pathParams).filter((k) => !used.has(k));
  if (extra.length > 0) {
    throw new ZoomInvalidRequestError(`${operation.id}: unknown path parameter(s) ${extra.join(", ")} for ${operation.path}`);
  }
  if (accountId !== undefined && operation.scope === "plainOnly") {
    throw new ZoomInvalidRequestError(`${operation.id}: ${operation.path} has no /accounts/{accountId} form (it is the credentials' own account's)`);
  }
  const account = accountId ?? (operation.scope === "accountOnly" ? "me" : undefined);
  if (account === undefined) return { path, template: operation.path };
  return {
    path: `/accounts/${segment("accountId", account, operation.id)}${path}`,
    template: `/accounts/{accountId}${operation.path}`,
  };
}

/** `?a=1&b=x` from defined values, or "" when none. */
export function buildQuery(query: QueryParams | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The full URL, checked: after the URL parser has had its say, the path must still be exactly the one built
 * (no normalisation moved it), below the API base.
 */
export function buildUrl(apiUrl: string, built: BuiltPath, query: QueryParams | undefined, operationId: string): string {
  const url = `${apiUrl}${built.path}${buildQuery(query)}`;
  const parsed = new URL(url);
  const expectedPath = `${new URL(apiUrl).pathname.replace(/\/+$/, "")}${built.path}`;
  if (parsed.pathname !== expectedPath) {
    throw new ZoomInvalidRequestError(`${operationId}: refusing to send a request whose path would be rewritten to ${parsed.pathname}`);
  }
  return url;
}
