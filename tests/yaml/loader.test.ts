/**
 * The zoom.yaml loader: valid files load into a model; every kind of problem is reported at its line and
 * column with its path, all at once; "did you mean"; references; recommended values; the TSP limit.
 */
import { ConfigReference, loadStackText, Reference, type LoadResult, type StackModel } from "../../provider/yaml";
import { formatProblem } from "../../provider/yaml/model";
import { SECTION_KEYS } from "../../provider/yaml/sections";
import { TEAM_FIELD_SECTION } from "./fixtures";

/** Lines joined with newlines, so a test can count lines and columns by eye. */
const yaml = (...lines: string[]) => `${lines.join("\n")}\n`;

function problemsOf(result: LoadResult): string[] {
  if (result.ok) throw new Error("expected problems, but the file is valid");
  return result.problems.map(formatProblem);
}

function modelOf(result: LoadResult): StackModel {
  if (!result.ok) throw new Error(`expected a valid file:\n${result.problems.map(formatProblem).join("\n")}`);
  return result.model;
}

const load = (text: string) => loadStackText(text, "zoom.yaml");

describe("valid files", () => {
  test("objects load in file order with kinds, properties as written and references", () => {
    const model = modelOf(
      load(
        yaml(
          ...TEAM_FIELD_SECTION,
          "meetings:",
          "  standup:",
          "    topic: Daily $${not a reference}",
          "    type: 2",
          "    startTime: \"2030-01-08T10:00:00Z\"",
          "    settings: { waitingRoom: true }",
          "    trackingFields:",
          "      - field: Team",
          "        value: Data",
          "meetingTemplates:",
          "  fromStandup:",
          "    meetingId: ${meetings.standup.meetingId}",
          "    name: Standup",
        ),
      ),
    );
    expect(model.objects.map((o) => `${o.section}.${o.name}:${o.kind}`)).toEqual([
      "trackingFields.team:TrackingField",
      "meetings.standup:Meeting",
      "meetingTemplates.fromStandup:MeetingTemplate",
    ]);
    const [, standup, template] = model.objects;
    // As written: no defaults added (the provider applies them), `$${` unescaped.
    expect(standup!.properties).toEqual({
      topic: "Daily ${not a reference}",
      type: 2,
      startTime: "2030-01-08T10:00:00Z",
      settings: { waitingRoom: true },
      trackingFields: [{ field: "Team", value: "Data" }],
    });
    // The field is named by its label: the meeting is created after it.
    expect(standup!.dependsOn).toEqual(["trackingFields.team"]);
    expect(template!.properties.meetingId).toEqual(new Reference("meetings", "standup", "meetingId"));
    expect(template!.references).toEqual([{ path: ["meetingId"], reference: new Reference("meetings", "standup", "meetingId") }]);
  });

  test("an empty file, a comment-only file and empty sections declare nothing", () => {
    expect(modelOf(load("")).objects).toEqual([]);
    expect(modelOf(load("# nothing yet\n")).objects).toEqual([]);
    expect(modelOf(load(yaml("meetings:", "trackingFields:"))).objects).toEqual([]);
  });

  test("`${config.<key>}` is a config reference the schema does not judge", () => {
    const model = modelOf(
      load(yaml("tspAccounts:", "  primary:", "    conferenceCode: \"4155550100\"", "    leaderPin: ${config.leaderPin}")),
    );
    expect(model.objects[0]!.properties.leaderPin).toEqual(new ConfigReference("leaderPin"));
    expect(model.objects[0]!.references).toEqual([]);
  });

  test("yes/no and timestamps stay strings (YAML 1.2 core schema)", () => {
    const model = modelOf(load(yaml("h323Devices:", "  room:", "    name: Room", "    ip: 192.0.2.1", "    protocol: SIP", "    encryption: yes")));
    expect(model.objects[0]!.properties.encryption).toBe("yes");
  });
});

