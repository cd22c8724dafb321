/**
 * One resource's reference page, generated from its definition: what it is, an example in YAML and TypeScript,
 * every property (type, constraints, default, what a change does, secrecy), the outputs, the Zoom operations
 * and OAuth scopes it needs, and how to adopt an existing object.
 */
import type { PropertySpec, ResourceDefinition } from "../framework/definition";
import { equalityRules } from "../framework/diff";
import { describeRules } from "../framework/equality";
import { sectionOf } from "../yaml/sections";
import type { ResourceExample } from "./examples";
import { code, fenced, GENERATED_NOTE, page, table } from "./markdown";
import { propertyRows } from "./properties";
import { operationsOf } from "./scopes";

/** The Pulumi id's form: `[<accountId>/]<zoomId>`, `[<accountId>/]<userId>/<zoomId>`. */
export function idForm(definition: ResourceDefinition): string {
  const parts = definition.idParts.map((part) => {
    if (part !== "accountId") return `<${part}>/`;
    return definition.accountIdRequired ? "<accountId>/" : "[<accountId>/]";
  });
  return `${parts.join("")}<zoomId>`;
}

/** The id form with optional parts dropped, as a sample a person replaces. */
function sampleId(definition: ResourceDefinition): string {
  return idForm(definition).replace(/\[[^\]]*\]/g, "");
}

/** The output holding Zoom's own id (`meetingId`), when the resource has one. */
function zoomIdOutput(definition: ResourceDefinition): string | undefined {
  return Object.keys(definition.outputs).find((name) => /Id$/.test(name));
}

function lifecycle(definition: ResourceDefinition): string {
  const lines: string[] = [];
  if (definition.update === "replace") {
    lines.push("- **Update:** Zoom cannot change this object: every change of a property replaces it.");
  } else if (definition.update.body === "full") {
    lines.push("- **Update:** in place; the whole object is sent, as Zoom requires.");
  } else {
    lines.push("- **Update:** in place; only the changed properties are sent.");
  }
  for (const rule of definition.sendTogether ?? []) {
    const when = code(rule.is === undefined ? rule.when : `${rule.when}: ${JSON.stringify(rule.is)}`);
    const otherwise = rule.otherwise === undefined ? "" : ` (${code(JSON.stringify(rule.otherwise))} when not declared)`;
    lines.push(`- **Sent together:** a create or update sending ${when} also sends ${code(rule.send)} as declared${otherwise}. ${rule.why}`);
  }
  lines.push(
    definition.deleteBeforeReplace
      ? "- **Replace:** the old object is deleted first, then the new one created (Zoom keeps it unique)."
      : "- **Replace:** the new object is created first, then the old one deleted.",
  );
  lines.push(
    "operation" in definition.delete
      ? "- **Delete:** `pulumi destroy` (or removing it from the program) deletes it in Zoom."
      : "- **Delete:** Zoom has no API to delete it: `pulumi destroy` only removes it from the stack, with a warning; it stays in Zoom until deleted in the web portal.",
  );
  lines.push(
    "- **Drift:** `pulumi refresh` reads it back; only declared properties are compared, so Zoom's defaults for the rest never show as changes.",
  );
  lines.push(
    `- **Lost answers:** a create is never sent twice blindly. When its outcome is unknown (timeout, lost connection, 5xx, garbled answer), ${
      definition.lostCreate ?? "it fails with an error asking you to check Zoom"
    }. After a timeout Zoom may still be working on the request, so the lookup first waits as long again (at most a minute). An object made whose read-back fails is kept in the stack with its id, and the next \`pulumi up\` completes it.`,
  );
  return lines.join("\n");
}

function propertiesTable(definition: ResourceDefinition): string {
  const rows = propertyRows(definition).map((row) => [
    `${code(row.path)}${row.required ? " (required)" : ""}`,
    code(row.type),
    row.constraints,
    row.defaultValue ? code(row.defaultValue) : "",
    row.onChange,
    `${row.secret && !row.path.includes(".") && !row.path.includes("[]") ? "**Secret.** " : ""}${row.description}`,
  ]);
  return table(["Property", "Type", "Constraints", "Default", "On change", "Description"], rows);
}

