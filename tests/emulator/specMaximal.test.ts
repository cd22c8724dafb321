/**
 * Spec-maximal mode: the emulator's shipped extra fields (emulator/core/maximalFields.ts) are what Zoom's
 * documents allow for each operation, and its answers in that mode still conform to the documents.
 *
 * To rewrite the shipped table after the documents or the operations change:
 *   WRITE_MAXIMAL_FIELDS=1 npx jest tests/emulator/specMaximal.test.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MAXIMAL_FIELDS } from "../../emulator/core/maximalFields";
import { maximal } from "../../emulator/core/specMaximal";
import { specFound, testWithSpec } from "../support/spec";
import { maximalFieldsSource, type Json } from "../support/maximalFieldsSource";
import { maximalFieldsFromSpec } from "../support/specMaximal";
import { useTestEmulator } from "../support/emulator";

// Without Zoom's documents (a fresh clone) the comparison with them is skipped; the mode's own tests still run.
const fromSpec = specFound() ? maximalFieldsFromSpec() : undefined;

const SHIPPED = join(__dirname, "../../emulator/core/maximalFields.ts");

if (process.env.WRITE_MAXIMAL_FIELDS === "1" && fromSpec) writeFileSync(SHIPPED, maximalFieldsSource(fromSpec as Record<string, Json>));

test("the shipped table is written as the generator writes it (each repeated block once)", () => {
  expect(readFileSync(SHIPPED, "utf8")).toBe(maximalFieldsSource(MAXIMAL_FIELDS as Record<string, Json>));
});

testWithSpec("the shipped extra fields are exactly what Zoom's documents allow, operation by operation", () => {
  expect(Object.keys(fromSpec ?? {}).length).toBeGreaterThan(10);
  expect(MAXIMAL_FIELDS).toEqual(fromSpec);
});

test("extra fields never replace what the emulator answered, reach list items, and reverse set-like lists", () => {
  const answer = {
    id: 1,
    topic: "t",
    settings: { meeting_invitees: [{ email: "a@x.com" }, { email: "b@x.com" }], alternative_hosts: "a@x.com;b@x.com" },
    recurrence: { type: 2, weekly_days: "2,4" },
  };
  const out = maximal("meeting", answer) as { topic: string; settings: Record<string, unknown>; recurrence: Record<string, unknown> };
  expect(out.topic).toBe("t");
  expect(out.settings.meeting_invitees).toEqual([
    expect.objectContaining({ email: "b@x.com", internal_user: false }),
    expect.objectContaining({ email: "a@x.com", internal_user: false }),
  ]);
  expect(out.settings.alternative_hosts).toBe("b@x.com;a@x.com");
  expect(out.recurrence.weekly_days).toBe("4,2");
  expect(Object.keys(out.settings).length).toBeGreaterThan(40);
});

describe("answers in spec-maximal mode", () => {
  const t = useTestEmulator({ plan: "unlimited", specMaximal: true });

  test("conform to Zoom's documents (every answer is checked) and carry the extra fields", async () => {
    const created = await t.zoom.call("POST", "/users/me/meetings", {
      body: { topic: "Maximal", type: 2, start_time: "2031-02-03T10:00:00Z", settings: { meeting_invitees: [{ email: "a@x.com" }, { email: "b@x.com" }] } },
    });
    expect(created.status).toBe(201);
    const read = await t.zoom.call("GET", `/meetings/${(created.json as { id: number }).id}`);
    const meeting = read.json as { settings: Record<string, unknown> };
    expect((meeting.settings.meeting_invitees as { email: string }[]).map((i) => i.email)).toEqual(["b@x.com", "a@x.com"]);
    expect(meeting.settings).toHaveProperty("internal_meeting");
    const fields = await t.zoom.call("GET", "/tracking_fields");
    expect(fields.status).toBe(200);
  });
});
