/**
 * A learner's new cards in a deck are the cards without a CardState row, found by walking the deck
 * in file order (Card(deckId, position)) and probing each card for a state. A learner 80% through a
 * deck would walk past 800 started cards on every read; NewCardHint keeps, per learner and deck, a
 * position below which every card is started, so the walk starts there (queue-sql.ts newCardsQuery).
 *
 * The hint is a lower bound, correct by construction: the database's triggers (migration
 * 20261206000000_new_card_hint) delete it whenever a card below it may have become unstarted,
 * whichever code writes (a state deleted by undo, restore or reset; a card added or moved). The read
 * raises it lazily, here, when its walk found the first new card above the hint (or none while
 * cards remain above it).
 */
import type { Db } from "@/app/lib/database/client";
import type { Provider } from "@/app/lib/database/migrate";
import { noHint, providerOfClient, type NewCardRow } from "./queue-sql";
import { parameters } from "./stats/hour-sql";

/** The advisory lock class the triggers share with {@link raiseNewCardHints} on PostgreSQL. */
const hintLockClass = 1106;

/**
 * The upsert that moves the learner's hints of `decks` (a table of deck ids) up to each deck's first
 * unstarted card (or past its last card), starting from the stored hint as it is when the statement
 * runs, and never lowering it.
 */
function raiseSql(add: (value: unknown) => string, userId: string, decks: string) {
  return `INSERT INTO "NewCardHint" ("userId", "deckId", "position")
    SELECT ${add(userId)}, r."deckId", COALESCE(
      (SELECT c."position" FROM "Card" c
        WHERE c."deckId" = r."deckId"
          AND c."position" >= COALESCE((SELECT h."position" FROM "NewCardHint" h
            WHERE h."userId" = ${add(userId)} AND h."deckId" = r."deckId"), ${noHint})
          AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."userId" = ${add(userId)} AND s."cardId" = c."id")
        ORDER BY c."position" LIMIT 1),
      (SELECT MAX(c."position") + 1 FROM "Card" c WHERE c."deckId" = r."deckId"),
      ${noHint})
    FROM ${decks} WHERE true
    ON CONFLICT ("userId", "deckId") DO UPDATE SET "position" = excluded."position"
      WHERE excluded."position" > "NewCardHint"."position"`;
}

function raiseQuery(provider: Provider, userId: string, deckIds: readonly string[]) {
  const { params, add } = parameters(provider);
  if (provider === "postgresql") {
    const decks = `unnest(${add([...deckIds])}::text[]) AS r("deckId")`;
    return { sql: raiseSql(add, userId, decks), params };
  }
  // SQLite's `?` are positional: the deck table comes after the SELECT's placeholders.
  const sql = raiseSql(add, userId, "__decks__");
  const rows = deckIds.map((id) => `SELECT ${add(id)} AS "deckId"`).join(" UNION ALL ");
  return { sql: sql.replace("__decks__", `(${rows}) AS r`), params };
}

/**
 * Raises the learner's hints of these decks to their first unstarted cards, in one transaction. On
 * SQLite the statement reads and writes under the write lock. On PostgreSQL each deck's advisory
 * lock is tried first: held, it means no uncommitted write whose trigger took it shared, so the
 * upsert (a new snapshot in READ COMMITTED) sees every such write, and a later one waits for the
 * hint to be committed and then deletes it. A deck whose lock is busy keeps its hint for now: the
 * read never waits for a write, nor risks a deadlock with one.
 */
export async function raiseNewCardHints(prisma: Db, userId: string, deckIds: readonly string[]) {
  const decks = [...new Set(deckIds)];
  if (decks.length === 0) return;
  try {
    await raise(prisma, userId, decks);
  } catch (error) {
    // The queue already read is right without the hint: a busy database (SQLite's write lock held
    // past the busy timeout, say) costs the next read a longer walk, not this page.
    console.warn(`Study queue: new-card hints not raised (${(error as Error).message})`);
  }
}

async function raise(prisma: Db, userId: string, decks: string[]) {
  const provider = providerOfClient(prisma);
  if (provider === "sqlite") {
    const { sql, params } = raiseQuery(provider, userId, decks);
    await prisma.$executeRawUnsafe(sql, ...params);
    return;
  }
  await prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRawUnsafe<{ deckId: string }[]>(
      `SELECT d AS "deckId" FROM unnest($1::text[]) AS d WHERE pg_try_advisory_xact_lock(${hintLockClass}, hashtext(d))`,
      decks,
    );
    if (locked.length === 0) return;
    const { sql, params } = raiseQuery(
      provider,
      userId,
      locked.map((row) => row.deckId),
    );
    await tx.$executeRawUnsafe(sql, ...params);
  });
}

/**
 * The decks whose hint the read should raise: those where the walk (from `from`) found its first new
 * card above `from` (the cards in between are started, or new but left out of the queue, suspended
 * say; raising stops at the first unstarted card all the same), or found none while cards remain at
 * or above `from`. `rows` are {@link newCardsQuery}'s, with each deck's row without a card.
 */
export function hintsToRaise(
  decks: readonly { deckId: string }[],
  rows: readonly Pick<NewCardRow, "id" | "arm" | "position" | "from" | "last">[],
): string[] {
  const byArm = new Map<number, { first: number | null; from: number; last: number | null }>();
  for (const row of rows) {
    const arm = Number(row.arm);
    const seen = byArm.get(arm) ?? {
      first: null,
      from: Number(row.from),
      last: row.last === null ? null : Number(row.last),
    };
    if (row.id !== null && (seen.first === null || row.position < seen.first)) seen.first = row.position;
    byArm.set(arm, seen);
  }
  return decks
    .filter((_, arm) => {
      const seen = byArm.get(arm);
      if (!seen) return false;
      if (seen.first !== null) return seen.first > seen.from;
      return seen.last !== null && seen.from <= seen.last;
    })
    .map((deck) => deck.deckId);
}
