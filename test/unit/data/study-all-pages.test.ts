import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScheduler } from "@/app/lib/scheduler";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { getStudyAllQueueWith } from "@/app/lib/data/study-all-read";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const scheduler = createScheduler({ enableFuzz: false });
// Midday local time: 30 hours earlier is the day before's study day, within the grades' look-back.
const now = new Date(2026, 2, 10, 12, 0, 0);
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

// Study all reads decks 50 at a time in title order (study-all-decks.ts): more than one page here,
// two of them with the same title, where the second page starts: their ids order them.
describe.each(testProviders)("Study all's pages of decks on %s", (provider) => {
  let db: TestDatabase;
  const titles = Array.from({ length: 55 }, (_, i) => `Deck ${String(i).padStart(2, "0")}`);
  // The 50th and 51st share a title: the second page starts between them.
  const order = [...titles.slice(0, 50), "Deck 49", ...titles.slice(50)];
  const ids: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    for (const [index, title] of order.entries()) {
      // Ids out of title order, so a page that followed the ids would skip or repeat decks.
      const id = `deck-${String(99 - index).padStart(2, "0")}`;
      const deck = await db.prisma.deck.create({ data: { id, slug: `s${index}`, title } });
      for (const position of [0, 1, 2])
        await db.prisma.card.create({
          data: {
            deckId: deck.id,
            key: `k${position}`,
            kind: "basic",
            front: "Q",
            back: "A",
            line: position + 1,
            position,
          },
        });
      ids.push(id);
    }
    // The first deck allows 1 new card a day: yesterday's leaves today's whole.
    const first = await db.prisma.card.findFirstOrThrow({ where: { deckId: ids[0], position: 0 } });
    await db.prisma.deckSettings.create({ data: { userId: "local", deckId: ids[0]!, newPerDay: 1 } });
    await gradeCardWith(
      db.prisma,
      { gradeId: randomUUID(), cardId: first.id, rating: 4, expectedVersion: 0 },
      hoursAgo(30),
      { userId: "local", scheduler },
    );
  });
  afterAll(async () => db?.destroy());

  it("offers every deck's new cards in title order across pages, each within its allowance", async () => {
    const queue = await getStudyAllQueueWith(db.prisma, now, { userId: "local" });
    const fresh = queue.cards.filter((card) => card.schedule === null);
    const expected = order
      .map((title, index) => ({ title, id: ids[index]! }))
      .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1))
      .flatMap(({ id }) => (id === ids[0] ? [id] : [id, id, id]));
    expect(fresh.map((card) => ids[Number(card.deck!.slug.slice(1))])).toEqual(expected);
  });
});
