/**
 * Reading `pulumi stack export` output: which resources are Zoom's, and secrets in both of Pulumi's forms.
 * The fixture is hand-written from Pulumi's documented deployment format (v3).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readStackExport, StackExportError } from "../../provider/drift/stackExport";

const text = fs.readFileSync(path.join(__dirname, "fixtures/stack-export.json"), "utf8");

test("keeps the Zoom resources with an id, and knows the stack and project", () => {
  const state = readStackExport(text);
  expect(state.stack).toBe("prod");
  expect(state.project).toBe("acme-zoom");
  expect(state.resources.map((r) => [r.kind, r.name, r.id, r.external, r.pendingDelete])).toEqual([
    ["Meeting", "standup", "85746065432", false, false],
    ["TspAccount", "ada-bridge", "KDcuGIm1QgePTO8WbOqwIQ/1", false, false],
    ["TrackingField", "legacy", "Ab3dEf5hIj7k", true, false],
    ["TrackingField", "old-dept", "Zz9yXx8wVv7u", false, true],
  ]);
});

test("ciphertext secrets are unreadable paths, never values; plaintext secrets are opened", () => {
  const [meeting, tsp] = readStackExport(text).resources;
  expect(meeting!.inputs.values.password).toBeUndefined();
  expect(meeting!.inputs.unreadablePaths).toEqual(["password"]);
  expect([...meeting!.outputs.unreadablePaths].sort()).toEqual(["password", "startUrl"]);
  expect(meeting!.inputs.values.settings).toEqual({ waitingRoom: true });
  expect(tsp!.inputs.values.leaderPin).toBe("246810");
  expect(tsp!.inputs.secretPaths).toEqual(["leaderPin"]);
  expect(tsp!.inputs.unreadablePaths).toEqual([]);
});

test("nested secrets, secrets inside arrays, and secrets holding objects", () => {
  const secret = (plaintext: string) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext });
  const encrypted = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:x:y" };
  const exported = {
    version: 3,
    deployment: {
      resources: [
        {
          urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic/zoom:Meeting::m",
          custom: true,
          id: "1",
          type: "pulumi-nodejs:dynamic/zoom:Meeting",
          inputs: { settings: secret('{"waitingRoom":true}'), trackingFields: [{ field: "a", value: "b" }, encrypted], agenda: { nested: encrypted } },
        },
      ],
    },
  };
  const [meeting] = readStackExport(JSON.stringify(exported)).resources;
  expect(meeting!.inputs.values.settings).toEqual({ waitingRoom: true });
  expect(meeting!.inputs.secretPaths).toEqual(expect.arrayContaining(["settings", "trackingFields[1]", "agenda.nested"]));
  expect([...meeting!.inputs.unreadablePaths].sort()).toEqual(["agenda.nested", "trackingFields"]);
  expect(meeting!.inputs.values.trackingFields).toBeUndefined();
});

test("a backend checkpoint file is read too; an empty stack has no resources", () => {
  const checkpoint = { version: 3, checkpoint: { stack: "prod", latest: JSON.parse(text).deployment } };
  expect(readStackExport(JSON.stringify(checkpoint)).resources).toHaveLength(4);
  expect(readStackExport(JSON.stringify({ version: 3, deployment: { manifest: {} } })).resources).toEqual([]);
});

test.each([
  ["not JSON", "{", /not JSON/],
  ["an array", "[]", /not a JSON object/],
  ["another version", '{"version": 2, "deployment": {}}', /unsupported stack state version 2/],
  ["a JSON object that is no export", '{"foo": 1}', /not a Pulumi stack export \(it has no version\)/],
  ["no deployment", '{"version": 3}', /has no `deployment`/],
  ["resources not a list", '{"version": 3, "deployment": {"resources": {}}}', /not a list/],
  ["a resource without urn", '{"version": 3, "deployment": {"resources": [{"type": "x"}]}}', /lacks a urn/],
])("refuses %s with a message that says what was expected", (_what, input, message) => {
  expect(() => readStackExport(input)).toThrow(StackExportError);
  expect(() => readStackExport(input)).toThrow(message);
});
