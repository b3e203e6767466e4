/**
 * A database holding `count` decks of one card each, written with one set-based INSERT per table
 * (a recursive CTE in SQLite, generate_series in PostgreSQL): about a minute for a million decks
 * and their cards with every index kept, where one insert per row takes hours. Titles are spread over the alphabet, not in id order, so
 * the deck list's order must come from an index, not from insertion order.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { sqlitePath, type OpenDatabase } from "@/app/lib/database/client";

// Prisma's SQLite adapter stores DateTime as ISO text; PostgreSQL takes the same literal.
const stamp = "2026-11-01T00:00:00.000+00:00";
// A multiplier coprime with 10^k scatters 1..count over the titles without repeats.
const scatter = 7919;

export async function fillDecks(db: OpenDatabase, count: number): Promise<void> {
  if (db.provider === "sqlite") {
    const raw = new Database(sqlitePath(db.url));
    try {
      raw.pragma("journal_mode = WAL");
      // A scratch database: a large page cache keeps the index inserts in memory, and nothing
      // needs to survive a crash.
      raw.pragma("cache_size = -524288");
      raw.pragma("synchronous = OFF");
      raw.exec(`
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
        INSERT INTO "Deck" ("id", "slug", "title", "tags", "createdAt", "updatedAt")
        SELECT 'bench-deck-' || i, 'deck-' || i, 'Deck ' || printf('%08d', (i * ${scatter}) % ${count}),
               '[]', '${stamp}', '${stamp}' FROM n;
        INSERT INTO "Card" ("id", "deckId", "key", "kind", "front", "back", "context", "line", "position", "createdAt", "updatedAt")
        SELECT 'bench-card-' || substr("id", 12), "id", 'q', 'basic', 'What is ' || "title" || '?', 'A deck', '[]', 1, 0,
               '${stamp}', '${stamp}' FROM "Deck";
        ANALYZE;
      `);
    } finally {
      raw.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO "Deck" ("id", "slug", "title", "tags", "createdAt", "updatedAt")
      SELECT 'bench-deck-' || i, 'deck-' || i, 'Deck ' || lpad(((i::bigint * ${scatter}) % ${count})::text, 8, '0'),
             '[]', '${stamp}', '${stamp}' FROM generate_series(1, ${count}) AS i`);
    await client.query(`
      INSERT INTO "Card" ("id", "deckId", "key", "kind", "front", "back", "context", "line", "position", "createdAt", "updatedAt")
      SELECT 'bench-card-' || substr("id", 12), "id", 'q', 'basic', 'What is ' || "title" || '?', 'A deck', '[]', 1, 0,
             '${stamp}', '${stamp}' FROM "Deck"`);
    await client.query(`ANALYZE`);
  } finally {
    await client.end();
  }
}

/** Adds `count` cards to one deck, in file order, with the same set-based INSERT. */
export async function fillCards(db: OpenDatabase, deckId: string, count: number): Promise<void> {
  const columns = `"id", "deckId", "key", "kind", "front", "back", "context", "line", "position", "createdAt", "updatedAt"`;
  const values = (i: string) =>
    `'bench-big-' || ${i}, '${deckId}', 'big-' || ${i}, 'basic', 'What does term ' || ${i} || ' mean?', ` +
    `'Its definition, number ' || ${i} || ', in a sentence or two.', '["Chapter"]', ${i}, ${i}, '${stamp}', '${stamp}'`;
  if (db.provider === "sqlite") {
    const raw = new Database(sqlitePath(db.url));
    try {
      raw.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
        INSERT INTO "Card" (${columns}) SELECT ${values("i")} FROM n`);
    } finally {
      raw.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Card" (${columns}) SELECT ${values("i")} FROM generate_series(1, ${count}) AS i`,
    );
  } finally {
    await client.end();
  }
}
