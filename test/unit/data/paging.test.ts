import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDeckCardsPageWith } from "@/app/lib/data/deck-cards";
import { getDeckListPageWith } from "@/app/lib/data/deck-list";
import { getDeckSummariesWith } from "@/app/lib/data/deck-reads";
import { parsePageQuery, type PageCursor } from "@/app/lib/data/keyset";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

// Lists come a page at a time, so a million decks or a 41,000-card deck cannot take the server
// down: every page is bounded, and walking the links forwards and back visits each row once.

const now = new Date(2026, 2, 10, 12, 0, 0);

describe.each(testProviders)("paged deck and card lists on %s", (provider) => {
  let db: TestDatabase;
  let deckOrder: string[];
  let bigDeckId: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    // 130 decks, three of them sharing a title: the order needs the id to break ties.
    await db.prisma.deck.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({
        id: `deck-${String(i).padStart(3, "0")}`,
        slug: `deck-${i}`,
        title: i < 3 ? "Same title" : `Deck ${String((i * 37) % 130).padStart(3, "0")}`,
      })),
    });
    deckOrder = (
      await db.prisma.deck.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true } })
    ).map((deck) => deck.id);
    bigDeckId = deckOrder[10]!;
    await db.prisma.card.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({
        deckId: bigDeckId,
        key: `k${i}`,
        kind: "basic",
        front: i % 50 === 7 ? `What is MITOSIS, part ${i}?` : `Question ${i}`,
        back: `Answer ${i}`,
        line: i + 1,
        position: i,
        retiredAt: i === 1 ? now : null,
      })),
    });
  });
  afterAll(async () => db?.destroy());

  /** Every page from the first, following `next`; then back from the last, following `previous`. */
  async function walk<T extends { id: string }>(
    read: (
      cursor: PageCursor,
    ) => Promise<{ rows: T[]; links: { previous: string | null; next: string | null } }>,
  ) {
    const forwards: string[][] = [];
    let page = await read({});
    expect(page.links.previous).toBeNull();
    forwards.push(page.rows.map((row) => row.id));
    while (page.links.next) {
      page = await read({ after: page.links.next });
      forwards.push(page.rows.map((row) => row.id));
    }
    const backwards: string[][] = [page.rows.map((row) => row.id)];
    while (page.links.previous) {
      page = await read({ before: page.links.previous });
      backwards.unshift(page.rows.map((row) => row.id));
    }
    return { forwards, backwards };
  }

  it("reads the decks 50 at a time in title order, the same pages forwards and back", async () => {
    const { forwards, backwards } = await walk(async (cursor) => {
      const page = await getDeckListPageWith(db.prisma, "local", cursor);
      expect(page.total).toBe(130);
      return { rows: page.decks, links: page.links };
    });
    expect(forwards.map((ids) => ids.length)).toEqual([50, 50, 30]);
    expect(forwards.flat()).toEqual(deckOrder);
    expect(backwards).toEqual(forwards);
  });

  it("counts the decks only up to a cap, and says when there are more", async () => {
    expect(await getDeckListPageWith(db.prisma, "local", {}, { countCap: 100 })).toMatchObject({
      total: 100,
      totalCapped: true,
    });
    expect(await getDeckListPageWith(db.prisma, "local", {}, { countCap: 130 })).toMatchObject({
      total: 130,
      totalCapped: false,
    });
  });

  it("counts only the decks on the page it shows", async () => {
    const page = await getDeckSummariesWith(db.prisma, now, {}, "local");
    expect(page.decks).toHaveLength(50);
    expect(page.total).toBe(130);
    const big = page.decks.find((deck) => deck.id === bigDeckId);
    expect(big).toMatchObject({
      cardCount: 249,
      counts: { new: 20, learning: 0, due: 0 },
      lastStudied: null,
    });
  });

  it("reads a deck's active cards 100 at a time in file order, the same pages forwards and back", async () => {
    const { forwards, backwards } = await walk(async (cursor) => {
      const page = await getDeckCardsPageWith(db, bigDeckId, cursor, "local");
      expect(page.total).toBe(249);
      return { rows: page.cards, links: page.links };
    });
    expect(forwards.map((ids) => ids.length)).toEqual([100, 100, 49]);
    expect(new Set(forwards.flat()).size).toBe(249);
    expect(backwards).toEqual(forwards);
  });

  it("searches front, back and headings ignoring case, and pages the matches", async () => {
    const page = await getDeckCardsPageWith(db, bigDeckId, { q: "mitosis" }, "local");
    expect(page.total).toBe(5);
    expect(page.cards.map((card) => card.front)).toEqual(
      [7, 57, 107, 157, 207].map((i) => `What is MITOSIS, part ${i}?`),
    );
    const small = await getDeckCardsPageWith(db, bigDeckId, { q: "Mitosis" }, "local", 2);
    expect(small.cards).toHaveLength(2);
    const next = await getDeckCardsPageWith(
      db,
      bigDeckId,
      { q: "Mitosis", after: small.links.next! },
      "local",
      2,
    );
    expect(next.cards.map((card) => card.line)).toEqual([108, 158]);
  });

  it("has the index that makes every deck page one range read", async () => {
    const indexes =
      provider === "sqlite"
        ? await db.prisma.$queryRawUnsafe<{ name: string }[]>(
            `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Deck'`,
          )
        : await db.prisma.$queryRawUnsafe<{ name: string }[]>(
            `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'Deck'`,
          );
    expect(indexes.map((index) => index.name)).toContain("Deck_title_id_idx");
  });

  it("reads a malformed or unknown cursor as the first page", async () => {
    expect(parsePageQuery({ after: "'; DROP TABLE", q: "  x  " })).toEqual({
      after: undefined,
      before: undefined,
      q: "x",
    });
    const page = await getDeckListPageWith(db.prisma, "local", { after: "no-such-deck" });
    expect(page.decks[0]?.id).toBe(deckOrder[0]);
    expect(page.links.previous).toBeNull();
  });
});
