import type { Prisma } from "@/app/lib/generated/sqlite/client";
import { newCardId } from "@/app/lib/import/card-sql";
import { dialectOf } from "@/app/lib/import/card-writes";
import { cardStateColumns, insertRows, reviewLogColumns } from "./history-sql";
import type { ReplayedHistory } from "./replay-revlog";

type Tx = Prisma.TransactionClient;

export interface HistoryInput {
  deckId: string;
  userId: string;
  /** Each stored card of the deck that has an Anki history, with that history replayed. */
  histories: { cardId: string; history: ReplayedHistory }[];
}

export interface HistoryCounts {
  /** Cards that got a state from their Anki history. */
  cards: number;
  reviews: number;
  /** Cards that already had a state here and keep it (and their logs). */
  kept: number;
}

// 500 rows x 15 values stays under SQLite's (32,766) and PostgreSQL's (65,535) parameter limits.
const batchSize = 500;

/**
 * The id of an imported review: the card here and the Anki review (its time in ms). It names the
 * card rather than the Anki card, so the same package imported as a second deck, or a note whose
 * front was edited in Anki (a new card here, the old one retired with its logs), gets logs of its
 * own instead of colliding with the ones already stored.
 */
export const importedReviewId = (cardId: string, revlogId: number) => `anki-${cardId}-${revlogId}`;

/**
 * Stores replayed histories inside the caller's transaction (the one that wrote the deck's cards,
 * so cards, states and logs are committed together): review logs and the final CardState of each
 * card that has no state for this learner yet. A card already studied here keeps its state and logs.
 */
export async function writeHistory(tx: Tx, input: HistoryInput): Promise<HistoryCounts> {
  if (input.histories.length === 0) return { cards: 0, reviews: 0, kept: 0 };
  const studied = new Set(
    (
      await tx.cardState.findMany({
        where: { userId: input.userId, deckId: input.deckId },
        select: { cardId: true },
      })
    ).map((state) => state.cardId),
  );
  let kept = 0;
  const logs = [];
  const states = [];
  const createdAt = new Date();
  for (const { cardId, history } of input.histories) {
    if (!history.schedule) continue;
    if (studied.has(cardId)) {
      kept++;
      continue;
    }
    states.push({
      id: newCardId(),
      userId: input.userId,
      cardId,
      deckId: input.deckId,
      ...history.schedule,
      // 1, not 0: version 0 stands for "no state yet" to the study page and grading.
      version: 1,
      updatedAt: createdAt,
    });
    for (const { revlogId, ...fields } of history.reviews) {
      logs.push({
        id: importedReviewId(cardId, revlogId),
        userId: input.userId,
        cardId,
        ...fields,
        createdAt,
      });
    }
  }
  const dialect = dialectOf(tx);
  let reviews = 0;
  for (let i = 0; i < logs.length; i += batchSize) {
    const { sql, params } = insertRows(dialect, "ReviewLog", reviewLogColumns, logs.slice(i, i + batchSize));
    reviews += await tx.$executeRawUnsafe(sql, ...params);
  }
  for (let i = 0; i < states.length; i += batchSize) {
    const { sql, params } = insertRows(
      dialect,
      "CardState",
      cardStateColumns,
      states.slice(i, i + batchSize),
    );
    await tx.$executeRawUnsafe(sql, ...params);
  }
  return { cards: states.length, reviews, kept };
}