/** The one equality rule (provider/framework/equality.ts), in words, and where this resource departs from it. */
export const EQUALITY_RULE = [
  "A plan compares what you declared with what Zoom has, by one rule:",
  "",
  "- **Objects** compare only the keys you declared, recursively, inside list items too: whatever else Zoom adds (server defaults, extra fields such as an invitee's `internal_user`) never shows as a change.",
  "- **An empty object** (`settings: {}`, or an emptied `settings:` in YAML) declares no key: it manages nothing.",
  "- **Lists** compare item by item, in order, with the same length. **An empty list** (`trackingFields: []`) means “make it empty”: Zoom's absent or empty list satisfies it.",
  "- **Emails** compare without regard to case and surrounding whitespace, as Zoom stores them.",
  "- Everything else compares exactly, except where the table below says otherwise.",
].join("\n");

function equalitySection(definition: ResourceDefinition): string {
  const rows = describeRules(equalityRules(definition)).map((rule) => [code(rule.path), rule.says]);
  return rows.length === 0
    ? `${EQUALITY_RULE}\n\nEvery property of this resource follows that rule.`
    : `${EQUALITY_RULE}\n\n${table(["Property", "Compared as"], rows)}`;
}

/** What taking a property out of the program does (PropertySpec.onRemove). */
function removalSection(definition: ResourceDefinition): string {
  const specs = Object.entries(definition.properties as Record<string, PropertySpec>).filter(([, spec]) => spec.source === "live" && !spec.scope);
  const resets = specs.filter(([, spec]) => spec.onRemove);
  const intro =
    "Removing an optional property from the program leaves Zoom's value as it is, no longer managed (as Terraform treats optional values the server computes: Zoom's own default is often the user's or account's setting, which pulumi-zoom cannot know). Create-only and provider properties are only recorded. The plan shows such a removal as an update: it rewrites the state only (no request reaches Zoom), and the next plan is empty. " +
    (resets.length === 0
      ? "No property of this resource is reset on removal."
      : "These properties are set back when removed, so taking a value out of the program takes it out of Zoom (one update, then the plan is empty):");
  if (resets.length === 0) return intro;
  return `${intro}\n\n${table(["Property", "Set back to"], resets.map(([key, spec]) => [code(key), code(JSON.stringify(spec.onRemove!.reset))]))}`;
}

function outputsTable(definition: ResourceDefinition): string {
  const rows = Object.entries(definition.outputs).map(([name, output]) => [
    code(name),
    code(output.type),
    `${output.secret ? "**Secret.** " : ""}${output.description}`,
  ]);
  return table(["Output", "Type", "Description"], rows);
}

function scopesSection(definition: ResourceDefinition): string {
  const rows = operationsOf(definition).map(({ operation, purpose }) => [
    code(operation.id),
    code(`${operation.method} ${operation.scope === "accountOnly" ? "/accounts/{accountId}" : ""}${operation.path}`),
    purpose,
    operation.category + (operation.categoryAssumed ? " (assumed: Zoom's spec gives none)" : ""),
    operation.scopes.plain.map(code).join(", ") || "—",
    operation.scopes.master.map(code).join(", ") || "—",
  ]);
  return [
    "The Server-to-Server OAuth app needs, for each operation, one of its scopes: the plain scopes when acting on the credentials' own account, the master-account scope when `accountId` is set (Zoom's `/accounts/{accountId}/...` paths).",
    table(["Operation", "Request", "Used for", "Rate-limit category", "Scopes (any one)", "Master-account scope"], rows),
  ].join("\n\n");
}

