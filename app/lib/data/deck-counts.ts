/**
 * Per-deck figures for the local learner, counted by the database for a given set of decks (a page
 * of the deck list, or one deck): nothing here loads a deck's cards to count them.
 */
import type { Db } from "@/app/lib/database/client";
import type { Prisma } from "@/app/lib/generated/sqlite/client";
import { endOfDay, startOfDay } from "@/app/lib/study/queue";
import { newCardsPerDay } from "@/app/lib/study/limits";
import { getReversedDeckIdsWith, studiedCardsWhere } from "./quiz-mode";

export interface DeckFigures {
  /** Active (not retired) cards. */
  cardCount: number;
  counts: { new: number; learning: number; due: number };
  lastStudied: Date | null;
}

/** The day's new allowance left after what was started today. */
export function newRemaining(startedToday: number): number {
  return Math.max(0, newCardsPerDay - startedToday);
}

/** New cards first graded today in each deck (they use up the day's allowance). */
async function newGradedToday(prisma: Db, userId: string, now: Date, deckIds: string[]) {
  const logs = await prisma.reviewLog.findMany({
    where: { userId, state: 0, review: { gte: startOfDay(now) }, card: { deckId: { in: deckIds } } },
    select: { card: { select: { deckId: true } } },
  });
  const byDeck = new Map<string, number>();
  for (const log of logs) byDeck.set(log.card.deckId, (byDeck.get(log.card.deckId) ?? 0) + 1);
  return byDeck;
}

/**
 * For each deck: its active cards; new cards still to see today (after the day's allowance),
 * learning cards due now, review cards due before the day ends; and when it was last studied.
 */
export async function getDeckFiguresWith(
  prisma: Db,
  deckIds: string[],
  now: Date,
  userId: string,
): Promise<Map<string, DeckFigures>> {
  const figures = new Map<string, DeckFigures>();
  if (deckIds.length === 0) return figures;
  // Reverse cards of term cards count only in decks the learner studies reversed.
  const studied = studiedCardsWhere(await getReversedDeckIdsWith(prisma, deckIds, userId));
  const countCards = async (states?: Omit<Prisma.CardStateWhereInput, "userId">) => {
    const rows = await prisma.card.groupBy({
      by: ["deckId"],
      where: {
        deckId: { in: deckIds },
        retiredAt: null,
        ...studied,
        ...(states ? { states: { some: { userId, ...states } } } : {}),
      },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.deckId, row._count._all]));
  };
  const [active, started, learning, due, startedToday, lastReviews] = await Promise.all([
    countCards(),
    countCards({ state: { not: 0 } }),
    countCards({ state: { in: [1, 3] }, due: { lte: now } }),
    countCards({ state: 2, due: { lt: endOfDay(now) } }),
    newGradedToday(prisma, userId, now, deckIds),
    // Per deck, through the (userId, cardId) index: a maximum over all decks' states at once would
    // read every state of the learner.
    Promise.all(
      deckIds.map((deckId) =>
        prisma.cardState.aggregate({ where: { userId, card: { deckId } }, _max: { last_review: true } }),
      ),
    ),
  ]);
  deckIds.forEach((deckId, index) => {
    const cardCount = active.get(deckId) ?? 0;
    figures.set(deckId, {
      cardCount,
      counts: {
        new: Math.min(cardCount - (started.get(deckId) ?? 0), newRemaining(startedToday.get(deckId) ?? 0)),
        learning: learning.get(deckId) ?? 0,
        due: due.get(deckId) ?? 0,
      },
      lastStudied: lastReviews[index]?._max.last_review ?? null,
    });
  });
  return figures;
}
