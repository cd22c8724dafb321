/**
 * Differences between what the user declared and what Zoom has, on the declared properties only: a value the
 * user never wrote (Zoom's server-side default, a generated passcode) can never cause a diff.
 *
 * Used by `diff` (plan), `update` (which fields to send) and the drift report (which properties drifted).
 */
import type { ResourceDefinition } from "./definition";
import { rulesOf, satisfies, type EqualityRules } from "./equality";
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

/** Every equality rule of a definition (its own, plus emails found in its schema), computed once. */
const RULES = new WeakMap<ResourceDefinition, EqualityRules>();

export function equalityRules(definition: ResourceDefinition): EqualityRules {
  let rules = RULES.get(definition);
  if (!rules) {
    rules = rulesOf(definition.schema, definition.equality);
    RULES.set(definition, rules);
  }
  return rules;
}

/**
 * Leaf paths of the declaration, stopping at paths that have a rule (a rule sees the value whole). Lists are
 * leaves (see paths.ts), and so are empty objects.
 */
function declaredPaths(rules: EqualityRules, declared: Record<string, unknown>): PropertyPath[] {
  const rulePaths = Object.keys(rules).filter((p) => !p.includes("[]")).map((p) => p.split("."));
  return leafPaths(declared).map((path) => {
    const stop = rulePaths.find((c) => c.length <= path.length && c.every((key, i) => path[i] === key));
    return stop ?? path;
  }).filter((path, index, all) => all.findIndex((other) => formatPath(other) === formatPath(path)) === index);
}

/** True when `current`'s value at the dotted `path` satisfies the declared one, by the definition's rules. */
export function declaredSatisfied(
  definition: ResourceDefinition,
  path: string,
  want: unknown,
  declared: Record<string, unknown>,
  current: Record<string, unknown>,
): boolean {
  return satisfies(want, getPath(current, path.split(".")), path, { rules: equalityRules(definition), declared, current });
}

export function declaredDifferences(
  definition: ResourceDefinition,
  declared: Record<string, unknown>,
  current: Record<string, unknown>,
): Difference[] {
  const properties = definition.properties as Record<string, { secret?: true } | undefined>;
  const rules = equalityRules(definition);
  const differences: Difference[] = [];
  for (const path of declaredPaths(rules, declared)) {
    const dotted = formatPath(path);
    const want = getPath(declared, path);
    const have = getPath(current, path);
    const secret = Object.hasOwn(properties, path[0]!) && properties[path[0]!]?.secret === true;
    if (isUnknown(want)) {
      differences.push({ path: dotted, declared: want, actual: have, secret, unknown: true });
      continue;
    }
    if (!satisfies(want, have, dotted, { rules, declared, current })) {
      differences.push({ path: dotted, declared: want, actual: have, secret, unknown: false });
    }
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
