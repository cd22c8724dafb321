/** An in-memory CliIO: captured output, a chosen stdin, files, environment and TTY-ness. */
import type { Environment } from "../../provider/client/config";
import type { CliIO } from "../../provider/cli/io";

export interface FakeIO {
  readonly io: CliIO;
  stdout(): string;
  stderr(): string;
  exitCode(): number | undefined;
  readonly written: Map<string, string>;
}

export function fakeIO(options: { stdin?: string; files?: Record<string, string>; env?: Environment; tty?: boolean } = {}): FakeIO {
  let out = "";
  let err = "";
  let code: number | undefined;
  const written = new Map<string, string>();
  const files = { ...(options.files ?? {}) };
  const io: CliIO = {
    stdout: { write: (text) => void (out += text), isTTY: options.tty === true },
    stderr: { write: (text) => void (err += text), isTTY: options.tty === true },
    env: options.env ?? {},
    readStdin: async () => options.stdin ?? "",
    readFile: async (path) => {
      const text = files[path] ?? written.get(path);
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    writeFile: async (path, text) => void written.set(path, text),
    setExitCode: (value) => void (code = value),
  };
  return { io, stdout: () => out, stderr: () => err, exitCode: () => code, written };
}
