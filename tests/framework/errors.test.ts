/**
 * Matching Zoom's error answers: by code, HTTP status and, for codes Zoom reuses for unrelated errors, by
 * message. No API call.
 */
import { ZoomApiError } from "../../provider/client/errors";
import type { ErrorExplanation } from "../../provider/framework/definition";
import { ExplainedZoomError, explain, isGone } from "../../provider/framework/errors";

function zoomError(status: number, zoomCode: number, zoomMessage: string): ZoomApiError {
  return new ZoomApiError({ status, zoomCode, zoomMessage, operationId: "userTSPDelete", method: "DELETE", pathTemplate: "/users/{userId}/tsp/{tspId}" });
}

const explanations: ErrorExplanation<{ userId: string }>[] = [
  { operation: "delete", zoomCode: 300, zoomMessage: /at least one TSP config/i, explain: (i) => `last one of ${i.userId}` },
  { operation: "delete", zoomCode: 2024, explain: () => "TSP is off" },
];

test("an explanation with a message pattern applies only to answers whose message fits", () => {
  const last = explain(zoomError(400, 300, "At least one TSP config must be available."), "delete", explanations, { userId: "u1" }, "deleting x");
  expect(last).toBeInstanceOf(ExplainedZoomError);
  expect((last as Error).message).toBe("deleting x: last one of u1 (Zoom 400 code 300: At least one TSP config must be available.)");

  const other = zoomError(400, 300, "TSP config does not exist.");
  expect(explain(other, "delete", explanations, { userId: "u1" }, "deleting x")).toBe(other);
  expect((explain(zoomError(400, 2024, "off"), "delete", explanations, { userId: "u1" }, "d") as Error).message).toContain("TSP is off");
  expect(explain(zoomError(400, 2024, "off"), "create", explanations, { userId: "u1" }, "d")).toBeInstanceOf(ZoomApiError);
});

test("gone: by code, or by an answer fitting a finer match", () => {
  expect(isGone(zoomError(404, 3001, "Meeting does not exist"), [3001])).toBe(true);
  const finer = [{ zoomCode: 300, zoomMessage: /TSP config does not exist/ }];
  expect(isGone(zoomError(400, 300, "TSP config does not exist."), [], finer)).toBe(true);
  expect(isGone(zoomError(400, 300, "At least one TSP config must be available."), [], finer)).toBe(false);
  expect(isGone(new Error("TSP config does not exist."), [300], finer)).toBe(false);
});
