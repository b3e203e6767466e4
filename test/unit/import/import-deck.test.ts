import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { importDeckSource, ImportError, type ImportResult } from "@/app/lib/import";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { addHistory, snapshot } from "./db-snapshot";
import { notReverseCard } from "@/app/lib/study/quiz-mode";

const fixture = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/import/cells.md"), "utf8");
const sourcePath = "content/cells.md";
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12));

function importText(
  db: TestDatabase,
  text: string | Uint8Array,
  now = day(1),
  file = sourcePath,
): Promise<ImportResult> {
  return importDeckSource(
    db.prisma,
    { ownerId: null, bytes: text, sourcePath: file, fileName: path.basename(file) },
    { now },
  );
}

async function cardWith(db: TestDatabase, fragment: string) {
  const cards = await db.prisma.card.findMany({ where: { front: { contains: fragment } } });
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

async function expectImportError(run: Promise<unknown>, file: string): Promise<ImportError> {
  const error = await run.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).message.startsWith(`${file}:`)).toBe(true);
  return error as ImportError;
}

describe.each(testProviders)("importDeckSource on %s", (provider) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(async () => {
    await db?.destroy();
  });

  it("stores the deck and every parsed card on first import", async () => {
    const parsed = parseDeck(fixture, { fileName: "cells.md" });
    expect(parsed.cards.length).toBeGreaterThanOrEqual(4);

    const result = await importText(db, fixture);
    expect(result.status).toBe("created");
    expect(result.counts).toEqual({ new: parsed.cards.length, updated: 0, retired: 0, unchanged: 0 });
    // Term cards are stored twice: the second row is their definition -> term direction.
    const terms = parsed.cards.filter((card) => card.term).length;
    expect(result.rowsWritten).toBe(1 + parsed.cards.length + terms);

    const deck = await db.prisma.deck.findUniqueOrThrow({ where: { id: result.deck.id } });
    expect(deck).toMatchObject({
      slug: parsed.slug,
      title: "Cell Biology",
      description: "The parts of a cell.",
      tags: JSON.stringify(["biology", "cells"]),
      sourcePath,
      source: fixture,
      lastError: null,
    });
    expect(deck.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    const cards = await db.prisma.card.findMany({
      where: { deckId: deck.id, ...notReverseCard },
      orderBy: { position: "asc" },
    });
    expect(
      cards.map((card) => [card.key, card.kind, card.front, card.back, card.line, JSON.parse(card.context)]),
    ).toEqual(
      parsed.cards.map((card) => [card.key, card.kind, card.front, card.back, card.line, card.context]),
    );
    expect(cards.map((card) => card.position)).toEqual(parsed.cards.map((_, index) => index));
    expect(cards.every((card) => card.retiredAt === null)).toBe(true);
  });

  it("re-importing an unchanged file writes nothing at all", async () => {
    const first = await importText(db, fixture);
    const before = await snapshot(db.prisma);
    const again = await importText(db, fixture, day(2));
    expect(again).toEqual({
      deck: first.deck,
      status: "unchanged",
      counts: { new: 0, updated: 0, retired: 0, unchanged: first.counts.new },
      warnings: [],
      rowsWritten: 0,
    });
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it("keeps a card's id and history when its answer is edited", async () => {
    await importText(db, fixture);
    const card = await cardWith(db, "powerhouse");
    await addHistory(db.prisma, card.id, "review-1");
    const others = await db.prisma.card.findMany({ where: { id: { not: card.id } }, orderBy: { id: "asc" } });

    const edited = fixture.replace("The mitochondrion.", "Mitochondria, which make ATP.");
    const result = await importText(db, edited, day(2));
    expect(result.status).toBe("updated");
    expect(result.counts).toMatchObject({ new: 0, updated: 1, retired: 0 });
    expect(result.rowsWritten).toBe(2);

    const after = await cardWith(db, "powerhouse");
    expect(after.id).toBe(card.id);
    expect(after.back).toContain("Mitochondria, which make ATP.");
    expect(await db.prisma.cardState.count({ where: { cardId: card.id } })).toBe(1);
    expect(await db.prisma.reviewLog.findUniqueOrThrow({ where: { id: "review-1" } })).toMatchObject({
      cardId: card.id,
    });
    // The other cards were not rewritten.
    expect(
      await db.prisma.card.findMany({ where: { id: { not: card.id } }, orderBy: { id: "asc" } }),
    ).toEqual(others);
    expect((await db.prisma.deck.findFirstOrThrow()).source).toBe(edited);
  });

  it("retires a removed card, keeping its history, and brings it back under the same id", async () => {
    await importText(db, fixture);
    const card = await cardWith(db, "ribosomes");
    await addHistory(db.prisma, card.id, "review-2");
    const block = "- **What do ribosomes make?**\n\n  Proteins.\n\n";
    expect(fixture).toContain(block);

    const removed = await importText(db, fixture.replace(block, ""), day(3));
    expect(removed.counts).toMatchObject({ new: 0, retired: 1 });
    const retired = await db.prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(retired.retiredAt).toEqual(day(3));
    expect(await db.prisma.card.count({ where: { retiredAt: null, ...notReverseCard } })).toBe(
      removed.counts.unchanged + removed.counts.updated,
    );
    expect(await db.prisma.reviewLog.count({ where: { cardId: card.id } })).toBe(1);

    // Re-importing the shorter file again does not retire it a second time.
    expect((await importText(db, fixture.replace(block, "").concat("\n"), day(4))).counts.retired).toBe(0);

    const restored = await importText(db, fixture, day(5));
    expect(restored.counts).toMatchObject({ new: 0, retired: 0 });
    expect(restored.counts.updated).toBeGreaterThanOrEqual(1);
    const back = await cardWith(db, "ribosomes");
    expect(back.id).toBe(card.id);
    expect(back.retiredAt).toBeNull();
    expect(await db.prisma.cardState.count({ where: { cardId: card.id } })).toBe(1);
    expect(await db.prisma.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
  });

  describe("a broken file changes nothing and names the file", () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ["bad front matter", "---\ntitle: [unclosed\n---\n\n- **Q?**\n\n  A.\n", /^content\/cells\.md:\d+: /],
      [
        "non-UTF-8 bytes",
        new Uint8Array([
          ...new TextEncoder().encode("# Cells\n\n- **Caf"),
          0xe9,
          ...new TextEncoder().encode("?**\n"),
        ]),
        /^content\/cells\.md: is not UTF-8 text \(invalid byte at offset 16 \/ line 3\)$/,
      ],
      ["a NUL byte", "# Cells\n\0\n", /^content\/cells\.md: is not UTF-8 text \(NUL byte/],
      [
        "zero cards",
        "# Cell Biology\n\nJust prose, no questions here.\n",
        /^content\/cells\.md: has no cards/,
      ],
    ];

    it.each(cases)("%s, for a new file", async (_name, bytes, message) => {
      const before = await snapshot(db.prisma);
      const error = await expectImportError(importText(db, bytes), sourcePath);
      expect(error.message).toMatch(message);
      expect(await snapshot(db.prisma)).toEqual(before);
    });

    it.each(cases)("%s, for a file imported before", async (_name, bytes, message) => {
      await importText(db, fixture);
      await addHistory(db.prisma, (await cardWith(db, "powerhouse")).id, "review-3");
      const before = await snapshot(db.prisma);
      const error = await expectImportError(importText(db, bytes, day(9)), sourcePath);
      expect(error.message).toMatch(message);
      expect(await snapshot(db.prisma)).toEqual(before);
    });
  });

  it("rolls the whole deck back when a write fails half way", async () => {
    await importText(db, fixture);
    const before = await snapshot(db.prisma);
    // A trigger that rejects one card stands in for a database failure mid-transaction.
    if (provider === "sqlite") {
      await db.prisma.$executeRawUnsafe(
        `CREATE TRIGGER boom BEFORE INSERT ON "Card" WHEN NEW.front LIKE '%boom%' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
      );
    } else {
      await db.prisma.$executeRawUnsafe(
        `CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN IF NEW.front LIKE '%boom%' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await db.prisma.$executeRawUnsafe(
        `CREATE TRIGGER boom BEFORE INSERT ON "Card" FOR EACH ROW EXECUTE FUNCTION boom()`,
      );
    }
    const changed = fixture
      .replace("The mitochondrion.", "Changed answer.")
      .replace("- **What do ribosomes make?**", "- **What does boom do?**");
    await expect(importText(db, changed, day(2))).rejects.toThrow(/boom/);
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it("gives a second file with the same slug a deck of its own, and keeps it on re-import", async () => {
    const a = await importText(db, fixture, day(1), "content/a/cells.md");
    const b = await importText(db, fixture, day(1), "content/b/cells.md");
    expect(a.deck.slug).toBe(parseDeck(fixture, { fileName: "cells.md" }).slug);
    expect(b.deck.id).not.toBe(a.deck.id);
    expect(b.deck.slug).toBe(`${a.deck.slug}-2`);

    const edited = fixture.replace("Proteins.", "Proteins, from amino acids.");
    const again = await importText(db, edited, day(2), "content/b/cells.md");
    expect(again.deck).toEqual(b.deck);
    expect(again.status).toBe("updated");
    expect((await importText(db, edited, day(2), "content/a/cells.md")).deck).toEqual(a.deck);
  });

  it("adopts a deck with the same slug that no file owns yet", async () => {
    const slug = parseDeck(fixture, { fileName: "cells.md" }).slug;
    const orphan = await db.prisma.deck.create({ data: { slug, title: "Old" } });
    const result = await importText(db, fixture);
    expect(result.deck.id).toBe(orphan.id);
    expect(result.status).toBe("updated");
    expect((await db.prisma.deck.findUniqueOrThrow({ where: { id: orphan.id } })).sourcePath).toBe(
      sourcePath,
    );
  });
});
