/**
 * Worker-thread entry of parse-off-thread.ts: parses each note it is sent and posts back the deck,
 * or the ImportError's parts (an Error's class does not survive the trip between threads). The
 * worker stays up between notes, so its parser is loaded and compiled once.
 */
import { parentPort } from "node:worker_threads";
import { ImportError } from "./errors";
import { parseSource, parseText } from "./parse-source";
import type { ParseJob, ParseReply } from "./parse-job";

function reply(job: ParseJob): ParseReply {
  try {
    const parse = job.requireCards ? parseSource : parseText;
    return { ok: true, deck: parse(job.text, job.sourcePath, job.fileName) };
  } catch (error) {
    if (error instanceof ImportError) {
      const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
      return {
        ok: false,
        file: error.file,
        line: error.line,
        message: error.message.slice(where.length + 2),
      };
    }
    return { ok: false, file: job.sourcePath, message: `could not be parsed: ${(error as Error).message}` };
  }
}

parentPort?.on("message", (job: ParseJob) => parentPort?.postMessage(reply(job)));
