/** Whole-table snapshots and review history rows for the import tests. */
import type { Db } from "@/app/lib/database/client";

/** Every row of every table, ordered by id: two equal snapshots mean nothing was written. */
export async function snapshot(prisma: Db) {
  const [users, decks, cards, states, reviews] = await Promise.all([
    prisma.user.findMany({ orderBy: { id: "asc" } }),
    prisma.deck.findMany({ orderBy: { id: "asc" } }),
    prisma.card.findMany({ orderBy: { id: "asc" } }),
    prisma.cardState.findMany({ orderBy: { id: "asc" } }),
    prisma.reviewLog.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { users, decks, cards, states, reviews };
}

/** Gives a card a review history: a user, a CardState and one ReviewLog, as a study session would. */
export async function addHistory(prisma: Db, cardId: string, reviewId: string): Promise<void> {
  const when = new Date("2026-11-20T10:00:00Z");
  await prisma.user.upsert({ where: { id: "local" }, create: { id: "local", name: "Local" }, update: {} });
  const { deckId } = await prisma.card.findUniqueOrThrow({ where: { id: cardId }, select: { deckId: true } });
  await prisma.cardState.create({
    data: {
      userId: "local",
      cardId,
      deckId,
      due: new Date("2026-11-23T10:00:00Z"),
      stability: 3.2,
      difficulty: 5.1,
      elapsed_days: 0,
      scheduled_days: 3,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
      last_review: when,
    },
  });
  await prisma.reviewLog.create({
    data: {
      id: reviewId,
      userId: "local",
      cardId,
      rating: 3,
      state: 0,
      due: when,
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      last_elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      review: when,
    },
  });
}
