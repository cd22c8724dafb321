/**
 * Just enough of Pulumi YAML for the example's test: read a program, check its resources against a package
 * schema (types, enums, required inputs, no unknown properties), order them by their references, and resolve
 * `${config}`, `${resource.property}` and `${resource}` values the way Pulumi YAML does (a whole-value reference
 * keeps the value's type; a secret config value or output stays secret).
 */
import * as fs from "fs";
import { parse as parseYaml } from "yaml";
import { isSecret, rpcSecret, reveal, type PropertyMap } from "../../harness/values";

export interface YamlResource {
  readonly type: string;
  readonly properties?: Record<string, unknown>;
  readonly options?: { readonly retainOnDelete?: boolean; readonly dependsOn?: readonly string[] };
}

export interface YamlProgram {
  readonly name: string;
  readonly runtime: string;
  readonly plugins?: { readonly providers?: readonly { name: string; path: string }[] };
  readonly config?: Record<string, { type: string; secret?: boolean }>;
  readonly resources: Record<string, YamlResource>;
  readonly outputs?: Record<string, unknown>;
}

export function loadYamlProgram(file: string): YamlProgram {
  return parseYaml(fs.readFileSync(file, "utf8")) as YamlProgram;
}

type Spec = Record<string, unknown>;
export interface PackageSchema {
  readonly resources: Record<string, { inputProperties: Record<string, Spec>; requiredInputs?: string[] }>;
  readonly types: Record<string, Spec & { enum?: { value: unknown }[]; properties?: Record<string, Spec>; required?: string[] }>;
}

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_-]*)(?:\.([A-Za-z0-9_.[\]-]+))?\}/g;

/** Names a value refers to (`${allHands.meetingId}` → `allHands`). */
function referencesIn(value: unknown): string[] {
  if (typeof value === "string") return [...value.matchAll(REFERENCE)].map((match) => match[1]!);
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(referencesIn);
  return [];
}

/** Problems of one value against a schema property (`path` names it in messages). A reference fits anything. */
function valueProblems(value: unknown, spec: Spec, schema: PackageSchema, path: string): string[] {
  if (typeof value === "string" && referencesIn(value).length > 0) return [];
  const ref = typeof spec.$ref === "string" ? spec.$ref : undefined;
  if (ref === "pulumi.json#/Any") return [];
  if (ref) {
    const type = schema.types[ref.replace("#/types/", "")];
    if (!type) return [`${path}: unknown type ${ref}`];
    if (type.enum) return type.enum.some((entry) => entry.value === value) ? [] : [`${path}: ${JSON.stringify(value)} is not one of ${type.enum.map((e) => JSON.stringify(e.value)).join(", ")}`];
    return objectProblems(value, type.properties ?? {}, type.required ?? [], schema, path);
  }
  if (Array.isArray(spec.oneOf)) {
    return (spec.oneOf as Spec[]).some((branch) => valueProblems(value, branch, schema, path).length === 0) ? [] : [`${path}: ${JSON.stringify(value)} fits none of its types`];
  }
  switch (spec.type) {
    case "string":
    case "boolean":
    case "number":
      return typeof value === spec.type ? [] : [`${path}: ${JSON.stringify(value)} is not a ${spec.type}`];
    case "integer":
      return Number.isInteger(value) ? [] : [`${path}: ${JSON.stringify(value)} is not an integer`];
    case "array":
      return Array.isArray(value) ? value.flatMap((item, i) => valueProblems(item, spec.items as Spec, schema, `${path}[${i}]`)) : [`${path}: not a list`];
    case "object":
      if (!value || typeof value !== "object" || Array.isArray(value)) return [`${path}: not a map`];
      return Object.entries(value).flatMap(([key, item]) => valueProblems(item, (spec.additionalProperties as Spec) ?? { type: "string" }, schema, `${path}.${key}`));
    default:
      return [`${path}: the schema gives no type`];
  }
}

function objectProblems(value: unknown, properties: Record<string, Spec>, required: readonly string[], schema: PackageSchema, path: string): string[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [`${path}: not an object`];
  const record = value as Record<string, unknown>;
  return [
    ...required.filter((key) => record[key] === undefined).map((key) => `${path}.${key}: required`),
    ...Object.entries(record).flatMap(([key, item]) =>
      properties[key] ? valueProblems(item, properties[key], schema, `${path}.${key}`) : [`${path}.${key}: not a property`],
    ),
  ];
}

/** Every problem of the program's resources against the package schema. */
export function schemaProblems(program: YamlProgram, schema: PackageSchema): string[] {
  return Object.entries(program.resources).flatMap(([name, resource]) => {
    const spec = schema.resources[resource.type];
    if (!spec) return [`${name}: no resource type ${resource.type}`];
    return objectProblems(resource.properties ?? {}, spec.inputProperties, spec.requiredInputs ?? [], schema, name);
  });
}

/** Resource names, each after every resource it refers to. */
export function resourceOrder(program: YamlProgram): string[] {
  const order: string[] = [];
  const visit = (name: string, trail: readonly string[]) => {
    if (order.includes(name)) return;
    if (trail.includes(name)) throw new Error(`reference cycle: ${[...trail, name].join(" -> ")}`);
    const resource = program.resources[name]!;
    for (const dep of referencesIn([resource.properties, resource.options?.dependsOn])) if (dep in program.resources) visit(dep, [...trail, name]);
    order.push(name);
  };
  for (const name of Object.keys(program.resources)) visit(name, []);
  return order;
}

/** What references resolve to: config values (secret ones wrapped) and created resources' URNs and outputs. */
export interface Scope {
  readonly config: PropertyMap;
  readonly resources: Record<string, { urn: string; outputs: PropertyMap }>;
}

function lookup(scope: Scope, name: string, property: string | undefined): unknown {
  if (property === undefined) return name in scope.config ? scope.config[name] : scope.resources[name]?.urn;
  const outputs = scope.resources[name]?.outputs;
  if (!outputs) throw new Error(`\${${name}.${property}}: ${name} is not created yet`);
  return outputs[property];
}

/** A property value with its references resolved. */
export function resolve(value: unknown, scope: Scope): unknown {
  if (typeof value === "string") {
    const whole = /^\$\{([A-Za-z_][A-Za-z0-9_-]*)(?:\.([A-Za-z0-9_-]+))?\}$/.exec(value);
    if (whole) return lookup(scope, whole[1]!, whole[2]);
    let secret = false;
    const text = value.replace(REFERENCE, (_match, name: string, property?: string) => {
      const found = lookup(scope, name, property);
      secret ||= isSecret(found);
      return String(reveal(found));
    });
    return secret ? rpcSecret(text) : text;
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, scope));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, scope)]));
  return value;
}
