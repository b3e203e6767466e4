/**
 * Reads as another learner: Bob asks for everything of Alice's the app can show (her private deck by
 * slug, id and card id, her progress, her trash) and gets nothing of it, while Alice still sees her
 * own. Each assertion names the filter it guards; removing that filter makes it fail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCardHistoryWith } from "@/app/lib/data/card-history";
import { getDeckCardsPageWith } from "@/app/lib/data/deck-cards";
import { getDeckFiguresWith } from "@/app/lib/data/deck-counts";
import { getDeckListPageWith } from "@/app/lib/data/deck-list";
import { getDeckDetailWith, getDeckSummariesWith } from "@/app/lib/data/deck-reads";
import { getHomeFiguresWith } from "@/app/lib/data/home-figures";
import { getPracticeQueueWith } from "@/app/lib/data/practice-read";
import { getQuizSettingsWith } from "@/app/lib/data/quiz-mode";
import { getRetentionEstimatesWith } from "@/app/lib/data/retention-estimate";
import { getStatsWith } from "@/app/lib/data/stats/get-stats";
import { getTrashedDeckWith, getTrashWith } from "@/app/lib/data/trash-reads";
import { getVisibleDeckWith } from "@/app/lib/data/visible-deck";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { putReview, putState } from "@/test/helpers/learner-rows";
import { alice, bob, seedTwoLearners, type TwoLearners } from "@/test/helpers/two-learners";

// Local noon: the learners' study day (the server's zone, 4 am start) holds every grade below.
const now = new Date(2026, 2, 10, 12, 0, 0);
const withAccounts = (userId: string) => ({ userId, accounts: true });
const slugs = (rows: { slug: string }[]) => rows.map((row) => row.slug);

describe.each(testProviders)("reads as another learner on %s", (provider) => {
  let db: TestDatabase;
  let cards: TwoLearners;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    cards = await seedTwoLearners(db.prisma, now);
  });
  afterAll(async () => db?.destroy());

  it("lists only shared decks and the learner's own, whatever the cursor names", async () => {
    const bobs = await getDeckListPageWith(db.prisma, bob);
    expect(slugs(bobs.decks)).toEqual(["bob-deck", "shared"]);
    expect(bobs.total).toBe(2);
    expect(slugs((await getDeckListPageWith(db.prisma, alice)).decks)).toEqual(["alice-private", "shared"]);
    // Single-user mode's learner owns no deck here: the shared one only.
    expect(slugs((await getDeckListPageWith(db.prisma, "local")).decks)).toEqual(["shared"]);
    // A page before Alice's deck would be empty; an anchor Bob cannot see reads as the first page.
    const paged = await getDeckListPageWith(db.prisma, bob, { before: "alice-private" });
    expect(slugs(paged.decks)).toEqual(["bob-deck", "shared"]);
    expect(paged.links.previous).toBeNull();
  });

  it("counts a deck's cards only for a learner who may see it, and only their own progress", async () => {
    const home = await getDeckSummariesWith(db.prisma, now, {}, bob);
    expect(slugs(home.decks)).toEqual(["bob-deck", "shared"]);
    expect(home.decks[1]).toMatchObject({ counts: { new: 3, learning: 0, due: 0 }, lastStudied: null });
    const figures = await getDeckFiguresWith(db.prisma, ["alice-private", "shared"], now, bob);
    expect([...figures.keys()]).toEqual(["shared"]);
    const hers = await getDeckSummariesWith(db.prisma, now, {}, alice);
    expect(hers.decks.find((deck) => deck.slug === "shared")?.counts).toEqual({
      new: 1,
      learning: 1,
      due: 1,
    });
  });

  it("reads another learner's private deck by slug or id as no deck", async () => {
    expect(await getVisibleDeckWith(db.prisma, "alice-private", bob)).toBeNull();
    expect(await getVisibleDeckWith(db.prisma, "shared", bob)).toMatchObject({ id: "shared", ownerId: null });
    expect(await getVisibleDeckWith(db.prisma, "alice-private", alice)).toMatchObject({ ownerId: alice });

    expect(await getDeckDetailWith(db.prisma, "alice-private", now, bob)).toBeNull();
    expect(await getDeckDetailWith(db.prisma, "alice-private", now, alice)).toMatchObject({ reviewCount: 1 });
    expect(await getDeckDetailWith(db.prisma, "shared", now, bob)).toMatchObject({
      reviewCount: 0,
      lastStudied: null,
    });

    const page = await getDeckCardsPageWith(db, "alice-private", {}, bob);
    expect(page).toMatchObject({ cards: [], total: 0 });
    const shared = await getDeckCardsPageWith(db, "shared", {}, bob);
    expect(shared.cards.map((card) => card.schedule)).toEqual([null, null, null]);
    expect((await getDeckCardsPageWith(db, "alice-private", {}, alice)).total).toBe(4);
  });

  it("shows a card's history only in a deck the learner may see, and only their own grades", async () => {
    const [herCard] = cards.alicePrivate;
    expect(await getCardHistoryWith(db.prisma, "alice-private", herCard!, bob, now)).toBeNull();
    expect(await getCardHistoryWith(db.prisma, "shared", herCard!, bob, now)).toBeNull();
    expect(await getCardHistoryWith(db.prisma, "alice-private", herCard!, alice, now)).toMatchObject({
      totalReviews: 1,
    });
    const sharedCard = cards.shared[0]!;
    expect(await getCardHistoryWith(db.prisma, "shared", sharedCard, bob, now)).toMatchObject({
      state: null,
      recall: null,
      reviews: [],
      totalReviews: 0,
    });
    expect((await getCardHistoryWith(db.prisma, "shared", sharedCard, alice, now))?.totalReviews).toBe(1);
  });

  it("gives home figures of the learner's own progress only", async () => {
    expect(await getHomeFiguresWith(db.prisma, now, bob)).toEqual({
      dueToday: 0,
      nextDue: null,
      reviewedToday: 0,
      streak: 0,
      hasReviewed: false,
    });
    expect(await getHomeFiguresWith(db.prisma, now, alice)).toMatchObject({ dueToday: 3, reviewedToday: 2 });
  });

  it("counts stats over the learner's decks and reviews, and nothing for another's deck", async () => {
    const bobs = await getStatsWith(db, { userId: bob, deckId: null }, now);
    // Shared (3) and Bob's (2): Alice's private cards are not new cards of his.
    expect(bobs.cards).toEqual({ new: 5, learning: 0, review: 0, relearning: 0, suspended: 0 });
    expect(bobs.days.reduce((sum, day) => sum + day.reviews, 0)).toBe(0);
    expect(bobs.forecast.reduce((sum, day) => sum + day.due, 0)).toBe(0);
    const ofHerDeck = await getStatsWith(db, { userId: bob, deckId: "alice-private" }, now);
    expect(ofHerDeck.cards).toEqual({ new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 });

    const hers = await getStatsWith(db, { userId: alice, deckId: null }, now);
    expect(hers.cards).toMatchObject({ new: 3, learning: 1, review: 3 });
    expect(hers.days.at(-1)?.reviews).toBe(2);
  });

  it("keeps the trash to decks the learner may restore: never a shared deck or another's with accounts on", async () => {
    expect(await getTrashWith(db.prisma, now, withAccounts(bob))).toEqual([]);
    const hers = await getTrashWith(db.prisma, now, withAccounts(alice));
    expect(hers.map((row) => [row.slug, row.reviewCount])).toEqual([["alice-trashed", 1]]);
    // Single-user mode: the one learner's trash holds the shared deck, as before accounts.
    const local = await getTrashWith(db.prisma, now, { userId: "local", accounts: false });
    expect(slugs(local)).toEqual(["shared-trashed"]);

    expect(await getTrashedDeckWith(db.prisma, "alice-trashed", withAccounts(bob))).toBeNull();
    expect(await getTrashedDeckWith(db.prisma, "shared-trashed", withAccounts(bob))).toBeNull();
    expect(await getTrashedDeckWith(db.prisma, "alice-trashed", withAccounts(alice))).not.toBeNull();
  });

  it("practises only decks the learner may see", async () => {
    const cram = { kind: "cram" } as const;
    expect(await getPracticeQueueWith(db.prisma, "alice-private", cram, now, { userId: bob })).toBeNull();
    const all = await getPracticeQueueWith(db.prisma, null, cram, now, { userId: bob });
    expect(all?.total).toBe(5);
    expect(new Set(all?.queue.cards.map((card) => card.deck?.slug))).toEqual(new Set(["bob-deck", "shared"]));
    expect(all?.queue.cards.every((card) => card.schedule === null)).toBe(true);
    expect((await getPracticeQueueWith(db.prisma, null, cram, now, { userId: alice }))?.total).toBe(7);
    const ahead = { kind: "ahead", days: 30 } as const;
    expect((await getPracticeQueueWith(db.prisma, null, ahead, now, { userId: bob }))?.total).toBe(0);
  });

  it("says nothing of another learner's deck in its quiz settings", async () => {
    await db.prisma.card.create({
      data: {
        deckId: "alice-private",
        key: "term#reverse",
        kind: "reversed",
        front: "T",
        back: "D",
        line: 9,
      },
    });
    expect(await getQuizSettingsWith(db.prisma, "alice-private", alice)).toMatchObject({ hasTerms: true });
    expect(await getQuizSettingsWith(db.prisma, "alice-private", bob)).toEqual({
      mode: "flip",
      studyReversed: false,
      hasTerms: false,
    });
    await db.prisma.card.deleteMany({ where: { key: "term#reverse" } });
  });

  it("estimates retention from the learner's decks only", async () => {
    expect((await getRetentionEstimatesWith(db.prisma, bob, now)).cardsTotal).toBe(5);
    // Four started cards and three new ones (shared 1, private 2); the trashed deck is out.
    expect((await getRetentionEstimatesWith(db.prisma, alice, now)).cardsTotal).toBe(7);
  });

  it("leaves out a learner's stray progress on a deck they may not see (as a bad restore could leave)", async () => {
    const stray = cards.alicePrivate[2]!;
    await putState(db.prisma, stray, { state: 2, due: new Date(now.getTime() - 3_600_000), userId: bob });
    await putReview(db.prisma, stray, new Date(now.getTime() - 3_600_000), bob);
    try {
      const home = await getHomeFiguresWith(db.prisma, now, bob);
      expect({ dueToday: home.dueToday, nextDue: home.nextDue }).toEqual({ dueToday: 0, nextDue: null });
      const stats = await getStatsWith(db, { userId: bob, deckId: null }, now);
      expect(stats.cards.review).toBe(0);
      expect(stats.forecast.reduce((sum, day) => sum + day.due, 0)).toBe(0);
      expect(stats.memory).toEqual((await getStatsWith(db, { userId: "nobody", deckId: null }, now)).memory);
      const ahead = { kind: "ahead", days: 30 } as const;
      expect((await getPracticeQueueWith(db.prisma, null, ahead, now, { userId: bob }))?.total).toBe(0);
      expect((await getRetentionEstimatesWith(db.prisma, bob, now)).cardsTotal).toBe(5);
    } finally {
      await db.prisma.cardState.deleteMany({ where: { userId: bob } });
      await db.prisma.reviewLog.deleteMany({ where: { userId: bob } });
    }
  });
});
