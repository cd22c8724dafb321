/** The lookups' generated pages: one per lookup, each with its arguments, result fields, secrets, scopes and examples. */
import * as path from "node:path";
import type { z } from "zod";
import { generatedFiles } from "../../provider/docs";
import { LOOKUPS } from "../../provider/lookups";

const files = generatedFiles(path.resolve(__dirname, "../.."));

test.each(LOOKUPS.map((lookup) => [lookup.name, lookup] as const))("docs/lookups/%s.md", (name, lookup) => {
  const page = files.get(`docs/lookups/${name}.md`);
  if (page === undefined) throw new Error(`no page for ${name}`);
  expect(page).toContain(`zoom.${name}Output(args)`);
  const args = Object.keys((lookup.args as unknown as z.ZodObject).shape);
  for (const arg of args) expect(page).toContain(`| \`${arg}\``);
  for (const [field, spec] of Object.entries(lookup.fields)) {
    expect(page).toContain(`| \`${field}\` | \`${spec.type}\` | ${spec.secret ? "**Secret.** " : ""}`);
  }
  for (const operation of lookup.operations) expect(page).toContain(`| \`${operation}\``);
  expect(page).toMatch(/```ts\nimport \* as zoom from "pulumi-zoom";/);
  expect(page).toMatch(/```yaml\n(#.*\n)?lookups:/);
});

test("the index lists every lookup", () => {
  const index = files.get("docs/README.md") ?? "";
  for (const lookup of LOOKUPS) expect(index).toContain(`[zoom.${lookup.name}](lookups/${lookup.name}.md)`);
});
