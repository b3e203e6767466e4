import type { Db } from "@/app/lib/database/client";
import { newCardId } from "@/app/lib/import/card-sql";
import { dialectOf } from "@/app/lib/import/card-writes";
import { cardStateColumns, insertRows, reviewLogColumns } from "./history-sql";
import type { ReplayedHistory } from "./replay-revlog";

export interface HistoryInput {
  deckId: string;
  userId: string;
  /** Card key -> the Anki card it came from and its replayed history. */
  histories: Map<string, { ankiCardId: number; history: ReplayedHistory }>;
}

const batchSize = 500;

/** The id of an imported review: stable, so importing the same package twice stores it once. */
export const importedReviewId = (ankiCardId: number, revlogId: number) => `anki-${ankiCardId}-${revlogId}`;

/**
 * Stores replayed histories in one transaction: review logs and the final CardState of each card
 * that has no state for this learner yet. A card already studied here keeps its state and logs.
 */
export async function writeHistory(
  prisma: Db,
  input: HistoryInput,
): Promise<{ cards: number; reviews: number; kept: number }> {
  if (input.histories.size === 0) return { cards: 0, reviews: 0, kept: 0 };
  return prisma.$transaction(
    async (tx) => {
      const keys = [...input.histories.keys()];
      const cards = [];
      for (let i = 0; i < keys.length; i += batchSize) {
        cards.push(
          ...(await tx.card.findMany({
            where: { deckId: input.deckId, key: { in: keys.slice(i, i + batchSize) } },
            select: {
              id: true,
              key: true,
              states: { where: { userId: input.userId }, select: { id: true } },
            },
          })),
        );
      }
      let written = 0;
      let reviews = 0;
      let kept = 0;
      const logs = [];
      const states = [];
      for (const card of cards) {
        const entry = input.histories.get(card.key);
        if (!entry?.history.schedule) continue;
        if (card.states.length) {
          kept++;
          continue;
        }
        written++;
        states.push({ userId: input.userId, cardId: card.id, ...entry.history.schedule });
        for (const review of entry.history.reviews) {
          const { revlogId, ...fields } = review;
          logs.push({
            id: importedReviewId(entry.ankiCardId, revlogId),
            userId: input.userId,
            cardId: card.id,
            ...fields,
          });
        }
      }
      const existing = new Set<string>();
      for (let i = 0; i < logs.length; i += batchSize) {
        const ids = logs.slice(i, i + batchSize).map((log) => log.id);
        for (const log of await tx.reviewLog.findMany({ where: { id: { in: ids } }, select: { id: true } }))
          existing.add(log.id);
      }
      const fresh = logs.filter((log) => !existing.has(log.id));
      const dialect = dialectOf(tx);
      const createdAt = new Date();
      for (let i = 0; i < fresh.length; i += batchSize) {
        const rows = fresh.slice(i, i + batchSize).map((log) => ({ ...log, createdAt }));
        const { sql, params } = insertRows(dialect, "ReviewLog", reviewLogColumns, rows);
        await tx.$executeRawUnsafe(sql, ...params);
      }
      for (let i = 0; i < states.length; i += batchSize) {
        const rows = states
          .slice(i, i + batchSize)
          .map((state) => ({ ...state, id: newCardId(), version: 0, updatedAt: createdAt }));
        const { sql, params } = insertRows(dialect, "CardState", cardStateColumns, rows);
        await tx.$executeRawUnsafe(sql, ...params);
      }
      reviews = fresh.length;
      return { cards: written, reviews, kept };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}
