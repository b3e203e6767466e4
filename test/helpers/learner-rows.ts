/**
 * Rows a learner's study leaves behind (a state per card, a log per grade), written straight to the
 * database so a test can pin every date without grading through the scheduler.
 */
import type { Db } from "@/app/lib/database/client";

export async function ensureLocalUser(prisma: Db, userId = "local"): Promise<void> {
  await prisma.user.upsert({ where: { id: userId }, update: {}, create: { id: userId, name: "Learner" } });
}

/** A state row: `state` 1 learning, 2 review, 3 relearning; due when given. */
export async function putState(
  prisma: Db,
  cardId: string,
  { state, due, userId = "local" }: { state: number; due: Date; userId?: string },
): Promise<void> {
  await ensureLocalUser(prisma, userId);
  const { deckId } = await prisma.card.findUniqueOrThrow({ where: { id: cardId }, select: { deckId: true } });
  await prisma.cardState.create({
    data: {
      userId,
      cardId,
      deckId,
      due,
      stability: 3,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 1,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      state,
      last_review: due,
      version: 1,
    },
  });
}

let logCounter = 0;

/** A grade of `cardId` at `review`. */
export async function putReview(prisma: Db, cardId: string, review: Date, userId = "local"): Promise<void> {
  await ensureLocalUser(prisma, userId);
  await prisma.reviewLog.create({
    data: {
      id: `log-${process.pid}-${logCounter++}`,
      userId,
      cardId,
      rating: 3,
      state: 0,
      due: review,
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      last_elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      review,
    },
  });
}

/** A deck with `cards` cards (ids `<deckId>-c<i>`), straight into the tables. */
export async function putDeck(
  prisma: Db,
  deckId: string,
  cards: number,
  extra: { sourcePath?: string; title?: string } = {},
): Promise<string[]> {
  await prisma.deck.create({
    data: { id: deckId, slug: deckId, title: extra.title ?? deckId, sourcePath: extra.sourcePath ?? null },
  });
  const ids = Array.from({ length: cards }, (_, i) => `${deckId}-c${i}`);
  await prisma.card.createMany({
    data: ids.map((id, i) => ({
      id,
      deckId,
      key: `k${i}`,
      kind: "basic",
      front: `Question ${i}?`,
      back: `Answer ${i}`,
      line: i + 1,
      position: i,
    })),
  });
  return ids;
}
