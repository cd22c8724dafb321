/**
 * Request validation with zod, answered as Zoom answers invalid requests (Zoom's "Error definitions" page):
 *   {"code":300,"message":"Validation Failed.","errors":[{"field":"user_info.email","message":"Invalid field."}]}
 * and, for a body that is not a JSON object:
 *   {"code":300,"message":"Request Body should be a valid JSON object."}
 */
import { z } from "zod";
import { ZoomHttpError } from "../types";

export const NOT_A_JSON_OBJECT = "Request Body should be a valid JSON object.";

export function invalidJsonBody(): ZoomHttpError {
  return new ZoomHttpError(400, 300, NOT_A_JSON_OBJECT);
}

/** `settings.jbh_time`, `tracking_fields[0].field`. */
function fieldName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += (out ? "." : "") + String(part);
  }
  return out;
}

export function invalidFields(fields: readonly string[]): ZoomHttpError {
  return new ZoomHttpError(
    400,
    300,
    "Validation Failed.",
    fields.map((field) => ({ field, message: "Invalid field." })),
  );
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  if (schema instanceof z.ZodObject && (typeof value !== "object" || value === null || Array.isArray(value))) {
    throw invalidJsonBody();
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => fieldName(issue.path)))];
  throw invalidFields(fields.map((f) => f || "body"));
}
