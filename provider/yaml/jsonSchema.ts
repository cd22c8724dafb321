/**
 * The JSON Schema of `zoom.yaml`, generated from the same zod schemas the loader and the provider validate
 * with, for editors: with the YAML language server and
 *
 *   # yaml-language-server: $schema=./node_modules/pulumi-zoom/schema/zoom.schema.json
 *
 * a person gets completion, hover documentation and errors as they type. Draft 7, which every YAML language
 * server supports. The loader stays the authority: a schema cannot express cross-object rules (references
 * resolve, recommended values) or zod refinements (a valid IANA time zone), so it accepts a little more.
 */
import { z } from "zod";
import { isPlainObject } from "../framework/case";
import type { ResourceDefinition } from "../framework/definition";
import { LOOKUPS } from "../lookups";
import type { LookupDefinition } from "../lookups/definition";
import { LOOKUPS_SECTION } from "./lookups";
import { CONFIG_ROOT } from "./references";
import { availableSections, LOGICAL_NAME, SECTION_TITLES } from "./sections";

export type JsonSchema = Record<string, unknown>;

const DRAFT_7 = "http://json-schema.org/draft-07/schema#";
const REFERENCE_REF = { $ref: "#/definitions/reference" };
/** Annotation keywords shown on hover: kept on the outer schema when a value is wrapped to accept references. */
const ANNOTATIONS = ["title", "description", "default", "examples"] as const;

/**
 * A property value may be a reference to another object's property instead (see references.ts): every value
 * below an object's top level accepts one.
 */
function acceptingReference(schema: JsonSchema): JsonSchema {
  const inner = acceptReferencesBelow(schema);
  const outer: JsonSchema = {};
  for (const key of ANNOTATIONS) {
    if (key in inner) {
      outer[key] = inner[key];
      delete inner[key];
    }
  }
  if (Array.isArray(inner.anyOf) && Object.keys(inner).length === 1) {
    return { ...outer, anyOf: [...(inner.anyOf as unknown[]), REFERENCE_REF] };
  }
  return { ...outer, anyOf: [inner, REFERENCE_REF] };
}

/** Wraps every property and array item of `schema` (a copy) with `acceptingReference`. */
function acceptReferencesBelow(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (isPlainObject(out.properties)) {
    const properties: JsonSchema = {};
    for (const [key, value] of Object.entries(out.properties)) {
      properties[key] = isPlainObject(value) ? acceptingReference(value) : value;
    }
    out.properties = properties;
  }
  if (isPlainObject(out.items)) out.items = acceptingReference(out.items);
  if (Array.isArray(out.anyOf)) out.anyOf = out.anyOf.map((branch) => (isPlainObject(branch) ? acceptReferencesBelow(branch) : branch));
  return out;
}

const inputSchemas = new WeakMap<ResourceDefinition, JsonSchema>();

/** A kind's input schema as JSON Schema (what a declaration may contain), without the reference alternatives. */
export function inputJsonSchema(definition: ResourceDefinition): JsonSchema {
  let schema = inputSchemas.get(definition);
  if (!schema) {
    schema = z.toJSONSchema(definition.schema, { io: "input", target: "draft-7", unrepresentable: "any" }) as JsonSchema;
    inputSchemas.set(definition, schema);
  }
  return schema;
}

/** A JSON value's type as JSON Schema names it; `integer` counts as `number`. */
export type JsonType = "string" | "number" | "boolean" | "object" | "array" | "null";

