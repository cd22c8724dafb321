/**
 * A lookup's reference page (`docs/lookups/<name>.md`), from its declaration: what it finds, how it matches,
 * its arguments (from the zod schema, as validation enforces them), its result, the operations it calls with
 * their OAuth scopes, and an example in TypeScript and YAML.
 */
import { z } from "zod";
import { isPlainObject } from "../framework/case";
import type { LookupDefinition } from "../lookups/definition";
import { OPERATIONS } from "../../catalogue/operations";
import { code, fenced, GENERATED_NOTE, page, table } from "./markdown";

type JsonSchema = Record<string, unknown>;

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.type === "array") return isPlainObject(schema.items) ? `${typeOf(schema.items)}[]` : "array";
  return typeof schema.type === "string" ? schema.type : "any";
}

function argumentsTable(definition: LookupDefinition): string {
  const schema = z.toJSONSchema(definition.args, { io: "input", target: "draft-7", unrepresentable: "any" }) as JsonSchema;
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const rows = Object.entries(properties).map(([name, raw]) => {
    const property = raw as JsonSchema;
    return [
      `${code(name)}${required.includes(name) ? " (required)" : ""}`,
      code(typeOf(property)),
      "default" in property ? code(JSON.stringify(property.default)) : "",
      typeof property.description === "string" ? property.description : "",
    ];
  });
  const rule = typeof schema.description === "string" ? `${schema.description}\n\n` : "";
  return rows.length === 0 ? `${rule}None.` : `${rule}${table(["Argument", "Type", "Default", "Description"], rows)}`;
}

function resultSection(definition: LookupDefinition): string {
  const rows = Object.entries(definition.fields).map(([name, field]) => [
    code(name),
    code(field.type),
    `${field.secret ? "**Secret.** " : ""}${field.description}`,
  ]);
  const fields = table(["Field", "Type", "Description"], rows);
  if (definition.returns.kind === "one") return fields;
  const echoed = (definition.echo ?? []).map(code).join(", ");
  return [
    `An object with ${code(definition.returns.key)}: a list of ${code(definition.returns.itemType)}${echoed ? `, beside the arguments ${echoed} it was called with` : ""}. Each item:`,
    fields,
  ].join("\n\n");
}

function matchingText(definition: LookupDefinition): string {
  if (definition.returns.kind === "all") return `Returns every ${definition.noun} there is (an empty list when there are none).`;
  const rules = (definition.match ?? []).map((rule) => `${code(rule.arg)} against ${code(rule.field)}${rule.caseInsensitive ? " (case-insensitive)" : " (exact)"}`);
  return [
    `Returns exactly one ${definition.noun}${rules.length > 0 ? `, matching each given argument: ${rules.join("; ")}` : ""}.`,
    `Finding none, or more than one, fails the program (in preview too) with a \`ZoomLookupError\` that names the call and lists what there is, e.g. \`zoom.${definition.name}({...}): no ${definition.noun} matches; the ${definition.noun}s are: ...\`.`,
  ].join(" ");
}

function secretsText(definition: LookupDefinition): string {
  const secret = Object.entries(definition.fields).filter(([, field]) => field.secret).map(([name]) => code(name));
  if (secret.length === 0) return "Nothing in the result is secret.";
  return `${secret.join(", ")} ${secret.length === 1 ? "is a secret" : "are secrets"}: the Output form's result is a secret Output (Pulumi encrypts it in state and masks it in output); the Promise form returns plain strings, as Pulumi's own Promise-form functions do, so wrap them in \`pulumi.secret()\` before exporting them. They are never logged.`;
}

function scopesTable(definition: LookupDefinition): string {
  const rows = definition.operations.map((id) => {
    const operation = OPERATIONS[id];
    const request = `${operation.method} ${operation.scope === "accountOnly" ? "/accounts/{accountId}" : ""}${operation.path}`;
    return [
      code(operation.id),
      code(request),
      operation.category + (operation.categoryAssumed ? " (assumed: Zoom's spec gives none)" : ""),
      operation.scopes.plain.map(code).join(", ") || "—",
      operation.scopes.master.map(code).join(", ") || "—",
    ];
  });
  return table(["Operation", "Request", "Rate-limit category", "Scopes (any one)", "Master-account scope"], rows);
}

/** The TypeScript example as a whole program (typechecked by the docs test). */
function program(body: string): string {
  const indented = body.split("\n").map((line) => (line ? `  ${line}` : line)).join("\n");
  return `import * as zoom from "pulumi-zoom";\n\nexport = async () => {\n${indented}\n};`;
}

export function lookupPage(definition: LookupDefinition): string {
  const name = definition.name;
  return page([
    `# zoom.${name}`,
    GENERATED_NOTE,
    definition.description,
    table(
      ["", ""],
      [
        ["Promise form", `${code(`zoom.${name}(args)`)}: runs at once, plain arguments`],
        ["Output form", `${code(`zoom.${name}Output(args)`)}: arguments may be Outputs; an unknown one (in preview) leaves the result unknown`],
        ["YAML", `${code(`lookups: { <name>: { function: ${name}, arguments: {...} } }`)}; objects use ${code("${lookups.<name>.<field>}")}`],
      ],
    ),
    `- **Matching:** ${matchingText(definition)}`,
    `- **Secrets:** ${secretsText(definition)}`,
    "- **Credentials:** the program's own `zoom:*` stack config, else the `ZOOM_*` variables, as for the resources ([configuration](../configuration.md)). Lookups run in the Pulumi program (in preview too), through the same client: rate limits, retries and pagination as for the resources.",
    "## Example",
    "### TypeScript",
    fenced("ts", program(definition.example.typescript)),
    "### YAML",
    fenced("yaml", definition.example.yaml),
    "## Arguments",
    argumentsTable(definition),
    "## Result",
    resultSection(definition),
    "## Zoom API and OAuth scopes",
    "Read-only requests. The master-account scope applies when `accountId` names a sub-account (Zoom's `/accounts/{accountId}/...` paths).",
    scopesTable(definition),
  ]);
}
