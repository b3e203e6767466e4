import "server-only";
import { localUserId } from "@/app/lib/auth/local-learner";
import { getDb } from "@/app/lib/db";
import { getCardHistoryWith } from "./card-history";
import { getStatsWith } from "./stats/get-stats";

export type { Stats } from "./stats/get-stats";
export type { CardHistory } from "./card-history";

/** The local learner's stats for all decks, or for one deck's id. */
export async function getStats(deckId: string | null, now = new Date()) {
  const db = await getDb();
  return getStatsWith(db, { userId: localUserId, deckId }, now);
}

/** One card of a deck and the local learner's history with it, or null. */
export async function getCardHistory(slug: string, cardId: string, now = new Date()) {
  const { prisma } = await getDb();
  return getCardHistoryWith(prisma, slug, cardId, localUserId, now);
}

/** The deck a stats page is about (not one in the trash), or null. */
export async function getStatsDeck(slug: string) {
  const { prisma } = await getDb();
  return prisma.deck.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, slug: true, title: true },
  });
}
