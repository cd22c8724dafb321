/**
 * Inputs Zoom needs in the same request (ResourceDefinition.sendTogether). Zoom lets one field decide another:
 * a meeting's waiting room turns join-before-host off, and a meeting made recurring (`type` 8) is refused
 * without its `recurrence`. A body shaped from the changed paths alone (or from a declaration that leaves the
 * partner out) would then be refused, or accepted and undone, and the plan would never settle. Each rule says
 * which partner goes with which field; the framework applies them to every create and update body, after the
 * paths are widened to whole objects (wholeObjects.ts) and before the definition's own body shaping.
 */
import type { UserProps } from "./state";
import { isPlainObject } from "./case";
import { getPath, parsePath, setPath, type PropertyPath } from "./paths";
import { widenToWholeObjects } from "./wholeObjects";

/** One rule, by dotted camelCase paths of the declaration (ResourceDefinition.sendTogether). */
export interface TogetherRule<Path extends string = string> {
  /** The field whose presence in the body calls for the partner (`settings.joinBeforeHost`). */
  readonly when: Path;
  /** Only when the body carries this value there (`true`); any value when absent. */
  readonly is?: string | number | boolean;
  /** The partner (`settings.waitingRoom`): its declared value is sent with it, whole where Zoom validates it whole. */
  readonly send: Path;
  /**
   * What is sent when the declaration leaves the partner out (`false`: join-before-host declared alone means
   * "waiting room off"). Without it an undeclared partner is not sent: Zoom keeps its own.
   */
  readonly otherwise?: string | number | boolean;
  /** Why Zoom needs them together: shown on the resource's reference page. */
  readonly why: string;
}

/**
 * `body` (camelCase, already restricted to what is being sent) with every partner the rules call for: each
 * taken from `declared` (the declaration, of the keys this request may carry), widened to the object Zoom
 * validates whole around it, or the rule's `otherwise` when undeclared. A partner already in the body is left
 * as it is. A partner may call for its own partner, so rules apply until none adds anything.
 */
export function withPartners(
  body: UserProps,
  declared: UserProps,
  rules: readonly TogetherRule[],
  wholeObjects: readonly string[],
): UserProps {
  let out = body;
  const done = new Set<TogetherRule>();
  for (let added = true; added; ) {
    added = false;
    for (const rule of rules) {
      if (done.has(rule)) continue;
      const at = getPath(out, parsePath(rule.when));
      if (at === undefined || (rule.is !== undefined && at !== rule.is)) continue;
      done.add(rule);
      if (getPath(out, parsePath(rule.send)) !== undefined) continue;
      const whole = parsePath(widenToWholeObjects([rule.send], wholeObjects)[0]!);
      const value = getPath(declared, whole);
      if (value !== undefined) out = copiedWith(out, whole, value);
      else if (rule.otherwise !== undefined) out = copiedWith(out, parsePath(rule.send), rule.otherwise);
      else continue;
      added = true;
    }
  }
  return out;
}

/** A copy of `target` with `value` at `path`: the objects on the way are copied, so the declaration's stay as they are. */
function copiedWith(target: UserProps, path: PropertyPath, value: unknown): UserProps {
  const out: UserProps = { ...target };
  let current = out;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    current[key] = isPlainObject(next) ? { ...next } : {};
    current = current[key] as UserProps;
  }
  setPath(current, path.slice(-1), value);
  return out;
}
