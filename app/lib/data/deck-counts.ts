/**
 * Per-deck figures for one learner, counted by the database for a given set of decks (a page
 * of the deck list, or one deck): nothing here loads a deck's cards to count them.
 */
import type { Db } from "@/app/lib/database/client";
import type { Prisma } from "@/app/lib/generated/sqlite/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { resolveDeckSettings, studyDay } from "@/app/lib/settings";
import { dailyAllowance, type GradedToday } from "@/app/lib/study/daily-limits";
import { getDecksOverridesWith, getLearnerSettingsWith } from "./settings-read";
import { studyable } from "./card-marks";
import { getReversedDeckIdsWith, studiedCardsWhere } from "./quiz-mode";

export interface DeckFigures {
  /** Active (not retired) cards. */
  cardCount: number;
  counts: { new: number; learning: number; due: number };
  lastStudied: Date | null;
}

/** New cards and reviews graded since the study day began, by deck (they use up the day's limits). */
export async function gradedToday(prisma: Db, userId: string, dayStart: Date, deckIds: string[]) {
  const logs = await prisma.reviewLog.findMany({
    where: { userId, state: { in: [0, 2] }, review: { gte: dayStart }, card: { deckId: { in: deckIds } } },
    select: { cardId: true, state: true, card: { select: { deckId: true, line: true, kind: true } } },
  });
  const byDeck = new Map<string, GradedToday[]>();
  for (const log of logs) {
    const list = byDeck.get(log.card.deckId) ?? [];
    list.push({ cardId: log.cardId, state: log.state, line: log.card.line, kind: log.card.kind });
    byDeck.set(log.card.deckId, list);
  }
  return byDeck;
}

/**
 * For each deck: its active cards; new cards still to see today (within the day's new-card limit),
 * learning cards due now, review cards due before the study day ends (within the day's review
 * limit); and when it was last studied. Suspended and buried cards are not counted. A deck the
 * learner may not see gets no entry, whoever passed its id.
 */
export async function getDeckFiguresWith(
  prisma: Db,
  requestedIds: string[],
  now: Date,
  userId: string,
): Promise<Map<string, DeckFigures>> {
  const figures = new Map<string, DeckFigures>();
  if (requestedIds.length === 0) return figures;
  const visible = await prisma.deck.findMany({
    where: { id: { in: requestedIds }, ...visibleDeckWhere(userId) },
    select: { id: true },
  });
  const deckIds = visible.map((deck) => deck.id);
  if (deckIds.length === 0) return figures;
  // Reverse cards of term cards count only in decks the learner studies reversed.
  const studied = studiedCardsWhere(await getReversedDeckIdsWith(prisma, deckIds, userId));
  const [learner, overrides] = await Promise.all([
    getLearnerSettingsWith(prisma, userId),
    getDecksOverridesWith(prisma, userId, deckIds),
  ]);
  const day = studyDay(now, learner.settings.timeZone, learner.settings.dayStartHour);
  const countCards = async (states?: Omit<Prisma.CardStateWhereInput, "userId">, onlyStudyable = false) => {
    const rows = await prisma.card.groupBy({
      by: ["deckId"],
      where: {
        deckId: { in: deckIds },
        retiredAt: null,
        ...studied,
        ...(states ? { states: { some: { userId, ...states } } } : {}),
        ...(onlyStudyable ? studyable(userId, now) : {}),
      },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.deckId, row._count._all]));
  };
  const [active, notSetAside, started, learning, due, graded, lastReviews] = await Promise.all([
    countCards(),
    countCards(undefined, true),
    countCards({ state: { not: 0 } }, true),
    countCards({ state: { in: [1, 3] }, due: { lte: now } }, true),
    countCards({ state: 2, due: { lt: day.end } }, true),
    gradedToday(prisma, userId, day.start, deckIds),
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
    const settings = resolveDeckSettings(learner.settings, overrides.get(deckId) ?? null);
    const allowance = dailyAllowance(settings, graded.get(deckId) ?? []);
    figures.set(deckId, {
      cardCount,
      counts: {
        new: Math.max(
          0,
          Math.min((notSetAside.get(deckId) ?? 0) - (started.get(deckId) ?? 0), allowance.newRemaining),
        ),
        learning: learning.get(deckId) ?? 0,
        due: Math.min(due.get(deckId) ?? 0, allowance.reviewsRemaining),
      },
      lastStudied: lastReviews[index]?._max.last_review ?? null,
    });
  });
  return figures;
}
