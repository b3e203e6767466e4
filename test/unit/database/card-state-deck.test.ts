/**
 * CardState.deckId (migration 20261207000000_queue_by_deck): a copy of the card's deck that one
 * deck's study queue reads by. A database from before it gets every existing state's deck filled in;
 * a card that changes deck takes its learners' states along (a trigger), so the queue never loses one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/app/lib/database/client";
import { readMigrations, type Provider } from "@/app/lib/database/migrate";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import {
  createEmptyPostgresDatabase,
  createTestDatabase,
  testProviders,
  type TestDatabase,
} from "@/test/helpers/databases";
import { ensureLocalUser, putState } from "@/test/helpers/learner-rows";

const upgrade = "20261207000000_queue_by_deck";
const now = new Date("2026-03-10T12:00:00.000Z");

/** Rows as a database before the upgrade held them: states without a deck. */
const olderRows = [
  `INSERT INTO "User" ("id", "name") VALUES ('ann', 'Ann')`,
  `INSERT INTO "Deck" ("id", "slug", "title", "updatedAt") VALUES ('deck-a', 'a', 'A', '2026-03-01T00:00:00.000Z'), ('deck-b', 'b', 'B', '2026-03-01T00:00:00.000Z')`,
  `INSERT INTO "Card" ("id", "deckId", "key", "kind", "front", "back", "line", "updatedAt")
     VALUES ('card-a', 'deck-a', 'k', 'basic', 'Qa', 'A', 1, '2026-03-01T00:00:00.000Z'),
            ('card-b', 'deck-b', 'k', 'basic', 'Qb', 'B', 1, '2026-03-01T00:00:00.000Z')`,
  ...["card-a", "card-b"].map(
    (
      cardId,
    ) => `INSERT INTO "CardState" ("id", "userId", "cardId", "due", "stability", "difficulty", "elapsed_days",
       "scheduled_days", "learning_steps", "reps", "lapses", "state", "version", "updatedAt")
     VALUES ('state-${cardId}', 'ann', '${cardId}', '2026-03-09T12:00:00.000Z', 3, 5, 1, 1, 0, 1, 0, 2, 1, '2026-03-01T00:00:00.000Z')`,
  ),
];

const recorded = `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMP, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMP,
  "started_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** The migrations before the upgrade, applied and recorded as `migrate*` would have, then `olderRows`. */
function olderStatements(provider: Provider) {
  const older = readMigrations(provider).filter((migration) => migration.name < upgrade);
  return {
    migrations: older.map((migration) => migration.sql),
    record: [
      recorded,
      ...older.map(
        (
          migration,
        ) => `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "applied_steps_count")
           VALUES ('${randomUUID()}', '${migration.checksum}', '${migration.name}', 1)`,
      ),
    ],
  };
}

/** A database as it stood before the upgrade, with states in it, opened (and so upgraded) by the app. */
async function upgradedDatabase(provider: Provider): Promise<OpenDatabase & { remove(): Promise<void> }> {
  const { migrations, record } = olderStatements(provider);
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "notecards-upgrade-"));
    const file = path.join(dir, "old.db");
    const raw = new Database(file);
    for (const sql of [...migrations, ...record, ...olderRows]) raw.exec(sql);
    raw.close();
    const db = await openDatabase(`file:${file}`);
    return { ...db, remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const empty = await createEmptyPostgresDatabase();
  const client = new pg.Client({ connectionString: empty.url });
  await client.connect();
  for (const sql of [...migrations, ...record, ...olderRows]) await client.query(sql);
  await client.end();
  const db = await openDatabase(empty.url);
  return { ...db, remove: () => empty.drop() };
}

describe.each(testProviders)("CardState.deckId on %s", (provider) => {
  it("is filled in for every state of a database from before it, and the deck's queue has them", async () => {
    const db = await upgradedDatabase(provider);
    try {
      const states = await db.prisma.cardState.findMany({
        select: { cardId: true, deckId: true },
        orderBy: { cardId: "asc" },
      });
      expect(states).toEqual([
        { cardId: "card-a", deckId: "deck-a" },
        { cardId: "card-b", deckId: "deck-b" },
      ]);
      const queue = await getStudyQueueWith(db.prisma, "b", now, "ann");
      expect(queue!.cards.map((card) => [card.front, card.schedule?.state])).toEqual([["Qb", 2]]);
    } finally {
      await db.close();
      await db.remove();
    }
  });

  describe("on a card that changes deck", () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(provider);
    });
    afterAll(async () => db?.destroy());

    it("follows the card, so its review leaves the old deck's queue for the new one's", async () => {
      await ensureLocalUser(db.prisma, "ann");
      const [from, to] = await Promise.all(
        ["from", "to"].map((slug) => db.prisma.deck.create({ data: { slug, title: slug } })),
      );
      const card = await db.prisma.card.create({
        data: { deckId: from!.id, key: "k", kind: "basic", front: "Moving", back: "A", line: 1 },
      });
      await putState(db.prisma, card.id, {
        state: 2,
        due: new Date(now.getTime() - 3_600_000),
        userId: "ann",
      });
      const fronts = async (slug: string) =>
        (await getStudyQueueWith(db.prisma, slug, now, "ann"))!.cards.map((queued) => queued.front);
      expect([await fronts("from"), await fronts("to")]).toEqual([["Moving"], []]);

      await db.prisma.card.update({ where: { id: card.id }, data: { deckId: to!.id } });
      const state = await db.prisma.cardState.findFirstOrThrow({ where: { cardId: card.id } });
      expect(state.deckId).toBe(to!.id);
      expect([await fronts("from"), await fronts("to")]).toEqual([[], ["Moving"]]);
    });
  });
});
