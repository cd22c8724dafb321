/**
 * The examples on each resource page, taken from the family examples in `examples/yaml/` so that the docs show
 * files the tests load: the YAML is the example file cut down to the resource's objects (and what they refer
 * to), comments kept; the TypeScript is the same declaration written with the resource classes.
 */
import { isMap, parseDocument } from "yaml";
import type { ResourceDefinition } from "../framework/definition";
import { loadStackText } from "../yaml/loader";
import { LOOKUPS_SECTION, type DeclaredLookup } from "../yaml/lookups";
import { addressOf, inDependencyOrder, type DeclaredObject, type DeclaredValue } from "../yaml/model";
import { ConfigReference, Reference } from "../yaml/references";

/** An example file: its path relative to the repository, and its text. */
export interface ExampleFile {
  readonly path: string;
  readonly text: string;
}

export interface ResourceExample {
  /** Where it comes from, e.g. `examples/yaml/meetings/zoom.yaml`; undefined for a definition's own example. */
  readonly source?: string;
  readonly yaml: string;
  readonly typescript: string;
}

/** The objects `wanted` need, transitively (references and implicit dependencies), including themselves. */
function closure(objects: readonly DeclaredObject[], wanted: readonly DeclaredObject[]): DeclaredObject[] {
  const kept = new Set(inDependencyOrder(objects, wanted));
  // In file order: the example reads as the file it comes from.
  return objects.filter((object) => kept.has(object));
}

