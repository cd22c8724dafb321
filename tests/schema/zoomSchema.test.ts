/**
 * schema/zoom.schema.json: committed file up to date, and what an editor with the YAML language server would
 * say about files: every example accepted, invalid files refused. Validated with ajv (a dev dependency only:
 * the package never needs it at run time).
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { exampleFiles, SCHEMA_FILE } from "../../provider/docs";
import { availableSections } from "../../provider/yaml/sections";
import { buildJsonSchema, renderJsonSchema, type JsonSchema } from "../../provider/yaml/jsonSchema";

const root = path.resolve(__dirname, "../..");
const schema = buildJsonSchema();
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** What the language server would report: ajv's errors as `path: message`. */
function errorsOf(yamlText: string): string[] {
  if (validate(parse(yamlText))) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath}: ${error.message}`);
}

test("the committed schema/zoom.schema.json is what the generator makes (run: npm run build && node dist/schema/generate.js)", () => {
  expect(fs.readFileSync(path.join(root, SCHEMA_FILE), "utf8")).toBe(renderJsonSchema());
});

test("it is a draft-07 schema with a titled, described, closed object per kind", () => {
  expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
  expect(schema.additionalProperties).toBe(false);
  const definitions = schema.definitions as Record<string, JsonSchema>;
  for (const { key, definition } of availableSections()) {
    const object = definitions[definition.kind]!;
    expect(object).toMatchObject({ title: definition.kind, type: "object", additionalProperties: false });
    expect(typeof object.description).toBe("string");
    expect((schema.properties as Record<string, JsonSchema>)[key]).toMatchObject({ additionalProperties: { $ref: `#/definitions/${definition.kind}` } });
  }
});

test("descriptions come from the zod schemas, kept on the outer schema where a value also accepts a reference", () => {
  const meeting = (schema.definitions as Record<string, JsonSchema>).Meeting!;
  const properties = meeting.properties as Record<string, JsonSchema>;
  expect(properties.topic!.description).toBe("The meeting's topic (any Unicode, at most 200 characters).");
  expect(properties.topic!.anyOf).toEqual([{ type: "string", minLength: 1, maxLength: 200 }, { $ref: "#/definitions/reference" }]);
  const settings = (properties.settings!.anyOf as JsonSchema[])[0]!;
  expect(settings.additionalProperties).toBe(false);
  expect((settings.properties as Record<string, JsonSchema>).waitingRoom!.description).toBe("Enable the waiting room.");
});

test.each(exampleFiles(root).map((file) => [file.path, file.text]))("%s is accepted", (_path, text) => {
  expect(errorsOf(text)).toEqual([]);
});

test("invalid files are refused where the loader refuses them", () => {
  expect(errorsOf("meetngs: {}\n")).toEqual([": must NOT have additional properties"]);
  expect(errorsOf("meetings:\n  standup:\n    settings:\n      waitingRom: true\n")).toContain("/meetings/standup/settings: must NOT have additional properties");
  expect(errorsOf("meetings:\n  standup:\n    duration: 5000\n")).toContain("/meetings/standup/duration: must be <= 1440");
  expect(errorsOf("trackingFields:\n  cost: {}\n")).toContain("/trackingFields/cost: must have required property 'field'");
  expect(errorsOf("meetings:\n  bad.name: {}\n")).toContain("/meetings: property name must be valid");
});

test("references are accepted in place of any value, and only well-formed ones", () => {
  const template = (meetingId: string) => `meetingTemplates:\n  t:\n    meetingId: ${meetingId}\n    name: T\n`;
  expect(errorsOf(template("${meetings.standup.meetingId}"))).toEqual([]);
  expect(errorsOf(template("${config.meetingId}"))).toEqual([]);
  expect(errorsOf(template("${meetings.standup}"))).not.toEqual([]);
  expect(errorsOf(template("${nowhere.standup.meetingId}"))).not.toEqual([]);
});
