/**
 * Zoom's OpenAPI documents as a test oracle: every answer the emulator gives in a test is checked against the
 * operation it answers (see `emulator.ts` beside this file), and the operations catalogue is checked against
 * the documents.
 *
 * The documents are test data, read from `<repo>/../shared/zoom-openapi/` (or `$ZOOM_OPENAPI_DIR`): the endpoints
 * file for plain paths, the master-account file for `/accounts/{accountId}/...`. They never ship.
 *
 * OpenAPI 3.0 is not JSON Schema: `nullable` becomes a `null` type, boolean `exclusiveMinimum`/`exclusiveMaximum`
 * become numbers, `example`/`x-*` are dropped, and formats ajv does not know (`int64`, `Hex color code`, ...)
 * pass. Nothing is made stricter than the spec: `additionalProperties` stays as the spec has it (absent means
 * allowed), and `required` only where the spec says so.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { SPEC_FILES as FILES, type SpecDocument, specDirectory, specFound } from "./specLocation";
import { SPEC_SUPPLEMENT } from "./specSupplement";

export type { SpecDocument } from "./specLocation";
export { specDirectory, specFound, specMissingNotice } from "./specLocation";


type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface SpecResponse {
  readonly description?: string;
  readonly content?: Record<string, { schema?: JsonObject }>;
}

export interface SpecOperation {
  readonly document: SpecDocument;
  readonly method: string;
  /** As the document writes it, e.g. `/accounts/{accountId}/meetings/{meetingId}`. */
  readonly template: string;
  readonly operationId: string;
  readonly description: string;
  readonly responses: Readonly<Record<string, SpecResponse>>;
}

/** One answer to check. `path` is the raw request path, with or without the `/v2` prefix. */
export interface AnswerToCheck {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType?: string;
  readonly body: string;
  /** The operation the emulator thinks it answered; checked against the documents' when given. */
  readonly operationId?: string;
}

/**
 * Error answers Zoom gives on every operation although most operations do not list them. Each is a
 * (status, code) pair with the reason it is allowed; nothing else undocumented passes.
 */
const CROSS_CUTTING_ERRORS: readonly { status: number; code: number; masterOnly?: boolean; why: string }[] = [
  { status: 401, code: 124, why: "invalid, expired or revoked access token: every operation" },
  { status: 400, code: 300, why: "request validation (\"Validation Failed.\", invalid JSON, bad parameter): every operation" },
  { status: 404, code: 2001, masterOnly: true, why: "unknown account in /accounts/{accountId}: every master-account operation" },
  { status: 429, code: 429, why: "rate limits: every operation (Zoom's rate-limit page)" },
];

/**
 * Known gaps in Zoom's documents, each with the evidence. Kept short on purpose: an entry here is a claim that
 * the spec, not the emulator, is wrong.
 */
const ERRATA_ERRORS: readonly { operationId: string; status: number; code: number; why: string }[] = [
  {
    operationId: "trackingfieldCreate",
    status: 400,
    code: 200,
    why: "duplicate field name: documented on trackingfieldUpdate (\"Tracking field {field} already exists.\") but not on create",
  },
  {
    operationId: "deviceUpdate",
    status: 404,
    code: 404,
    why: "unknown device id: update's 404 lists only 2020 (a name clash, misfiled under 404); delete's 404 for the same unknown id lists no code, and both answer the emulator's not-found code 404",
  },
];

/** Schema corrections, by JSON-pointer-ish location inside a response schema. */
function applyErrata(schema: JsonObject, path: readonly string[]): JsonObject {
  // `recurrence.weekly_days`: the enum lists "1".."7" while the description (and Zoom) take "1,3" for several days.
  if (path[path.length - 1] === "weekly_days" && Array.isArray(schema.enum)) {
    const { enum: _enum, ...rest } = schema;
    return { ...rest, pattern: "^[1-7](,[1-7])*$" };
  }
  return schema;
}

const DROPPED_KEYS = new Set(["example", "examples", "xml", "externalDocs", "discriminator", "deprecated"]);

/** OpenAPI 3.0 schema object -> JSON Schema draft-07 that ajv compiles. */
export function toJsonSchema(node: Json, path: readonly string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, path));
  if (node === null || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYS.has(key) || key.startsWith("x-")) continue;
    if (key === "properties" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      const props: JsonObject = {};
      for (const [name, schema] of Object.entries(value)) props[name] = toJsonSchema(schema, [...path, name]);
      out.properties = props;
    } else if (key === "nullable") {
      continue;
    } else if ((key === "exclusiveMinimum" || key === "exclusiveMaximum") && typeof value === "boolean") {
      continue; // handled below together with minimum/maximum
    } else {
      out[key] = toJsonSchema(value, path);
    }
  }
  if (node.exclusiveMinimum === true && typeof node.minimum === "number") {
    out.exclusiveMinimum = node.minimum;
    delete out.minimum;
  }
  if (node.exclusiveMaximum === true && typeof node.maximum === "number") {
    out.exclusiveMaximum = node.maximum;
    delete out.maximum;
  }
  if (node.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return applyErrata(out, path);
}