describe("problems point at the place to fix", () => {
  test("a wrong type: file:line:col path: reason, at the property's key", () => {
    const text = yaml(
      "# yaml-language-server: $schema=../schema/zoom.schema.json",
      "#",
      "# The team's meetings.",
      "",
      "meetings:",
      "  planning:",
      "    topic: Planning",
      "  standup:",
      "    topic: Daily standup",
      "    type: 2",
      "    startTime: \"2030-01-08T09:30:00Z\"",
      "    duration: 15",
      "    settings:",
      "      waitingRoom: yes",
    );
    expect(problemsOf(load(text))).toEqual([
      "zoom.yaml:14:7 meetings.standup.settings.waitingRoom: expected boolean, got string",
    ]);
  });

  test("an unknown property, with a suggestion", () => {
    expect(problemsOf(load(yaml("meetings:", "  standup:", "    topic: Standup", "    settings:", "      waitingRom: true")))).toEqual([
      'zoom.yaml:5:7 meetings.standup.settings.waitingRom: unknown property; did you mean "waitingRoom"?',
    ]);
  });

  test("an unknown section, with a suggestion", () => {
    expect(problemsOf(load(yaml("meeting:", "  standup: {}")))).toEqual([
      `zoom.yaml:1:1 meeting: unknown section; did you mean "meetings"? (sections: ${[...SECTION_KEYS, "lookups"].join(", ")})`,
    ]);
  });

  test("a missing required property points at the object", () => {
    expect(problemsOf(load(yaml("trackingFields:", "  cost:", "    visible: true")))).toEqual([
      "zoom.yaml:2:3 trackingFields.cost.field: required (string)",
    ]);
  });

  test("a problem inside a list points at the list item's key", () => {
    const text = yaml("meetings:", "  standup:", "    trackingFields:", "      - field: Team", "        value: 3");
    expect(problemsOf(load(text))).toEqual(["zoom.yaml:5:9 meetings.standup.trackingFields.0.value: expected string, got number"]);
  });

  test("a rule of the schema across properties (superRefine) is reported at its property", () => {
    const text = yaml("meetings:", "  series:", "    type: 8");
    expect(problemsOf(load(text))).toEqual([
      "zoom.yaml:2:3 meetings.series.recurrence: required for a recurring meeting with a fixed time (type 8)",
    ]);
  });

  test("shapes: root, section and object must be maps; logical names are restricted", () => {
    expect(problemsOf(load("- meetings\n"))).toEqual([
      "zoom.yaml:1:1: expected a map of sections (meetings, trackingFields, h323Devices, sipTrunks, internalNumbers, tspAccounts, meetingTemplates), got a list",
    ]);
    expect(problemsOf(load(yaml("meetings: [a]")))).toEqual([
      "zoom.yaml:1:1 meetings: expected a map from logical names to Meeting properties, got a list",
    ]);
    expect(problemsOf(load(yaml("meetings:", "  standup:", "  other: 3", "  bad.name: {}")))).toEqual([
      "zoom.yaml:2:3 meetings.standup: expected the properties of a Meeting (write {} for none), got nothing",
      "zoom.yaml:3:3 meetings.other: expected the properties of a Meeting (write {} for none), got number 3",
      "zoom.yaml:4:3 meetings.bad.name: a logical name starts with a letter or _ and has only letters, digits, _ and - (it becomes the Pulumi resource name)",
    ]);
  });

  test("YAML syntax errors and duplicate keys are reported with their position", () => {
    expect(problemsOf(load(yaml("meetings:", "  a: {}", "  a: {}")))).toEqual(["zoom.yaml:3:3: Map keys must be unique"]);
    const broken = problemsOf(load(yaml("meetings:", "  a: [1, 2", "trackingFields: {}")));
    expect(broken.length).toBeGreaterThan(0);
    expect(broken[0]).toMatch(/^zoom\.yaml:\d+:\d+: /);
  });

  test("tags outside the core schema are refused rather than turned into surprising values", () => {
    expect(problemsOf(load(yaml("meetings:", "  a:", "    topic: !!binary aGk=")))).toEqual([
      "zoom.yaml:3:12: Unresolved tag: tag:yaml.org,2002:binary",
    ]);
  });

  test("every problem of the file at once, in file order", () => {
    const text = yaml(
      "meetngs: {}", // 1
      "meetings:", // 2
      "  standup:", // 3
      "    topic: 42", // 4
      "    duration: 5000", // 5
      "    settings:", // 6
      "      waitingRoom: \"no\"", // 7
      "      audio: skype", // 8
      "trackingFields:", // 9
      "  cost:", // 10
      "    feild: Cost", // 11
      "meetingTemplates:", // 12
      "  t:", // 13
      "    meetingId: ${meetings.standp.meetingId}", // 14
      "    name: T", // 15
    );
    expect(problemsOf(load(text))).toEqual([
      `zoom.yaml:1:1 meetngs: unknown section; did you mean "meetings"? (sections: ${[...SECTION_KEYS, "lookups"].join(", ")})`,
      "zoom.yaml:4:5 meetings.standup.topic: expected string, got number",
      "zoom.yaml:5:5 meetings.standup.duration: at most 1440, got 5000",
      "zoom.yaml:7:7 meetings.standup.settings.waitingRoom: expected boolean, got string",
      'zoom.yaml:8:7 meetings.standup.settings.audio: expected one of "both", "telephony", "voip", "thirdParty", got "skype"',
      "zoom.yaml:10:3 trackingFields.cost.field: required (string)",
      'zoom.yaml:11:5 trackingFields.cost.feild: unknown property; did you mean "field"?',
      'zoom.yaml:14:5 meetingTemplates.t.meetingId: ${meetings.standp.meetingId}: meetings.standp is not declared in this file; did you mean "standup"?',
    ]);
  });
});

