import "server-only";
import { localUserId } from "@/app/lib/auth/local-learner";
import { getDb } from "@/app/lib/db";
import { countDueAllWith, getStudyAllQueueWith } from "./study-all-read";

/** A batch of the local learner's Study all queue (every active deck). */
export async function getStudyAllQueue(now = new Date()) {
  const { prisma } = await getDb();
  return getStudyAllQueueWith(prisma, now, { userId: localUserId });
}

/** Learning and review cards due today across every active deck, counted up to `cap` (then cap + 1). */
export async function countDueAll(cap: number, now = new Date()) {
  const { prisma } = await getDb();
  return countDueAllWith(prisma, now, { userId: localUserId, cap });
}
