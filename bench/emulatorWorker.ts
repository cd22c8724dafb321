/**
 * Runs the emulator in a worker thread: its own event loop, so the harness and the Pulumi SDK (busy in the
 * bench's main thread with thousands of registrations) never delay the emulator's answers or the timestamps its
 * per-second rate limits count with. The main thread talks to it over HTTP like any client, and sends "close".
 */
import { parentPort, workerData } from "node:worker_threads";
import { startEmulator, type EmulatorInfo, type EmulatorOptions } from "../emulator";

export type WorkerMessage = { type: "ready"; info: EmulatorInfo } | { type: "closed" } | { type: "error"; message: string };

const port = parentPort;
if (!port) throw new Error("bench/emulatorWorker must run as a worker thread");

startEmulator(workerData as EmulatorOptions).then(
  (running) => {
    const { close, ...info } = running;
    port.postMessage({ type: "ready", info } satisfies WorkerMessage);
    port.on("message", (message: unknown) => {
      if (message !== "close") return;
      void close().then(() => port.postMessage({ type: "closed" } satisfies WorkerMessage));
    });
  },
  (error: unknown) => port.postMessage({ type: "error", message: String(error) } satisfies WorkerMessage),
);
