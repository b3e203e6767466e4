import "server-only";
import { getDb } from "@/app/lib/db";
import type { PracticeChoice } from "@/app/lib/study/practice-query";
import { getPracticeQueueWith } from "./practice-read";

/**
 * A deck's practice cards for the learner (every active deck's they may see with `slug` null), or
 * null when no studyable deck they may see has this slug.
 */
export async function getPracticeQueue(
  userId: string,
  slug: string | null,
  choice: PracticeChoice,
  now = new Date(),
) {
  const { prisma } = await getDb();
  return getPracticeQueueWith(prisma, slug, choice, now, { userId });
}
