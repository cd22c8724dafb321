/**
 * The generated docs: committed pages up to date, every resource with an example, and every example on the
 * pages valid — YAML blocks load with the loader, TypeScript programs (blocks with an `import`) typecheck
 * against the package's sources. Snippets without an import (one-line `import`-option and `.get` forms on
 * the resource pages) are illustrative and not compiled.
 */
import * as path from "path";
import * as ts from "typescript";
import { generatedFiles } from "../../provider/docs";
import { propertyRows } from "../../provider/docs/properties";
import { availableSections } from "../../provider/yaml/sections";
import { loadStackText } from "../../provider/yaml/loader";
import { formatProblem } from "../../provider/yaml/model";
import { staleFiles } from "../../schema/generate";

const root = path.resolve(__dirname, "../..");
const files = generatedFiles(root);
const pages = [...files].filter(([file]) => file.endsWith(".md"));

/** Fenced code blocks of one language in a Markdown page. */
function blocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map((match) => match[1]!);
}

test("the committed docs and schema are what the generator makes (run: npm run build && node dist/schema/generate.js)", () => {
  expect(staleFiles(root)).toEqual([]);
});

test("one page per resource kind, each with a YAML and a TypeScript example and every property", () => {
  for (const { definition } of availableSections()) {
    const page = files.get(`docs/resources/${definition.kind}.md`);
    expect(page).toBeDefined();
    expect(page).not.toContain("No example yet.");
    expect(blocks(page!, "yaml").length).toBeGreaterThanOrEqual(1);
    for (const row of propertyRows(definition)) expect(page).toContain(`| \`${row.path}\``);
    for (const output of Object.keys(definition.outputs)) expect(page).toContain(`| \`${output}\``);
  }
});

test("every zoom.yaml shown in the docs is valid", () => {
  const shown = pages.flatMap(([file, markdown]) => blocks(markdown, "yaml").map((text) => ({ file, text })));
  const zoomFiles = shown.filter(({ text }) => !/^repos:/m.test(text)); // the pre-commit config is not a zoom.yaml
  expect(zoomFiles.length).toBeGreaterThanOrEqual(availableSections().length);
  for (const { file, text } of zoomFiles) {
    const result = loadStackText(text, `${file} example`);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  }
});

/** Type errors in `sources` (file name → program), compiled with the project's settings. */
function typeErrors(sources: ReadonlyMap<string, string>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  })!;
  // Examples import "pulumi-zoom" as users do; here that is the package's source.
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, baseUrl: root, paths: { "pulumi-zoom": ["./provider/index.ts"] } };
  const virtual = new Map([...sources].map(([name, text]) => [path.join(root, "docs", "__examples__", name), text]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => virtual.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => virtual.get(name) ?? ts.sys.readFile(name);
  host.getSourceFile = (name, language, onError) =>
    virtual.has(name) ? ts.createSourceFile(name, virtual.get(name)!, language) : getSourceFile(name, language, onError);
  const program = ts.createProgram([...virtual.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && virtual.has(diagnostic.file.fileName))
    .map((diagnostic) => {
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return `${path.basename(diagnostic.file!.fileName)}:${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    });
}

test("every TypeScript program shown in the docs typechecks", () => {
  const programs = new Map<string, string>();
  for (const [file, markdown] of pages) {
    blocks(markdown, "ts")
      .filter((text) => /^import /m.test(text))
      .forEach((text, index) => programs.set(`${file.replace(/[/.]/g, "_")}_${index}.ts`, text));
  }
  expect(programs.size).toBeGreaterThanOrEqual(availableSections().length);
  expect(typeErrors(programs)).toEqual([]);
});
