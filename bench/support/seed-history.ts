/**
 * Stores a simulated review history (simulate-learner.ts) as a learner's real data: one deck of
 * plain cards and the ReviewLog rows, in batches. Used by the optimizer's data and browser tests.
 */
import type { Db } from "@/app/lib/database/client";
import type { SimulatedReview } from "./simulate-learner";

export async function seedSimulatedHistory(
  prisma: Db,
  reviews: readonly SimulatedReview[],
  options: { userId: string; slug?: string },
): Promise<void> {
  const { userId } = options;
  const slug = options.slug ?? "simulated";
  await prisma.user.upsert({ where: { id: userId }, update: {}, create: { id: userId, name: "Learner" } });
  const deck = await prisma.deck.create({ data: { slug, title: "Simulated history" } });
  const cardIds = [...new Set(reviews.map((review) => review.cardId))];
  for (let i = 0; i < cardIds.length; i += 500) {
    await prisma.card.createMany({
      data: cardIds.slice(i, i + 500).map((id, j) => ({
        id: `${slug}-${id}`,
        deckId: deck.id,
        key: id,
        kind: "basic",
        front: `Question ${i + j + 1}`,
        back: "Answer",
        line: i + j + 1,
        position: i + j,
      })),
    });
  }
  for (let i = 0; i < reviews.length; i += 1000) {
    await prisma.reviewLog.createMany({
      data: reviews.slice(i, i + 1000).map(({ cardId, ...log }, j) => ({
        id: `${slug}-${userId}-${i + j}`,
        userId,
        cardId: `${slug}-${cardId}`,
        ...log,
      })),
    });
  }
}