describe("references", () => {
  const withMeeting = (...lines: string[]) => yaml("meetings:", "  standup:", "    topic: Standup", ...lines);

  test("a reference keeps the referenced type: a number-typed property accepts it", () => {
    const model = modelOf(load(withMeeting("meetingTemplates:", "  t:", "    meetingId: ${meetings.standup.meetingId}", "    name: T")));
    expect(model.objects).toHaveLength(2);
  });

  test("an input property of the target may be referenced too", () => {
    modelOf(load(withMeeting("meetingTemplates:", "  t:", "    meetingId: ${meetings.standup.meetingId}", "    name: ${meetings.standup.topic}")));
  });

  test("a missing object, a wrong property and an unknown section are reported with suggestions", () => {
    const text = withMeeting(
      "meetingTemplates:", // 4
      "  a:", // 5
      "    meetingId: ${meetings.standup.meetingID}", // 6
      "    name: ${meetngs.standup.topic}", // 7
      "  b:", // 8
      "    meetingId: ${trackingFields.standup.trackingFieldId}", // 9
      "    name: B", // 10
    );
    expect(problemsOf(load(text))).toEqual([
      'zoom.yaml:6:5 meetingTemplates.a.meetingId: ${meetings.standup.meetingID}: a Meeting has no property or output "meetingID"; did you mean "meetingId"? (outputs: meetingId, uuid, joinUrl, startUrl, hostId, hostEmail, createdAt, status, occurrences, h323Password, pstnPassword, encryptedPassword, dynamicHostKey, chatJoinUrl, authenticationExceptionJoinUrls)',
      'zoom.yaml:7:5 meetingTemplates.a.name: ${meetngs.standup.topic}: no section "meetngs"; did you mean "meetings"?',
      "zoom.yaml:9:5 meetingTemplates.b.meetingId: ${trackingFields.standup.trackingFieldId}: trackingFields.standup is not declared in this file",
    ]);
  });

  test("a property name is judged even when its value is a reference (a typo holding ${...} is still a typo)", () => {
    const text = withMeeting("    passcod: ${config.pass}", "    settings:", "      waitingRom: ${config.wr}");
    expect(problemsOf(load(text))).toEqual([
      'zoom.yaml:4:5 meetings.standup.passcod: unknown property; did you mean "password"?',
      'zoom.yaml:6:7 meetings.standup.settings.waitingRom: unknown property; did you mean "waitingRoom"?',
    ]);
  });

  test("malformed references and references inside longer strings are refused; $${ is a literal", () => {
    const text = withMeeting("    agenda: Join at ${meetings.standup.joinUrl}", "  other:", "    topic: ${meetings.standup}", "    agenda: costs $${5}");
    expect(problemsOf(load(text))).toEqual([
      "zoom.yaml:4:5 meetings.standup.agenda: a reference (${...}) must be the whole value, not part of a string; write $${ for a literal ${",
      "zoom.yaml:6:5 meetings.other.topic: malformed reference ${meetings.standup}: write ${<section>.<name>.<property>} (e.g. ${meetings.standup.meetingId}) or ${config.<key>}",
    ]);
  });

  test("a reference's type must be one the property takes (config values are strings)", () => {
    const text = withMeeting(
      "  other:", // 4
      "    topic: ${meetings.standup.meetingId}", // 5
      "    duration: ${config.minutes}", // 6
      "    agenda: ${meetings.standup.topic}", // 7
      "    trackingFields:", // 8
      "      - field: ${config.label}", // 9
      "        value: ${meetings.standup.duration}", // 10
      "      - { field: \"${config.label}\", value: \"${meetings.standup.topic}\" }", // 11: quoted inside a flow map
    );
    expect(problemsOf(load(text))).toEqual([
      "zoom.yaml:5:5 meetings.other.topic: ${meetings.standup.meetingId} is a number, but this property takes a string",
      "zoom.yaml:6:5 meetings.other.duration: ${config.minutes} is a string (config values are strings), but this property takes a number",
      "zoom.yaml:10:9 meetings.other.trackingFields.0.value: ${meetings.standup.duration} is a number, but this property takes a string",
    ]);
  });

  test("a cycle is reported once, at the reference that closes it in the first object", () => {
    const text = yaml(
      "meetings:",
      "  a:",
      "    topic: ${meetings.b.agenda}",
      "  b:",
      "    agenda: ${meetings.c.topic}",
      "  c:",
      "    topic: ${meetings.a.topic}",
      "  self:",
      "    topic: ${meetings.self.agenda}",
    );
    expect(problemsOf(load(text))).toEqual([
      "zoom.yaml:3:5 meetings.a.topic: ${meetings.b.agenda}: reference cycle meetings.a → meetings.b → meetings.c → meetings.a: an object cannot depend on itself",
      "zoom.yaml:9:5 meetings.self.topic: ${meetings.self.agenda}: reference cycle meetings.self → meetings.self: an object cannot depend on itself",
    ]);
  });
});