const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

interface CompiledTemplate {
  readonly operation: SpecOperation;
  readonly pattern: RegExp;
  readonly literalSegments: number;
}

function compileTemplate(operation: SpecOperation): CompiledTemplate {
  const segments = operation.template.split("/");
  const source = segments
    .map((s) => (/^\{[^}]+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return {
    operation,
    pattern: new RegExp(`^${source}$`),
    literalSegments: segments.filter((s) => s && !s.startsWith("{")).length,
  };
}

export class ZoomSpec {
  private readonly operations: Record<SpecDocument, SpecOperation[]> = { plain: [], master: [] };
  private readonly templates: Record<SpecDocument, CompiledTemplate[]> = { plain: [], master: [] };
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv: Ajv;

  constructor(documents: Record<SpecDocument, JsonObject>) {
    for (const document of ["plain", "master"] as const) {
      const paths = documents[document].paths as Record<string, Record<string, JsonObject>>;
      for (const [template, item] of Object.entries(paths)) {
        for (const [method, op] of Object.entries(item)) {
          if (!HTTP_METHODS.includes(method)) continue;
          this.operations[document].push({
            document,
            method: method.toUpperCase(),
            template,
            operationId: String(op.operationId),
            description: typeof op.description === "string" ? op.description : "",
            responses: (op.responses ?? {}) as Record<string, SpecResponse>,
          });
        }
      }
      this.templates[document] = this.operations[document]
        .map(compileTemplate)
        .sort((a, b) => b.literalSegments - a.literalSegments);
    }
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    for (const format of ["int64", "int32", "double", "float", "byte", "binary", "password", "Hex color code", "string"]) {
      this.ajv.addFormat(format, true);
    }
  }

  /** All operations of a document. */
  all(document: SpecDocument): readonly SpecOperation[] {
    return this.operations[document];
  }

  /** The operation with this method and template, exactly as the document writes the template. */
  operation(document: SpecDocument, method: string, template: string): SpecOperation | undefined {
    return this.operations[document].find((o) => o.method === method.toUpperCase() && o.template === template);
  }

  /** The document that describes a raw API path: the master-account one for `/accounts/...`. */
  static documentFor(apiPath: string): SpecDocument {
    return apiPath.startsWith("/accounts/") ? "master" : "plain";
  }

  /** The operation a request (method and raw path below `/v2`) reaches; literal segments win over placeholders. */
  match(method: string, apiPath: string): SpecOperation | undefined {
    const document = ZoomSpec.documentFor(apiPath);
    return this.templates[document].find(
      (t) => t.operation.method === method.toUpperCase() && t.pattern.test(apiPath),
    )?.operation;
  }

  /** The spec's "Rate Limit Label" of an operation (`LIGHT`, `MEDIUM`, `HEAVY`), undefined when it has none. */
  static rateLimitLabel(operation: SpecOperation): string | undefined {
    const found = /Rate Limit Label\]\([^)]*\):\*\*\s*`([A-Za-z]+)`/.exec(operation.description);
    return found ? found[1].toUpperCase() : undefined;
  }

  /** Zoom error codes a response description lists (`**Error Code:** \`3001\``). */
  static documentedCodes(response: SpecResponse | undefined): number[] {
    return [...(response?.description ?? "").matchAll(/Error Code:\*\*\s*`(\d+)`/g)].map((m) => Number(m[1]));
  }

  /** Everything wrong with an answer, as sentences; empty when it conforms. */
  check(answer: AnswerToCheck): string[] {
    const apiPath = answer.path.startsWith("/v2/") ? answer.path.slice(3) : answer.path;
    const operation = this.match(answer.method, apiPath);
    const problems: string[] = [];
    const body = parseBody(answer.body);
    if (!operation) {
      if (answer.status !== 404) problems.push(`no documented operation, yet answered ${answer.status} (expected 404)`);
      else problems.push(...zoomErrorShape(body));
      return problems;
    }
    if (answer.operationId !== undefined && answer.operationId !== operation.operationId) {
      problems.push(`routed to ${answer.operationId}, but the spec's operation is ${operation.operationId}`);
    }
    const documented = operation.responses[String(answer.status)];
    if (answer.status >= 400) {
      problems.push(...this.checkError(operation, answer.status, documented, body));
      return problems;
    }
    if (!documented) {
      problems.push(`status ${answer.status} is not documented (documented: ${Object.keys(operation.responses).join(", ")})`);
      return problems;
    }
    const schema = documented.content?.["application/json"]?.schema;
    if (answer.status === 204 || (!schema && answer.body === "")) {
      if (answer.body !== "") problems.push(`${answer.status} must have no body`);
      return problems;
    }
    if (!schema) return problems;
    if (!(answer.contentType ?? "").includes("application/json")) {
      problems.push(`content-type ${answer.contentType ?? "(none)"} is not application/json`);
    }
    if (body.kind !== "json") {
      problems.push("body is not JSON");
      return problems;
    }
    const validate = this.validator(operation, answer.status, schema);
    if (!validate(body.value)) {
      for (const error of validate.errors ?? []) {
        problems.push(`body${error.instancePath || ""} ${error.message ?? "is invalid"} ${JSON.stringify(error.params)}`);
      }
    }
    return problems;
  }

  private checkError(operation: SpecOperation, status: number, documented: SpecResponse | undefined, body: ParsedBody): string[] {
    const shape = zoomErrorShape(body);
    if (shape.length > 0) return shape;
    const code = (body as { value: { code: number } }).value.code;
    const exempt =
      CROSS_CUTTING_ERRORS.some(
        (e) => e.status === status && e.code === code && (!e.masterOnly || operation.document === "master"),
      ) || ERRATA_ERRORS.some((e) => e.operationId === operation.operationId && e.status === status && e.code === code);
    if (exempt) return [];
    if (!documented) {
      return [`error status ${status} (code ${code}) is not documented (documented: ${Object.keys(operation.responses).join(", ")})`];
    }
    const codes = ZoomSpec.documentedCodes(documented);
    if (codes.length > 0 && !codes.includes(code)) {
      return [`error code ${code} is not among the documented codes for ${status} (${codes.join(", ")})`];
    }
    return [];
  }

  private validator(operation: SpecOperation, status: number, schema: JsonObject): ValidateFunction {
    const key = `${operation.document} ${operation.method} ${operation.template} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as JsonObject);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

type ParsedBody = { kind: "empty" } | { kind: "json"; value: unknown } | { kind: "text"; text: string };

function parseBody(text: string): ParsedBody {
  if (text === "") return { kind: "empty" };
  try {
    return { kind: "json", value: JSON.parse(text) as unknown };
  } catch {
    return { kind: "text", text };
  }
}

/** Zoom's error body: `{"code": <integer>, "message": <string>, "errors"?: [{field, message}]}`. */
function zoomErrorShape(body: ParsedBody): string[] {
  if (body.kind !== "json" || typeof body.value !== "object" || body.value === null) {
    return ["error body is not a JSON object"];
  }
  const value = body.value as Record<string, unknown>;
  const problems: string[] = [];
  if (!Number.isInteger(value.code)) problems.push("error body has no integer `code`");
  if (typeof value.message !== "string") problems.push("error body has no string `message`");
  if (value.errors !== undefined) {
    const ok =
      Array.isArray(value.errors) &&
      value.errors.every(
        (e: unknown) =>
          typeof e === "object" && e !== null && typeof (e as Record<string, unknown>).field === "string",
      );
    if (!ok) problems.push("error body's `errors` is not a list of {field, message}");
  }
  return problems;
}

/**
 * `describe` when the documents are found, `describe.skip` otherwise: for the tests that read the documents
 * themselves. A fresh clone has no `../shared`; its run prints one line saying these were skipped
 * (`tests/support/globalSetup.ts`), and CI refuses to run without them (`.ci/run`).
 */
export const describeWithSpec: jest.Describe = specFound() ? describe : describe.skip;

/** `test` or `test.skip`, as `describeWithSpec`. */
export const testWithSpec: jest.It = specFound() ? test : test.skip;

let loaded: ZoomSpec | undefined;

/** The two documents, parsed once per process. Throws a clear error when they are not where they should be. */
export function loadZoomSpec(): ZoomSpec {
  if (loaded) return loaded;
  const dir = specDirectory();
  const read = (document: SpecDocument): JsonObject => {
    const file = join(dir, FILES[document]);
    if (!existsSync(file)) {
      throw new Error(
        `Zoom's OpenAPI document ${FILES[document]} is not in ${dir}. The tests read Zoom's two OpenAPI documents ` +
          `from ../shared/zoom-openapi beside the repository; set ZOOM_OPENAPI_DIR to their directory otherwise.`,
      );
    }
    const parsed = JSON.parse(readFileSync(file, "utf8")) as JsonObject;
    // The Users/Accounts operations the lookups read, where the (Meetings) document lacks them.
    const paths = parsed.paths as JsonObject;
    return { ...parsed, paths: { ...(SPEC_SUPPLEMENT[document] as unknown as JsonObject), ...paths } };
  };
  loaded = new ZoomSpec({ plain: read("plain"), master: read("master") });
  return loaded;
}
