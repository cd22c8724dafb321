/**
 * Dotted property paths (`settings.waitingRoom`) over plain objects. Arrays are leaves: Zoom replaces arrays
 * whole, so we compare and send them whole too.
 */
import { isPlainObject, isPrototypeKey } from "./case";

export { isPrototypeKey };

export type PropertyPath = readonly string[];

export function formatPath(path: PropertyPath): string {
  return path.join(".");
}

export function parsePath(dotted: string): PropertyPath {
  return dotted.split(".");
}

export class UnsafePathError extends Error {
  override readonly name = "UnsafePathError";
  constructor(path: PropertyPath) {
    super(`the property path "${formatPath(path)}" names an object prototype (${path.filter(isPrototypeKey).join(", ")}), which no Zoom object has`);
  }
}

/**
 * Whether `path` is one a resource of these `roots` (its property names) can declare: non-empty segments, the
 * first a declared property (an own key, never something inherited), none naming a prototype.
 */
export function isDeclarablePath(path: PropertyPath, roots: ReadonlySet<string>): boolean {
  return path.length > 0 && roots.has(path[0]!) && path.every((key) => key !== "" && !isPrototypeKey(key));
}

export function getPath(value: unknown, path: PropertyPath): unknown {
  let current: unknown = value;
  for (const key of path) {
    // Own properties only: `constructor` or `toString` of a plain object is not a value anybody declared.
    if (!isPlainObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/** Sets `path` in `target`, creating intermediate objects. Refuses paths through a prototype. */
export function setPath(target: Record<string, unknown>, path: PropertyPath, value: unknown): void {
  if (path.some(isPrototypeKey)) throw new UnsafePathError(path);
  let current = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      current[key] = value;
      return;
    }
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (!isPlainObject(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  });
}

/**
 * The leaf paths of a declaration: every non-object value (arrays included) reached through plain objects.
 * `undefined` values are skipped: they were not declared. Empty objects count as declared leaves, so that
 * `settings: {}` still records that the user mentioned `settings`.
 */
export function leafPaths(value: unknown, prefix: PropertyPath = []): PropertyPath[] {
  if (!isPlainObject(value)) return value === undefined ? [] : [prefix];
  const entries = Object.entries(value).filter(([key, inner]) => inner !== undefined && !isPrototypeKey(key));
  if (entries.length === 0) return prefix.length === 0 ? [] : [prefix];
  return entries.flatMap(([key, inner]) => leafPaths(inner, [...prefix, key]));
}

/** A copy of `source` restricted to `paths`. */
export function pickPaths(source: unknown, paths: readonly PropertyPath[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const value = getPath(source, path);
    if (value !== undefined) setPath(out, path, value);
  }
  return out;
}

/**
 * A copy without `undefined` anywhere (object keys dropped, array items kept as null). Everything handed back
 * to the host becomes a protobuf Struct, which has no `undefined` and refuses it.
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : withoutUndefined(item))) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined && !isPrototypeKey(key)) out[key] = withoutUndefined(inner);
    return out as T;
  }
  return value;
}
