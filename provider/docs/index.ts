/**
 * Every generated file: `schema/zoom.schema.json`, the plugin's `schema/pulumi-schema.json` and the pages under
 * `docs/`, as repository-relative path → content. `schema/generate.ts` writes them; the staleness tests compare them with the committed files.
 */
import * as fs from "fs";
import * as path from "path";
import { renderJsonSchema } from "../yaml/jsonSchema";
import { availableSections } from "../yaml/sections";
import { cliPage } from "./cliPage";
import { configurationPage } from "./configurationPage";
import { exampleFor, type ExampleFile } from "./examples";
import { LOOKUPS } from "../lookups";
import { PULUMI_SCHEMA_FILE, renderPulumiSchema } from "../plugin/schema";
import { lookupPage } from "./lookupPage";
import { GENERATED_NOTE, page, table } from "./markdown";
import { resourcePage } from "./resourcePage";
import { yamlPage } from "./yamlPage";

export const SCHEMA_FILE = "schema/zoom.schema.json";
export const EXAMPLES_DIR = "examples/yaml";

/** `examples/yaml/<family>/zoom.yaml`, in name order. */
export function exampleFiles(root: string): ExampleFile[] {
  const dir = path.join(root, EXAMPLES_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "zoom.yaml")))
    .map((entry) => entry.name)
    .sort()
    .map((family) => {
      const relative = `${EXAMPLES_DIR}/${family}/zoom.yaml`;
      return { path: relative, text: fs.readFileSync(path.join(root, relative), "utf8") };
    });
}

function indexPage(): string {
  const resources = availableSections().map(({ definition }) => [
    `[zoom:${definition.kind}](resources/${definition.kind}.md)`,
    definition.description.split(/(?<=\.)\s/)[0] ?? "",
  ]);
  return page([
    "# pulumi-zoom reference",
    GENERATED_NOTE,
    [
      "- [Configuration](configuration.md): credentials and settings (`zoom:*` stack config, `ZOOM_*` variables)",
      "- [Desired state in YAML](yaml.md): `zoom.yaml`, `ZoomStack`, references, editor support",
      "- [Command line](cli.md): `pulumi-zoom` commands",
      "- [Using pulumi-zoom from Python, Go, C#, Java and YAML](languages.md): the provider plugin, `zoom:index:<Kind>`",
    ].join("\n"),
    "## Resources",
    table(["Resource", "What it is"], resources),
    "## Lookups",
    "Pulumi functions that find the ids a program needs instead of copying them from the web portal; each has a Promise form and an Output form (`getUserOutput`), and a `lookups:` form in zoom.yaml.",
    table(
      ["Function", "What it finds"],
      LOOKUPS.map((lookup) => [`[zoom.${lookup.name}](lookups/${lookup.name}.md)`, lookup.description.split(/(?<=\.)\s/)[0] ?? ""]),
    ),
  ]);
}

/** Every generated file, from the registered definitions and the example files under `root`. */
export function generatedFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set(SCHEMA_FILE, renderJsonSchema());
  files.set(PULUMI_SCHEMA_FILE, renderPulumiSchema());
  files.set("docs/README.md", indexPage());
  files.set("docs/configuration.md", configurationPage());
  files.set("docs/cli.md", cliPage());
  files.set("docs/yaml.md", yamlPage());
  const examples = exampleFiles(root);
  for (const { definition } of availableSections()) {
    files.set(`docs/resources/${definition.kind}.md`, resourcePage(definition, exampleFor(definition, examples)));
  }
  for (const lookup of LOOKUPS) files.set(`docs/lookups/${lookup.name}.md`, lookupPage(lookup));
  return files;
}
