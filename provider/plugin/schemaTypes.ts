/**
 * Pulumi package-schema types from the JSON Schema of a kind's zod schema (the same JSON Schema the docs and
 * `zoom.schema.json` are made from): primitives, arrays, maps, unions, and named object and enum types
 * (`zoom:index:MeetingSettings`, `zoom:index:MeetingSettingsApprovalType`) collected in a `TypeTable`.
 *
 * What Pulumi's schema cannot say (patterns, lengths, ranges, formats) stays in the provider's Check, which
 * validates with the zod schema itself; the descriptions carry the rules in words.
 */
import { isPlainObject } from "../framework/case";
import type { JsonSchema } from "../yaml/jsonSchema";

export const PACKAGE = "zoom";
export const MODULE = "index";

/** A Pulumi type reference (`typeSpec` in Pulumi's metaschema). */
export type TypeSpec = Record<string, unknown>;
/** A Pulumi property (`propertySpec`): a type reference with a description and flags. */
export type PropertySpec = TypeSpec & { description?: string; default?: string | number | boolean; secret?: true; replaceOnChanges?: true };

export interface EnumValue {
  readonly value: string | number;
  readonly name: string;
  readonly description?: string;
}

/** A named type of the package (`complexTypeSpec`): an object or an enum. */
export type ComplexType =
  | { readonly type: "object"; readonly description: string; readonly properties: Record<string, PropertySpec>; readonly required?: string[] }
  | { readonly type: "string" | "integer" | "number"; readonly description: string; readonly enum: EnumValue[] };

/** The named types met so far, by token; a token made twice for different shapes is a generator error. */
export class TypeTable {
  private readonly types = new Map<string, ComplexType>();

  /** Registers `type` under `zoom:index:<name>` and returns a reference to it. */
  define(name: string, type: ComplexType): TypeSpec {
    const token = `${PACKAGE}:${MODULE}:${name}`;
    const existing = this.types.get(token);
    if (existing && JSON.stringify(existing) !== JSON.stringify(type)) throw new Error(`two different types would be named ${token}`);
    this.types.set(token, type);
    return { $ref: `#/types/${token}` };
  }

  /** The types by token, sorted (a stable file). */
  toJSON(): Record<string, ComplexType> {
    return Object.fromEntries([...this.types].sort(([a], [b]) => a.localeCompare(b)));
  }
}

export const pascal = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1);

/** The name of one element of a list property: `trackingFields` → `TrackingField`, `labels` → `Label`. */
function elementName(name: string): string {
  return /[^s]s$/.test(name) ? name.slice(0, -1) : `${name}Item`;
}

/** An identifier from words or a value: `recurring without a fixed time` → `RecurringWithoutAFixedTime`. */
function identifier(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(pascal)
    .join("");
}

/**
 * Names for an enum's values. Zod's integer enums carry their meaning in the description ("`1` daily, `2`
 * weekly"): when it names every value, those words name them (`Daily`); otherwise `Value1`, `ValueMinus1`.
 * String values name themselves (`follow_setting` → `FollowSetting`, `H.323` → `H323`).
 */
function enumValues(values: readonly (string | number)[], description: string | undefined): EnumValue[] {
  const described = new Map<number, string>();
  for (const match of (description ?? "").matchAll(/`(-?\d+)`\s*(?:=\s*)?([^,;.`(]+)/g)) described.set(Number(match[1]), match[2]!.trim());
  const out = values.map((value): EnumValue => {
    if (typeof value === "string") return { value, name: /^[0-9]/.test(identifier(value)) ? `Value${identifier(value)}` : identifier(value) };
    const words = described.get(value);
    if (words !== undefined && identifier(words) && /^[A-Za-z]/.test(identifier(words))) return { value, name: identifier(words), description: words };
    return { value, name: value < 0 ? `ValueMinus${-value}` : `Value${value}` };
  });
  const named = out.every((entry) => typeof entry.value === "string" || entry.description !== undefined);
  const unique = new Set(out.map((entry) => entry.name)).size === out.length;
  if (named && unique) return out;
  return out.map((entry) =>
    typeof entry.value === "string" ? entry : { value: entry.value, name: entry.value < 0 ? `ValueMinus${-entry.value}` : `Value${entry.value}` },
  );
}

/** The one JSON type of a schema (`["string", "null"]` is a string Pulumi may leave unset). */
function jsonType(schema: JsonSchema): string | undefined {
  if (typeof schema.type === "string") return schema.type;
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== "null");
    return types.length === 1 && typeof types[0] === "string" ? types[0] : undefined;
  }
  return undefined;
}

/**
 * The Pulumi type of a JSON Schema; `name` is the type name a named type made here would get
 * (`MeetingSettings` for Meeting's `settings`).
 */
export function typeOf(schema: JsonSchema, name: string, table: TypeTable): TypeSpec {
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((value): value is string | number => typeof value === "string" || typeof value === "number");
    const type = values.every((value) => typeof value === "string") ? "string" : values.every(Number.isInteger) ? "integer" : "number";
    const description = typeof schema.description === "string" ? schema.description : `The values of ${name}.`;
    return table.define(name, { type, description, enum: enumValues(values, description) });
  }
  if ("const" in schema && (typeof schema.const === "string" || typeof schema.const === "number")) {
    return typeOf({ ...schema, enum: [schema.const] }, name, table);
  }
  const branches = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (branches) {
    const types = branches.filter(isPlainObject).map((branch, i) => typeOf(branch, `${name}${i}`, table));
    return types.length === 1 ? types[0]! : { oneOf: types };
  }
  switch (jsonType(schema)) {
    case "string":
    case "boolean":
    case "integer":
    case "number":
      return { type: jsonType(schema) };
    case "array":
      return { type: "array", items: isPlainObject(schema.items) ? typeOf(schema.items, elementName(name), table) : { $ref: "pulumi.json#/Any" } };
    case "object":
      if (isPlainObject(schema.properties)) return table.define(name, objectType(schema, name, table));
      return {
        type: "object",
        additionalProperties: isPlainObject(schema.additionalProperties) ? typeOf(schema.additionalProperties, `${name}Value`, table) : { $ref: "pulumi.json#/Any" },
      };
    default:
      return { $ref: "pulumi.json#/Any" };
  }
}

/** A property: its type, description and primitive default. */
export function propertyOf(schema: JsonSchema, name: string, table: TypeTable): PropertySpec {
  const spec: PropertySpec = { ...typeOf(schema, name, table) };
  if (typeof schema.description === "string") spec.description = schema.description;
  const value = schema.default;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") spec.default = value;
  return spec;
}

/** Properties without a default that a declaration must set. */
export function requiredOf(schema: JsonSchema): string[] {
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === "string") : [];
  return required.filter((key) => !(isPlainObject(properties[key]) && "default" in properties[key]));
}

function objectType(schema: JsonSchema, name: string, table: TypeTable): ComplexType {
  const properties: Record<string, PropertySpec> = {};
  for (const [key, value] of Object.entries(schema.properties as JsonSchema)) {
    if (isPlainObject(value)) properties[key] = propertyOf(value, `${name}${pascal(key)}`, table);
  }
  const required = requiredOf(schema);
  const description = typeof schema.description === "string" ? schema.description : `${name}: see the properties.`;
  return { type: "object", description, properties, ...(required.length > 0 ? { required } : {}) };
}
