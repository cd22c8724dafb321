/** The built package (`dist/`): `npm test` builds before jest; a bare `npx jest` on a fresh checkout builds here. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const repoRoot = resolve(__dirname, "..", "..");

/** The built CLI, `dist/provider/cli/main.js`. */
export const builtCli = join(repoRoot, "dist", "provider", "cli", "main.js");

/**
 * Builds `dist/` when it is not there, and links `node_modules/pulumi-zoom` to the checkout (scripts/link-self.js),
 * as `npm run build` does (call in `beforeAll`, with a two-minute timeout).
 */
export function ensureBuilt(): void {
  if (!existsSync(join(repoRoot, "node_modules", "pulumi-zoom"))) {
    const link = spawnSync(process.execPath, [join(repoRoot, "scripts", "link-self.js")], { cwd: repoRoot, encoding: "utf8" });
    // Said here, not as a "cannot find module 'pulumi-zoom'" in whichever test loads it first.
    if (link.status !== 0) throw new Error(`could not link node_modules/pulumi-zoom to the checkout: ${link.stdout}${link.stderr}`);
  }
  if (existsSync(builtCli)) return;
  const build = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  if (!existsSync(builtCli)) throw new Error(`could not build the package: ${build.stdout}${build.stderr}`);
}
