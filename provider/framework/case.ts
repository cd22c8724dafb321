/**
 * The one place where pulumi-zoom's camelCase property names meet Zoom's snake_case field names.
 *
 * The mapping is mechanical (`waitingRoom` ⇄ `waiting_room`, `h323Password` ⇄ `h323_password`) and applies to
 * object keys at every depth; values are never touched. It round-trips for every Zoom field we model, which
 * `tests/framework/case.test.ts` checks over the schemas.
 */

/** `waitingRoom` → `waiting_room`; `h323Password` → `h323_password`. */
export function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (upper) => `_${upper.toLowerCase()}`);
}

/** `waiting_room` → `waitingRoom`; `h323_password` → `h323Password`. */
export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
}

function mapKeysDeep(value: unknown, mapKey: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeysDeep(item, mapKey));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[mapKey(key)] = mapKeysDeep(inner, mapKey);
    return out;
  }
  return value;
}

/** A camelCase value (resource inputs) in Zoom's snake_case shape, for request bodies. */
export function toZoom(value: unknown): unknown {
  return mapKeysDeep(value, camelToSnake);
}

/** A Zoom answer in pulumi-zoom's camelCase shape. */
export function fromZoom(value: unknown): unknown {
  return mapKeysDeep(value, snakeToCamel);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