describe("tracking-field values", () => {
  const fields = yaml("trackingFields:", "  cost:", "    field: Cost center", "    recommendedValues: [\"4100\", \"4200\"]");

  test("a value outside the declared field's recommended values is refused, by label or by reference", () => {
    const text =
      fields +
      yaml(
        "meetings:", // 5
        "  a:", // 6
        "    trackingFields:", // 7
        "      - field: Cost center", // 8
        "        value: \"4300\"", // 9
        "      - field: ${trackingFields.cost.field}", // 10
        "        value: \"9999\"", // 11
      );
    expect(problemsOf(load(text))).toEqual([
      'zoom.yaml:9:9 meetings.a.trackingFields.0.value: "4300" is not a recommended value of tracking field "Cost center" (trackingFields.cost): expected one of "4100", "4200"',
      'zoom.yaml:11:9 meetings.a.trackingFields.1.value: "9999" is not a recommended value of tracking field "Cost center" (trackingFields.cost): expected one of "4100", "4200"',
    ]);
  });

  test("recommended values, fields not in the file, other accounts and free-text fields pass", () => {
    const text =
      fields +
      yaml(
        "  free:",
        "    field: Notes",
        "meetings:",
        "  a:",
        "    trackingFields:",
        "      - { field: Cost center, value: \"4200\" }",
        "      - { field: Elsewhere, value: anything }",
        "      - { field: Notes, value: anything }",
        "  b:",
        "    accountId: sub1",
        "    trackingFields: [{ field: Cost center, value: \"7777\" }]",
      );
    const model = modelOf(load(text));
    expect(model.objects.find((o) => o.name === "a")!.dependsOn).toEqual(["trackingFields.cost", "trackingFields.free"]);
    expect(model.objects.find((o) => o.name === "b")!.dependsOn).toEqual([]);
  });
});

describe("TSP accounts", () => {
  const account = (name: string, ...extra: string[]) => [`  ${name}:`, "    conferenceCode: \"1\"", "    leaderPin: \"2\"", ...extra];

  test("a third account for the same user is refused; other users and unknowable users are fine", () => {
    const text = yaml(
      "tspAccounts:",
      ...account("a"), // 2-4
      ...account("b", "    userId: me"), // 5-8
      ...account("c"), // 9-11
      ...account("d", "    userId: someone@example.com"),
      ...account("e", "    userId: ${config.user}"),
    );
    expect(problemsOf(load(text))).toEqual([
      'zoom.yaml:9:3 tspAccounts.c: Zoom allows at most 2 TSP accounts per user; user "me" already has tspAccounts.a and tspAccounts.b in this file',
    ]);
  });
});
