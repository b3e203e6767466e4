import "server-only";
import { localUserId } from "@/app/lib/auth/local-learner";
import { getDb } from "@/app/lib/db";
import { getRetentionEstimatesWith, type RetentionEstimates } from "./retention-estimate";
import { getDeckOverridesWith, getLearnerSettingsWith } from "./settings-read";

/** The local learner's study settings, and whether they were ever saved. */
export async function getLearnerSettings() {
  const { prisma } = await getDb();
  return getLearnerSettingsWith(prisma, localUserId);
}

/** A deck's overrides and the learner's settings they fall back to, or null when no deck has this slug. */
export async function getDeckOptions(slug: string) {
  const { prisma } = await getDb();
  const deck = await prisma.deck.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true },
  });
  if (!deck) return null;
  const [learner, overrides] = await Promise.all([
    getLearnerSettingsWith(prisma, localUserId),
    getDeckOverridesWith(prisma, localUserId, deck.id),
  ]);
  return { deck, learner: learner.settings, overrides };
}

/**
 * The local learner's reviews-per-day estimate for each desired retention (of one deck with its
 * options, given `deckId`), or null when it could not be made (the page still renders; the
 * estimate says so).
 */
export async function getRetentionEstimates(deckId?: string): Promise<RetentionEstimates | null> {
  try {
    const { prisma } = await getDb();
    return await getRetentionEstimatesWith(prisma, localUserId, new Date(), deckId);
  } catch (error) {
    console.error("Estimating reviews per retention failed", error);
    return null;
  }
}
