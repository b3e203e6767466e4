/**
 * "Next due after today" (shown once nothing is left to study) is the deck's earliest review after
 * today, read through CardState(userId, deckId, state, due): however many of the learner's other
 * decks' reviews come before it, and whichever deck's review is earliest.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { ensureLocalUser, putState } from "@/test/helpers/learner-rows";

const now = new Date(Date.UTC(2026, 2, 10, 12, 0, 0));
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

describe.each(testProviders)("next due after today on %s", (provider) => {
  let db: TestDatabase;

  async function addDeck(slug: string, count: number) {
    const deck = await db.prisma.deck.create({ data: { slug, title: slug, ownerId: null } });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const card = await db.prisma.card.create({
        data: {
          deckId: deck.id,
          key: `k${i}`,
          kind: "basic",
          front: `${slug} ${i}`,
          back: "A",
          line: i + 1,
          position: i,
        },
      });
      ids.push(card.id);
    }
    return ids;
  }

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await ensureLocalUser(db.prisma, "ann");
    // 250 reviews of another deck come due tomorrow, before any of this deck's; the near deck's
    // first comes among them.
    const busy = await addDeck("busy", 250);
    for (const [i, id] of busy.entries())
      await putState(db.prisma, id, { state: 2, due: hours(24 + i / 100), userId: "ann" });
    const far = await addDeck("far", 3);
    await putState(db.prisma, far[0]!, { state: 2, due: hours(24 * 9), userId: "ann" });
    await putState(db.prisma, far[1]!, { state: 2, due: hours(24 * 7), userId: "ann" });
    await putState(db.prisma, far[2]!, { state: 2, due: hours(24 * 8), userId: "ann" });
    const near = await addDeck("near", 2);
    await putState(db.prisma, near[0]!, { state: 2, due: hours(24 + 1.5), userId: "ann" });
    await putState(db.prisma, near[1]!, { state: 2, due: hours(24 * 5), userId: "ann" });
  });
  afterAll(async () => db?.destroy());

  it("finds a deck's first review behind more than 200 of another deck's", async () => {
    const queue = await getStudyQueueWith(db.prisma, "far", now, "ann");
    expect(queue!.cards).toEqual([]);
    expect(queue!.laterDue).toBe(hours(24 * 7).getTime());
  });

  it("finds a deck's first review among the learner's next ones", async () => {
    const queue = await getStudyQueueWith(db.prisma, "near", now, "ann");
    expect(queue!.laterDue).toBe(hours(24 + 1.5).getTime());
  });
});
