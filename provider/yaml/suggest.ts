/**
 * "Did you mean" for names a person typed: section keys, logical names, output names.
 */
import { editDistance } from "../framework/validate";

/** The known name closest to `typed`, if it is close enough to be a likely typo (same rule as the framework's). */
export function closest(typed: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (distance <= Math.max(2, Math.floor(name.length / 3)) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** `; did you mean "standup"?`, or nothing. */
export function didYouMean(typed: string, known: readonly string[]): string {
  const suggestion = closest(typed, known);
  return suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
}
