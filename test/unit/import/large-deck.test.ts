import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDeckSource } from "@/app/lib/import";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { generateDeck } from "@/test/fixtures/import/generate-deck";
import { snapshot } from "./db-snapshot";

const size = 2_000;
const { markdown } = generateDeck(size);
const source = (bytes: string) => ({
  bytes,
  sourcePath: "content/large.md",
  fileName: "large.md",
  ownerId: null,
});

describe.each(testProviders)("a %s deck of 2,000 cards", (provider) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    const first = await importDeckSource(db.prisma, source(markdown), {
      now: new Date("2026-11-01T00:00:00Z"),
    });
    expect(first.counts.new).toBe(size);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("rewrites only the deck row and the one card whose answer changed", async () => {
    const before = await snapshot(db.prisma);
    const edited = markdown.replace("It is answer 1000, with", "It is the corrected answer 1000, with");
    expect(edited).not.toBe(markdown);

    const result = await importDeckSource(db.prisma, source(edited), {
      now: new Date("2026-11-02T00:00:00Z"),
    });
    expect(result.counts).toEqual({ new: 0, updated: 1, retired: 0, unchanged: size - 1 });
    expect(result.rowsWritten).toBe(2);

    // Checked against the rows themselves, not only the importer's own count.
    const after = await snapshot(db.prisma);
    const changed = after.cards.filter(
      (card, index) => JSON.stringify(card) !== JSON.stringify(before.cards[index]),
    );
    expect(after.cards.map((card) => card.id)).toEqual(before.cards.map((card) => card.id));
    expect(changed).toHaveLength(1);
    expect(changed[0]!.back).toContain("the corrected answer 1000");
  });

  it("writes nothing when the same text is imported again", async () => {
    const current = (await db.prisma.deck.findFirstOrThrow()).source!;
    const before = await snapshot(db.prisma);
    const result = await importDeckSource(db.prisma, source(current));
    expect(result.status).toBe("unchanged");
    expect(result.rowsWritten).toBe(0);
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it("updates every card's line and position when a card is inserted at the top", async () => {
    const current = (await db.prisma.deck.findFirstOrThrow()).source!;
    const shifted = current.replace(
      "## Chapter 1: cells\n",
      "## Chapter 1: cells\n\nA new opening card :: with its answer\n",
    );
    const result = await importDeckSource(db.prisma, source(shifted));
    expect(result.counts.new).toBe(1);
    expect(result.counts.updated).toBe(size);
    const cards = await db.prisma.card.findMany({ where: { retiredAt: null }, orderBy: { position: "asc" } });
    expect(cards[0]!.front).toBe("A new opening card");
    expect(cards.map((card) => card.position)).toEqual(cards.map((_, index) => index));
  });
});
