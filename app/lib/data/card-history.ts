/**
 * One card's page: the card, the learner's FSRS state for it and its last 50 reviews, newest first,
 * read along the (cardId) index. Older reviews stay in the database; the page says how many there are.
 */
import type { Db } from "@/app/lib/database/client";
import { visibleDeckWhere } from "@/app/lib/auth/deck-access";
import { cardHistory, retrievability, type HistoryEntry } from "@/app/lib/stats";
import { getLearnerSettingsWith } from "./settings-read";

export const historyLimit = 50;

export interface CardHistory {
  card: { id: string; kind: string; front: string; back: string; deck: { slug: string; title: string } };
  state: {
    state: number;
    due: Date;
    stability: number;
    difficulty: number;
    reps: number;
    lapses: number;
    lastReview: Date | null;
  } | null;
  /** Probability of recalling the card now, from the learner's parameters; null for a new card. */
  recall: number | null;
  reviews: HistoryEntry[];
  totalReviews: number;
  /** The learner's time zone, in which the page shows dates. */
  timeZone: string;
}

/**
 * The card (which must belong to the deck with `slug`, one `userId` may see) and their own history
 * with it, or null: another learner's card id reads as no card.
 */
export async function getCardHistoryWith(
  prisma: Db,
  slug: string,
  cardId: string,
  userId: string,
  now: Date,
): Promise<CardHistory | null> {
  const card = await prisma.card.findFirst({
    where: { id: cardId, deck: { slug, ...visibleDeckWhere(userId) } },
    select: { id: true, kind: true, front: true, back: true, deck: { select: { slug: true, title: true } } },
  });
  if (!card) return null;
  const [state, logs, totalReviews, learner] = await Promise.all([
    prisma.cardState.findUnique({
      where: { userId_cardId: { userId, cardId } },
      select: {
        state: true,
        due: true,
        stability: true,
        difficulty: true,
        reps: true,
        lapses: true,
        last_review: true,
      },
    }),
    prisma.reviewLog.findMany({
      where: { cardId, userId },
      select: { review: true, rating: true, due: true, durationMs: true },
      orderBy: [{ review: "desc" }, { id: "desc" }],
      take: historyLimit,
    }),
    prisma.reviewLog.count({ where: { cardId, userId } }),
    getLearnerSettingsWith(prisma, userId),
  ]);
  const shaped = state
    ? {
        state: state.state,
        due: state.due,
        stability: state.stability,
        difficulty: state.difficulty,
        reps: state.reps,
        lapses: state.lapses,
        lastReview: state.last_review,
      }
    : null;
  return {
    card,
    state: shaped,
    recall:
      shaped && shaped.state !== 0 ? retrievability(shaped, now, learner.settings.fsrsParameters) : null,
    reviews: cardHistory(logs, shaped?.due ?? null),
    totalReviews,
    timeZone: learner.settings.timeZone,
  };
}
