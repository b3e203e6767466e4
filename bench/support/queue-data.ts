/**
 * The due-queue benchmark's collection, written with set-based SQL (a numbers table filled by a
 * recursive CTE on SQLite, generate_series on PostgreSQL): one INSERT ... SELECT per table instead
 * of a million Prisma calls. Deterministic: every "random" choice is an integer hash of the row's
 * numbers, the same on both databases.
 *
 * - `learners` learners ("learner-1" ...), with default settings (20 new cards a day, 200 reviews).
 * - 80% of the cards in shared decks of 500 (notes-folder decks: ownerId null), 20% in two private
 *   decks per learner (ownerId = the learner). About 1 card in 97 is retired.
 * - Each learner has started 20 shared decks and both of their own: a prefix of each (20%-100% of a
 *   shared deck, 10%-90% of a private one) in file order, as new cards are studied. Of the started
 *   cards 0.2% are learning and 0.1% relearning (due within half an hour either side of now: a day's
 *   new cards and lapses), the rest reviews due from 3 days ago to 90 days ahead (about 3% due
 *   today, a day's reviews). The rest of the cards are new for them.
 * - About 1% of started cards suspended, 1% buried until tomorrow, 1% flagged; 1 in 300 reviewed
 *   an hour ago (today's reviews count against the daily limits).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { sqlitePath, type OpenDatabase } from "@/app/lib/database/client";

export const sharedDeckSize = 500;
export const privateDeckSize = 1_000;
export const privateDecksPerLearner = 2;
export const sharedDecksStudied = 20;

export interface QueueCollection {
  learners: number;
  cards: number;
  sharedDecks: number;
  privateDecks: number;
}

/** How many decks of each kind hold `cards` cards for `learners` learners. */
export function collectionShape(learners: number, cards: number): QueueCollection {
  const privateDecks = learners * privateDecksPerLearner;
  const sharedCards = Math.max(cards - privateDecks * privateDeckSize, sharedDeckSize * sharedDecksStudied);
  return { learners, cards, sharedDecks: Math.ceil(sharedCards / sharedDeckSize), privateDecks };
}

