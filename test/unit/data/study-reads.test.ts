import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScheduler } from "@/app/lib/scheduler";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { getDeckCardsPageWith } from "@/app/lib/data/deck-cards";
import { getDeckDetailWith, getDeckSummariesWith } from "@/app/lib/data/deck-reads";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const scheduler = createScheduler({ enableFuzz: false });
// Midday local time, so "today" is the same day for every grade below.
const now = new Date(2026, 2, 10, 12, 0, 0);
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe.each(testProviders)("deck and queue reads on %s", (provider) => {
  let db: TestDatabase;
  const ids: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    const deck = await db.prisma.deck.create({
      data: { slug: "net", title: "Networks", sourcePath: "content/net.md" },
    });
    await db.prisma.deck.create({ data: { slug: "empty", title: "Empty", lastError: "line 3: broken" } });
    for (let i = 0; i < 30; i++) {
      const card = await db.prisma.card.create({
        data: {
          deckId: deck.id,
          key: `k${i}`,
          kind: "basic",
          front: `Q${i}`,
          back: `A${i}`,
          line: i + 1,
          position: i,
          context: '["Ch 1"]',
        },
      });
      ids.push(card.id);
    }
    await db.prisma.card.update({ where: { id: ids[29]! }, data: { retiredAt: now } });
    const grade = (cardId: string, rating: 1 | 2 | 3 | 4, version: number, at: Date) =>
      gradeCardWith(db.prisma, { gradeId: randomUUID(), cardId, rating, expectedVersion: version }, at, {
        userId: "local",
        scheduler,
      });
    await grade(ids[0]!, 1, 0, minutes(-60)); // learning, due 1 minute after: due now
    await grade(ids[1]!, 3, 0, minutes(-5)); // learning, due in 5 minutes
    await grade(ids[2]!, 4, 0, minutes(-60 * 24 * 9)); // review: first graded 9 days ago, due by now
  });
  afterAll(async () => db?.destroy());

  it("counts new (after today's allowance), learning due now and reviews due today", async () => {
    const {
      decks: [empty, net],
    } = await getDeckSummariesWith(db.prisma, now);
    expect(empty).toMatchObject({
      slug: "empty",
      cardCount: 0,
      counts: { new: 0, learning: 0, due: 0 },
      lastStudied: null,
      lastError: "line 3: broken",
    });
    // 29 active cards, 3 started; 2 of them started today, so 18 more new cards today.
    expect(net).toMatchObject({ slug: "net", cardCount: 29, counts: { new: 18, learning: 1, due: 1 } });
    expect(net!.lastStudied?.getTime()).toBe(minutes(-5).getTime());
  });

  it("counts a deck on its own page the same way, and lists its active cards with states", async () => {
    const deck = await getDeckDetailWith(db.prisma, "net", now);
    expect(deck).toMatchObject({
      sourcePath: "content/net.md",
      cardCount: 29,
      counts: { new: 18, learning: 1, due: 1 },
    });
    const { cards, total } = await getDeckCardsPageWith(db, deck!.id, {}, "local");
    expect(total).toBe(29);
    expect(cards).toHaveLength(29);
    expect(cards[0]).toMatchObject({ front: "Q0", line: 1, context: ["Ch 1"], schedule: { state: 1 } });
    expect(cards[5]?.schedule).toBeNull();
    expect(cards.some((card) => card.id === ids[29])).toBe(false);
    expect(await getDeckDetailWith(db.prisma, "missing", now)).toBeNull();
  });

  it("loads the study queue once: learning cards, reviews due today, new cards up to the allowance", async () => {
    const queue = await getStudyQueueWith(db.prisma, "net", now);
    expect(queue?.newRemaining).toBe(18);
    const started = queue!.cards.filter((card) => card.schedule);
    expect(started.map((card) => card.id).sort()).toEqual([ids[0], ids[1], ids[2]].sort());
    expect(started.every((card) => card.version === 1)).toBe(true);
    const fresh = queue!.cards.filter((card) => !card.schedule);
    expect(fresh).toHaveLength(18);
    expect(fresh.map((card) => card.position)).toEqual(Array.from({ length: 18 }, (_, i) => i + 3));
    expect(await getStudyQueueWith(db.prisma, "missing", now)).toBeNull();
  });
});
