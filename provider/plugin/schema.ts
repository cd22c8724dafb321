/**
 * The Pulumi package schema of the `zoom` provider plugin, generated from the resource definitions (their zod
 * schemas, property specs and outputs) and the settings table of client/config.ts: the same sources as
 * `schema/zoom.schema.json` and the docs. `pulumi package add` makes every language's SDK from it, Pulumi YAML
 * reads it directly, and `npm run generate` writes it to `schema/pulumi-schema.json`.
 */
import { SETTING_KEYS } from "../client/config";
import { changeEffect } from "../docs/properties";
import { DESCRIPTIONS as SETTING_DESCRIPTIONS } from "../docs/configurationPage";
import { ADOPT_KEY } from "../framework/stateKeys";
import type { OutputSpec, PropertySpec as FrameworkPropertySpec, ResourceDefinition } from "../framework/definition";
import { inputJsonSchema } from "../yaml/jsonSchema";
import { pluginDefinitions } from "./kinds";
import { packageVersion } from "./location";
import { MODULE, PACKAGE, propertyOf, requiredOf, TypeTable, type PropertySpec, type TypeSpec } from "./schemaTypes";

export const PULUMI_SCHEMA_FILE = "schema/pulumi-schema.json";

type SettingName = keyof typeof SETTING_KEYS;

/** Settings that are numbers; every other setting is a string. */
const NUMBER_SETTINGS: ReadonlySet<SettingName> = new Set(["requestTimeoutSeconds", "connectTimeoutSeconds", "operationTimeoutSeconds"]);

/** The resource type token of a kind: `zoom:index:Meeting`. */
export function resourceToken(kind: string): string {
  return `${PACKAGE}:${MODULE}:${kind}`;
}

/** The kind of a resource type token or URN type, when it is one of this package's. */
export function kindOfToken(token: string): string | undefined {
  const match = /^zoom:index:([A-Za-z0-9]+)$/.exec(token);
  return match?.[1];
}

/**
 * The `zoom:*` settings as config variables and provider inputs. No `defaultInfo`: the environment fallback is
 * the provider's own (client/config.ts decides per source which kind of credentials applies), and an SDK filling
 * inputs from the environment would mix the two sources.
 */
function settingProperties(): Record<string, PropertySpec> {
  const out: Record<string, PropertySpec> = {};
  for (const name of Object.keys(SETTING_KEYS) as SettingName[]) {
    const doc = SETTING_DESCRIPTIONS[name];
    out[name] = {
      type: NUMBER_SETTINGS.has(name) ? "number" : "string",
      description: `${doc.description} Default: ${doc.defaultValue}. Environment variable when unset: \`${SETTING_KEYS[name].env}\`.`,
      ...(doc.secret ? { secret: true as const } : {}),
    };
  }
  return out;
}

/** Output types as the definitions write them (TypeScript), in Pulumi's terms. A new one fails generation. */
function outputType(kind: string, name: string, spec: OutputSpec, table: TypeTable): TypeSpec {
  switch (spec.type) {
    case "string":
    case "number":
    case "boolean":
      return { type: spec.type };
    case "string[]":
      return { type: "array", items: { type: "string" } };
    case "Record<string, string>":
      return { type: "object", additionalProperties: { type: "string" } };
    case "Occurrence[]":
      return {
        type: "array",
        items: table.define(`${kind}Occurrence`, {
          type: "object",
          description: "One occurrence of a recurring meeting, as Zoom reports it.",
          properties: {
            occurrenceId: { type: "string", description: "The occurrence's id." },
            startTime: { type: "string", description: "When it starts (UTC)." },
            duration: { type: "number", description: "Its length in minutes." },
            status: { type: "string", description: "`available` or `deleted`." },
          },
        }),
      };
    default:
      throw new Error(`zoom:${kind} output ${name}: no Pulumi type for the TypeScript type ${spec.type}`);
  }
}

const ADOPT_DESCRIPTION =
  "Adopt this existing Zoom object (its Pulumi id) instead of creating one: the first `up` reads it, fails if it does not exist, and sends only the declared differences. Afterwards it only records where the object came from. With the plugin, Pulumi's own `import` option works too.";

function resourceSpec(definition: ResourceDefinition, table: TypeTable): Record<string, unknown> {
  const json = inputJsonSchema(definition);
  const specs = definition.properties as Record<string, FrameworkPropertySpec>;
  const inputProperties: Record<string, PropertySpec> = {};
  for (const [key, value] of Object.entries(json.properties as Record<string, Record<string, unknown>>)) {
    const spec = propertyOf(value, `${definition.kind}${key.charAt(0).toUpperCase()}${key.slice(1)}`, table);
    const framework = specs[key];
    if (framework?.secret) spec.secret = true;
    if (framework && changeEffect(definition, framework) === "replaces") spec.replaceOnChanges = true;
    inputProperties[key] = spec;
  }
  inputProperties[ADOPT_KEY] = { type: "string", description: ADOPT_DESCRIPTION };
  const properties: Record<string, PropertySpec> = { ...inputProperties };
  for (const [name, spec] of Object.entries(definition.outputs)) {
    if (name in properties) continue;
    properties[name] = { ...outputType(definition.kind, name, spec, table), description: spec.description, ...(spec.secret ? { secret: true as const } : {}) };
  }
  const requiredInputs = requiredOf(json);
  return {
    description: definition.description,
    inputProperties,
    ...(requiredInputs.length > 0 ? { requiredInputs } : {}),
    properties,
    ...(requiredInputs.length > 0 ? { required: requiredInputs } : {}),
  };
}

/** The whole package schema (a JSON value). */
export function buildPulumiSchema(): Record<string, unknown> {
  const table = new TypeTable();
  const resources: Record<string, unknown> = {};
  for (const definition of pluginDefinitions()) resources[resourceToken(definition.kind)] = resourceSpec(definition, table);
  const settings = settingProperties();
  return {
    name: PACKAGE,
    displayName: "Zoom",
    version: packageVersion(),
    description:
      "Zoom accounts as Pulumi resources: meetings, tracking fields, SIP trunks, internal numbers, TSP accounts, H.323/SIP devices and meeting templates.",
    keywords: ["pulumi", "zoom", "category/utility", "kind/native"],
    license: "Apache-2.0",
    config: { variables: settings, defaults: Object.keys(settings) },
    provider: {
      description: "The Zoom provider: which account and how to reach it. Unset inputs fall back to the `ZOOM_*` environment variables.",
      inputProperties: settings,
      properties: settings,
    },
    resources,
    types: table.toJSON(),
  };
}

/** The committed file's exact text. */
export function renderPulumiSchema(): string {
  return `${JSON.stringify(buildPulumiSchema(), null, 2)}\n`;
}
