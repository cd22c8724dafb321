/**
 * Runs and type-checks generated programs in tests. A generated program imports "pulumi-zoom" and
 * "@pulumi/pulumi" as a user's would; here it is compiled with TypeScript and run inside the engine contract
 * harness with those two modules bound to this checkout's source and the test's own Pulumi SDK instance (the
 * harness's mocks live in that instance). The dynamic-provider host still loads the built package (dist/),
 * exactly as for a user's stack.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import * as zoom from "../../provider";

export const ROOT = path.resolve(__dirname, "../..");

/** The program as a function the harness can run any number of times. */
export function programOf(source: string): () => void {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const modules: Record<string, unknown> = { "@pulumi/pulumi": pulumi, "pulumi-zoom": zoom };
  return () => {
    const module = { exports: {} as Record<string, unknown> };
    const load = (id: string): unknown => {
      if (!(id in modules)) throw new Error(`generated program requires ${id}`);
      return modules[id];
    };
    // Running the generated code is the point of this helper.
    new Function("exports", "require", "module", js)(module.exports, load, module);
  };
}

/** Type errors of a generated program, checked as a user's strict project would check it. */
export function typeErrors(source: string): string[] {
  const file = path.join(ROOT, "tests/importer/__generated__/index.ts");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ["node"],
    baseUrl: ROOT,
    paths: { "pulumi-zoom": ["./provider/index.ts"] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) =>
    path.resolve(name) === file ? ts.createSourceFile(name, source, language, true) : getSourceFile(name, language, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || path.resolve(d.file.fileName) === file)
    .map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      return `${where ? `${where.line + 1}:${where.character + 1} ` : ""}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}
