/** Removing one dotted path from a declaration (validation paths may run into arrays, which are leaves). */
import { isPlainObject } from "../framework/case";

/**
 * Deletes `dotted` from `target`. A path through an array (`settings.authenticationException.0.email`) deletes
 * the whole array: arrays are declared and compared whole. Objects left empty are removed too.
 */
export function deletePath(target: Record<string, unknown>, dotted: string): void {
  const keys = dotted.split(".");
  const trail: Record<string, unknown>[] = [target];
  let current: Record<string, unknown> = target;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const value = current[key];
    if (index === keys.length - 1 || Array.isArray(value) || !isPlainObject(value)) {
      delete current[key];
      break;
    }
    current = value;
    trail.push(current);
  }
  for (let depth = trail.length - 1; depth > 0; depth--) {
    if (Object.keys(trail[depth]!).length > 0) break;
    delete trail[depth - 1]![keys[depth - 1]!];
  }
}
