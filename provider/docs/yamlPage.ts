/**
 * docs/yaml.md: the `zoom.yaml` format. Prose, with the section table generated from the section table and
 * the registered definitions so it cannot fall behind.
 */
import { availableSections, SECTION_TITLES } from "../yaml/sections";
import { code, fenced, GENERATED_NOTE, page, table } from "./markdown";

export function yamlPage(): string {
  const sections = availableSections();
  return page([
    "# Desired state in YAML (`zoom.yaml`)",
    GENERATED_NOTE,
    "A `zoom.yaml` file declares Zoom objects by kind and logical name, with the same property names as the TypeScript resources and validated by the same schemas. A reviewed YAML file is infrastructure as code for Zoom admins who do not write TypeScript; the Pulumi program that deploys it is one line.",
    fenced(
      "yaml",
      [
        "# yaml-language-server: $schema=./node_modules/pulumi-zoom/schema/zoom.schema.json",
        "trackingFields:",
        "  costCenter:",
        "    field: Cost center",
        '    recommendedValues: ["4100", "4200"]',
        "meetings:",
        "  standup:",
        "    topic: Daily standup",
        "    type: 8",
        '    startTime: "2030-01-06T09:30:00"',
        "    timezone: Europe/Berlin",
        "    duration: 15",
        "    recurrence: { type: 1, endTimes: 60 }",
        "    settings:",
        "      waitingRoom: true",
        "    trackingFields:",
        "      - field: ${trackingFields.costCenter.field}",
        '        value: "4100"',
        "meetingTemplates:",
        "  standupTemplate:",
        "    meetingId: ${meetings.standup.meetingId}",
        "    name: Standup",
      ].join("\n"),
    ),
    fenced(
      "ts",
      [
        'import { ZoomStack } from "pulumi-zoom";',
        "",
        'const org = new ZoomStack("org", { file: "zoom.yaml" });',
        "export const joinUrl = org.meetings.standup.joinUrl;",
      ].join("\n"),
    ),
    "## Sections",
    "Each top-level key is a kind; under it, logical names map to that kind's properties. Another top-level key is an error (with a “did you mean”).",
    table(
      ["Section", "Kind", "Reference"],
      sections.map(({ key, definition }) => [code(key), SECTION_TITLES[key], `[zoom:${definition.kind}](resources/${definition.kind}.md)`]),
    ),
    "Logical names start with a letter or `_` and contain letters, digits, `_` and `-`. `ZoomStack` names each child resource `<stack name>-<logical name>` (`org-standup`), so two stacks in one program cannot clash, and exposes it as `stack.<section>.<logical name>`, typed as the resource class (`org.meetings.standup` is a `Meeting`). An empty section (`meetings:`) declares nothing; an object with no properties is written `{}`.",
    "## References",
    [
      "A value written `${...}` is known only when Pulumi runs. It is always the **whole** value, never part of a string (write `$${` for a literal `${`). Two forms:",
      "",
      "- `${<section>.<name>.<property>}`: a property of another object in the file — any of its outputs (`meetingId`, `joinUrl`, `trackingFieldId`, ...) or input properties. The value keeps its type (`meetingId` is a number), and Pulumi creates the referenced object first. The object must be declared, the property must exist on its kind, and references must not form a cycle.",
      "- `${config.<key>}`: the stack config value `<project>:<key>` (`pulumi config set <key> ...`). Config values are strings; secret config (`pulumi config set --secret`) stays secret. Use it for leader PINs, passcodes and anything that differs per stack.",
      "",
      "A reference's type must suit the property (`topic: ${meetings.a.meetingId}` hands a number to a string and is refused). Inside a flow collection (`{ ... }` or `[ ... ]`) a reference must be quoted, because YAML reads its braces as structure: `- { field: \"${trackingFields.team.field}\", value: Data }`.",
    ].join("\n"),
    "## Checks",
    [
      "Besides each kind's schema (types, required properties, Zoom's constraints, unknown properties with a “did you mean”):",
      "",
      "- a meeting's tracking-field value must be one of the field's `recommendedValues` when the field is declared in the same file (named by its label or by `${trackingFields.<name>.field}`); the meeting is then created after the field;",
      "- at most two TSP accounts per user, when the user is written literally;",
      "- references resolve (see above).",
      "",
      "Every problem is reported at once, at the line and column to fix:",
    ].join("\n"),
    fenced("text", "zoom.yaml:14:7 meetings.standup.settings.waitingRoom: expected boolean, got string"),
    "The file is YAML 1.2 (core schema): `yes` and `no` are strings, not booleans, and dates stay text. Quote values that look like numbers but are strings (`conferenceCode: \"4155550100\"`). Tags outside the core schema (`!!binary`, custom tags) are errors.",
    "## Checking without Pulumi",
    "`pulumi-zoom validate <file...>` runs the same checks (exit 0 valid, 1 invalid, 2 usage error), for CI and pre-commit hooks:",
    fenced(
      "yaml",
      [
        "# .pre-commit-config.yaml",
        "repos:",
        "  - repo: local",
        "    hooks:",
        "      - id: zoom-yaml",
        "        name: pulumi-zoom validate",
        "        entry: npx pulumi-zoom validate",
        "        language: system",
        "        files: (^|/)zoom\\.yaml$",
      ].join("\n"),
    ),
    "## Editor support",
    "`schema/zoom.schema.json` (shipped in the package) is the file's JSON Schema, generated from the same schemas. With the YAML language server (VS Code's YAML extension, and others), the first line of the file",
    fenced("yaml", "# yaml-language-server: $schema=./node_modules/pulumi-zoom/schema/zoom.schema.json"),
    "gives completion, hover documentation and errors as you type. The schema cannot express the checks across objects and a few rules (a valid time zone); `pulumi-zoom validate` and `ZoomStack` do.",
    "## Adopting existing objects",
    "`ZoomStack`'s `imports` option adopts objects that already exist in Zoom instead of creating them, by address and Pulumi id (each resource page gives the id's form): each entry sets that resource's `adoptId` input (Pulumi's `import` option cannot adopt dynamic resources). The first `pulumi up` reads the object and sends only declared differences; afterwards the entry only records where the object came from (removing it is a state-only update), so it may stay.",
    fenced("ts", 'new ZoomStack("org", { file: "zoom.yaml", imports: { "trackingFields.costCenter": "<trackingFieldId>" } });'),
    "## Limits",
    "Resource options (`protect`, `retainOnDelete`, explicit `dependsOn`, `ignoreChanges`) cannot be written in YAML; declare such objects in TypeScript next to the `ZoomStack`, or wrap the stack with Pulumi transforms.",
  ]);
}
