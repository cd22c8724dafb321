/**
 * Who may use the control endpoints under `/_emulator/`: requests naming a loopback host (or the address the
 * emulator was told to bind), so a web page cannot reach them through DNS rebinding, and only with the control
 * token. Also says whether a bind address is a loopback one (the server warns when it is not).
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Answer } from "./http";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1"]);

function unbracketed(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

export function isLoopbackName(host: string): boolean {
  const name = unbracketed(host).toLowerCase();
  return LOOPBACK_NAMES.has(name) || /^127(\.\d{1,3}){3}$/.test(name) || name.endsWith(".localhost");
}

/** The host name of a Host header (`127.0.0.1:8080`, `[::1]:8080`, `localhost`), without the port. */
function hostnameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(header.trim());
  return match ? unbracketed(match[1]!) : undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The refusal (403 for a foreign host, 401 without the token) of a control request, or undefined to let it in. */
export function refuseControl(req: IncomingMessage, boundHost: string, controlToken: string): Answer | undefined {
  const hostname = hostnameOf(req.headers.host);
  if (hostname === undefined || !(isLoopbackName(hostname) || hostname === unbracketed(boundHost))) {
    return { status: 403, json: { code: 403, message: `Control endpoints answer loopback hosts only, not ${JSON.stringify(req.headers.host ?? "")}.` } };
  }
  const given = req.headers["x-emulator-token"];
  if (typeof given !== "string" || !sameSecret(given, controlToken)) {
    return { status: 401, json: { code: 401, message: "Control endpoints need the emulator's control token in the X-Emulator-Token header (printed by `pulumi-zoom emulator`)." } };
  }
  return undefined;
}
