/**
 * How the engine turns a provider's DiffResponse into a step decision (pkg/resource/deploy/step_generator.go:
 * diffResource, applyReplaceOnChanges, continueStepsFromDiff), without a host, so it can be tested on its own.
 */
import type { DiffResult } from "./engineHost";
import { changedKeys, reveal, type PropertyMap } from "./values";

/** The engine's view of a diff after diffResource and applyReplaceOnChanges. */
export interface StepDiff {
  changes: "none" | "some";
  /** Keys that force a replacement: the provider's `replaces`, plus `replaceOnChanges` matches. */
  replaceKeys: string[];
  /** The provider's `diffs` (none from the dynamic host), or the engine's own input comparison on DIFF_UNKNOWN. */
  changedKeys: string[];
  deleteBeforeReplace: boolean;
  /** The provider's answer, as it came. */
  provider: DiffResult;
}

/**
 * diffResource: DIFF_UNKNOWN (a dynamic provider without `diff`, or whose `diff` left `changes` undefined) makes the
 * engine compare old and new inputs itself, secrets unwrapped, with `ignoreChanges` keys taken from the old inputs;
 * that comparison also yields the changed keys. DIFF_SOME / DIFF_NONE are taken as they are, with the provider's
 * `diffs` as changed keys.
 */
export function interpretDiff(result: DiffResult, oldInputs: PropertyMap, newInputs: PropertyMap, ignoreChanges: readonly string[] = []): StepDiff {
  const base = { replaceKeys: [...result.replaces], deleteBeforeReplace: result.deleteBeforeReplace, provider: result };
  if (result.changes !== "unknown") return { ...base, changes: result.changes, changedKeys: [...result.changedKeys] };
  const compared = changedKeys(oldInputs, ignoreTopLevel(newInputs, oldInputs, ignoreChanges));
  return { ...base, changes: compared.length > 0 ? "some" : "none", changedKeys: compared };
}

/** The special key `replaceOnChanges` can name to replace a resource that has init errors. */
export const INIT_ERROR_KEY = "#initerror";

/**
 * applyReplaceOnChanges: a changed key becomes a replace key when a `replaceOnChanges` path contains it. It matches
 * against the CHANGED keys only (the provider's `diffs`, or the engine's own comparison on DIFF_UNKNOWN), so with a
 * dynamic provider whose `diff` answers true/false it never matches. Init errors plus a path containing "#initerror"
 * force a replacement. Paths are top-level keys or "*" here; nested paths are refused (not modelled).
 */
export function applyReplaceOnChanges(diff: StepDiff, replaceOnChanges: readonly string[], hasInitErrors: boolean): StepDiff {
  if (diff.changes !== "some" && !hasInitErrors) return diff;
  for (const path of replaceOnChanges) {
    if (path !== "*" && /[.[\]]/.test(path) && path !== INIT_ERROR_KEY) {
      throw new Error(`harness: nested replaceOnChanges path "${path}" is not modelled`);
    }
  }
  const contains = (path: string, key: string): boolean => path === "*" || path === key;
  const replaceKeys = new Set(diff.replaceKeys);
  for (const key of diff.changedKeys) if (replaceOnChanges.some((p) => contains(p, key))) replaceKeys.add(key);
  let changes = diff.changes;
  if (hasInitErrors && replaceOnChanges.some((p) => contains(p, INIT_ERROR_KEY))) {
    replaceKeys.add(INIT_ERROR_KEY);
    changes = "some";
  }
  return { ...diff, changes, replaceKeys: [...replaceKeys] };
}

/**
 * processIgnoreChanges for top-level keys: each ignored key takes the old value (or stays absent). Nested paths are
 * refused rather than half-applied.
 */
export function ignoreTopLevel(inputs: PropertyMap, oldInputs: PropertyMap, ignore: readonly string[]): PropertyMap {
  if (ignore.length === 0) return inputs;
  const result: PropertyMap = { ...inputs };
  for (const key of ignore) {
    if (/[.[\]*]/.test(key)) throw new Error(`harness: nested ignoreChanges path "${key}" is not modelled`);
    if (key in oldInputs) result[key] = oldInputs[key];
    else delete result[key];
  }
  return result;
}

/** RefreshStep.ResultOp for an external resource: outputs compared, inputs ignored. */
export function outputsDiffer(before: PropertyMap, after: PropertyMap): boolean {
  return changedKeys(reveal(before) as PropertyMap, reveal(after) as PropertyMap).length > 0;
}
