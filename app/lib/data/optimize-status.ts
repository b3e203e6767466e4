/**
 * The learner's optimizing job as the settings page shows it, read from the OptimizeJob row so that
 * any app instance answers the page's poll, whichever instance runs the training.
 */
import type { Db } from "@/app/lib/database/client";
import type { Evaluation } from "@/app/lib/optimizer/evaluate";
import type { Parameters } from "@/app/lib/optimizer/types";

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

/** How often the process running a job says it is alive. */
export const optimizeHeartbeatMs = 5_000;
/** A running job not heard from for this long belonged to a process that stopped (crash, restart). */
export const optimizeStaleMs = 30_000;

export const interruptedMessage =
  "Training stopped because the server running it went away; your parameters are unchanged. Try again.";

/** What an OptimizeJob row holds, as read here and written by app/lib/actions/optimize-jobs.ts. */
export interface OptimizeJobRow {
  state: string;
  progress: number;
  result: string | null;
  heartbeatAt: Date;
}

/** The status a stored row stands for at `now` (a stale running job reads as failed). */
export function reshapeOptimizeJob(row: OptimizeJobRow | null, now: Date): OptimizeStatus {
  if (!row) return { state: "idle" };
  if (row.state === "running") {
    if (now.getTime() - row.heartbeatAt.getTime() > optimizeStaleMs)
      return { state: "failed", message: interruptedMessage };
    return { state: "running", progress: row.progress };
  }
  try {
    const stored = JSON.parse(row.result ?? "null") as OptimizeStatus | null;
    // Only the three outcomes are ever stored; anything else is a row this code did not write.
    if (stored && stored.state === row.state && ["done", "too-few", "failed"].includes(stored.state))
      return stored;
  } catch {
    // Falls through: an unreadable outcome is reported as a failure to try again.
  }
  return { state: "failed", message: "The last training's outcome could not be read. Try again." };
}

/** The learner's job status; "idle" when they never started one. */
export async function getOptimizeStatus(
  prisma: Db,
  userId: string,
  now = new Date(),
): Promise<OptimizeStatus> {
  const row = await prisma.optimizeJob.findUnique({
    where: { userId },
    select: { state: true, progress: true, result: true, heartbeatAt: true },
  });
  return reshapeOptimizeJob(row, now);
}
