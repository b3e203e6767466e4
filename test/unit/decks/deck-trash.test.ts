import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDeckListPageWith } from "@/app/lib/data/deck-list";
import { getDeckDetailWith, getDeckSummariesWith } from "@/app/lib/data/deck-reads";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import { getTrashWith } from "@/app/lib/data/trash-reads";
import {
  DeckStateError,
  deleteDeckForever,
  moveDeckToTrash,
  purgeExpiredDecks,
  restoreDeck,
} from "@/app/lib/decks/deck-trash";
import { createBackup, restoreBackup } from "@/app/lib/backup";
import { importFolder } from "@/app/lib/import";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { putDeck, putReview, putState } from "@/test/helpers/learner-rows";

const localAccessor = { userId: "local", accounts: false };

const now = new Date(2026, 2, 10, 12, 0, 0);
const daysLater = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe.each(testProviders)("decks in the trash on %s", (provider) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(async () => db?.destroy());

  it("hides a deleted deck from the deck list, its counts and study, and lists it in the trash with what it holds", async () => {
    const cards = await putDeck(db.prisma, "cells", 3);
    await putDeck(db.prisma, "atoms", 2);
    await putState(db.prisma, cards[0]!, { state: 2, due: now });
    await putReview(db.prisma, cards[0]!, daysLater(-1));
    await putReview(db.prisma, cards[0]!, daysLater(-3));

    await moveDeckToTrash(db.prisma, "cells", now, localAccessor);

    const list = await getDeckListPageWith(db.prisma);
    expect(list.decks.map((deck) => deck.slug)).toEqual(["atoms"]);
    expect(list.total).toBe(1);
    expect((await getDeckSummariesWith(db.prisma, now)).decks.map((deck) => deck.slug)).toEqual(["atoms"]);
    expect(await getStudyQueueWith(db.prisma, "cells", now)).toBeNull();
    expect((await getDeckDetailWith(db.prisma, "cells", now))?.deletedAt).toEqual(now);

    const trash = await getTrashWith(db.prisma, now);
    expect(trash).toEqual([
      expect.objectContaining({
        slug: "cells",
        cardCount: 3,
        reviewCount: 2,
        deletedAt: now,
        expiresAt: daysLater(30),
      }),
    ]);
  });

  it("restores a deck with its cards and history", async () => {
    const cards = await putDeck(db.prisma, "cells", 2);
    await putReview(db.prisma, cards[1]!, daysLater(-1));
    await moveDeckToTrash(db.prisma, "cells", now, localAccessor);
    // Deleting twice keeps the first date.
    await moveDeckToTrash(db.prisma, "cells", daysLater(1), localAccessor);
    expect((await db.prisma.deck.findUniqueOrThrow({ where: { id: "cells" } })).deletedAt).toEqual(now);

    await restoreDeck(db.prisma, "cells", localAccessor);
    expect((await getDeckListPageWith(db.prisma)).decks.map((deck) => deck.slug)).toEqual(["cells"]);
    expect(await db.prisma.reviewLog.count()).toBe(1);
    expect((await getStudyQueueWith(db.prisma, "cells", now))?.cards).toHaveLength(2);
    expect(await getTrashWith(db.prisma, now)).toEqual([]);
  });

  it("deletes for good only a deck in the trash, with its cards and history", async () => {
    const cards = await putDeck(db.prisma, "cells", 2);
    await putState(db.prisma, cards[0]!, { state: 2, due: now });
    await putReview(db.prisma, cards[0]!, daysLater(-1));
    await expect(deleteDeckForever(db.prisma, "cells", localAccessor)).rejects.toBeInstanceOf(DeckStateError);
    expect(await db.prisma.card.count()).toBe(2);

    await moveDeckToTrash(db.prisma, "cells", now, localAccessor);
    await deleteDeckForever(db.prisma, "cells", localAccessor);
    expect(await db.prisma.deck.count()).toBe(0);
    expect(await db.prisma.card.count()).toBe(0);
    expect(await db.prisma.cardState.count()).toBe(0);
    expect(await db.prisma.reviewLog.count()).toBe(0);
    await expect(restoreDeck(db.prisma, "cells", localAccessor)).rejects.toThrow(/deleted for good/);
  });

  it("purges decks after 30 days in the trash, a bounded batch per call, when the trash is read", async () => {
    for (let i = 0; i < 5; i++) {
      await putDeck(db.prisma, `old-${i}`, 1);
      await moveDeckToTrash(db.prisma, `old-${i}`, daysLater(-31), localAccessor);
    }
    await putDeck(db.prisma, "recent", 1);
    await moveDeckToTrash(db.prisma, "recent", daysLater(-29), localAccessor);

    expect(await purgeExpiredDecks(db.prisma, now, 2)).toBe(2);
    expect(await db.prisma.deck.count()).toBe(4);
    const trash = await getTrashWith(db.prisma, now);
    expect(trash.map((deck) => deck.slug)).toEqual(["recent"]);
    expect(await db.prisma.card.count()).toBe(1);
  });

  it("keeps a deck in the trash, and a missing file's deck hidden, through a backup and restore", async () => {
    const cards = await putDeck(db.prisma, "cells", 1);
    await putDeck(db.prisma, "atoms", 1, { sourcePath: "content/atoms.md" });
    await putReview(db.prisma, cards[0]!, daysLater(-1));
    await moveDeckToTrash(db.prisma, "cells", now, localAccessor);
    await db.prisma.deck.update({ where: { id: "atoms" }, data: { missingAt: now } });
    const backup = JSON.stringify(await createBackup(db.prisma, "local", now));

    const copy = await createTestDatabase(provider);
    try {
      await restoreBackup(copy.prisma, backup, localAccessor);
      const decks = await copy.prisma.deck.findMany({ orderBy: { id: "asc" } });
      expect(decks.map((deck) => [deck.id, deck.deletedAt, deck.missingAt])).toEqual([
        ["atoms", null, now],
        ["cells", now, null],
      ]);
    } finally {
      await copy.destroy();
    }
  });

  it("keeps a notes-folder deck in the trash when its folder is imported again", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "notecards-trash-"));
    try {
      writeFileSync(path.join(root, "cells.md"), "# Cells\n\n- What is a cell?\n  A unit of life\n");
      await importFolder(db.prisma, root, { root, now });
      const deck = await db.prisma.deck.findUniqueOrThrow({ where: { slug: "cells" } });
      await moveDeckToTrash(db.prisma, deck.id, now, localAccessor);

      writeFileSync(path.join(root, "cells.md"), "# Cells\n\n- What is a cell?\n  The unit of life\n");
      await importFolder(db.prisma, root, { root, now: daysLater(1) });
      const after = await db.prisma.deck.findMany();
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ id: deck.id, deletedAt: now });
      expect((await getDeckListPageWith(db.prisma)).decks).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
