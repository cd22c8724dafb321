/**
 * Objects Zoom validates whole are found from the schemas (the same keys Zoom's request schemas require), and a
 * change inside one widens to the whole object.
 */
import { meetingSchema } from "../../schema/meeting";
import { trackingFieldSchema } from "../../schema/trackingField";
import * as fs from "node:fs";
import * as path from "node:path";
import { snakeToCamel } from "../../provider/framework/case";
import { widenToWholeObjects, wholeObjectPaths } from "../../provider/framework/wholeObjects";
import { SPEC_FILES, specDirectory } from "../support/specLocation";
import { testWithSpec } from "../support/spec";

test("the meeting's whole objects are those whose keys Zoom's spec requires: recurrence, waiting-room options, recording channels", () => {
  expect(wholeObjectPaths(meetingSchema).sort()).toEqual(["recurrence", "settings.autoAddRecordingToVideoManagement", "settings.waitingRoomOptions"]);
  expect(wholeObjectPaths(trackingFieldSchema)).toEqual([]);
});

test("a changed path inside a whole object becomes the object's path; others stay", () => {
  const whole = ["settings.waitingRoomOptions", "recurrence"];
  expect(widenToWholeObjects(["settings.waitingRoomOptions.whoGoesToWaitingRoom", "settings.hostVideo", "recurrence.endTimes", "recurrence.repeatInterval"], whole)).toEqual([
    "settings.waitingRoomOptions",
    "settings.hostVideo",
    "recurrence",
  ]);
  expect(widenToWholeObjects(["settings.waitingRoomOptionsX"], whole)).toEqual(["settings.waitingRoomOptionsX"]);
});

testWithSpec("they are exactly the objects with required keys in Zoom's meeting update body (PATCH /meetings/{meetingId})", () => {
  type Node = { properties?: Record<string, Node>; required?: string[]; allOf?: Node[]; type?: string };
  const spec = JSON.parse(fs.readFileSync(path.join(specDirectory(), SPEC_FILES.plain), "utf8"));
  const body: Node = spec.paths["/meetings/{meetingId}"].patch.requestBody.content["application/json"].schema;
  const found: string[] = [];
  const visit = (node: Node, at: string[]) => {
    for (const part of [node, ...(node.allOf ?? [])]) {
      if (at.length > 0 && (part.required ?? []).length > 0) found.push(at.map(snakeToCamel).join("."));
      for (const [key, child] of Object.entries(part.properties ?? {})) visit(child, [...at, key]);
    }
  };
  visit(body, []);
  expect(wholeObjectPaths(meetingSchema).sort()).toEqual([...new Set(found)].sort());
});
