/**
 * One optimizing job per learner, kept in the server's memory: starting returns at once, training
 * runs in a worker thread, and the settings page polls the status. A second start while one runs
 * joins it. The last outcome stays until the next start, so a reloaded page still shows it.
 */
import type { Db } from "@/app/lib/database/client";
import type { Evaluation } from "@/app/lib/optimizer/evaluate";
import type { Parameters } from "@/app/lib/optimizer/types";
import { optimizeParametersWith } from "./optimizing";

export type OptimizeStatus =
  | { state: "idle" }
  | { state: "running"; progress: number }
  | { state: "too-few"; message: string }
  | { state: "failed"; message: string }
  | {
      state: "done";
      reviews: number;
      cards: number;
      before: Evaluation;
      after: Evaluation;
      kept: boolean;
      reason: string | null;
      previous: Parameters;
      parameters: Parameters;
    };

const globalJobs = globalThis as unknown as { notecardsOptimizeJobs?: Map<string, OptimizeStatus> };
const jobs = (globalJobs.notecardsOptimizeJobs ??= new Map());

export function getOptimizeStatus(userId: string): OptimizeStatus {
  return jobs.get(userId) ?? { state: "idle" };
}

/** Starts optimizing unless a run is under way; returns the status right after. */
export function startOptimizeJob(prisma: Db, userId: string): OptimizeStatus {
  const current = getOptimizeStatus(userId);
  if (current.state === "running") return current;
  jobs.set(userId, { state: "running", progress: 0 });
  void optimizeParametersWith(prisma, {
    userId,
    onProgress: ({ current, total }) => {
      const progress = total > 0 ? Math.min(1, current / total) : 0;
      jobs.set(userId, { state: "running", progress });
    },
  })
    .then((result) => {
      if (result.status === "too-few") jobs.set(userId, { state: "too-few", message: result.message });
      else {
        const { status: _status, trained: _trained, ...rest } = result;
        jobs.set(userId, { state: "done", ...rest });
      }
    })
    .catch((error: unknown) => {
      console.error("Optimizing FSRS parameters failed", error);
      jobs.set(userId, {
        state: "failed",
        message: "Training stopped with an error, and your parameters are unchanged. Try again.",
      });
    });
  return getOptimizeStatus(userId);
}
