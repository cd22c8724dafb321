/**
 * Where Zoom's OpenAPI documents and Pulumi's package metaschema are (test data, never shipped), and whether they are
 * there. Kept apart from spec.ts so jest's global setup can ask without loading jest-only helpers.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export type SpecDocument = "plain" | "master";

export const SPEC_FILES: Readonly<Record<SpecDocument, string>> = {
  plain: "zoom-meetings-api.json",
  master: "zoom-meetings-api-master-account.json",
};

/** Where the documents are: `$ZOOM_OPENAPI_DIR`, else `<repo>/../shared/zoom-openapi`. */
export function specDirectory(): string {
  return process.env.ZOOM_OPENAPI_DIR ?? join(resolve(__dirname, "..", ".."), "..", "shared", "zoom-openapi");
}

/** Whether both documents are in `specDirectory()`. */
export function specFound(): boolean {
  const dir = specDirectory();
  return Object.values(SPEC_FILES).every((file) => existsSync(join(dir, file)));
}

/** The one line a run without the documents prints. */
export function specMissingNotice(): string {
  return (
    `Zoom's OpenAPI documents are not in ${specDirectory()} (set ZOOM_OPENAPI_DIR to their directory): ` +
    `the spec-conformance tests are skipped and emulator answers are not checked against the documents.`
  );
}

/** Pulumi's package metaschema (test data, Apache-2.0), which the native plugin's schema is validated against. */
export const METASCHEMA_PATH = join(resolve(__dirname, "..", ".."), "..", "shared", "pulumi-metaschema", "pulumi.json");

/** The one line a run without the metaschema prints. */
export function metaschemaMissingNotice(path: string = METASCHEMA_PATH): string {
  return `Pulumi's package metaschema is not at ${path}: the metaschema validation is skipped.`;
}
