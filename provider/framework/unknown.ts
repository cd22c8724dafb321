/**
 * During `pulumi preview`, inputs that depend on resources not yet created arrive as this sentinel string,
 * in any field whatever its type (see ../shared notes on the dynamic-provider host). `check` must not reject
 * them and `diff` must treat them as "may change".
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}
