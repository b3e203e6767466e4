// Trains FSRS parameters in a worker thread (app/lib/optimizer/train.ts starts it). Plain JavaScript
// loaded from disk at run time, so the same file serves `next start`, the tests and the benchmark.
// Input: { packed } (see encode.ts). Output: progress messages, then the parameters or an error.
import { parentPort, workerData } from "node:worker_threads";
import { computeParameters, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";

const { packed } = workerData;
const items = [];
for (let at = 0; at < packed.length;) {
  const length = packed[at++];
  const reviews = [];
  for (let i = 0; i < length; i++) reviews.push(new FSRSBindingReview(packed[at++], packed[at++]));
  items.push(new FSRSBindingItem(reviews));
}
parentPort.postMessage({ type: "progress", current: 0, total: 1 });

try {
  const parameters = await computeParameters(items, {
    enableShortTerm: true,
    timeout: 200,
    progress: (current, total) => {
      parentPort.postMessage({ type: "progress", current, total });
    },
  });
  parentPort.postMessage({ type: "done", parameters });
} catch (error) {
  parentPort.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
}
