/**
 * Debug logging: one line per request when `ZOOM_LOG=debug`. Lines go to a pluggable sink (stderr by default;
 * tests pass their own) and always through the redactor, whatever the caller put in them.
 */
import { redactText } from "./redact";

export type LogSink = (line: string) => void;

export const stderrSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

export interface Logger {
  readonly debugEnabled: boolean;
  debug(line: string): void;
  /** Always written: things the user should see once (a plan mismatch). */
  warn(line: string): void;
}

export function createLogger(sink: LogSink, debugEnabled: boolean): Logger {
  const write = (line: string): void => {
    try {
      sink(redactText(`zoom: ${line}`));
    } catch {
      // A broken sink must never fail a request.
    }
  };
  return {
    debugEnabled,
    debug: (line) => {
      if (debugEnabled) write(line);
    },
    warn: (line) => write(`warning: ${line}`),
  };
}

/** `ZOOM_LOG=debug` (also `trace`, `1`, `true`): the usual spellings people try. */
export function debugFromEnv(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.ZOOM_LOG?.trim().toLowerCase();
  return value === "debug" || value === "trace" || value === "1" || value === "true";
}
