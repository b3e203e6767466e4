import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup } from "@/app/lib/backup/create-backup";
import { restoreBackup } from "@/app/lib/backup/restore-backup";
import { BackupError, type Backup } from "@/app/lib/backup/schema";
import type { Db } from "@/app/lib/database/client";
import {
  createTestDatabase,
  testProviders,
  type TestDatabase,
  type TestProvider,
} from "@/test/helpers/databases";

const localAccessor = { userId: "local", accounts: false };

const now = new Date("2026-11-25T06:00:00.000Z");

/** Data with the awkward values a restore could lose: nulls, retired cards, floats, unicode, ms. */
async function seed(prisma: Db): Promise<void> {
  await prisma.deck.create({
    data: {
      id: "deck-a",
      slug: "cells",
      title: "Cells «été» 🧬",
      description: null,
      tags: JSON.stringify(["bio", "ünï"]),
      sourcePath: "content/cells.md",
      sourceHash: "abc123",
      source: "# Cells\n\nWhat is ATP? :: Energy\n",
      lastError: null,
      createdAt: new Date("2026-01-02T03:04:05.678Z"),
      updatedAt: new Date("2026-02-03T04:05:06.789Z"),
    },
  });
  await prisma.deck.create({
    data: {
      id: "deck-b",
      slug: "empty",
      title: "Empty",
      description: 'A deck\nwith "quotes"',
      lastError: "content/empty.md:3: broken",
      createdAt: new Date("2026-03-01T00:00:00.001Z"),
      updatedAt: new Date("2026-03-01T00:00:00.002Z"),
    },
  });
  const cards = [
    {
      id: "card-1",
      key: "what is atp?",
      kind: "basic",
      front: "What is ATP?",
      back: "Energy",
      retiredAt: null,
    },
    {
      id: "card-2",
      key: "old front",
      kind: "reversed",
      front: "Old front",
      back: "x",
      retiredAt: new Date("2026-04-05T06:07:08.009Z"),
    },
    {
      id: "card-3",
      key: "the [...] of the cell #1",
      kind: "cloze",
      front: "The [...] of the cell",
      back: "The **powerhouse** of the cell",
      retiredAt: null,
    },
  ];
  for (const [position, card] of cards.entries()) {
    await prisma.card.create({
      data: {
        ...card,
        deckId: "deck-a",
        context: JSON.stringify(["Energy", "ATP"]),
        line: 3 + position,
        position,
        createdAt: new Date("2026-01-02T03:04:05.678Z"),
        updatedAt: new Date("2026-05-02T03:04:05.001Z"),
      },
    });
  }
  await prisma.cardState.create({
    data: {
      id: "state-1",
      userId: "local",
      cardId: "card-1",
      deckId: "deck-a",
      due: new Date("2026-12-01T10:00:00.123Z"),
      stability: 0.1 + 0.2,
      difficulty: 5.123456789012345,
      elapsed_days: 3,
      scheduled_days: 7,
      learning_steps: 0,
      reps: 4,
      lapses: 1,
      state: 2,
      last_review: new Date("2026-11-24T10:00:00.999Z"),
      version: 5,
      updatedAt: new Date("2026-11-24T10:00:01.000Z"),
    },
  });
  for (const [i, rating] of [1, 3, 4].entries()) {
    await prisma.reviewLog.create({
      data: {
        id: `log-${i}`,
        userId: "local",
        cardId: i === 2 ? "card-2" : "card-1",
        rating,
        state: i,
        due: new Date(Date.UTC(2026, 10, 20 + i, 8, 0, 0, 7)),
        stability: 1 / 3,
        difficulty: 1e-7,
        elapsed_days: i,
        last_elapsed_days: 0,
        scheduled_days: i * 2,
        learning_steps: 1,
        review: new Date(Date.UTC(2026, 10, 20 + i, 9, 0, 0, 11)),
        durationMs: i === 0 ? null : 1234,
        createdAt: new Date(Date.UTC(2026, 10, 20 + i, 9, 0, 1)),
      },
    });
  }
}

