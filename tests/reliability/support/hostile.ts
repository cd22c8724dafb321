/**
 * Hostile values, and fast-check arbitraries of declarations built from a resource's own zod schema: mostly the
 * right shape (so validation gets past the first property and into the interesting corners), with any value
 * replaced now and then by a hostile string, a value of the wrong type, a preview unknown, or junk keys.
 */
import fc from "fast-check";
import { z } from "zod";
import { DECLARED_KEY, INCOMPLETE_KEY, PROVIDER_KEY } from "../../../provider/framework/stateKeys";
import { UNKNOWN } from "../../../provider/framework/unknown";
import { unwrapSchema } from "../../../provider/framework/validate";

/** One megabyte: built once and shared, so runs that pick it stay fast. */
export const ONE_MEGABYTE = "x".repeat(1024 * 1024);

/**
 * Strings that try to leave a URL path segment or a header, or to trip string handling: traversal, separators,
 * percent-encoded separators, CR/LF (header injection), NUL, a 1 MB value, characters outside the BMP, lone
 * surrogates (which encodeURIComponent cannot encode), a right-to-left override, prototype keys.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "..",
  ".",
  "../",
  "../../users/me",
  "a/../b",
  "/",
  "me/meetings",
  "?",
  "a?b=c",
  "#",
  "a#b",
  "%2F",
  "..%2F..%2F",
  "%2e%2e",
  "%",
  "%zz",
  "\r\n",
  "abc\r\nX-Injected: 1",
  "abc\nSet-Cookie: a=b",
  "\u0000",
  "a\u0000b",
  ONE_MEGABYTE,
  "😀",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧",
  "\uD800",
  "\uDC00",
  "x\uD83D",
  "\uDE00x",
  "\u202Eevil",
  "__proto__",
  "constructor",
  " ",
  "",
  UNKNOWN,
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 8 })).map(([a, b]) => a + b),
);

/** A value of some type: for "wrong type" replacements. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { maxDepth: 2 },
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53 + 1),
  hostileString,
  fc.array(fc.oneof(fc.integer(), hostileString), { maxLength: 3 }),
  fc.dictionary(hostileString, fc.oneof(fc.integer(), hostileString), { maxKeys: 3 }),
);

/** Keys a declaration should not have: typos, prototype keys, framework keys. */
const junkKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", PROVIDER_KEY, DECLARED_KEY, INCOMPLETE_KEY, "topik", "userID", "id"),
  fc.string({ maxLength: 12 }),
);

/** Values of the right type for one schema node, valid or nearly so. */
function shaped(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) return objectOf(inner, depth + 1);
  if (inner instanceof z.ZodArray) return fc.array(declarationValue(inner.element as z.ZodType, depth + 1), { maxLength: 4 });
  if (inner instanceof z.ZodUnion) return fc.oneof(...(inner.options as z.ZodType[]).map((option) => shaped(option, depth)));
  if (inner instanceof z.ZodEnum) return fc.constantFrom(...(inner.options as (string | number)[]));
  if (inner instanceof z.ZodLiteral) return fc.constantFrom(...([...inner.values] as unknown[]));
  if (inner instanceof z.ZodBoolean) return fc.boolean();
  if (inner instanceof z.ZodNumber) return fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.integer());
  if (inner instanceof z.ZodString || inner instanceof z.ZodEmail) {
    return fc.oneof(
      fc.string({ minLength: 1, maxLength: 16 }),
      fc.stringMatching(/^[A-Za-z0-9._@+-]{1,20}$/),
      fc.constantFrom("me", "user@example.com", "+14155550100", "US", "2030-01-01T10:00:00Z", "Europe/Berlin", "12345678", "192.0.2.1"),
    );
  }
  return anyValue;
}

/** A value for a declared property: usually shaped, sometimes hostile, of the wrong type, or unknown. */
function declarationValue(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return anyValue;
  return fc.oneof(
    { arbitrary: shaped(schema, depth), weight: 6 },
    { arbitrary: hostileString, weight: 2 },
    { arbitrary: anyValue, weight: 1 },
    { arbitrary: fc.constant(UNKNOWN), weight: 1 },
  );
}

function objectOf(schema: z.ZodObject, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const known = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, declarationValue(value, depth)]));
  return fc
    .tuple(
      fc.record(known, { requiredKeys: [] }),
      fc.dictionary(junkKey, anyValue, { maxKeys: depth === 1 ? 2 : 1 }),
      fc.integer({ min: 0, max: 9 }),
    )
    .map(([declared, junk, dice]) => {
      // Junk keys on one declaration in ten. defineProperty: a plain assignment of "__proto__" would set the
      // prototype instead of a key, and JSON from a program (or YAML) can carry that key as data.
      const out: Record<string, unknown> = { ...declared };
      if (dice === 0) for (const [key, value] of Object.entries(junk)) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/**
 * Arbitrary declarations for a resource, from its schema. Always an object: the host hands `check` a protobuf
 * Struct, so a declaration that is a string or a number never arrives as one.
 */
export function declarations(schema: z.ZodObject): fc.Arbitrary<Record<string, unknown>> {
  return objectOf(schema, 1);
}

/**
 * Declarations near a valid one: a valid declaration with up to two properties replaced by what `declarations`
 * would put there (a hostile string, a value of the wrong type, a preview unknown, another shaped value) or
 * removed. Arbitrary declarations alone are almost never valid where a resource has many constrained properties
 * (not one of 10,000 Meeting, InternalNumber or TspAccount ones was), which leaves `check`'s accepting side
 * untested.
 */
export function nearValid(valid: fc.Arbitrary<Record<string, unknown>>, schema: z.ZodObject): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(schema.shape);
  return fc.tuple(valid, declarations(schema), fc.subarray(keys, { maxLength: 2 })).map(([base, other, replaced]) => {
    const out: Record<string, unknown> = { ...base };
    for (const key of replaced) {
      if (Object.prototype.hasOwnProperty.call(other, key)) out[key] = other[key];
      else delete out[key];
    }
    return out;
  });
}
