/** Reading requests and writing answers with node:http, nothing more. */
import type { IncomingMessage } from "node:http";

/** Bodies above this are refused (Zoom's own bodies are a few kilobytes). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ReadBody {
  readonly text: string;
  readonly tooLarge: boolean;
}

/**
 * The whole body as UTF-8. Past the limit the rest is read and dropped, so the client still gets an answer
 * instead of a broken pipe.
 */
export function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve({ text: tooLarge ? "" : Buffer.concat(chunks).toString("utf8"), tooLarge }));
    req.on("error", reject);
  });
}

/** An answer before it is written: a JSON body, a raw text body, or none (204). */
export interface Answer {
  readonly status: number;
  readonly json?: unknown;
  readonly raw?: { readonly text: string; readonly contentType: string };
  readonly headers?: Readonly<Record<string, string>>;
}

export const JSON_CONTENT_TYPE = "application/json;charset=UTF-8";

export function serialize(answer: Answer): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { ...answer.headers };
  let body = "";
  if (answer.raw) {
    body = answer.raw.text;
    headers["Content-Type"] = answer.raw.contentType;
  } else if (answer.json !== undefined && answer.status !== 204) {
    body = JSON.stringify(answer.json);
    headers["Content-Type"] = JSON_CONTENT_TYPE;
  }
  headers["Content-Length"] = String(Buffer.byteLength(body));
  return { headers, body };
}
