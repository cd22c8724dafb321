import { ZoomInvalidRequestError } from "../../provider/client/errors";
import { OPERATIONS } from "../../catalogue/operations";
import { buildPath, buildQuery, buildUrl } from "../../provider/client/path";

describe("buildPath", () => {
  test("plain, account-scoped, and accountOnly operations", () => {
    expect(buildPath(OPERATIONS.meeting, { meetingId: 123 })).toEqual({ path: "/meetings/123", template: "/meetings/{meetingId}" });
    expect(buildPath(OPERATIONS.meeting, { meetingId: 123 }, "sub1")).toEqual({
      path: "/accounts/sub1/meetings/123",
      template: "/accounts/{accountId}/meetings/{meetingId}",
    });
    expect(buildPath(OPERATIONS.ListSIPTrunks).path).toBe("/accounts/me/sip_trunk/trunks");
  });

  test("values are percent-encoded and stay inside their segment", () => {
    expect(buildPath(OPERATIONS.trackingfieldGet, { fieldId: "a/b?c#d%e" }).path).toBe("/tracking_fields/a%2Fb%3Fc%23d%25e");
    expect(buildPath(OPERATIONS.userTSP, { userId: "jane@example.com", tspId: "1" }).path).toBe("/users/jane%40example.com/tsp/1");
  });

  test.each([
    ["empty", ""],
    ["line break", "1\r\nX-Injected: 1"],
    ["control character", "a\u0000b"],
    ["dot segment", ".."],
    ["dot segment", "."],
    ["broken UTF-16", "a\uD800b"],
  ])("refuses an id that is %s", (_what, id) => {
    expect(() => buildPath(OPERATIONS.meeting, { meetingId: id })).toThrow(ZoomInvalidRequestError);
    expect(() => buildPath(OPERATIONS.meetings, { userId: "me" }, id)).toThrow(ZoomInvalidRequestError);
  });

  test("missing, unknown and non-integer parameters", () => {
    expect(() => buildPath(OPERATIONS.meeting, {})).toThrow(/meetingId" is missing/);
    expect(() => buildPath(OPERATIONS.meeting, { meetingId: 1, userId: "me" })).toThrow(/unknown path parameter/);
    expect(() => buildPath(OPERATIONS.meeting, { meetingId: 1.5 })).toThrow(/non-negative integer/);
  });
});

test("buildQuery drops undefined values and encodes the rest", () => {
  expect(buildQuery({ a: 1, b: undefined, c: "x y&z", d: false })).toBe("?a=1&c=x+y%26z&d=false");
  expect(buildQuery({ b: undefined })).toBe("");
});

test("buildUrl keeps the path below the API base", () => {
  const built = buildPath(OPERATIONS.meeting, { meetingId: "%2e%2e" });
  expect(buildUrl("https://api.zoom.us/v2", built, undefined, "meeting")).toBe("https://api.zoom.us/v2/meetings/%252e%252e");
});

describe("property: any id either is refused or lands, intact, in its own segment", () => {
  // fast-check is ESM-friendly CommonJS; required here so the rest of the file needs nothing from it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require("fast-check") as typeof import("fast-check");

  test("meeting ids and account ids", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom("/", ".", "%", "?", "#", "\r"), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))), maxLength: 40 }), fc.option(fc.string({ unit: "grapheme", maxLength: 20 }), { nil: undefined }), (id, account) => {
        let url: string;
        try {
          url = buildUrl("https://api.zoom.us/v2", buildPath(OPERATIONS.trackingfieldGet, { fieldId: id }, account), undefined, "trackingfieldGet");
        } catch (error) {
          return error instanceof ZoomInvalidRequestError;
        }
        const segments = new URL(url).pathname.split("/").slice(1);
        const expected = account === undefined ? ["v2", "tracking_fields", id] : ["v2", "accounts", account, "tracking_fields", id];
        return segments.length === expected.length && segments.every((s, i) => decodeURIComponent(s) === expected[i]);
      }),
      { numRuns: 2000 },
    );
  });
});
