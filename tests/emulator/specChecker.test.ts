/** The spec checker itself: it must catch what it exists to catch, and accept what the spec allows. */
import { loadZoomSpec, specFound, testWithSpec, toJsonSchema, ZoomSpec } from "../support/spec";

// Read before the tests rather than at import, so a run without the documents skips the tests that need them.
let spec: ZoomSpec;
beforeAll(() => {
  if (specFound()) spec = loadZoomSpec();
});
const json = (value: unknown) => JSON.stringify(value);
const field = { id: "a32CJji-weJ92", field: "f", required: false, visible: true, recommended_values: [] };
const JSON_TYPE = "application/json;charset=UTF-8";

testWithSpec("matches raw paths to the right document, literal segments first", () => {
  expect(spec.match("GET", "/meetings/123")?.operationId).toBe("meeting");
  expect(spec.match("GET", "/meetings/meeting_summaries")?.operationId).toBe("Listmeetingsummaries");
  expect(spec.match("GET", "/accounts/abc/meetings/123")).toMatchObject({ document: "master", operationId: "meeting" });
  expect(spec.match("GET", "/sip_trunk/trunks")).toBeUndefined();
  expect(ZoomSpec.documentFor("/accounts/x/sip_trunk/trunks")).toBe("master");
});

testWithSpec("a conforming answer passes", () => {
  expect(spec.check({ method: "GET", path: "/v2/tracking_fields/x", status: 200, contentType: JSON_TYPE, body: json(field) })).toEqual([]);
  expect(spec.check({ method: "DELETE", path: "/v2/tracking_fields/x", status: 204, body: "" })).toEqual([]);
});

testWithSpec("wrong types, undocumented statuses and codes, bad error bodies and non-JSON are caught", () => {
  const check = (status: number, body: string, path = "/v2/tracking_fields/x", method = "GET") =>
    spec.check({ method, path, status, contentType: JSON_TYPE, body });
  expect(check(200, json({ ...field, visible: "yes" })).join()).toMatch(/visible/);
  expect(check(201, json(field))).toEqual([expect.stringMatching(/not documented/)]);
  expect(check(404, json({ code: 3001, message: "x" }))).toEqual([expect.stringMatching(/not among the documented codes/)]);
  expect(check(409, json({ code: 1, message: "x" }))).toEqual([expect.stringMatching(/not documented/)]);
  expect(check(404, json({ message: "x" }))).toEqual([expect.stringMatching(/integer `code`/)]);
  expect(check(200, "<html>")).toEqual(["body is not JSON"]);
  expect(check(204, "x", "/v2/tracking_fields/x", "DELETE")).toEqual(["204 must have no body"]);
  expect(check(200, json({}), "/v2/nowhere")).toEqual([expect.stringMatching(/expected 404/)]);
  expect(spec.check({ method: "GET", path: "/v2/tracking_fields/x", status: 200, contentType: "text/plain", body: json(field) }))
    .toEqual([expect.stringMatching(/content-type/)]);
  expect(spec.check({ method: "GET", path: "/v2/meetings/1", status: 200, contentType: JSON_TYPE, body: json({ id: "1" }), operationId: "meetings" }))
    .toEqual(expect.arrayContaining([expect.stringMatching(/routed to meetings/), expect.stringMatching(/id/)]));
});

testWithSpec("cross-cutting errors pass everywhere; unknown-account 2001 only on the master form", () => {
  const err = (code: number) => json({ code, message: "m" });
  expect(spec.check({ method: "GET", path: "/v2/tracking_fields", status: 401, body: err(124) })).toEqual([]);
  expect(spec.check({ method: "GET", path: "/v2/tracking_fields", status: 400, body: err(300) })).toEqual([]);
  expect(spec.check({ method: "GET", path: "/v2/accounts/x/tracking_fields", status: 404, body: err(2001) })).toEqual([]);
  expect(spec.check({ method: "GET", path: "/v2/tracking_fields", status: 404, body: err(2001) })).not.toEqual([]);
  expect(spec.check({ method: "POST", path: "/v2/tracking_fields", status: 400, body: err(200) })).toEqual([]);
});

test("OpenAPI 3.0 quirks become JSON Schema without new strictness", () => {
  expect(
    toJsonSchema({
      type: "object",
      properties: { a: { type: "string", nullable: true, example: "x", "x-foo": 1 }, b: { type: "integer", minimum: 0, exclusiveMinimum: true } },
    }),
  ).toEqual({ type: "object", properties: { a: { type: ["string", "null"] }, b: { type: "integer", exclusiveMinimum: 0 } } });
  // The weekly_days erratum: several days are what Zoom's description says and answers.
  expect(toJsonSchema({ type: "object", properties: { weekly_days: { type: "string", enum: ["1", "2"] } } })).toEqual({
    type: "object",
    properties: { weekly_days: { type: "string", pattern: "^[1-7](,[1-7])*$" } },
  });
});

testWithSpec("rate-limit labels and documented codes are read from the descriptions", () => {
  const create = spec.operation("plain", "POST", "/users/{userId}/meetings");
  expect(create && ZoomSpec.rateLimitLabel(create)).toBe("LIGHT");
  expect(ZoomSpec.documentedCodes(create?.responses["404"])).toEqual([1001]);
});

test("a missing spec directory is a clear error naming the directory and the override", () => {
  const saved = process.env.ZOOM_OPENAPI_DIR;
  process.env.ZOOM_OPENAPI_DIR = "/nonexistent/zoom-openapi";
  try {
    jest.isolateModules(() => {
      // A fresh copy of the module, so the cached documents of this file do not answer.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require("../support/spec") as typeof import("../support/spec");
      expect(() => fresh.loadZoomSpec()).toThrow(/zoom-meetings-api\.json is not in \/nonexistent\/zoom-openapi.*ZOOM_OPENAPI_DIR/s);
    });
  } finally {
    if (saved === undefined) delete process.env.ZOOM_OPENAPI_DIR;
    else process.env.ZOOM_OPENAPI_DIR = saved;
  }
});
