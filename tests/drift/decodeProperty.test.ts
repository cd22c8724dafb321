/**
 * Opening a stack export's secrets, generatively: `decodeProperties` returns values without copying what holds
 * no secret (drift's start-up at 5,000 resources), and must still say exactly what the plain definition says.
 * The reference below is that definition, written the obvious way (copy everything, spell every path): for any
 * JSON value with plaintext secrets (nested, even inside each other), encrypted ones and `__proto__` keys mixed
 * in, both give the same values, the same secret paths and the same unreadable paths.
 */
import fc from "fast-check";
import { decodeProperties, SECRET_SIG, SIG_KEY } from "../../provider/drift/stackExport";

const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

interface Reference {
  values: Record<string, unknown>;
  secretPaths: string[];
  unreadablePaths: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function reference(value: Record<string, unknown>): Reference {
  const secrets: string[] = [];
  const unreadable: string[] = [];
  const walk = (v: unknown, path: string): { ok: boolean; value?: unknown } => {
    if (isObject(v) && v[SIG_KEY] === SECRET_SIG) {
      secrets.push(path);
      if (typeof v.plaintext === "string") return walk(JSON.parse(v.plaintext), path);
      unreadable.push(path);
      return { ok: false };
    }
    if (Array.isArray(v)) {
      const items = v.map((item, i) => walk(item, `${path}[${i}]`));
      if (items.some((item) => !item.ok)) {
        unreadable.push(path);
        return { ok: false };
      }
      return { ok: true, value: items.map((item) => item.value) };
    }
    if (isObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(v)) {
        if (PROTOTYPE_KEYS.has(key)) continue;
        const decoded = walk(inner, path ? `${path}.${key}` : key);
        if (decoded.ok) Object.defineProperty(out, key, { value: decoded.value, enumerable: true, writable: true, configurable: true });
      }
      return { ok: true, value: out };
    }
    return { ok: true, value: v };
  };
  const decoded = walk(value, "");
  return {
    values: decoded.ok && isObject(decoded.value) ? decoded.value : {},
    secretPaths: [...new Set(secrets)],
    unreadablePaths: [...new Set(unreadable.filter((p) => !p.endsWith("]")))],
  };
}

const key = fc.oneof(fc.constantFrom("a", "b", "settings", "__proto__", "constructor", "x.y"), fc.string({ maxLength: 4 }));
const encrypted = fc.constant({ [SIG_KEY]: SECRET_SIG, ciphertext: "v1:abc" });
/** JSON values where any node may be a secret: plaintext (holding more of the same) or encrypted. */
const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(key, tie("node"), { maxKeys: 4 }),
    tie("node").map((inner) => ({ [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(inner) })),
    encrypted,
  ),
}));
// As an export holds it: parsed from JSON text, so `__proto__` is an own key, as JSON.parse makes it.
const properties = fc.dictionary(key, node, { maxKeys: 6 }).map((value) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>);

test("decodeProperties says what the plain definition says, for any properties with secrets", () => {
  fc.assert(
    fc.property(properties, (value) => {
      const snapshot = JSON.stringify(value);
      const got = decodeProperties(value, "test");
      const want = reference(JSON.parse(snapshot) as Record<string, unknown>);
      expect(JSON.stringify(got.values)).toBe(JSON.stringify(want.values));
      expect(got.secretPaths).toEqual(want.secretPaths);
      expect(got.unreadablePaths).toEqual(want.unreadablePaths);
      // No own `__proto__` (or other prototype key) survives anywhere in the values.
      expect(JSON.stringify(got.values)).not.toMatch(/"(__proto__|constructor|prototype)":/);
      // The export it was given is left as it was.
      expect(JSON.stringify(value)).toBe(snapshot);
    }),
    { numRuns: 500 },
  );
});
