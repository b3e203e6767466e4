import "server-only";
import { localUserId } from "@/app/lib/auth/local-learner";
import { getDb } from "@/app/lib/db";
import { getStudyQueueWith } from "./study-queue-read";

/** The deck's study queue for the local learner, or null when no deck has this slug. */
export async function getStudyQueue(slug: string, now = new Date()) {
  const { prisma } = await getDb();
  return getStudyQueueWith(prisma, slug, now, localUserId);
}