/** The names of the lookups `objects` reference (`${lookups.<name>.<field>}`), in no particular order. */
function lookupsUsedBy(objects: readonly DeclaredObject[]): Set<string> {
  const used = new Set<string>();
  const walk = (value: DeclaredValue): void => {
    if (value instanceof Reference) {
      if (value.section === LOOKUPS_SECTION) used.add(value.name);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object" && !(value instanceof ConfigReference)) Object.values(value).forEach(walk);
  };
  for (const object of objects) Object.values(object.properties).forEach(walk);
  return used;
}

/** The example file cut down to `kept` objects and the lookups they use, comments kept, the header comment dropped. */
function cutDown(text: string, kept: readonly DeclaredObject[]): string {
  const doc = parseDocument(text);
  doc.commentBefore = null;
  const keptAddresses = new Set([...kept.map(addressOf), ...[...lookupsUsedBy(kept)].map((name) => `${LOOKUPS_SECTION}.${name}`)]);
  const root = doc.contents;
  if (isMap(root)) {
    for (const sectionPair of [...root.items]) {
      const section = String((sectionPair.key as { value?: unknown }).value ?? sectionPair.key);
      const objects = sectionPair.value;
      if (isMap(objects)) {
        for (const objectPair of [...objects.items]) {
          const name = String((objectPair.key as { value?: unknown }).value ?? objectPair.key);
          if (!keptAddresses.has(`${section}.${name}`)) objects.delete(objectPair.key);
        }
        if (objects.items.length > 0) continue;
      }
      root.delete(sectionPair.key);
    }
  }
  return doc.toString({ lineWidth: 0 }).replace(/^\n+/, "");
}

const RESERVED = new Set(["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "let", "static", "yield", "await", "config", "pulumi", "zoom"]);

/** `cost-center` → `costCenter`; avoids keywords and the example's own names. */
function identifierFor(name: string, taken: Set<string>, kind: string): string {
  let id = name.replace(/[-_]+([A-Za-z0-9])/g, (_m, next: string) => next.toUpperCase()).replace(/[^A-Za-z0-9_$]/g, "");
  if (RESERVED.has(id) || taken.has(id)) id = `${id}${kind}`;
  taken.add(id);
  return id;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A declared value as a TypeScript expression, indented for `depth`. */
function literal(value: DeclaredValue, depth: number, expressionOf: (value: Reference | ConfigReference) => string): string {
  if (value instanceof Reference || value instanceof ConfigReference) return expressionOf(value);
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== "object")) {
      return `[${value.map((item) => literal(item, depth, expressionOf)).join(", ")}]`;
    }
    const pad = "  ".repeat(depth + 1);
    return `[\n${value.map((item) => `${pad}${literal(item, depth + 1, expressionOf)},`).join("\n")}\n${"  ".repeat(depth)}]`;
  }
  if (value !== null && typeof value === "object") {
    const pad = "  ".repeat(depth + 1);
    const entries = Object.entries(value).map(
      ([key, inner]) => `${pad}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(inner, depth + 1, expressionOf)},`,
    );
    return `{\n${entries.join("\n")}\n${"  ".repeat(depth)}}`;
  }
  return JSON.stringify(value);
}

/** A config reference whose value is secret: printed as `config.requireSecret(...)`. */
class SecretConfigReference extends ConfigReference {}

/**
 * The declaration as a TypeScript Pulumi program using the resource classes; the lookups the objects use become
 * the lookups' Output forms (`zoom.getSipTrunkOutput({...})`), whose fields the objects take.
 */
export function typescriptFor(objects: readonly DeclaredObject[], lookups: readonly DeclaredLookup[] = []): string {
  const ordered = inDependencyOrder(objects);
  const needed = new Set(ordered.flatMap((object) => [...object.references.map((use) => use.reference.target), ...object.dependsOn]));
  const taken = new Set<string>();
  const used = lookupsUsedBy(objects);
  const usedLookups = lookups.filter((lookup) => used.has(lookup.name));
  const names = new Map([
    ...usedLookups.map((lookup) => [`${LOOKUPS_SECTION}.${lookup.name}`, identifierFor(lookup.name, taken, "Lookup")] as const),
    ...ordered.map((object) => [addressOf(object), identifierFor(object.name, taken, object.kind)] as const),
  ]);
  let usesConfig = false;
  const expressionOf = (value: Reference | ConfigReference): string => {
    if (value instanceof Reference) return `${names.get(value.target)}.${value.property}`;
    usesConfig = true;
    return `config.${value instanceof SecretConfigReference ? "requireSecret" : "require"}(${JSON.stringify(value.key)})`;
  };
  const lookupStatements = usedLookups.map(
    (lookup) =>
      `const ${names.get(`${LOOKUPS_SECTION}.${lookup.name}`)} = zoom.${lookup.definition.name}Output(${literal(lookup.arguments as DeclaredValue, 0, expressionOf)});`,
  );
  const objectStatements = ordered.map((object) => {
    // Secret inputs read from config keep their secrecy: requireSecret for properties the resource marks secret.
    const properties = Object.fromEntries(
      Object.entries(object.properties).map(([key, value]) => [key, secretConfig(object, key, value) ?? value]),
    );
    const body = literal(properties, 0, expressionOf);
    const dependsOn = object.dependsOn.map((address) => names.get(address)).filter((name): name is string => name !== undefined);
    const options = dependsOn.length > 0 ? `, { dependsOn: [${dependsOn.join(", ")}] }` : "";
    const construct = `new zoom.${object.kind}(${JSON.stringify(object.name)}, ${body}${options});`;
    return needed.has(addressOf(object)) ? `const ${names.get(addressOf(object))} = ${construct}` : construct;
  });
  const statements = lookupStatements.length > 0 ? [lookupStatements.join("\n"), ...objectStatements] : objectStatements;
  const header = [
    ...(usesConfig ? ['import * as pulumi from "@pulumi/pulumi";'] : []),
    'import * as zoom from "pulumi-zoom";',
    "",
    ...(usesConfig ? ["const config = new pulumi.Config();", ""] : []),
  ];
  return `${[...header, statements.join("\n\n")].join("\n")}\n`;
}

/** A config reference of a secret property, marked so that `typescriptFor` writes `requireSecret` for it. */
function secretConfig(object: DeclaredObject, key: string, value: DeclaredValue): DeclaredValue | undefined {
  const spec = (object.definition.properties as Record<string, { secret?: true }>)[key];
  if (!(value instanceof ConfigReference) || !spec?.secret) return undefined;
  return new SecretConfigReference(value.key);
}

/**
 * The example of `definition`: its own, or cut from the example file that declares the most objects of its
 * kind (the family's own file rather than one that merely uses the kind).
 */
export function exampleFor(definition: ResourceDefinition, files: readonly ExampleFile[]): ResourceExample | undefined {
  if (definition.example) return { yaml: definition.example.yaml, typescript: definition.example.typescript };
  let best: { file: ExampleFile; objects: readonly DeclaredObject[]; lookups: readonly DeclaredLookup[]; wanted: DeclaredObject[] } | undefined;
  for (const file of files) {
    const loaded = loadStackText(file.text, file.path);
    if (!loaded.ok) throw new Error(`${file.path} is not valid (${loaded.problems.length} problems): run pulumi-zoom validate on it`);
    const wanted = loaded.model.objects.filter((object) => object.kind === definition.kind);
    if (wanted.length > (best?.wanted.length ?? 0)) best = { file, objects: loaded.model.objects, lookups: loaded.model.lookups ?? [], wanted };
  }
  if (!best) return undefined;
  const kept = closure(best.objects, best.wanted);
  return { source: best.file.path, yaml: cutDown(best.file.text, kept), typescript: typescriptFor(kept, best.lookups) };
}
