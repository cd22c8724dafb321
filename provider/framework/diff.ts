/**
 * Differences between what the user declared and what Zoom has, on the declared properties only: a value the
 * user never wrote (Zoom's server-side default, a generated passcode) can never cause a diff.
 *
 * Used by `diff` (plan), `update` (which fields to send) and the drift report (which properties drifted).
 */
import equal from "fast-deep-equal";
import type { ResourceDefinition } from "./definition";
import { formatPath, getPath, leafPaths, type PropertyPath } from "./paths";
import { isUnknown } from "./unknown";

export interface Difference {
  /** Dotted path, e.g. `settings.waitingRoom`. */
  readonly path: string;
  readonly declared: unknown;
  readonly actual: unknown;
  /** The top-level property is secret: show neither value. */
  readonly secret: boolean;
  /** The declared value is a preview unknown: it may or may not change. */
  readonly unknown: boolean;
}

/**
 * Leaf paths of the declaration, stopping at paths that have a comparator (a comparator sees the value whole).
 */
function declaredPaths(definition: ResourceDefinition, declared: Record<string, unknown>): PropertyPath[] {
  const comparatorPaths = Object.keys(definition.comparators ?? {}).map((p) => p.split("."));
  return leafPaths(declared).map((path) => {
    const stop = comparatorPaths.find((c) => c.length <= path.length && c.every((key, i) => path[i] === key));
    return stop ?? path;
  }).filter((path, index, all) => all.findIndex((other) => formatPath(other) === formatPath(path)) === index);
}

export function declaredDifferences(
  definition: ResourceDefinition,
  declared: Record<string, unknown>,
  current: Record<string, unknown>,
): Difference[] {
  const properties = definition.properties as Record<string, { secret?: true } | undefined>;
  const differences: Difference[] = [];
  for (const path of declaredPaths(definition, declared)) {
    const dotted = formatPath(path);
    const want = getPath(declared, path);
    const have = getPath(current, path);
    const secret = Object.hasOwn(properties, path[0]!) && properties[path[0]!]?.secret === true;
    if (isUnknown(want)) {
      differences.push({ path: dotted, declared: want, actual: have, secret, unknown: true });
      continue;
    }
    const comparators = definition.comparators ?? {};
    const comparator = Object.hasOwn(comparators, dotted) ? comparators[dotted] : undefined;
    const same = comparator ? equal(comparator(want, declared, current), comparator(have, current, declared)) : equal(want, have);
    if (!same) differences.push({ path: dotted, declared: want, actual: have, secret, unknown: false });
  }
  return differences;
}

/** Top-level properties whose change forces replacement, among the differences. */
export function replacementsAmong(definition: ResourceDefinition, differences: readonly Difference[]): string[] {
  const properties = definition.properties as Record<string, { replaceOnChange?: true; scope?: true; source: string }>;
  const roots = new Set(differences.map((d) => d.path.split(".")[0]!));
  return [...roots].filter((root) => {
    const spec = properties[root];
    if (!spec) return false;
    if (spec.replaceOnChange || spec.scope || spec.source === "createOnly") return true;
    return definition.update === "replace" && spec.source === "live";
  });
}
