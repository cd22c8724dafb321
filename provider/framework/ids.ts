/**
 * Pulumi ids of Zoom objects. Zoom's own id alone does not always locate an object: a TSP account is `1` or
 * `2` of one user, a device may live in a sub-account. The Pulumi id therefore carries the scope in front:
 *
 *   Meeting in the token's account       85746065432
 *   Meeting in a sub-account             <accountId>/85746065432
 *   TSP account                          [<accountId>/]<userId>/1
 *
 * `accountId` is the only optional part, so the number of segments tells whether it is present. Segments are
 * percent-encoded, so a `/` inside a value cannot shift them. These are also the ids users give to `import`.
 */
import type { ObjectRef } from "./definition";

export type IdPart = "accountId" | "userId";

export function formatId(parts: readonly IdPart[], ref: ObjectRef): string {
  const segments: string[] = [];
  for (const part of parts) {
    const value = ref[part];
    if (value === undefined) {
      if (part === "accountId") continue;
      throw new Error(`cannot form an id without ${part}`);
    }
    segments.push(value);
  }
  segments.push(ref.zoomId);
  return segments.map(encodeURIComponent).join("/");
}

/**
 * Parses an id; throws a message that shows the expected form when it does not fit. `accountRequired`: the
 * account part must be present (objects that exist only inside a sub-account).
 */
export function parseId(parts: readonly IdPart[], id: string, kind: string, accountRequired = false): ObjectRef {
  const segments = id.split("/").map((segment) => decodeSegment(segment, id, kind, parts, accountRequired));
  const required = parts.filter((part) => part !== "accountId");
  const withAccount = parts.includes("accountId") && segments.length === required.length + 2;
  if ((segments.length !== required.length + 1 || accountRequired) && !withAccount) {
    throw new Error(`invalid zoom:${kind} id ${shownId(id)}: expected ${expectedForm(parts, accountRequired)}`);
  }
  if (segments.some((segment) => segment === "")) {
    throw new Error(`invalid zoom:${kind} id ${shownId(id)}: empty segment; expected ${expectedForm(parts, accountRequired)}`);
  }
  const ref: { accountId?: string; userId?: string; zoomId: string } = { zoomId: segments[segments.length - 1]! };
  let index = 0;
  if (withAccount) ref.accountId = segments[index++]!;
  for (const part of required) ref[part] = segments[index++]!;
  return ref;
}

/** Longest id quoted in an error: a megabyte of id helps nobody. */
const SHOWN_ID_LENGTH = 80;

/** An id as messages quote it: ids from state or `import` can be anything, a megabyte included. */
export function shownId(id: string): string {
  return JSON.stringify(id.length > SHOWN_ID_LENGTH ? `${id.slice(0, SHOWN_ID_LENGTH)}...` : id);
}

/**
 * One segment, percent-decoded, or an error naming the resource kind: malformed percent-encoding (which
 * `decodeURIComponent` answers with a bare URIError), and values no Zoom id has and no URL can carry inside
 * its segment (dot segments, line breaks, control characters, lone surrogates; found by
 * tests/reliability/hostileInput.test.ts).
 */
function decodeSegment(segment: string, id: string, kind: string, parts: readonly IdPart[], accountRequired: boolean): string {
  const invalid = (why: string) => new Error(`invalid zoom:${kind} id ${shownId(id)}: ${why}; expected ${expectedForm(parts, accountRequired)}`);
  let value: string;
  try {
    value = decodeURIComponent(segment);
  } catch {
    throw invalid("malformed percent-encoding");
  }
  if (value === "." || value === "..") throw invalid("a segment is . or ..");
  if (/[\u0000-\u001f\u007f]/.test(value)) throw invalid("a segment holds a line break or control character");
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) throw invalid("a segment holds a lone UTF-16 surrogate");
  return value;
}

export function expectedForm(parts: readonly IdPart[], accountRequired = false): string {
  const shown = parts.map((part) => (part === "accountId" && !accountRequired ? "[<accountId>/]" : `<${part}>/`)).join("");
  return `"${shown}<zoomId>"`;
}

/** The object `zoomId` in the scope (`accountId`, `userId`) the inputs declare. */
export function refOf(inputs: Readonly<Record<string, unknown>>, zoomId: string): ObjectRef {
  const ref: { accountId?: string; userId?: string; zoomId: string } = { zoomId };
  if (typeof inputs.accountId === "string") ref.accountId = inputs.accountId;
  if (typeof inputs.userId === "string") ref.userId = inputs.userId;
  return ref;
}

/** The inputs with the scope recovered from an id, which wins over whatever they say (an import passes none). */
export function withScope<T extends Record<string, unknown>>(inputs: T, ref: ObjectRef): T {
  const out: Record<string, unknown> = { ...inputs };
  if (ref.accountId !== undefined) out.accountId = ref.accountId;
  if (ref.userId !== undefined) out.userId = ref.userId;
  return out as T;
}
