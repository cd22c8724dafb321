/**
 * What a subcommand touches outside itself: output streams, stdin, files, the environment and the exit code.
 * The real process in production; an in-memory stand-in in tests, so a test can say "this is a TTY" or set
 * NO_COLOR without touching the test runner's own process.
 */
import { promises as fs } from "node:fs";
import type { Environment } from "../client/config";

export interface OutputStream {
  write(text: string): void;
  readonly isTTY?: boolean;
}

export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Environment;
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  setExitCode(code: number): void;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export function processIO(): CliIO {
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    env: process.env,
    readStdin: () => readAll(process.stdin),
    readFile: (path) => fs.readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot read ${path}: ${fileProblem(error)}`, { cause: error });
    }),
    // Written beside the target, then renamed over it: an interrupted run never leaves half a file.
    writeFile: async (path, text) => {
      const temporary = `${path}.${process.pid}.tmp`;
      try {
        await fs.writeFile(temporary, text, "utf8");
        await fs.rename(temporary, path);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw new Error(`cannot write ${path}: ${fileProblem(error as NodeJS.ErrnoException)}`, { cause: error });
      }
    },
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}

/** What went wrong with a file, in words (no temporary names, no stack). */
function fileProblem(error: NodeJS.ErrnoException): string {
  if (error.code === "ENOENT") return "no such file or directory";
  if (error.code === "EACCES" || error.code === "EPERM") return "permission denied";
  if (error.code === "EISDIR") return "it is a directory";
  return error.message;
}

/** Colour on a terminal, unless NO_COLOR is set to anything non-empty (https://no-color.org). */
export function wantsColor(stream: OutputStream, env: Environment): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/**
 * One status line on stderr, rewritten in place while a scan runs, and only on a terminal: a log file or CI
 * output gets no progress noise. `wanted: false` turns it off on a terminal too (`--json`). `done()` clears it.
 * No colour in it, so NO_COLOR changes nothing; it is cursor control, which only a terminal gets.
 */
export class ProgressLine {
  private shown = false;
  private lastText = "";

  constructor(
    private readonly stream: OutputStream,
    private readonly wanted = true,
  ) {}

  get enabled(): boolean {
    return this.wanted && this.stream.isTTY === true;
  }

  update(text: string): void {
    if (!this.enabled || text === this.lastText) return;
    this.lastText = text;
    this.shown = true;
    this.stream.write(`\r\u001b[2K${text}`);
  }

  done(): void {
    if (this.shown) this.stream.write("\r\u001b[2K");
    this.shown = false;
    this.lastText = "";
  }
}
