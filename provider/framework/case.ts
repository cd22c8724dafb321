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

/**
 * Keys that reach an object's prototype instead of a property of its own (`__proto__`) or name the machinery
 * behind it. No Zoom object has them; a key or path spelled so comes from a crafted input (a hand-edited stack
 * export, a YAML file, a garbled answer) and is refused or dropped wherever paths are walked or objects are
 * copied key by key.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

function mapKeysDeep(value: unknown, mapKey: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeysDeep(item, mapKey));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    // A `__proto__` key in an answer (JSON.parse keeps it as an own key) would set the copy's prototype.
    for (const [key, inner] of Object.entries(value)) if (!isPrototypeKey(key)) out[mapKey(key)] = mapKeysDeep(inner, mapKey);
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

/** Zoom's snake_case answer in camelCase: the default normalization step resources build on. */
export function camelCaseOf(live: Record<string, unknown>): Record<string, unknown> {
  return fromZoom(live) as Record<string, unknown>;
}
