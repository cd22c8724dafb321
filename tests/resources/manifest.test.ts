/**
 * The resource manifest (provider/resources/index.ts) is the one list of kinds: these guards name what a new
 * kind still lacks where the compiler cannot (a test fixture, a bench row, a distinct section or import rank, the
 * package and schema exports, the emulator's routes).
 */
import { ALL_KINDS } from "../../bench/minimum";
import { ROUTE_MODULES } from "../../emulator/routes";
import * as packageExports from "../../provider";
import * as schemaExports from "../../schema";
import { RESOURCE_MANIFEST } from "../../provider/resources";
import { allDefinitions } from "../../provider/resources/registry";
import { SECTION_KEYS } from "../../provider/yaml/sections";
import { KINDS } from "../../fixtures/kinds";
import { SETTLE_KINDS } from "../../bench/settleKinds";
import { FLEET_KINDS, FLEET_LEAVES_OUT } from "../../bench/fleet";
import { LIFECYCLES } from "../plugin/lifecycleTable";
import { BUSY_SEEDERS } from "../importer/seed";
import { CONCURRENT_CREATES_LEAVE_OUT, LOAD_LEAVES_OUT } from "../reliability/support/kinds";

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

test("each kind's class is in the package's exports and its schema in pulumi-zoom/schema's", () => {
  const pkg = packageExports as Record<string, unknown>;
  const schemas = Object.values(schemaExports);
  for (const entry of RESOURCE_MANIFEST) {
    expect({ kind: entry.definition.kind, exported: pkg[entry.definition.kind] === entry.Class }).toEqual({ kind: entry.definition.kind, exported: true });
    expect({ kind: entry.definition.kind, schemaExported: schemas.includes(entry.definition.schema) }).toEqual({ kind: entry.definition.kind, schemaExported: true });
  }
});

test("the emulator serves every operation a kind's declaration or listing uses", () => {
  const served = new Set(ROUTE_MODULES.flatMap((module) => Object.keys(module.handlers)));
  const operationsOf = (entry: (typeof RESOURCE_MANIFEST)[number]) =>
    [entry.definition.create, entry.definition.read, entry.definition.update, entry.definition.delete, "inventory" in entry ? entry.inventory.list : undefined]
      .map((spec) => (typeof spec === "object" && spec !== null && "operation" in spec ? String(spec.operation) : undefined))
      .filter((operation): operation is string => operation !== undefined);
  for (const entry of RESOURCE_MANIFEST) expect({ kind: entry.definition.kind, found: operationsOf(entry).length >= 2 }).toEqual({ kind: entry.definition.kind, found: true });
  const missing = RESOURCE_MANIFEST.flatMap((entry) => operationsOf(entry).filter((operation) => !served.has(operation)).map((operation) => `${entry.definition.kind}: ${operation}`));
  expect(missing).toEqual([]);
});

test("the generative settle run, the plugin's lifecycle table and the bench fleet cover every kind (the fleet's omissions say why)", () => {
  expect([...new Set(SETTLE_KINDS.map((k) => k.kind))].sort()).toEqual([...kinds].sort());
  expect([...new Set(LIFECYCLES.map((c) => c.kind))].sort()).toEqual([...kinds].sort());
  expect([...FLEET_KINDS, ...Object.keys(FLEET_LEAVES_OUT)].sort()).toEqual([...kinds].sort());
});

test("the import tests' busy account (tests/importer/seed.ts) seeds every kind, once", () => {
  expect(BUSY_SEEDERS.map((seeder) => seeder.kind).sort()).toEqual([...kinds].sort());
});

test.each([
  ["the concurrent creates", CONCURRENT_CREATES_LEAVE_OUT],
  ["the load", LOAD_LEAVES_OUT],
])("every kind %s test leaves out is a kind of the manifest, and the reason is given (the others all take part)", (_name, leavesOut) => {
  for (const [kind, reason] of Object.entries(leavesOut)) expect({ kind, known: (kinds as readonly string[]).includes(kind), reason: reason.length > 10 }).toEqual({ kind, known: true, reason: true });
  expect(Object.keys(leavesOut).length).toBeLessThan(kinds.length);
});
