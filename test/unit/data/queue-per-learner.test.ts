/**
 * The two study queue reads (one deck's, and Study all's) are per learner and per visibility: a
 * learner gets the shared notes-folder decks and their own, never another learner's private deck,
 * and their own progress (states, marks, today's limits), not anyone else's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countDueAllWith, getStudyAllQueueWith } from "@/app/lib/data/study-all-read";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import { newCardsPerDay } from "@/app/lib/study/limits";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { ensureLocalUser, putReview, putState } from "@/test/helpers/learner-rows";

// Midday UTC: the learners' study day (04:00 UTC by default) began hours ago and ends tomorrow.
const now = new Date(Date.UTC(2026, 2, 10, 12, 0, 0));
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe.each(testProviders)("study queues per learner on %s", (provider) => {
  let db: TestDatabase;
  const cards: Record<string, string[]> = {};

  async function addDeck(slug: string, ownerId: string | null, count: number) {
    const deck = await db.prisma.deck.create({ data: { slug, title: slug, ownerId } });
    cards[slug] = [];
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
      cards[slug]!.push(card.id);
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    for (const userId of ["ann", "bob"]) await ensureLocalUser(db.prisma, userId);
    await addDeck("shared", null, 30);
    await addDeck("anns", "ann", 3);
    await addDeck("bobs", "bob", 3);
    // Ann: two reviews due in the shared deck, one not due for weeks, one due in her own deck.
    await putState(db.prisma, cards.shared![0]!, { state: 2, due: days(-2), userId: "ann" });
    await putState(db.prisma, cards.shared![1]!, { state: 2, due: days(-1), userId: "ann" });
    await putState(db.prisma, cards.shared![2]!, { state: 2, due: days(30), userId: "ann" });
    await putState(db.prisma, cards.anns![0]!, { state: 2, due: days(-3), userId: "ann" });
    // A state of Ann's in Bob's deck (say, from before it was his): his deck stays hidden from her.
    await putState(db.prisma, cards.bobs![2]!, { state: 2, due: days(-4), userId: "ann" });
    // Bob: a learning card in the shared deck, a review due in his own deck, and five new cards
    // of the shared deck started today (five fewer new cards left there today).
    await putState(db.prisma, cards.shared![5]!, { state: 1, due: now, userId: "bob" });
    await putState(db.prisma, cards.bobs![0]!, { state: 2, due: days(-1), userId: "bob" });
    for (const cardId of cards.shared!.slice(10, 15)) {
      await putState(db.prisma, cardId, { state: 2, due: days(3), userId: "bob" });
      await putReview(db.prisma, cardId, new Date(now.getTime() - 3_600_000), "bob");
    }
  });
  afterAll(async () => db?.destroy());

  it("gives another learner's private deck as no deck at all, and the learner's own and shared ones", async () => {
    expect(await getStudyQueueWith(db.prisma, "bobs", now, "ann")).toBeNull();
    expect(await getStudyQueueWith(db.prisma, "anns", now, "bob")).toBeNull();
    const own = await getStudyQueueWith(db.prisma, "anns", now, "ann");
    expect(own?.cards.map((card) => card.id)).toEqual(cards.anns);
    expect(own?.cards[0]?.schedule?.state).toBe(2);
  });

  it("splits one shared deck's queue by learner: each their own states and new cards", async () => {
    const ann = await getStudyQueueWith(db.prisma, "shared", now, "ann");
    const annStarted = ann!.cards.filter((card) => card.schedule).map((card) => card.id);
    // Most overdue first; the review due in 30 days waits.
    expect(annStarted).toEqual([cards.shared![0], cards.shared![1]]);
    expect(ann!.cards.filter((card) => !card.schedule)).toHaveLength(newCardsPerDay);
    // More new cards than today's allowance: the next ones come tomorrow, before the later review.
    expect(ann!.laterDue).toBe(ann!.dayEnd);

    const bob = await getStudyQueueWith(db.prisma, "shared", now, "bob");
    const bobStarted = bob!.cards.filter((card) => card.schedule).map((card) => card.id);
    expect(bobStarted).toEqual([cards.shared![5]]);
    // Ann's started cards are new for Bob; his five started today use up five of his new cards.
    const bobNew = bob!.cards.filter((card) => !card.schedule).map((card) => card.id);
    expect(bob!.newRemaining).toBe(newCardsPerDay - 5);
    expect(bobNew).toEqual(
      cards.shared!.filter((id, i) => i !== 5 && (i < 10 || i >= 15)).slice(0, newCardsPerDay - 5),
    );
    expect(bobNew).toContain(cards.shared![0]);
  });

  it("builds Study all from the decks each learner can see, with their own states", async () => {
    const ann = await getStudyAllQueueWith(db.prisma, now, { userId: "ann" });
    const annIds = ann.cards.map((card) => card.id);
    expect(annIds.slice(0, 3)).toEqual([cards.anns![0], cards.shared![0], cards.shared![1]]);
    expect(annIds.some((id) => cards.bobs!.includes(id))).toBe(false);
    expect(ann.cards.filter((card) => card.deck?.slug === "anns").map((card) => card.id)).toEqual(cards.anns);
    expect(await countDueAllWith(db.prisma, now, { userId: "ann" })).toBe(3);

    const bob = await getStudyAllQueueWith(db.prisma, now, { userId: "bob" });
    const bobIds = bob.cards.map((card) => card.id);
    expect(bobIds.slice(0, 2).sort()).toEqual([cards.bobs![0], cards.shared![5]].sort());
    expect(bobIds.some((id) => cards.anns!.includes(id))).toBe(false);
    expect(bob.cards.filter((card) => card.deck?.slug === "shared" && !card.schedule)).toHaveLength(
      newCardsPerDay - 5,
    );
    expect(await countDueAllWith(db.prisma, now, { userId: "bob" })).toBe(2);
    // Nobody else's progress: a learner with no rows at all sees every shared card as new.
    await ensureLocalUser(db.prisma, "cal");
    const cal = await getStudyAllQueueWith(db.prisma, now, { userId: "cal" });
    expect(cal.cards.every((card) => card.schedule === null && card.deck?.slug === "shared")).toBe(true);
    expect(cal.cards).toHaveLength(newCardsPerDay);
    expect(await countDueAllWith(db.prisma, now, { userId: "cal" })).toBe(0);
  });

  it("leaves a deck in the trash, or whose file is gone, out for everyone", async () => {
    await db.prisma.deck.update({ where: { slug: "anns" }, data: { deletedAt: now } });
    await db.prisma.deck.update({ where: { slug: "shared" }, data: { missingAt: now } });
    try {
      expect(await getStudyQueueWith(db.prisma, "anns", now, "ann")).toBeNull();
      expect((await getStudyAllQueueWith(db.prisma, now, { userId: "ann" })).cards).toEqual([]);
      expect(await countDueAllWith(db.prisma, now, { userId: "ann" })).toBe(0);
      expect((await getStudyAllQueueWith(db.prisma, now, { userId: "bob" })).cards.map((c) => c.id)).toEqual(
        cards.bobs,
      );
    } finally {
      await db.prisma.deck.update({ where: { slug: "anns" }, data: { deletedAt: null } });
      await db.prisma.deck.update({ where: { slug: "shared" }, data: { missingAt: null } });
    }
  });
});
