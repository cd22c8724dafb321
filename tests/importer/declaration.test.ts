/**
 * Declarations of existing objects, checked locally with the provider's own check and diff (no API call): what
 * is declared, what is left out and why, secrets, and read-only adoption.
 */
import { ADOPTED_KEY, NAME_KEY } from "../../provider/framework/stateKeys";
import { definitionOf } from "../../provider/resources/registry";
import { parseId } from "../../provider/framework/ids";
import { declare, type Declaration, type DeclareOptions } from "../../provider/importer/declaration";

/** What the provider's read returns for a meeting (state outputs), trimmed to what matters here. */
const meetingOutputs = {
  topic: "Weekly review",
  type: 2,
  startTime: "2031-03-03T16:00:00Z",
  duration: 45,
  timezone: "Europe/Berlin",
  agenda: "",
  password: "Rev1ew",
  settings: {
    hostVideo: false,
    joinBeforeHost: false,
    jbhTime: 0,
    waitingRoom: true,
    enforceLogin: false,
    globalDialInNumbers: [{ city: "New York", number: "+1 646 558 8656" }],
    approvedOrDeniedCountriesOrRegions: { enable: false },
  },
  meetingId: 85746065432,
  joinUrl: "https://zoom.us/j/85746065432",
  userId: "ada@example.com",
  notifyOnDelete: false,
  endBeforeDelete: true,
  [NAME_KEY]: "review",
  __declared: ["userId"],
};

function meeting(secrets: "omit" | "config"): Promise<Declaration> {
  return declare(
    { definition: definitionOf("Meeting"), id: "85746065432", ref: { zoomId: "85746065432", userId: "ada@example.com" }, outputs: meetingOutputs, name: "weekly-review" },
    { secrets, configKeyFor: (property) => `weekly-review-${property}` },
  );
}

/** `declare` for one object of `kind` named `name`: its Pulumi id (where it is read from) and its outputs in state. */
function declareObject(
  kind: string,
  name: string,
  id: string,
  outputs: Record<string, unknown>,
  options: DeclareOptions = { secrets: "omit", configKeyFor: (property) => property },
): Promise<Declaration> {
  const definition = definitionOf(kind);
  const ref = parseId(definition.idParts, id, kind);
  return declare({ definition, id, ref, outputs: { ...outputs, [NAME_KEY]: name }, name }, options);
}

test("a meeting: live inputs fitted to the schema, the user, and what check refuses left out with the reason", async () => {
  const declaration = await meeting("omit");
  expect(declaration).toEqual({
    adoption: "import",
    properties: {
      topic: "Weekly review",
      type: 2,
      startTime: "2031-03-03T16:00:00Z",
      duration: 45,
      timezone: "Europe/Berlin",
      agenda: "",
      settings: { hostVideo: false, joinBeforeHost: false, waitingRoom: true, approvedOrDeniedCountriesOrRegions: { enable: false } },
      userId: "ada@example.com",
    },
    secrets: [],
    omittedSecrets: ["password"],
    leftOut: [{ path: "settings.jbhTime", reason: "Zoom's value is not accepted by the schema: only applies when joinBeforeHost is true" }],
  });
});

test("--secrets config: the passcode becomes a config reference, never a literal", async () => {
  const declaration = await meeting("config");
  expect(declaration.adoption).toBe("import");
  if (declaration.adoption !== "import") return;
  expect(declaration.secrets).toEqual([{ property: "password", configKey: "weekly-review-password" }]);
  expect(declaration.properties).not.toHaveProperty("password");
  expect(JSON.stringify(declaration)).not.toContain("Rev1ew");
});

test("a required secret (a TSP account's leader PIN) is read from config even with --secrets omit", async () => {
  const outputs = { conferenceCode: "4155550100", leaderPin: "246810", tspBridge: "US_TSP_TB", userId: "ada@example.com" };
  const declaration = await declareObject("TspAccount", "bridge", "ada%40example.com/1", outputs, { secrets: "omit", configKeyFor: (property) => `bridge-${property}` });
  expect(declaration).toMatchObject({
    adoption: "import",
    properties: { conferenceCode: "4155550100", tspBridge: "US_TSP_TB", userId: "ada@example.com" },
    secrets: [{ property: "leaderPin", configKey: "bridge-leaderPin" }],
    omittedSecrets: [],
  });
  expect(JSON.stringify(declaration)).not.toContain("246810");
});

test("a template: Zoom does not report the meeting it was made from, so it is adopted read-only", async () => {
  const outputs = { name: "Weekly review", templateId: "tpl1", templateType: 1, userId: "ada@example.com" };
  const declaration = await declareObject("MeetingTemplate", "weekly", "ada%40example.com/tpl1", outputs);
  expect(declaration).toEqual({ adoption: "get", reason: "Zoom does not report meetingId, which declaring a MeetingTemplate needs" });
});

test("defaults and the credentials' own account are not written", async () => {
  const outputs = { field: "Department", recommendedValues: ["b", "a"], required: false, visible: true, trackingFieldId: "f1", [ADOPTED_KEY]: true };
  const declaration = await declareObject("TrackingField", "department", "f1", outputs);
  expect(declaration).toEqual({
    adoption: "import",
    properties: { field: "Department", recommendedValues: ["b", "a"], required: false, visible: true },
    secrets: [],
    omittedSecrets: [],
    leftOut: [],
  });
});
