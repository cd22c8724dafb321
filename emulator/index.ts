/**
 * pulumi-zoom's Zoom emulator: a stateful HTTP server on loopback that answers as Zoom's API documents itself
 * (OAuth, both path forms, accounts, rate limits, the meeting and other routes), plus control endpoints for
 * tests. `startEmulator()` and `EmulatorControl` are the whole public surface.
 */
import type { EmulatorOptions, RunningEmulator } from "./controlTypes";
import { EmulatorServer } from "./core/server";
import { ROUTE_MODULES } from "./routes";

export function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return new EmulatorServer(options, ROUTE_MODULES).listen();
}

export { EmulatorControl } from "./control";
export * from "./controlTypes";
export * from "./types";
