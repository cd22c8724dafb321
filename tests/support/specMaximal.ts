/**
 * The extra fields of spec-maximal answers, derived from Zoom's OpenAPI documents (test data): for each operation
 * the emulator answers with JSON, a value for every property its 2xx response schema allows. The emulator ships
 * its own copy (emulator/core/maximalFields.ts), written from this and checked against it by
 * tests/emulator/specMaximal.test.ts, so the shipped mode never needs the documents.
 */
import { OPERATIONS, type OperationId } from "../../catalogue/operations";
import { PAGINATION_KEYS } from "../../emulator/core/specMaximal";
import { loadZoomSpec } from "./spec";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

/** A valid value for a response schema, or undefined when none can be made without guessing (patterns, unions). */
export function sampleOf(schema: Schema): Json | undefined {
  if (Array.isArray(schema.allOf)) {
    // Zoom composes objects from parts (a list's paging fields and its items): every part's fields.
    const parts = schema.allOf.map((part) => sampleOf(part as Schema));
    if (!parts.every((part) => typeof part === "object" && part !== null && !Array.isArray(part))) return undefined;
    return Object.assign({}, ...parts) as Json;
  }
  if (schema.oneOf || schema.anyOf || schema.pattern) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum[0] as Json;
  switch (schema.type) {
    case "object": {
      const out: Record<string, Json> = {};
      for (const [key, inner] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
        if (PAGINATION_KEYS.includes(key)) continue;
        const value = sampleOf(inner);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case "array": {
      // One item: the template merged into every item of Zoom's list (an absent list is answered empty).
      const item = schema.items ? sampleOf(schema.items as Schema) : undefined;
      return item === undefined ? [] : [item];
    }
    case "string":
      if (schema.format === "date-time") return "2030-01-01T00:00:00Z";
      if (schema.format === "email") return "extra@example.com";
      if (schema.format === "uri" || schema.format === "url") return "https://example.com/extra";
      if (typeof schema.maxLength === "number" && schema.maxLength < 5) return "x".repeat(Math.max(1, Number(schema.minLength ?? 1)));
      return "extra";
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : typeof schema.maximum === "number" ? schema.maximum : 1;
    case "boolean":
      return false;
    default:
      return undefined;
  }
}

/** The spec's 2xx JSON response schema of an operation, or undefined when it answers without JSON. */
function responseSchema(operationId: OperationId): Schema | undefined {
  const spec = loadZoomSpec();
  const { method } = OPERATIONS[operationId];
  const operation = [...spec.all("plain"), ...spec.all("master")].find((o) => o.operationId === operationId && o.method === method);
  if (!operation) return undefined;
  for (const [status, response] of Object.entries(operation.responses)) {
    const schema = response.content?.["application/json"]?.schema as Schema | undefined;
    if (status.startsWith("2") && schema) return schema;
  }
  return undefined;
}

/** Every operation's extra fields, as the spec allows them. */
export function maximalFieldsFromSpec(): Partial<Record<OperationId, Json>> {
  const out: Partial<Record<OperationId, Json>> = {};
  for (const operationId of Object.keys(OPERATIONS) as OperationId[]) {
    const schema = responseSchema(operationId);
    const sample = schema && sampleOf(schema);
    if (sample !== undefined && typeof sample === "object" && sample !== null && Object.keys(sample).length > 0) out[operationId] = sample;
  }
  return out;
}
