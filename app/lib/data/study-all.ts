import "server-only";
import { getDb } from "@/app/lib/db";
import { countDueAllWith, getStudyAllQueueWith } from "./study-all-read";

/** A batch of the learner's Study all queue (every active deck). */
export async function getStudyAllQueue(userId: string, now = new Date()) {
  const { prisma } = await getDb();
  return getStudyAllQueueWith(prisma, now, { userId });
}

/** The learner's learning and review cards due today across every active deck, counted up to `cap` (then cap + 1). */
export async function countDueAll(userId: string, cap: number, now = new Date()) {
  const { prisma } = await getDb();
  return countDueAllWith(prisma, now, { userId, cap });
}
