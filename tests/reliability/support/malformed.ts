/**
 * Malformed Zoom answers, as the emulator's fault plan serves them (`respond`): HTML error pages, empty and
 * truncated bodies, JSON of the wrong kind, objects missing their fields, fields of the wrong type, lists that
 * are not lists or hold junk. And the judge of what the provider made of one: a clear error, or an answer that
 * is right.
 */
import type { Fault } from "../../../emulator";
import { brief } from "./checkAnswer";

const HTML = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>";

/** Every list key our resources read, and every field they normalize, with a value of the wrong type. */
const WRONG_TYPES = {
  id: { nested: true },
  topic: 42,
  type: "two",
  start_time: 17,
  field: [],
  name: null,
  number: false,
  settings: "on",
  tracking_fields: "none",
  recommended_values: 3,
  devices: "none",
  internal_numbers: { id: 1 },
  sip_trunks: 7,
  tsp_accounts: "none",
  templates: [null, 3, "x"],
  meetings: [null, 1],
  next_page_token: 5,
};

export const MALFORMED: readonly { readonly name: string; readonly fault: Extract<Fault, { kind: "respond" }> }[] = [
  { name: "an HTML error page (200)", fault: { kind: "respond", status: 200, body: HTML, contentType: "text/html" } },
  { name: "an HTML gateway page (502)", fault: { kind: "respond", status: 502, body: HTML, contentType: "text/html" } },
  { name: "an empty 200", fault: { kind: "respond", status: 200, body: "", contentType: "application/json" } },
  { name: "truncated JSON", fault: { kind: "respond", status: 200, body: '{"id": 1, "na', contentType: "application/json" } },
  { name: "JSON null", fault: { kind: "respond", status: 200, body: "null", contentType: "application/json" } },
  { name: "a JSON array", fault: { kind: "respond", status: 200, body: "[1,2]", contentType: "application/json" } },
  { name: "an object without fields", fault: { kind: "respond", status: 200, body: "{}", contentType: "application/json" } },
  { name: "fields and lists of the wrong type", fault: { kind: "respond", status: 200, body: JSON.stringify(WRONG_TYPES), contentType: "application/json" } },
];

/** Answers that are JSON objects: the client hands them on, so only the resource layer can catch them. */
export const WELL_FORMED_BUT_WRONG = MALFORMED.filter((m) => ["an object without fields", "fields and lists of the wrong type"].includes(m.name));

export type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

export async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * What is wrong with a failure: undefined when it is a clear error, an Error of ours that says which resource
 * and what was being done (`reading zoom:Meeting "x"`), with no stack trace in its message. JavaScript's own
 * errors (TypeError from reading a field of null, ...) are crashes, not answers.
 */
export function unclear(error: unknown, kind: string, verb: string): string | undefined {
  if (!(error instanceof Error)) return `threw a non-Error: ${brief(error)}`;
  if (["TypeError", "RangeError", "URIError", "SyntaxError", "ReferenceError"].includes(error.name)) {
    return `crashed with a ${error.name}: ${error.message.slice(0, 300)}`;
  }
  if (!error.message.includes(`${verb} zoom:${kind}`)) return `does not say "${verb} zoom:${kind}": ${error.message.slice(0, 400)}`;
  if (/\n\s+at /.test(error.message)) return `a stack trace in the message: ${error.message.slice(0, 300)}`;
  return undefined;
}
