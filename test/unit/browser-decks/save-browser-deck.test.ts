import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addBrowserDeck,
  BrowserDeckError,
  updateBrowserDeck,
} from "@/app/lib/browser-decks/save-browser-deck";
import { ImportError } from "@/app/lib/import";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const localAccessor = { userId: "local", accounts: false };

const now = new Date("2026-03-01T10:00:00.000Z");
const later = new Date("2026-03-02T10:00:00.000Z");

const cells = `# Cells

- What is the powerhouse of the cell?
  The mitochondria
- What holds the DNA?
  The nucleus
`;

describe.each(testProviders)("browser decks (%s)", (provider) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });

  afterEach(async () => {
    await db.destroy();
  });

  it("stores pasted markdown as a deck with a browser source and keeps the text as written", async () => {
    const saved = await addBrowserDeck(db.prisma, { markdown: cells }, now, "local");
    expect(saved).toMatchObject({ slug: "cells", title: "Cells" });
    const deck = await db.prisma.deck.findUniqueOrThrow({
      where: { slug: "cells" },
      include: { cards: true },
    });
    expect(deck.sourcePath).toBe("browser:cells");
    expect(deck.source).toBe(cells);
    expect(deck.cards).toHaveLength(2);
  });

  it("gives a second deck with the same title its own identity instead of overwriting the first", async () => {
    await addBrowserDeck(db.prisma, { markdown: cells }, now, "local");
    const second = await addBrowserDeck(
      db.prisma,
      { markdown: cells.replace("The nucleus", "Chromosomes") },
      now,
      "local",
    );
    expect(second.slug).toBe("cells-2");
    const decks = await db.prisma.deck.findMany({
      orderBy: { slug: "asc" },
      select: { slug: true, sourcePath: true },
    });
    expect(decks).toEqual([
      { slug: "cells", sourcePath: "browser:cells" },
      { slug: "cells-2", sourcePath: "browser:cells-2" },
    ]);
  });

  it("names an uploaded file's deck after the file when the markdown has no title", async () => {
    const saved = await addBrowserDeck(
      db.prisma,
      { markdown: "- What is ATP?\n  Energy currency\n", fileName: "cell-energy.md" },
      now,
      "local",
    );
    expect(saved).toMatchObject({ slug: "cell-energy", title: "Cell Energy" });
  });

  it("refuses markdown without cards, naming what the learner gave, and stores nothing", async () => {
    const error = await addBrowserDeck(
      db.prisma,
      { markdown: "# Notes\n\nJust prose.\n", fileName: "notes.md" },
      now,
      "local",
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^notes\.md: has no cards/);
    expect(await db.prisma.deck.count()).toBe(0);
  });

  it("re-imports an edit with the importer's identity rules: same card for an edited answer, removed cards retire", async () => {
    await addBrowserDeck(db.prisma, { markdown: cells }, now, "local");
    const before = await db.prisma.card.findMany({ orderBy: { position: "asc" } });
    const edited = cells
      .replace("The mitochondria", "Mitochondria, which make ATP")
      .replace(/- What holds the DNA\?\n {2}The nucleus\n/, "");

    const saved = await updateBrowserDeck(
      db.prisma,
      { slug: "cells", markdown: edited },
      later,
      localAccessor,
    );
    expect(saved.slug).toBe("cells");
    const after = await db.prisma.card.findMany({ orderBy: { position: "asc" } });
    expect(after.map((card) => card.id)).toEqual(before.map((card) => card.id));
    expect(after[0]?.back).toBe("Mitochondria, which make ATP");
    expect(after[1]?.retiredAt).toEqual(later);
    expect((await db.prisma.deck.findUniqueOrThrow({ where: { slug: "cells" } })).source).toBe(edited);
  });

  it("keeps the deck's address when an edit changes its title", async () => {
    await addBrowserDeck(db.prisma, { markdown: cells }, now, "local");
    const saved = await updateBrowserDeck(
      db.prisma,
      { slug: "cells", markdown: cells.replace("# Cells", "# Cell biology") },
      later,
      localAccessor,
    );
    expect(saved).toMatchObject({ slug: "cells", title: "Cell biology" });
  });

  it("refuses to edit a deck that comes from a file, and a deck that does not exist", async () => {
    await db.prisma.deck.create({ data: { slug: "atoms", title: "Atoms", sourcePath: "content/atoms.md" } });
    await expect(
      updateBrowserDeck(db.prisma, { slug: "atoms", markdown: cells }, later, localAccessor),
    ).rejects.toThrow(BrowserDeckError);
    await expect(
      updateBrowserDeck(db.prisma, { slug: "nope", markdown: cells }, later, localAccessor),
    ).rejects.toThrow(/no deck "nope"/);
  });

  it("leaves the stored deck untouched when an edit cannot be imported", async () => {
    await addBrowserDeck(db.prisma, { markdown: cells }, now, "local");
    const error = await updateBrowserDeck(
      db.prisma,
      { slug: "cells", markdown: "---\ntitle: [broken\n---\n" },
      later,
      localAccessor,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/^your markdown:\d+:/);
    const deck = await db.prisma.deck.findUniqueOrThrow({
      where: { slug: "cells" },
      include: { cards: true },
    });
    expect(deck.source).toBe(cells);
    expect(deck.cards.every((card) => card.retiredAt === null)).toBe(true);
  });
});
