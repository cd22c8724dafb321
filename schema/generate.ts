#!/usr/bin/env node
/**
 * Writes the generated files: `schema/zoom.schema.json` (the zoom.yaml JSON Schema) and the reference docs
 * under `docs/`, all from the resource definitions and `examples/yaml/`.
 *
 *   npm run build && node dist/schema/generate.js           # write them
 *   npm run build && node dist/schema/generate.js --check   # exit 1 and list them when any is stale
 *
 * Run it after changing a resource definition, a schema, a CLI command or an example; the tests fail while a
 * committed file is stale.
 */
import * as fs from "fs";
import * as path from "path";
import { generatedFiles } from "../provider/docs";

/** The repository root: the nearest directory above this file with pulumi-zoom's package.json. */
function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === "pulumi-zoom") return dir;
    if (path.dirname(dir) === dir) throw new Error("cannot find pulumi-zoom's package.json above " + __dirname);
  }
}

/** Generated files whose committed text differs (or that are missing), and stale pages nothing generates. */
export function staleFiles(root: string): string[] {
  const files = generatedFiles(root);
  const stale = [...files].filter(([file, text]) => {
    const target = path.join(root, file);
    return !fs.existsSync(target) || fs.readFileSync(target, "utf8") !== text;
  });
  const orphans = ["resources", "lookups"].flatMap((folder) => {
    const dir = path.join(root, "docs", folder);
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => `docs/${folder}/${name}`).filter((file) => !files.has(file)) : [];
  });
  return [...stale.map(([file]) => file), ...orphans];
}

function main(argv: readonly string[]): number {
  const root = repositoryRoot();
  if (argv.includes("--check")) {
    const stale = staleFiles(root);
    for (const file of stale) process.stdout.write(`stale: ${file}\n`);
    if (stale.length > 0) process.stdout.write("run: npm run build && node dist/schema/generate.js\n");
    return stale.length > 0 ? 1 : 0;
  }
  for (const [file, text] of generatedFiles(root)) {
    const target = path.join(root, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== text) {
      fs.writeFileSync(target, text);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
  for (const orphan of staleFiles(root)) {
    fs.rmSync(path.join(root, orphan));
    process.stdout.write(`removed ${orphan}\n`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
