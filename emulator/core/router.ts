/**
 * Routes `/v2/...` paths to catalogued operations (catalogue/operations.ts), in both of Zoom's path forms:
 * the plain path (the token's own account) and `/accounts/{accountId}` + path. `accountOnly` operations exist
 * only in the second form, `plainOnly` ones only in the first, as in Zoom's documents.
 */
import { OPERATIONS, type Operation, type OperationId } from "../../catalogue/operations";
import { ZoomHttpError } from "../types";

export interface RouteMatch {
  readonly operationId: OperationId;
  readonly operation: Operation;
  /** Decoded placeholder values, without `accountId`. */
  readonly pathParams: Record<string, string>;
  /** Decoded `{accountId}` of the master-account form; undefined for plain paths. */
  readonly accountId?: string;
}

interface CompiledRoute {
  readonly operationId: OperationId;
  readonly operation: Operation;
  readonly masterForm: boolean;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function compile(operationId: OperationId, operation: Operation, masterForm: boolean): CompiledRoute {
  const template = (masterForm ? "/accounts/{accountId}" : "") + operation.path;
  const names: string[] = [];
  const source = template
    .split("/")
    .map((segment) => {
      const placeholder = /^\{(\w+)\}$/.exec(segment);
      if (placeholder) {
        names.push(placeholder[1]);
        return "([^/]+)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { operationId, operation, masterForm, pattern: new RegExp(`^${source}$`), names };
}

const ROUTES: readonly CompiledRoute[] = (Object.entries(OPERATIONS) as [OperationId, Operation][]).flatMap(
  ([id, operation]) => [
    ...(operation.scope !== "accountOnly" ? [compile(id, operation, false)] : []),
    ...(operation.scope !== "plainOnly" ? [compile(id, operation, true)] : []),
  ],
).sort((a, b) => a.names.length - b.names.length);

function decode(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    // A malformed percent-escape cannot name anything: say so instead of guessing.
    throw new ZoomHttpError(400, 300, `Invalid parameter: ${name}.`);
  }
}

/**
 * The operation for a method and a raw (still percent-encoded) path below `/v2`; undefined when Zoom has no such
 * route (the caller answers 404). Literal segments win over placeholders, so `/meetings/x/status` never reads
 * as a meeting id.
 */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  for (const route of ROUTES) {
    if (route.operation.method !== method) continue;
    const found = route.pattern.exec(rawPath);
    if (!found) continue;
    const pathParams: Record<string, string> = {};
    let accountId: string | undefined;
    route.names.forEach((name, i) => {
      const value = decode(name, found[i + 1]);
      if (route.masterForm && name === "accountId" && i === 0) accountId = value;
      else pathParams[name] = value;
    });
    return { operationId: route.operationId, operation: route.operation, pathParams, accountId };
  }
  return undefined;
}
