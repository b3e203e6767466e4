"use server";

import { getDb } from "@/app/lib/db";
import { viewerOrThrow } from "@/app/lib/auth/viewer";
import { getOptimizeStatus, startOptimizeJob, type OptimizeStatus } from "./optimize-jobs";

/** Starts training the viewer's FSRS parameters (Settings -> Optimize); returns at once. */
export async function startOptimization(): Promise<OptimizeStatus> {
  const { userId } = await viewerOrThrow();
  const { prisma } = await getDb();
  return startOptimizeJob(prisma, userId);
}

/** How far the viewer's optimizing has got; polled by the settings page. */
export async function getOptimizationStatus(): Promise<OptimizeStatus> {
  const { userId } = await viewerOrThrow();
  return getOptimizeStatus(userId);
}
