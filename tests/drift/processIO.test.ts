/**
 * The CLI's real file I/O (processIO, used by drift, import and validate): a missing file or folder is said in
 * words, never as a raw ENOENT naming a temporary file, and a failed write leaves nothing behind.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { processIO } from "../../provider/cli/io";

const dir = mkdtempSync(join(tmpdir(), "pulumi-zoom-io-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("reading a missing file says which file and why", async () => {
  await expect(processIO().readFile(join(dir, "nope.json"))).rejects.toThrow(`cannot read ${join(dir, "nope.json")}: no such file or directory`);
});

test("writing into a missing folder names the target, not the temporary file, and leaves nothing", async () => {
  const target = join(dir, "missing", "zoom.yaml");
  const error = await processIO().writeFile(target, "x").then(() => undefined, (e: Error) => e);
  expect(error?.message).toBe(`cannot write ${target}: no such file or directory`);
  expect(error?.message).not.toContain(".tmp");
  expect(readdirSync(dir)).toEqual([]);
});