async function snapshot(prisma: Db): Promise<number[]> {
  return Promise.all([
    prisma.deck.count(),
    prisma.card.count(),
    prisma.cardState.count(),
    prisma.reviewLog.count(),
  ]);
}

const pairs: [TestProvider, TestProvider][] = testProviders.flatMap((from) =>
  testProviders.map((to): [TestProvider, TestProvider] => [from, to]),
);

describe.each(pairs)("backup from %s restored into %s", (from, to) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let backup: Backup;

  beforeAll(async () => {
    source = await createTestDatabase(from);
    target = await createTestDatabase(to);
    await seed(source.prisma);
    backup = await createBackup(source.prisma, "local", now);
  });
  afterAll(async () => {
    await source?.destroy();
    await target?.destroy();
  });

  it("holds every row of the learner, retired cards included", () => {
    expect(backup.decks.map((deck) => deck.id)).toEqual(["deck-a", "deck-b"]);
    expect(backup.cards.map((card) => card.id)).toEqual(["card-1", "card-2", "card-3"]);
    expect(backup.cards[1]?.retiredAt).toBe("2026-04-05T06:07:08.009Z");
    expect(backup.cardStates).toHaveLength(1);
    expect(backup.reviewLogs).toHaveLength(3);
    expect(backup.decks[0]?.source).toContain("What is ATP?");
  });

  it("restores to the identical state: backup -> restore -> backup is deep-equal", async () => {
    const counts = await restoreBackup(target.prisma, JSON.stringify(backup), localAccessor);
    expect(counts).toEqual({ decks: 2, cards: 3, cardStates: 1, reviewLogs: 3 });
    const again = await createBackup(target.prisma, "local", now);
    expect(again).toEqual(backup);
    expect(again.cardStates[0]?.stability).toBe(0.1 + 0.2);
  });

  it("refuses to restore into a database that already has data, and changes nothing", async () => {
    const before = await snapshot(target.prisma);
    await expect(restoreBackup(target.prisma, backup, localAccessor)).rejects.toThrow(
      /needs an empty database.*2 decks, 3 cards/,
    );
    expect(await snapshot(target.prisma)).toEqual(before);
  });
});

describe.each(testProviders)("restore validation on %s", (provider) => {
  let db: TestDatabase;
  let valid: Backup;

  beforeAll(async () => {
    const source = await createTestDatabase(provider);
    await seed(source.prisma);
    valid = await createBackup(source.prisma, "local", now);
    await source.destroy();
    db = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("rejects a file that is not JSON, or not a backup, with a clear message", async () => {
    await expect(restoreBackup(db.prisma, "{not json", localAccessor)).rejects.toThrow(/not valid JSON/);
    await expect(restoreBackup(db.prisma, { ...valid, version: 2 }, localAccessor)).rejects.toThrow(
      /not a valid notecards backup.*version/,
    );
    const badDate = { ...valid, cards: [{ ...valid.cards[0], createdAt: "yesterday" }] };
    await expect(restoreBackup(db.prisma, badDate, localAccessor)).rejects.toThrow(BackupError);
    expect(await snapshot(db.prisma)).toEqual([0, 0, 0, 0]);
  });

  it("rejects rows pointing at cards that are not in the backup", async () => {
    const orphan = { ...valid, reviewLogs: [{ ...valid.reviewLogs[0]!, cardId: "nope" }] };
    await expect(restoreBackup(db.prisma, orphan, localAccessor)).rejects.toThrow(/names card nope/);
    expect(await snapshot(db.prisma)).toEqual([0, 0, 0, 0]);
  });

  it("stores nothing when the database refuses a row half-way (one transaction)", async () => {
    const duplicate = { ...valid, reviewLogs: [...valid.reviewLogs, valid.reviewLogs[0]!] };
    await expect(restoreBackup(db.prisma, duplicate, localAccessor)).rejects.toThrow();
    expect(await snapshot(db.prisma)).toEqual([0, 0, 0, 0]);
  });
});
