/**
 * Parses a large note in a worker thread with a time and memory limit, so no note a learner can send
 * stalls the server: parsing 900 KB takes seconds even on ordinary notes, and micromark's work grows
 * faster than the text on some shapes (one list item of thousands of lazy lines). Small notes parse
 * on the calling thread, where the trip to a worker would cost more than it saves.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParsedDeck } from "@/app/lib/cards/types";
import { ImportError } from "./errors";
import type { ParseJob, ParseReply } from "./parse-job";
import { parseSource, parseText } from "./parse-source";

/** Notes up to this many characters parse in tens of milliseconds on the calling thread. */
export const offThreadMinChars = 32 * 1024;
/** Generous: a 900 KB note of ordinary lines takes ~6 s alone, and far longer on a busy machine. */
export const parseTimeLimitMs = 60_000;
/** The heap a dense 880 KB note (tiny table rows, link runs) needs: 1-2 GB. */
const parseMemoryLimitMb = 3_072;
/** Workers at most (each holds a core while it parses); more notes wait their turn. */
const maxWorkers = 2;
/** An idle worker is kept this long for the next note, then stopped. */
const idleWorkerMs = 60_000;

/**
 * In Next's server, `new Worker(new URL(...))` was compiled by its bundler into a worker chunk of its
 * own. Under Vitest and tsx (the CLI) this module runs from its TypeScript source, and Node 20 cannot
 * load TypeScript in a worker, so the worker first registers tsx's loader and then imports the entry.
 */
function startWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: parseMemoryLimitMb } };
  // Set by Next in its server, whose bundled modules report their source file as import.meta.url.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./parse-worker.ts", import.meta.url), options);
  const tsx = path.dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const loader = pathToFileURL(path.join(tsx, "dist/esm/api/index.mjs")).href;
  const entry = new URL("./parse-worker.ts", import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

const live = new Set<Worker>();
const idle: Array<{ worker: Worker; stopTimer: NodeJS.Timeout }> = [];
const waiting: Array<() => void> = [];

/** Takes a worker out of the pool (at once, not when it has exited) and hands its place on. */
function forget(worker: Worker): void {
  const at = idle.findIndex((entry) => entry.worker === worker);
  if (at >= 0) clearTimeout(idle.splice(at, 1)[0]!.stopTimer);
  if (live.delete(worker)) waiting.shift()?.();
}

/** Stops a worker; it is out of the pool before it has stopped, so no note is given a dying one. */
function stop(worker: Worker): void {
  forget(worker);
  void worker.terminate();
}

async function takeWorker(): Promise<Worker> {
  for (;;) {
    const kept = idle.pop();
    if (kept) {
      clearTimeout(kept.stopTimer);
      return kept.worker;
    }
    if (live.size < maxWorkers) {
      const worker = startWorker();
      live.add(worker);
      worker.once("exit", () => forget(worker));
      // An error after its note was settled (out of memory as the time limit stopped it) is no
      // one's to handle; unheard, it would crash the process.
      worker.on("error", () => {});
      return worker;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

/** A worker that answered goes back to the pool; one that failed or ran over is stopped. */
function giveBack(worker: Worker, healthy: boolean): void {
  if (!healthy) {
    stop(worker);
    return;
  }
  worker.unref(); // an idle worker never keeps the process alive
  const stopTimer = setTimeout(() => stop(worker), idleWorkerMs);
  stopTimer.unref();
  idle.push({ worker, stopTimer });
  waiting.shift()?.();
}

class WorkerLost extends Error {
  constructor(code: number) {
    super(`the parser's worker stopped (exit ${code})`);
  }
}

function runJob(worker: Worker, job: ParseJob, timeLimitMs: number): Promise<ParsedDeck> {
  worker.ref();
  return new Promise((resolve, reject) => {
    const finish = (healthy: boolean, action: () => void) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      giveBack(worker, healthy);
      action();
    };
    const onMessage = (reply: ParseReply) =>
      finish(true, () =>
        reply.ok
          ? resolve(reply.deck)
          : reject(new ImportError(reply.file, reply.message, { line: reply.line })),
      );
    const onError = (error: Error & { code?: string }) =>
      finish(false, () =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new ImportError(job.sourcePath, "needs too much memory to read; split it into smaller notes")
            : error,
        ),
      );
    const onExit = (code: number) => finish(false, () => reject(new WorkerLost(code)));
    const timer = setTimeout(
      () =>
        finish(false, () =>
          reject(
            new ImportError(
              job.sourcePath,
              `took longer than ${timeLimitMs / 1000} s to read; split it into smaller notes`,
            ),
          ),
        ),
      timeLimitMs,
    );
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage(job);
  });
}

async function parseOffThread(job: ParseJob, timeLimitMs: number): Promise<ParsedDeck> {
  if (job.text.length < offThreadMinChars) {
    return job.requireCards
      ? parseSource(job.text, job.sourcePath, job.fileName)
      : parseText(job.text, job.sourcePath, job.fileName);
  }
  try {
    return await runJob(await takeWorker(), job, timeLimitMs);
  } catch (error) {
    // A worker that stopped under the note (not by its limits) is not the note's fault: once more.
    if (!(error instanceof WorkerLost)) throw error;
    return runJob(await takeWorker(), job, timeLimitMs);
  }
}

/** {@link parseSource} off the calling thread for large notes, bounded in time and memory. */
export function parseSourceOffThread(
  text: string,
  sourcePath: string,
  fileName: string,
  timeLimitMs = parseTimeLimitMs,
): Promise<ParsedDeck> {
  return parseOffThread({ text, sourcePath, fileName, requireCards: true }, timeLimitMs);
}

/** {@link parseText} off the calling thread for large notes, bounded in time and memory. */
export function parseTextOffThread(
  text: string,
  sourcePath: string,
  fileName: string,
  timeLimitMs = parseTimeLimitMs,
): Promise<ParsedDeck> {
  return parseOffThread({ text, sourcePath, fileName, requireCards: false }, timeLimitMs);
}
