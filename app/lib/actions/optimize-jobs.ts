/**
 * One optimizing job per learner, kept in the database (OptimizeJob) so that with several app
 * instances the one that answers the settings page's poll knows about a job another one runs.
 * Starting returns at once and training runs in this process; it writes its progress and a heartbeat
 * to the row. A second start while a job runs joins it, decided by one conditional write, so two
 * instances starting at once still run one job. A job whose process died (heartbeat stale) reads as
 * failed and the next start takes it over.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/app/lib/database/client";
import {
  getOptimizeStatus,
  optimizeHeartbeatMs,
  optimizeStaleMs,
  type OptimizeStatus,
} from "@/app/lib/data/optimize-status";
import { optimizeParametersWith } from "./optimizing";
import { isUniqueViolation } from "@/app/lib/database/errors";

export type { OptimizeStatus } from "@/app/lib/data/optimize-status";

/** Progress is written at most this often: training reports far more often than a poll reads. */
const progressWriteMs = 250;

/**
 * Makes this caller the runner of `userId`'s job unless one is running (and alive): returns the new
 * run's id, or null when a live job exists and the caller should join it. One UPDATE (or, for a
 * learner's first job, one INSERT on the primary key) decides, so concurrent callers on any number of
 * instances get exactly one run id between them.
 */
export async function claimOptimizeJob(prisma: Db, userId: string, now = new Date()): Promise<string | null> {
  const runId = randomUUID();
  const fresh = { state: "running", progress: 0, result: null, runId, startedAt: now, heartbeatAt: now };
  const { count } = await prisma.optimizeJob.updateMany({
    where: {
      userId,
      OR: [{ state: { not: "running" } }, { heartbeatAt: { lt: new Date(now.getTime() - optimizeStaleMs) } }],
    },
    data: fresh,
  });
  if (count === 1) return runId;
  try {
    await prisma.optimizeJob.create({ data: { userId, ...fresh } });
    return runId;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Trains and records the outcome; every write names `runId`, so a run that lost its row writes nothing. */
async function runOptimizeJob(prisma: Db, userId: string, runId: string): Promise<void> {
  const mine = { userId, runId, state: "running" };
  const write = (data: { progress?: number; state?: string; result?: string }) =>
    prisma.optimizeJob
      .updateMany({ where: mine, data: { ...data, heartbeatAt: new Date() } })
      .catch((error: unknown) => console.error("Could not record the optimizing job's status", error));
  const heartbeat = setInterval(() => void write({}), optimizeHeartbeatMs);
  heartbeat.unref();
  let lastWrite = 0;
  const finish = (status: Exclude<OptimizeStatus, { state: "idle" | "running" }>) =>
    write({ state: status.state, progress: 1, result: JSON.stringify(status) });
  try {
    const result = await optimizeParametersWith(prisma, {
      userId,
      onProgress: ({ current, total }) => {
        if (Date.now() - lastWrite < progressWriteMs) return;
        lastWrite = Date.now();
        void write({ progress: total > 0 ? Math.min(1, current / total) : 0 });
      },
    });
    if (result.status === "too-few") await finish({ state: "too-few", message: result.message });
    else {
      const { status: _status, trained: _trained, ...rest } = result;
      await finish({ state: "done", ...rest });
    }
  } catch (error) {
    console.error("Optimizing FSRS parameters failed", error);
    await finish({
      state: "failed",
      message: "Training stopped with an error, and your parameters are unchanged. Try again.",
    });
  } finally {
    clearInterval(heartbeat);
  }
}

/** Starts optimizing unless a run is under way (on any instance); returns the status right after. */
export async function startOptimizeJob(prisma: Db, userId: string): Promise<OptimizeStatus> {
  const runId = await claimOptimizeJob(prisma, userId);
  if (!runId) return getOptimizeStatus(prisma, userId);
  void runOptimizeJob(prisma, userId, runId);
  return { state: "running", progress: 0 };
}
