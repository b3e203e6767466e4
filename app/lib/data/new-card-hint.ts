/**
 * A learner's new cards in a deck are the cards without a CardState row, found by walking the deck
 * in file order (Card(deckId, position)) and probing each card for a state. A learner 80% through a
 * deck would walk past 800 started cards on every read; NewCardHint keeps, per learner and deck, a
 * position below which every card is started, so the walk starts there (queue-sql.ts newCardsQuery).
 *
 * The hint is a lower bound, correct by construction: the database's triggers (migration
 * 20261206000000_new_card_hint) delete it whenever a card below it may have become unstarted,
 * whichever code writes (a state deleted by undo, restore or reset; a card added or moved). The read
 * raises it lazily, here, when its walk found the first new card above the hint (or none).
 */
import type { Db } from "@/app/lib/database/client";
import { providerOfClient } from "./queue-sql";
import { parameters } from "./stats/hour-sql";

/** The advisory lock class the triggers share with {@link raiseNewCardHints} on PostgreSQL. */
const hintLockClass = 1106;

/**
 * The upsert that moves the hint up to the deck's first unstarted card (or past its last card),
 * starting from the stored hint as it is when the statement runs, never lowering it.
 */
function raiseSql(provider: "sqlite" | "postgresql", userId: string, deckId: string) {
  const { params, add } = parameters(provider);
  const sql = `INSERT INTO "NewCardHint" ("userId", "deckId", "position")
    SELECT ${add(userId)}, ${add(deckId)}, COALESCE(
      (SELECT c."position" FROM "Card" c
        WHERE c."deckId" = ${add(deckId)}
          AND c."position" >= COALESCE((SELECT h."position" FROM "NewCardHint" h
            WHERE h."userId" = ${add(userId)} AND h."deckId" = ${add(deckId)}), 0)
          AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."userId" = ${add(userId)} AND s."cardId" = c."id")
        ORDER BY c."position" LIMIT 1),
      (SELECT MAX(c."position") + 1 FROM "Card" c WHERE c."deckId" = ${add(deckId)}),
      0)
    WHERE true
    ON CONFLICT ("userId", "deckId") DO UPDATE SET "position" = excluded."position"
      WHERE excluded."position" > "NewCardHint"."position"`;
  return { sql, params };
}

/**
 * Raises the learner's hints of these decks to their first unstarted cards. On SQLite the one
 * statement reads and writes under the write lock. On PostgreSQL the deck's advisory lock, taken
 * exclusive first, waits for any uncommitted write whose trigger took it shared, so the upsert (a
 * new snapshot in READ COMMITTED) sees that write; a write that comes later waits for the hint to
 * be committed and then deletes it.
 */
export async function raiseNewCardHints(prisma: Db, userId: string, deckIds: readonly string[]) {
  const provider = providerOfClient(prisma);
  for (const deckId of new Set(deckIds)) {
    const { sql, params } = raiseSql(provider, userId, deckId);
    if (provider === "sqlite") {
      await prisma.$executeRawUnsafe(sql, ...params);
      continue;
    }
    await prisma.$transaction([
      prisma.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${hintLockClass}, hashtext($1))::text`, deckId),
      prisma.$executeRawUnsafe(sql, ...params),
    ]);
  }
}

/**
 * The decks whose hint the read should raise: those where the walk started at `from` found no new
 * card, or found the first one above `from` (the cards in between are started, or new but left out
 * of the queue, suspended say; raising stops at the first unstarted card all the same).
 */
export function hintsToRaise(
  decks: readonly { deckId: string }[],
  rows: readonly { arm: number | bigint; position: number; from: number | bigint }[],
): string[] {
  const first = new Map<number, { position: number; from: number }>();
  for (const row of rows) {
    const arm = Number(row.arm);
    const seen = first.get(arm);
    if (!seen || row.position < seen.position)
      first.set(arm, { position: row.position, from: Number(row.from) });
  }
  return decks
    .filter((_, arm) => {
      const seen = first.get(arm);
      return !seen || seen.position > seen.from;
    })
    .map((deck) => deck.deckId);
}
