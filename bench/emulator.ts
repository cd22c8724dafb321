/** The emulator the benchmarks run against: a fresh one per measurement, in a worker thread (emulatorWorker.ts). */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { EmulatorControl, type EmulatorInfo, type EmulatorOptions, type EmulatorPlan } from "../emulator";
import type { WorkerMessage } from "./emulatorWorker";

export interface BenchEmulator {
  readonly info: EmulatorInfo;
  readonly control: EmulatorControl;
  close(): Promise<void>;
}

/** Tokens outlive any benchmark, so a token request counts what the provider asks for, not clock effects. */
const TOKEN_TTL_SECONDS = 3600;

export function startBenchEmulator(plan: EmulatorPlan): Promise<BenchEmulator> {
  const options: EmulatorOptions = { plan, host: "127.0.0.1", port: 0, randomSeed: 9, tokenTtlSeconds: TOKEN_TTL_SECONDS };
  const worker = new Worker(path.join(__dirname, "emulatorWorker.js"), { workerData: options });
  return new Promise<BenchEmulator>((resolve, reject) => {
    const onMessage = (message: WorkerMessage): void => {
      if (message.type === "error") {
        reject(new Error(`emulator worker: ${message.message}`));
        void worker.terminate();
        return;
      }
      if (message.type !== "ready") return;
      worker.off("message", onMessage);
      const info = message.info;
      resolve({
        info,
        control: new EmulatorControl(info),
        close: () =>
          new Promise<void>((done) => {
            worker.once("message", () => void worker.terminate().then(() => done()));
            worker.postMessage("close");
          }),
      });
    };
    worker.on("message", onMessage);
    worker.once("error", reject);
  });
}
