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
  const segments = id.split("/").map((segment) => decodeURIComponent(segment));
  const required = parts.filter((part) => part !== "accountId");
  const withAccount = parts.includes("accountId") && segments.length === required.length + 2;
  if ((segments.length !== required.length + 1 || accountRequired) && !withAccount) {
    throw new Error(`invalid zoom:${kind} id "${id}": expected ${expectedForm(parts, accountRequired)}`);
  }
  if (segments.some((segment) => segment === "")) {
    throw new Error(`invalid zoom:${kind} id "${id}": empty segment; expected ${expectedForm(parts, accountRequired)}`);
  }
  const ref: { accountId?: string; userId?: string; zoomId: string } = { zoomId: segments[segments.length - 1]! };
  let index = 0;
  if (withAccount) ref.accountId = segments[index++]!;
  for (const part of required) ref[part] = segments[index++]!;
  return ref;
}

export function expectedForm(parts: readonly IdPart[], accountRequired = false): string {
  const shown = parts.map((part) => (part === "accountId" && !accountRequired ? "[<accountId>/]" : `<${part}>/`)).join("");
  return `"${shown}<zoomId>"`;
}
