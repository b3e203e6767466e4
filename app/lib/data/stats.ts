import "server-only";
import { getDb } from "@/app/lib/db";
import { getCardHistoryWith } from "./card-history";
import { getStatsWith } from "./stats/get-stats";
import { getVisibleDeckWith } from "./visible-deck";

export type { Stats } from "./stats/get-stats";
export type { CardHistory } from "./card-history";

/** The learner's stats for all the decks they see, or for one deck's id. */
export async function getStats(userId: string, deckId: string | null, now = new Date()) {
  const db = await getDb();
  return getStatsWith(db, { userId, deckId }, now);
}

/** One card of a deck the learner may see and their own history with it, or null. */
export async function getCardHistory(userId: string, slug: string, cardId: string, now = new Date()) {
  const { prisma } = await getDb();
  return getCardHistoryWith(prisma, slug, cardId, userId, now);
}

/** The deck a stats page is about (one the learner may see, not in the trash), or null. */
export async function getStatsDeck(userId: string, slug: string) {
  const { prisma } = await getDb();
  const deck = await getVisibleDeckWith(prisma, slug, userId);
  return deck && !deck.deletedAt ? { id: deck.id, slug: deck.slug, title: deck.title } : null;
}