/** The statements, in order; `date(seconds)` is a DateTime `seconds` after `now`, as each database stores it. */
function statements(shape: QueueCollection, provider: "sqlite" | "postgresql", now: Date): string[] {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const date = (seconds: string) =>
    provider === "sqlite"
      ? `(strftime('%Y-%m-%dT%H:%M:%f', ${nowSeconds} + (${seconds}), 'unixepoch') || '+00:00')`
      : `(to_timestamp(${nowSeconds} + (${seconds})) AT TIME ZONE 'UTC')`;
  const pad = (value: string) =>
    provider === "sqlite" ? `printf('%06d', ${value})` : `lpad((${value})::text, 6, '0')`;
  // An integer hash in 0..modulus-1 (modulus < 1,000,003): fits in 64 bits on both databases for
  // the numbers used here.
  const hash = (a: string, b: string, modulus: number) =>
    `((((${a}) * 2654435761 + (${b}) * 40503) % 1000003) % ${modulus})`;
  const stamp = date("-86400 * 30");
  const { learners, sharedDecks, privateDecks } = shape;
  const sharedCards = sharedDecks * sharedDeckSize;
  const privateCards = privateDecks * privateDeckSize;
  const most = Math.max(sharedCards, privateCards, learners);
  const stride = Math.floor(sharedDecks / sharedDecksStudied);
  const cardColumns = `"id", "deckId", "key", "kind", "front", "back", "context", "line", "position", "retiredAt", "createdAt", "updatedAt"`;
  const cardValues = (prefix: string, deck: string, position: string) =>
    `'${prefix}c-' || n."i", '${prefix}d-' || (${deck}), 'k' || (${position}), 'basic',
     'What does term ' || n."i" || ' mean?', 'Its definition, number ' || n."i" || ', in a sentence or two.',
     '["Chapter"]', (${position}) + 1, ${position}, CASE WHEN n."i" % 97 = 0 THEN ${stamp} END, ${stamp}, ${stamp}`;
  // A learner's started cards: (learner, deck, position) triples, one per started card.
  const startedShared = `SELECT u."i" AS "u", ((u."i" * 7919 + (j."i" - 1) * ${stride}) % ${sharedDecks}) + 1 AS "deck", p."i" - 1 AS "pos"
      FROM "bench_n" u JOIN "bench_n" j ON j."i" <= ${sharedDecksStudied} JOIN "bench_n" p ON p."i" <= ${sharedDeckSize}
      WHERE u."i" <= ${learners}
        AND p."i" <= ${sharedDeckSize} * (20 + ${hash(`u."i"`, `j."i"`, 81)}) / 100`;
  const startedPrivate = `SELECT u."i" AS "u", (u."i" - 1) * ${privateDecksPerLearner} + j."i" AS "deck", p."i" - 1 AS "pos"
      FROM "bench_n" u JOIN "bench_n" j ON j."i" <= ${privateDecksPerLearner} JOIN "bench_n" p ON p."i" <= ${privateDeckSize}
      WHERE u."i" <= ${learners}
        AND p."i" <= ${privateDeckSize} * (10 + ${hash(`u."i"`, `j."i" + 7`, 81)}) / 100`;
  const stateColumns = `"id", "userId", "cardId", "deckId", "due", "stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses", "state", "last_review", "version", "updatedAt"`;
  const stateValues = (prefix: string, size: number) => {
    const card = `'${prefix}c-' || ((s."deck" - 1) * ${size} + s."pos" + 1)`;
    const roll = hash(`s."u" * 1009 + s."deck"`, `s."pos"`, 1000);
    const state = `CASE WHEN ${roll} < 2 THEN 1 WHEN ${roll} < 3 THEN 3 ELSE 2 END`;
    const due = `CASE WHEN ${roll} < 3 THEN ${hash(`s."pos"`, `s."u"`, 3600)} - 1800
      ELSE (${hash(`s."deck" * 13 + s."pos"`, `s."u" * 7`, 93)} - 3) * 86400 + ${hash(`s."u"`, `s."deck" + s."pos"`, 86400)} END`;
    return `'st-' || s."u" || '-' || ${card}, 'learner-' || s."u", ${card}, '${prefix}d-' || s."deck", ${date(due)},
      1 + ${hash(`s."pos"`, `s."deck"`, 300)}, 1 + ${hash(`s."deck"`, `s."pos"`, 9)}, 3, 10, 0,
      1 + ${hash(`s."u"`, `s."pos"`, 10)}, ${hash(`s."pos" + 3`, `s."u"`, 3)}, ${state}, ${date("-86400 * 10")}, 1, ${stamp}`;
  };
  const numbers =
    provider === "sqlite"
      ? [
          `CREATE TABLE "bench_n" ("i" INTEGER PRIMARY KEY)`,
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${most})
             INSERT INTO "bench_n" SELECT i FROM n`,
        ]
      : [
          `CREATE TABLE "bench_n" ("i" integer PRIMARY KEY)`,
          `INSERT INTO "bench_n" SELECT generate_series(1, ${most})`,
        ];
  return [
    ...numbers,
    `INSERT INTO "User" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt")
       SELECT 'learner-' || n."i", 'Learner ' || n."i", 'learner-' || n."i" || '@example.com', false, ${stamp}, ${stamp}
       FROM "bench_n" n WHERE n."i" <= ${learners}`,
    `INSERT INTO "Deck" ("id", "slug", "title", "tags", "sourcePath", "ownerId", "createdAt", "updatedAt")
       SELECT 'sd-' || n."i", 'notes-' || n."i", 'Notes ' || ${pad(`(n."i" * 7919) % ${sharedDecks}`)}, '[]',
              'content/notes-' || n."i" || '.md', NULL, ${stamp}, ${stamp}
       FROM "bench_n" n WHERE n."i" <= ${sharedDecks}`,
    `INSERT INTO "Deck" ("id", "slug", "title", "tags", "sourcePath", "ownerId", "createdAt", "updatedAt")
       SELECT 'pd-' || n."i", 'anki-' || n."i", 'Anki ' || ${pad(`n."i"`)}, '[]', 'anki:deck.apkg',
              'learner-' || ((n."i" - 1) / ${privateDecksPerLearner} + 1), ${stamp}, ${stamp}
       FROM "bench_n" n WHERE n."i" <= ${privateDecks}`,
    `INSERT INTO "Card" (${cardColumns})
       SELECT ${cardValues("s", `(n."i" - 1) / ${sharedDeckSize} + 1`, `(n."i" - 1) % ${sharedDeckSize}`)}
       FROM "bench_n" n WHERE n."i" <= ${sharedCards}`,
    `INSERT INTO "Card" (${cardColumns})
       SELECT ${cardValues("p", `(n."i" - 1) / ${privateDeckSize} + 1`, `(n."i" - 1) % ${privateDeckSize}`)}
       FROM "bench_n" n WHERE n."i" <= ${privateCards}`,
    `INSERT INTO "CardState" (${stateColumns}) SELECT ${stateValues("s", sharedDeckSize)} FROM (${startedShared}) s`,
    `INSERT INTO "CardState" (${stateColumns}) SELECT ${stateValues("p", privateDeckSize)} FROM (${startedPrivate}) s`,
    // Marks on about 3% of started cards: suspended, buried until tomorrow, or flagged.
    `INSERT INTO "CardMark" ("userId", "cardId", "buriedUntil", "suspendedAt", "flag", "updatedAt")
       SELECT s."userId", s."cardId", CASE WHEN s."roll" = 1 THEN ${date("86400")} END,
              CASE WHEN s."roll" = 0 THEN ${stamp} END, CASE WHEN s."roll" = 2 THEN 2 ELSE 0 END, ${stamp}
       FROM (SELECT "userId", "cardId",
                    (CAST("stability" AS INTEGER) * 7 + "reps" * 13 + CAST("difficulty" AS INTEGER)) % 100 AS "roll"
             FROM "CardState") s
       WHERE s."roll" < 3`,
    // An hour ago, 1 in 200 started cards was reviewed: today's reviews count against the limits.
    `INSERT INTO "ReviewLog" ("id", "userId", "cardId", "rating", "state", "due", "stability", "difficulty",
       "elapsed_days", "last_elapsed_days", "scheduled_days", "learning_steps", "review", "durationMs", "createdAt")
       SELECT 'log-' || "id", "userId", "cardId", 3, 2, ${date("-3600")}, "stability", "difficulty", 3, 3, 10, 0,
              ${date("-3600")}, 4000, ${date("-3600")}
       FROM "CardState" WHERE CAST("stability" AS INTEGER) = 200`,
    `DROP TABLE "bench_n"`,
    // PostgreSQL: VACUUM too, as autovacuum would have, so that index-only scans skip the heap;
    // then a CHECKPOINT, so that the load's own checkpoint (spread over the next minute, flushing
    // hundreds of files) does not run under the timed builds as it would not on a settled server.
    ...(provider === "sqlite" ? [`ANALYZE`] : [`VACUUM ANALYZE`, `CHECKPOINT`]),
  ];
}

/** Fills an empty, migrated database with the collection and refreshes the planner's statistics. */
export async function fillQueueCollection(
  db: OpenDatabase,
  shape: QueueCollection,
  now: Date,
): Promise<void> {
  const sql = statements(shape, db.provider, now);
  if (db.provider === "sqlite") {
    const raw = new Database(sqlitePath(db.url));
    try {
      // A scratch database: a large page cache keeps the index inserts in memory, and nothing
      // needs to survive a crash.
      raw.pragma("cache_size = -524288");
      raw.pragma("synchronous = OFF");
      raw.transaction(() => {
        for (const statement of sql.slice(0, -1)) raw.exec(statement);
      })();
      raw.exec("ANALYZE");
    } finally {
      raw.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
}
