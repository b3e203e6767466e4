"use server";

import { getDb } from "@/app/lib/db";
import { localUserId } from "@/app/lib/auth/local-learner";
import { getOptimizeStatus } from "@/app/lib/data/optimize-status";
import { startOptimizeJob, type OptimizeStatus } from "./optimize-jobs";

/** Starts training the local learner's FSRS parameters (Settings -> Optimize); returns at once. */
export async function startOptimization(): Promise<OptimizeStatus> {
  const { prisma } = await getDb();
  return startOptimizeJob(prisma, localUserId);
}

/** How far the local learner's optimizing has got; polled by the settings page. */
export async function getOptimizationStatus(): Promise<OptimizeStatus> {
  const { prisma } = await getDb();
  return getOptimizeStatus(prisma, localUserId);
}
