/**
 * The resource manifest (provider/resources/index.ts) is the one list of kinds: these guards name what a new
 * kind still lacks where the compiler cannot (a test fixture, a distinct section or import rank).
 */
import { ALL_KINDS } from "../../bench/minimum";
import { RESOURCE_MANIFEST } from "../../provider/resources";
import { allDefinitions } from "../../provider/resources/registry";
import { SECTION_KEYS } from "../../provider/yaml/sections";
import { KINDS } from "../../fixtures/kinds";

const kinds = RESOURCE_MANIFEST.map((entry) => entry.definition.kind);

test("every kind of the manifest has a test fixture (fixtures/kinds/), and every fixture a kind", () => {
  expect([...KINDS].sort()).toEqual([...kinds].sort());
});

test("the benchmark's fewest-requests table (bench/minimum.ts) has a row for every kind, and only those", () => {
  expect([...ALL_KINDS].sort()).toEqual([...kinds].sort());
});

test("kinds, sections and import ranks are distinct; each class is named after its kind", () => {
  expect(new Set(kinds).size).toBe(kinds.length);
  expect(new Set(SECTION_KEYS).size).toBe(kinds.length);
  expect(new Set(RESOURCE_MANIFEST.map((entry) => entry.importRank)).size).toBe(kinds.length);
  for (const entry of RESOURCE_MANIFEST) {
    expect({ kind: entry.definition.kind, class: entry.Class.name }).toEqual({ kind: entry.definition.kind, class: entry.definition.kind });
    expect(entry.yaml.title).not.toBe("");
  }
});

test("every kind can be listed: read from a list, or the manifest names the list", () => {
  const unlisted = RESOURCE_MANIFEST.filter((entry) => entry.definition.read.kind === "get" && !("inventory" in entry));
  expect(unlisted.map((entry) => entry.definition.kind)).toEqual([]);
});

test("the registry holds exactly the manifest's kinds, in its order", () => {
  expect(allDefinitions().map((definition) => definition.kind)).toEqual(kinds);
});