function typesOf(schema: JsonSchema): Set<JsonType> | undefined {
  const types = new Set<JsonType>();
  const add = (type: unknown) => {
    if (type === "integer") types.add("number");
    else if (typeof type === "string") types.add(type as JsonType);
  };
  if (Array.isArray(schema.type)) schema.type.forEach(add);
  else add(schema.type);
  for (const value of Array.isArray(schema.enum) ? schema.enum : "const" in schema ? [schema.const] : []) {
    add(value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
  }
  if (Array.isArray(schema.anyOf)) {
    for (const branch of schema.anyOf) {
      const inner = isPlainObject(branch) ? typesOf(branch) : undefined;
      if (!inner) return undefined;
      inner.forEach((type) => types.add(type));
    }
  }
  return types.size > 0 ? types : undefined;
}

/**
 * The JSON types a declaration of `definition` accepts at `path` (`["settings", "waitingRoom"]`,
 * `["trackingFields", 0, "value"]`), or undefined when the schema does not say (then anything may go there).
 */
export function typesAt(definition: ResourceDefinition, path: readonly (string | number)[]): Set<JsonType> | undefined {
  let schema: JsonSchema | undefined = inputJsonSchema(definition);
  for (const step of path) {
    if (!schema) return undefined;
    if (typeof step === "number" || /^\d+$/.test(step)) schema = isPlainObject(schema.items) ? schema.items : undefined;
    else schema = isPlainObject(schema.properties) && isPlainObject(schema.properties[step]) ? schema.properties[step] : undefined;
  }
  return schema ? typesOf(schema) : undefined;
}

/** One kind's object schema: its zod schema as JSON Schema, titled, with its description. */
export function objectSchema(definition: ResourceDefinition): JsonSchema {
  const { $schema: _draft, description, ...rest } = inputJsonSchema(definition);
  return {
    title: definition.kind,
    description: typeof description === "string" ? description : definition.description,
    ...acceptReferencesBelow(rest),
  };
}

/** One lookup's declaration: `{function: "<name>", arguments: {...}}`, its arguments from the lookup's zod schema. */
function lookupSchema(definition: LookupDefinition): JsonSchema {
  const { $schema: _draft, description: _description, ...args } = z.toJSONSchema(definition.args, { io: "input", target: "draft-7", unrepresentable: "any" }) as JsonSchema;
  return {
    title: definition.name,
    description: definition.description,
    type: "object",
    required: ["function"],
    additionalProperties: false,
    properties: {
      function: { const: definition.name },
      arguments: { title: `${definition.name} arguments`, ...acceptReferencesBelow(args) },
    },
  };
}

/** The whole file's schema, for every section whose kind this version of pulumi-zoom has. */
export function buildJsonSchema(): JsonSchema {
  const sections = availableSections();
  const definitions: JsonSchema = {};
  const properties: JsonSchema = {};
  for (const { key, definition } of sections) {
    definitions[definition.kind] = objectSchema(definition);
    properties[key] = {
      title: SECTION_TITLES[key],
      description: `${definition.kind} objects by logical name: \`${key}.<name>\` with the properties of a zoom:${definition.kind}.`,
      type: ["object", "null"],
      propertyNames: { pattern: LOGICAL_NAME.source },
      additionalProperties: { $ref: `#/definitions/${definition.kind}` },
    };
  }
  for (const lookup of LOOKUPS) definitions[`lookup.${lookup.name}`] = lookupSchema(lookup);
  properties[LOOKUPS_SECTION] = {
    title: "Lookups",
    description:
      "Pulumi functions (zoom.getUser, zoom.getSipTrunk, ...) by name: `lookups.<name>` with `function` and `arguments`; objects use a result field as `${lookups.<name>.<field>}`.",
    type: ["object", "null"],
    propertyNames: { pattern: LOGICAL_NAME.source },
    additionalProperties: { oneOf: LOOKUPS.map((lookup) => ({ $ref: `#/definitions/lookup.${lookup.name}` })) },
  };
  const name = "[A-Za-z_][A-Za-z0-9_-]*";
  definitions.reference = {
    title: "Reference",
    description:
      "A value known when Pulumi runs: a property of another object in this file, `${<section>.<name>.<property>}` (e.g. `${meetings.standup.meetingId}`), a lookup's result field, `${lookups.<name>.<field>}`, or a stack config value, `${config.<key>}`. Always the whole value, never part of a string; write `$${` for a literal `${`.",
    type: "string",
    pattern: `^\\$\\{((${[...sections.map((section) => section.key), LOOKUPS_SECTION].join("|")})\\.${name}\\.${name}|${CONFIG_ROOT}\\.${name})\\}$`,
  };
  return {
    $schema: DRAFT_7,
    title: "pulumi-zoom desired state (zoom.yaml)",
    description:
      "Zoom objects declared by kind and logical name, loaded with `new ZoomStack(name, { file })` and checked with `pulumi-zoom validate`.",
    type: "object",
    additionalProperties: false,
    properties,
    definitions,
  };
}

/** The committed file's exact text. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
