/**
 * A resource's input properties as documentation rows, read from the JSON Schema of its zod schema (so types,
 * constraints, defaults and descriptions are exactly what validation enforces), plus what the definition says
 * about each top-level property: what a change does, and whether it is secret.
 */
import { isPlainObject } from "../framework/case";
import type { PropertySpec, ResourceDefinition } from "../framework/definition";
import { inputJsonSchema, type JsonSchema } from "../yaml/jsonSchema";

export interface PropertyRow {
  /** `settings.waitingRoom`, `trackingFields[].value` */
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly constraints: string;
  readonly defaultValue: string;
  readonly onChange: string;
  readonly secret: boolean;
  readonly description: string;
}

/** What changing a top-level property does. */
export function changeEffect(definition: ResourceDefinition, spec: PropertySpec): string {
  if (spec.scope || spec.replaceOnChange || spec.source === "createOnly") return "replaces";
  if (spec.source === "provider") return "state only";
  return definition.update === "replace" ? "replaces" : "updates in place";
}

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.anyOf)) return schema.anyOf.filter(isPlainObject).map(typeOf).join(" or ");
  if (schema.type === "array") return isPlainObject(schema.items) ? `${typeOf(schema.items)}[]` : "array";
  if (typeof schema.type === "string") return schema.type;
  if (Array.isArray(schema.type)) return schema.type.join(" or ");
  return "any";
}

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

function constraintsOf(schema: JsonSchema): string {
  const parts: string[] = [];
  const { minLength, maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minItems, maxItems, format, pattern } = schema;
  if (typeof minLength === "number" && typeof maxLength === "number") parts.push(`${minLength} to ${maxLength} characters`);
  else if (typeof minLength === "number" && minLength > 0) parts.push(`at least ${minLength} character${minLength === 1 ? "" : "s"}`);
  else if (typeof maxLength === "number") parts.push(`at most ${maxLength} characters`);
  const max = typeof maximum === "number" && maximum < SAFE_MAX ? maximum : undefined;
  const min = typeof minimum === "number" && minimum > -SAFE_MAX ? minimum : undefined;
  if (min !== undefined && max !== undefined) parts.push(`${min} to ${max}`);
  else if (min !== undefined) parts.push(`≥ ${min}`);
  else if (max !== undefined) parts.push(`≤ ${max}`);
  if (typeof exclusiveMinimum === "number") parts.push(`> ${exclusiveMinimum}`);
  if (typeof exclusiveMaximum === "number" && exclusiveMaximum < SAFE_MAX) parts.push(`< ${exclusiveMaximum}`);
  if (typeof minItems === "number" && minItems > 0) parts.push(`at least ${minItems} items`);
  if (typeof maxItems === "number") parts.push(`at most ${maxItems} items`);
  // A format names the rule better than the (long) pattern zod derives from it.
  if (typeof format === "string") parts.push(`format: ${format}`);
  else if (typeof pattern === "string") parts.push(`pattern \`${pattern}\``);
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.filter(isPlainObject).map(constraintsOf).filter(Boolean);
    if (branches.length > 0) parts.push(branches.join("; or "));
  }
  if (schema.type === "array" && isPlainObject(schema.items) && !isPlainObject(schema.items.properties)) {
    const items = constraintsOf(schema.items);
    if (items) parts.push(`each: ${items}`);
  }
  return parts.join(", ");
}

/** The object schema under a property, if its value (or each item of it) is an object with properties. */
function nestedObject(schema: JsonSchema): { schema: JsonSchema; suffix: string } | undefined {
  if (isPlainObject(schema.properties)) return { schema, suffix: "." };
  if (schema.type === "array" && isPlainObject(schema.items) && isPlainObject(schema.items.properties)) {
    return { schema: schema.items, suffix: "[]." };
  }
  return undefined;
}

export function propertyRows(definition: ResourceDefinition): PropertyRow[] {
  const specs = definition.properties as Record<string, PropertySpec>;
  const rows: PropertyRow[] = [];
  const visit = (schema: JsonSchema, prefix: string, top: { onChange: string; secret: boolean } | undefined) => {
    const properties = isPlainObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const [key, value] of Object.entries(properties)) {
      if (!isPlainObject(value)) continue;
      const spec = specs[key];
      const inherited = top ?? { onChange: spec ? changeEffect(definition, spec) : "", secret: spec?.secret === true };
      rows.push({
        path: `${prefix}${key}`,
        type: typeOf(value),
        required: required.has(key) && !("default" in value),
        constraints: constraintsOf(value),
        defaultValue: "default" in value ? JSON.stringify(value.default) : "",
        onChange: inherited.onChange,
        secret: inherited.secret,
        description: typeof value.description === "string" ? value.description : "",
      });
      const nested = nestedObject(value);
      if (nested) visit(nested.schema, `${prefix}${key}${nested.suffix}`, inherited);
    }
  };
  visit(inputJsonSchema(definition), "", undefined);
  return rows;
}
