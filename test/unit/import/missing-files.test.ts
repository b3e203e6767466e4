import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { getDeckListPageWith } from "@/app/lib/data/deck-list";
import { getDeckDetailWith, getDeckSummariesWith } from "@/app/lib/data/deck-reads";
import { getHomeFiguresWith } from "@/app/lib/data/home-figures";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import { importFile, importFolder } from "@/app/lib/import";
import { createScheduler } from "@/app/lib/scheduler";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const now = new Date(2026, 2, 10, 12, 0, 0);
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const notes = {
  "notes/cells.md": "# Cells\n\n- What is a cell?\n  A unit of life\n- What holds the DNA?\n  The nucleus\n",
  "notes/atoms.md": "# Atoms\n\n- What is an atom?\n  The smallest unit of an element\n",
  "other/keep.md": "# Keep\n\n- What stays?\n  This deck\n",
};

describe.each(testProviders)("decks whose file is gone on %s", (provider) => {
  let db: TestDatabase;
  let root: string;
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  };
  const deck = (slug: string) => db.prisma.deck.findUniqueOrThrow({ where: { slug } });

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    root = mkdtempSync(path.join(os.tmpdir(), "notecards-missing-"));
    for (const [name, text] of Object.entries(notes)) write(name, text);
    await importFolder(db.prisma, root, { root, now });
  });
  afterEach(async () => {
    await db?.destroy();
    rmSync(root, { recursive: true, force: true });
  });

  it("retires a deck whose file a full scan no longer finds, and brings it back with its history", async () => {
    const cells = await deck("cells");
    const cards = await db.prisma.card.findMany({
      where: { deckId: cells.id },
      orderBy: { position: "asc" },
    });
    const scheduler = createScheduler({ enableFuzz: false });
    await gradeCardWith(
      db.prisma,
      { gradeId: crypto.randomUUID(), cardId: cards[0]!.id, rating: 3, expectedVersion: 0 },
      now,
      { userId: "local", scheduler },
    );

    unlinkSync(path.join(root, "notes/cells.md"));
    const missing: string[][] = [];
    await importFolder(db.prisma, path.join(root, "notes"), {
      root,
      now: later(1),
      onMissing: (slugs) => missing.push(slugs),
    });
    expect(missing).toEqual([["cells"]]);
    expect((await deck("cells")).missingAt).toEqual(later(1));
    expect((await deck("atoms")).missingAt).toBeNull();
    expect((await deck("keep")).missingAt).toBeNull();

    // Hidden from study and the counts, still listed (marked) so its page can say why.
    expect(await getStudyQueueWith(db.prisma, "cells", later(2))).toBeNull();
    expect((await getHomeFiguresWith(db.prisma, later(48))).dueToday).toBe(0);
    const summaries = await getDeckSummariesWith(db.prisma, later(2));
    const listed = summaries.decks.find((row) => row.slug === "cells");
    expect(listed?.missingAt).toEqual(later(1));
    expect(listed?.counts).toEqual({ new: 0, learning: 0, due: 0 });
    expect((await getDeckDetailWith(db.prisma, "cells", later(2)))?.counts).toEqual({
      new: 0,
      learning: 0,
      due: 0,
    });

    // The same file back (unchanged text): the same deck, the same cards, their history kept.
    write("notes/cells.md", notes["notes/cells.md"]);
    await importFolder(db.prisma, root, { root, now: later(3) });
    const back = await deck("cells");
    expect(back.id).toBe(cells.id);
    expect(back.missingAt).toBeNull();
    const again = await db.prisma.card.findMany({
      where: { deckId: cells.id },
      orderBy: { position: "asc" },
    });
    expect(again.map((card) => [card.id, card.retiredAt])).toEqual(cards.map((card) => [card.id, null]));
    expect(await db.prisma.reviewLog.count({ where: { cardId: cards[0]!.id } })).toBe(1);
    expect(await db.prisma.cardState.count({ where: { cardId: cards[0]!.id } })).toBe(1);
    expect((await getStudyQueueWith(db.prisma, "cells", later(48)))?.cards.map((card) => card.id)).toContain(
      cards[0]!.id,
    );
  });

  it("does not retire other decks on an import of some files only", async () => {
    unlinkSync(path.join(root, "notes/cells.md"));
    await importFile(db.prisma, path.join(root, "notes/atoms.md"), { root, now: later(1) });
    await importFolder(db.prisma, path.join(root, "other"), { root, now: later(1) });
    expect((await deck("cells")).missingAt).toBeNull();
    // A full scan of the folder that held it does.
    await importFolder(db.prisma, root, { root, now: later(2) });
    expect((await deck("cells")).missingAt).toEqual(later(2));
  });

  it("leaves browser-added decks alone on a full scan", async () => {
    await db.prisma.deck.create({ data: { slug: "pasted", title: "Pasted", sourcePath: "browser:pasted" } });
    await importFolder(db.prisma, root, { root, now: later(1) });
    expect((await deck("pasted")).missingAt).toBeNull();
    expect((await getDeckListPageWith(db.prisma)).decks.map((row) => row.missingAt)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
