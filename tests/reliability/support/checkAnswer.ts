/**
 * Judging one answer of `check` to an arbitrary declaration: failures that name a property and say why, or
 * inputs the schema accepts. Plain code, no jest matchers: it runs 70,000 times.
 */
import type { z } from "zod";
import { NAME_KEY, PROVIDER_KEY } from "../../../provider/framework/stateKeys";
import { containsUnknown } from "../../../provider/framework/unknown";

const FRAMEWORK_KEYS = new Set([NAME_KEY, PROVIDER_KEY]);
const withoutFrameworkKeys = (props: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(props).filter(([key]) => !FRAMEWORK_KEYS.has(key)));

/**
 * `property` is `key` or a path below it. Keys that would not read as a path are quoted, and long ones are cut
 * short (`"xxxx... (1048578 characters)"`).
 */
function namesAProperty(property: string, keys: readonly string[]): boolean {
  return keys.some((key) => {
    const quoted = JSON.stringify(key);
    if (quoted.length > 60) return property.startsWith(quoted.slice(0, 60));
    return [key, quoted].some((name) => property === name || property.startsWith(`${name}.`));
  });
}

/** A value short enough to print: long strings are cut (the 1 MB ones would drown any report). */
export function brief(value: unknown): string {
  const text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "string" && inner.length > 80 ? `${inner.slice(0, 80)}...(${inner.length})` : inner));
  return text === undefined ? String(value) : text.length > 2000 ? `${text.slice(0, 2000)}...` : text;
}

/** What is wrong with one check answer, or undefined. Plain code, no jest matchers: 70,000 calls stay fast. */
export function problemWith(result: { inputs?: unknown; failures?: readonly { property: string; reason: string }[] }, news: Record<string, unknown>, schema: z.ZodObject, topLevel: readonly string[]): string | undefined {
  const failures = result.failures ?? [];
  if (failures.length > 0) {
    for (const failure of failures) {
      if (typeof failure.reason !== "string" || failure.reason.length === 0) return `a failure without a reason: ${brief(failure)}`;
      if (typeof failure.property !== "string" || failure.property.length === 0) return `a failure without a property: ${brief(failure)}`;
      // The path starts at a property the schema knows or the declaration has (an unknown key, named).
      if (!namesAProperty(failure.property, [...topLevel, ...Object.keys(news)])) return `a failure naming no property: ${brief(failure)}`;
      if (failure.reason.length > 1000 || failure.property.length > 1000) return `a failure too long to read (${failure.reason.length + failure.property.length} characters)`;
    }
    return undefined;
  }
  const inputs = withoutFrameworkKeys(result.inputs as Record<string, unknown>);
  if (containsUnknown(inputs)) return undefined;
  // Accepted: what check hands on is valid, and is what create will send.
  const parsed = schema.safeParse(inputs);
  return parsed.success ? undefined : `accepted inputs the schema refuses: ${brief(parsed.error.issues)}`;
}

