import "server-only";
import { getDb } from "@/app/lib/db";
import { getRetentionEstimatesWith, type RetentionEstimates } from "./retention-estimate";
import { getDeckOverridesWith, getLearnerSettingsWith } from "./settings-read";
import { getVisibleDeckWith } from "./visible-deck";

/** The learner's study settings, and whether they were ever saved. */
export async function getLearnerSettings(userId: string) {
  const { prisma } = await getDb();
  return getLearnerSettingsWith(prisma, userId);
}

/**
 * A deck's overrides and the learner's settings they fall back to, or null when no deck the
 * learner may see has this slug. Study options are each learner's own, so a shared deck has them too.
 */
export async function getDeckOptions(userId: string, slug: string) {
  const { prisma } = await getDb();
  const deck = await getVisibleDeckWith(prisma, slug, userId);
  if (!deck) return null;
  const [learner, overrides] = await Promise.all([
    getLearnerSettingsWith(prisma, userId),
    getDeckOverridesWith(prisma, userId, deck.id),
  ]);
  return { deck: { id: deck.id, slug: deck.slug, title: deck.title }, learner: learner.settings, overrides };
}

/**
 * The learner's reviews-per-day estimate for each desired retention (of one deck with its options,
 * given `deckId`), or null when it could not be made (the page still renders; the estimate says so).
 */
export async function getRetentionEstimates(
  userId: string,
  deckId?: string,
): Promise<RetentionEstimates | null> {
  try {
    const { prisma } = await getDb();
    return await getRetentionEstimatesWith(prisma, userId, new Date(), deckId);
  } catch (error) {
    console.error("Estimating reviews per retention failed", error);
    return null;
  }
}
