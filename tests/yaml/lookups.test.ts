/**
 * `lookups:` in zoom.yaml: declared functions, validated at load (function, arguments, every
 * `${lookups.<name>.<field>}`), and accepted by the JSON Schema editors use.
 */
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";
import { buildJsonSchema } from "../../provider/yaml/jsonSchema";
import { loadStackText } from "../../provider/yaml/loader";
import { formatProblem } from "../../provider/yaml/model";

function problems(text: string): string[] {
  const result = loadStackText(text, "zoom.yaml");
  return result.ok ? [] : result.problems.map(formatProblem);
}

const VALID = `
lookups:
  branch:
    function: getSubAccount
    arguments:
      name: \${config.subAccountName}
  trunk:
    function: getSipTrunk
    arguments:
      name: trunk1
  ada:
    function: getUser
    arguments:
      email: ada.lovelace@example.com
sipTrunks:
  assigned:
    accountId: \${lookups.branch.id}
    trunkId: \${lookups.trunk.id}
    dnis: "18888001"
meetings:
  standup:
    topic: Standup
    type: 2
    scheduleFor: \${lookups.ada.email}
`;

test("a file with lookups loads; the model lists them with their arguments", () => {
  const result = loadStackText(VALID, "zoom.yaml");
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  expect(result.model.lookups?.map((l) => [l.name, l.definition.name])).toEqual([
    ["branch", "getSubAccount"],
    ["trunk", "getSipTrunk"],
    ["ada", "getUser"],
  ]);
  expect(result.model.lookups?.[1]?.arguments).toEqual({ name: "trunk1" });
  // Lookups are no objects: nothing depends on them for ordering.
  expect(result.model.objects.find((o) => o.name === "assigned")?.references).toEqual([]);
});

test("the JSON Schema accepts it, and refuses an unknown function or argument", () => {
  // With the formats the schema names (email, date-time): without them ajv warns once per use, a page of noise.
  const validate = addFormats(new Ajv({ strict: false })).compile(buildJsonSchema());
  expect(validate(parseYaml(VALID))).toBe(true);
  expect(validate(parseYaml("lookups:\n  x:\n    function: getNothing\n"))).toBe(false);
  expect(validate(parseYaml("lookups:\n  x:\n    function: getUser\n    arguments:\n      mail: a@example.com\n"))).toBe(false);
});

test("wrong functions, arguments and references are reported where they are", () => {
  const text = `
lookups:
  a:
    function: getUsr
  b:
    function: getUser
    arguments:
      email: a@example.com
      name: A
  c:
    function: getTrackingField
    arguments:
      feild: Region
  d:
    function: getSipTrunks
    arguments:
      accountId: \${lookups.b.id}
  e:
    function: getSipTrunk
    arguments: { name: trunk1 }
    extra: 1
trackingFields:
  region:
    field: \${lookups.b.emial}
    accountId: \${lookups.zz.id}
  team:
    field: \${lookups.b.type}
`;
  expect(problems(text)).toEqual([
    'zoom.yaml:4:5 lookups.a.function: no lookup "getUsr"; did you mean "getUser"?; lookups: getUser, getSubAccount, getSipTrunks, getSipTrunk, getTrackingField, getMeetingTemplate, getTspSettings',
    "zoom.yaml:7:5 lookups.b.arguments: give exactly one of id, email or name",
    "zoom.yaml:12:5 lookups.c.arguments.field: required (string)",
    'zoom.yaml:13:7 lookups.c.arguments.feild: unknown property; did you mean "field"?',
    "zoom.yaml:17:7 lookups.d.arguments.accountId: ${lookups.b.id}: a lookup's arguments may be literals or ${config.<key>}, not results of objects or other lookups",
    "zoom.yaml:21:5 lookups.e.extra: unknown key (a lookup has function and arguments)",
    'zoom.yaml:24:5 trackingFields.region.field: ${lookups.b.emial}: getUser has no result field "emial"; did you mean "email"? (fields: id, email, firstName, lastName, displayName, type, status)',
    'zoom.yaml:25:5 trackingFields.region.accountId: ${lookups.zz.id}: no lookup "zz" in this file; did you mean "b"?',
    "zoom.yaml:27:5 trackingFields.team.field: ${lookups.b.type} is a number, but this property takes string",
  ]);
});
