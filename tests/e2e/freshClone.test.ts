/**
 * A fresh clone (no ../shared beside it) runs `npm test` with the conformance tests skipped and says so once;
 * CI refuses to run without Zoom's OpenAPI documents, so conformance is never skipped there.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { announceMissingMetaschema, announceMissingSpec } from "../support/globalSetup";

const root = path.resolve(__dirname, "../..");

function withEnv(env: Record<string, string | undefined>, run: () => void): void {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  assign(env);
  try {
    run();
  } finally {
    assign(saved);
  }
}

test(".ci/run fails before installing anything when the documents are missing", () => {
  const run = spawnSync("bash", [path.join(root, ".ci/run")], {
    env: { ...process.env, CI: "true", ZOOM_OPENAPI_DIR: "/nonexistent/zoom-openapi" },
    encoding: "utf8",
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/zoom-meetings-api\.json is not in \/nonexistent\/zoom-openapi.*conformance/);
  expect(run.stdout).toBe(""); // npm ci never started
});

/** What `run` writes to stderr, line by line (kept from the real stderr). */
function stderrLines(run: () => void): string[] {
  const written: string[] = [];
  const write = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    write.mockRestore();
  }
  return written.join("").split("\n").filter((line) => line !== "");
}

test("without the documents the run says so in one line, and fails under CI=true", () => {
  const lines = stderrLines(() => withEnv({ ZOOM_OPENAPI_DIR: "/nonexistent/zoom-openapi", CI: undefined }, () => announceMissingSpec()));
  expect(lines).toEqual([expect.stringMatching(/^Zoom's OpenAPI documents are not in \/nonexistent\/zoom-openapi .*skipped/)]);
  withEnv({ ZOOM_OPENAPI_DIR: "/nonexistent/zoom-openapi", CI: "true" }, () => {
    expect(() => announceMissingSpec()).toThrow(/CI must run the conformance tests/);
  });
});

test("without the metaschema the run says so in one line; under CI=true it says nothing here (its test fails instead)", () => {
  const missing = "/nonexistent/pulumi-metaschema/pulumi.json";
  expect(stderrLines(() => withEnv({ CI: undefined }, () => announceMissingMetaschema(missing)))).toEqual([
    `Pulumi's package metaschema is not at ${missing}: the metaschema validation is skipped.`,
  ]);
  expect(stderrLines(() => withEnv({ CI: "true" }, () => announceMissingMetaschema(missing)))).toEqual([]);
  // A metaschema that is there: nothing to say.
  expect(stderrLines(() => withEnv({ CI: undefined }, () => announceMissingMetaschema(__filename)))).toEqual([]);
});
