/**
 * fast-check arbitraries from the resources' zod schemas (the one source of truth): every optional property is
 * sometimes present and sometimes absent, nested objects and lists included, and values honour the schema's
 * lengths, bounds, patterns, enums and literals. Whole-object rules (zod refinements) are honoured by filtering
 * with the schema itself. `overrides` replace the arbitrary at a path (`settings.meetingInvitees[].email`) where
 * validity needs more than the schema knows (unique names, objects that must exist in the account).
 */
import fc from "fast-check";
import { z } from "zod";

export type Overrides = Readonly<Record<string, fc.Arbitrary<unknown>>>;

interface Bag {
  minimum?: number;
  maximum?: number;
  patterns?: Set<RegExp>;
  format?: string;
}

const bagOf = (schema: z.ZodType): Bag => (schema as unknown as { _zod: { bag: Bag } })._zod.bag ?? {};

/** Strings of printable ASCII and a few letters beyond it: what users type into names. */
const text = (min: number, max: number) =>
  fc.string({ minLength: min, maxLength: max, unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-_.åøü€".split("")) });

const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), fc.constantFrom("example.com", "x.org", "corp.example.net"), fc.boolean())
  .map(([local, domain, upper]) => (upper ? `${local}@${domain}`.toUpperCase() : `${local}@${domain}`));

function arbitraryAt(schema: z.ZodType, path: string, overrides: Overrides): fc.Arbitrary<unknown> {
  const override = overrides[path];
  if (override) return override;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    return fc.option(arbitraryAt(schema.unwrap() as z.ZodType, path, overrides), { nil: undefined, freq: 2 });
  }
  if (schema instanceof z.ZodPipe) return arbitraryAt(schema.in as z.ZodType, path, overrides);
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const entries = Object.fromEntries(Object.entries(shape).map(([key, inner]) => [key, arbitraryAt(inner, path ? `${path}.${key}` : key, overrides)]));
    return fc.record(entries).map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
  }
  if (schema instanceof z.ZodArray) {
    const bag = bagOf(schema);
    const min = bag.minimum ?? 0;
    return fc.array(arbitraryAt(schema.element as z.ZodType, `${path}[]`, overrides), { minLength: min, maxLength: Math.min(bag.maximum ?? 3, Math.max(min, 3)) });
  }
  if (schema instanceof z.ZodEmail) return email;
  if (schema instanceof z.ZodString) {
    const bag = bagOf(schema);
    const min = bag.minimum ?? 0;
    const max = Math.min(bag.maximum ?? 24, Math.max(min, 24));
    const pattern = [...(bag.patterns ?? [])][0];
    if (pattern) return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= (bag.maximum ?? Infinity));
    return text(min, max);
  }
  if (schema instanceof z.ZodNumber) {
    const bag = bagOf(schema);
    const min = Number.isFinite(bag.minimum) ? bag.minimum! : -1000;
    const max = Number.isFinite(bag.maximum) ? bag.maximum! : 1000;
    return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
  }
  if (schema instanceof z.ZodBoolean) return fc.boolean();
  if (schema instanceof z.ZodLiteral) return fc.constantFrom(...[...schema.values]);
  if (schema instanceof z.ZodEnum) return fc.constantFrom(...(schema.options as unknown[]));
  throw new Error(`zodArbitrary: no arbitrary for ${path || "(root)"} (${schema.constructor.name}); give an override`);
}

/** Valid declarations of `schema`: generated from it, kept only when the schema accepts them whole. */
export function declarations(schema: z.ZodType, overrides: Overrides = {}): fc.Arbitrary<Record<string, unknown>> {
  return arbitraryAt(schema, "", overrides).filter((value) => schema.safeParse(value).success) as fc.Arbitrary<Record<string, unknown>>;
}
