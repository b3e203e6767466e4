/**
 * Trains FSRS-6 parameters with @open-spaced-repetition/binding (fsrs-rs) in a worker thread, so a
 * long history never stalls the server: handing 160,000 items to the binding on the main thread
 * blocked its event loop for ~0.9 s in a probe, although the training itself runs off it.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Parameters } from "./types";

export interface TrainingProgress {
  current: number;
  total: number;
}

export class TrainingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrainingError";
  }
}

type WorkerMessage =
  | ({ type: "progress" } & TrainingProgress)
  | { type: "done"; parameters: number[] }
  | { type: "error"; message: string };

// Resolved from the project root at run time: the production server runs from there, and a bundled
// copy of this module has no stable path of its own to resolve against.
const workerPath = () => path.join(process.cwd(), "app/lib/optimizer/train-worker.mjs");

/**
 * Trains on training items packed by encode.ts (packTrainingItems or encodeItems); the array is
 * handed over to the worker, not copied. `onProgress` hears how far training has got.
 */
export function trainParameters(
  packed: Uint32Array,
  onProgress: (progress: TrainingProgress) => void = () => {},
): Promise<Parameters> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath(), {
      workerData: { packed },
      transferList: [packed.buffer as ArrayBuffer],
    });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress({ current: message.current, total: message.total });
      else if (message.type === "done") settle(() => resolve(message.parameters));
      else settle(() => reject(new TrainingError(message.message)));
    });
    worker.on("error", (error) => settle(() => reject(new TrainingError(error.message))));
    worker.on("exit", (code) => settle(() => reject(new TrainingError(`training stopped (exit ${code})`))));
  });
}
