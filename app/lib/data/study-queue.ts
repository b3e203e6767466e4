import "server-only";
import { getDb } from "@/app/lib/db";
import { getStudyQueueWith } from "./study-queue-read";

/** The deck's study queue for the learner, or null when no deck has this slug. */
export async function getStudyQueue(userId: string, slug: string, now = new Date()) {
  const { prisma } = await getDb();
  return getStudyQueueWith(prisma, slug, now, userId);
}
