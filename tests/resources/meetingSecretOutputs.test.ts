/**
 * Zoom's meeting answer carries more secrets than passcodes: `dynamic_host_key`, `chat_join_url` (a `tk=`
 * token) and, per participant in `settings.authentication_exception`, a `join_url` that bypasses authentication.
 * Decision: the framework keeps only the fields a definition declares (a field Zoom adds one day is dropped, not
 * stored in plaintext), and the meeting declares these three as secret outputs; the per-participant links move
 * out of `settings` (which is not secret) into `authenticationExceptionJoinUrls`.
 */
import { meetingDefinition } from "../../provider/resources/meeting";
import { shapeOf } from "../../provider/framework/resource";
import { useResourceTestbed } from "../support/resources";

const bed = useResourceTestbed();

const declared = {
  topic: "Board",
  type: 2,
  startTime: "2031-02-02T10:00:00Z",
  duration: 30,
  settings: { meetingAuthentication: true, authenticationException: [{ email: "guest@example.com", name: "Guest" }] },
};

test("the three are secret outputs of the Meeting (so Pulumi stores them encrypted)", () => {
  expect(shapeOf(meetingDefinition).secretOutputs).toEqual(expect.arrayContaining(["dynamicHostKey", "chatJoinUrl", "authenticationExceptionJoinUrls"]));
});

test("create and refresh: host key, chat link and bypass links only in secret outputs, settings as declared, no undeclared field", async () => {
  const created = await bed.create("Meeting", "board", declared);
  const read = await bed.provider("Meeting").read!(created.id, created.outs);
  for (const outs of [created.outs, read.props!]) {
    expect(outs.dynamicHostKey).toMatch(/^\d{6}$/);
    expect(outs.chatJoinUrl).toMatch(/\/launch\/jc\/\d+\?tk=/);
    expect(outs.authenticationExceptionJoinUrls).toEqual({ "guest@example.com": expect.stringMatching(/\?tk=/) });
    expect((outs.settings as { authenticationException: unknown }).authenticationException).toEqual([{ email: "guest@example.com", name: "Guest" }]);
    const known = new Set([...Object.keys(meetingDefinition.properties), ...Object.keys(meetingDefinition.outputs)]);
    expect(Object.keys(outs).filter((key) => !key.startsWith("__") && !known.has(key))).toEqual([]);
    expect(JSON.stringify(outs.settings)).not.toMatch(/tk=|joinUrl/);
  }
  // The declared exception list compares equal to Zoom's: a clean plan.
  await bed.expectCleanPlan("Meeting", created, declared);
});