function importSection(definition: ResourceDefinition): string {
  const kind = definition.kind;
  const section = sectionOf(kind);
  const idOutput = zoomIdOutput(definition);
  const id = sampleId(definition);
  const parts = [
    `The Pulumi id is ${code(idForm(definition))}: ${
      definition.idParts.includes("accountId")
        ? definition.accountIdRequired
          ? "the account the object lives in, then "
          : "the sub-account when the object lives in one (`accountId`), then "
        : ""
    }${definition.idParts.includes("userId") ? "the owning user's id or email, then " : ""}Zoom's own id of the object${idOutput ? ` (the ${code(idOutput)} output)` : ""}. Segments are percent-encoded.`,
    `Adopt an existing object with the \`adoptId\` input (every resource has it): the first \`pulumi up\` reads the object instead of creating one (it fails, naming the id, when the object does not exist or another resource of the stack holds it), then sends only the properties whose declared value differs from Zoom's, as an update would${
      definition.update === "replace" ? " (Zoom cannot update a " + kind + " in place, so a difference refuses the adoption: declare Zoom's values)" : ""
    }. Once adopted, \`adoptId\` only records where the object came from: changing or removing it is a state-only update (nothing is sent to Zoom), and a replacement creates a new object. Create-only properties of an adopted object are recorded, never a reason to replace it: Zoom does not report them.`,
    fenced("ts", `new zoom.${kind}("existing", { adoptId: "${id}", /* the object's properties */ });`),
    "Read an object without managing it (never changed or deleted by the stack; an id that does not exist fails the `up`, naming the kind and the id):",
    fenced("ts", `const existing = zoom.${kind}.get("existing", "${id}");`),
  ];
  if (section) {
    parts.push(
      `In YAML, name the object's address in \`ZoomStack\`'s \`imports\`, which sets its \`adoptId\` (the entry may stay after the first \`pulumi up\`):`,
      fenced("ts", `new ZoomStack("org", { file: "zoom.yaml", imports: { "${section}.existing": "${id}" } });`),
    );
  }
  parts.push(
    `Pulumi's \`import\` resource option and \`pulumi import\` cannot adopt dynamic-provider resources: the engine's ImportStep (pulumi/pulumi \`pkg/resource/deploy/step.go\`) reads with the id alone, so the dynamic-provider host has no provider code to run. Use \`adoptId\` (or \`pulumi-zoom import\`, which writes it). With the native provider plugin (type \`zoom:index:${kind}\`, [Using pulumi-zoom from Python, Go, C#, Java and YAML](../languages.md)) both work: \`pulumi import zoom:index:${kind} <name> <id>\` writes the declaration of Zoom's values, and the \`import\` option adopts by id.`,
  );
  return parts.join("\n\n");
}

function exampleSection(definition: ResourceDefinition, example: ResourceExample | undefined): string {
  if (!example) return "No example yet.";
  const section = sectionOf(definition.kind);
  const from = example.source ? ` (from [${example.source}](../../${example.source}))` : "";
  return [
    `### YAML${from}`,
    section ? `Loaded with \`new ZoomStack("org", { file: "zoom.yaml" })\`; the objects are \`org.${section}.<name>\`.` : undefined,
    fenced("yaml", example.yaml),
    "### TypeScript",
    fenced("ts", example.typescript),
  ]
    .filter((part): part is string => part !== undefined)
    .join("\n\n");
}

export function resourcePage(definition: ResourceDefinition, example: ResourceExample | undefined): string {
  const kind = definition.kind;
  const section = sectionOf(kind);
  const facts = table(
    ["", ""],
    [
      ["TypeScript", code(`new zoom.${kind}(name, args, opts?)`)],
      ["YAML section", section ? code(section) : "—"],
      ["Pulumi type", `${code(`pulumi-nodejs:dynamic/zoom:${kind}`)} (TypeScript, dynamic resource); ${code(`zoom:index:${kind}`)} (the provider plugin)`],
      ["Pulumi id", code(idForm(definition))],
    ],
  );
  return page([
    `# zoom:${kind}`,
    GENERATED_NOTE,
    definition.description,
    facts,
    lifecycle(definition),
    "## Example",
    exampleSection(definition, example),
    "## Properties",
    "Names are the same in TypeScript and YAML. Nested properties are shown with their path (`settings.waitingRoom`; `[]` marks list items). “On change”: what Pulumi does when the value changes — update in place, replace the object, or only record it in the stack's state (provider behaviour, never sent to Zoom). In YAML, any value may be a reference: `${<section>.<name>.<property>}` or `${config.<key>}` (see [the YAML format](../yaml.md)).",
    propertiesTable(definition),
    "## How values compare",
    equalitySection(definition),
    "## Removing a property",
    removalSection(definition),
    "## Outputs",
    "Besides these, every input property can be read back from the resource (`resource.topic`), and referenced in YAML.",
    outputsTable(definition),
    "## Zoom API and OAuth scopes",
    scopesSection(definition),
    "## Import",
    importSection(definition),
  ]);
}
