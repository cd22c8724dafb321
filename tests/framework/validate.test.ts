/**
 * Check failures inside arrays: the reason shows the value found at the index zod reports, and preview
 * unknowns inside array items are not judged. No API call.
 */
import { z } from "zod";
import { UNKNOWN } from "../../provider/framework/unknown";
import { validate } from "../../provider/framework/validate";

const schema = z.strictObject({
  items: z.array(z.strictObject({ kind: z.enum(["a", "b"]), size: z.int() })),
});

test("a failure inside an array item names the value at that index", () => {
  const result = validate(schema, { items: [{ kind: "a", size: 1 }, { kind: "c", size: "2" }] });
  expect(result).toEqual({
    ok: false,
    failures: [
      { property: "items.1.kind", reason: 'expected one of "a", "b", got "c"' },
      { property: "items.1.size", reason: "expected number, got string" },
    ],
  });
});

test("a preview unknown inside an array item is not a failure", () => {
  expect(validate(schema, { items: [{ kind: UNKNOWN, size: 1 }, UNKNOWN] }).ok).toBe(true);
});
