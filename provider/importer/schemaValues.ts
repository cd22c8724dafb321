/**
 * Live values fitted to a resource's input schema: keys the schema does not know are dropped (Zoom answers with
 * more than a declaration may say, e.g. `settings.globalDialInNumbers`), keys come in the schema's order (so a
 * generated program reads the same whatever order Zoom answered in), and `null`s go.
 */
import { z } from "zod";
import { isPlainObject } from "../framework/case";
import { unwrapSchema } from "../framework/validate";


/** `value` restricted to what `schema` declares; undefined when nothing is left. */
export function conform(schema: z.ZodType | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      const fitted = conform(shape[key], value[key]);
      if (fitted !== undefined) out[key] = fitted;
    }
    // `{}` would be declared as a leaf and compared whole with Zoom's object: better not declared at all.
    return Object.keys(out).length === 0 && Object.keys(value).length > 0 ? undefined : out;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item) => (item === null ? null : (conform(inner.element as z.ZodType, item) ?? item)));
  }
  return value;
}

/** The default a top-level property takes when not declared (`userId` → `me`), if any. */
export function defaultOf(schema: z.ZodType | undefined): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(undefined);
  return parsed.success ? parsed.data : undefined;
}

/** Whether a top-level property may be left out. */
export function isOptional(schema: z.ZodType | undefined): boolean {
  return schema === undefined || schema.safeParse(undefined).success;
}
