import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScheduler } from "@/app/lib/scheduler";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { getPracticeQueueWith } from "@/app/lib/data/practice-read";
import { countDueAllWith, getStudyAllQueueWith } from "@/app/lib/data/study-all-read";
import { newCardsPerDay } from "@/app/lib/study/limits";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const scheduler = createScheduler({ enableFuzz: false });
// Midday local time, so every grade below falls on the same study day.
const now = new Date(2026, 2, 10, 12, 0, 0);
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe.each(testProviders)("Study all and practice reads on %s", (provider) => {
  let db: TestDatabase;
  const decks: Record<string, string[]> = {};

  async function addDeck(slug: string, title: string, cards: number, extra: object = {}) {
    const deck = await db.prisma.deck.create({ data: { slug, title, ...extra } });
    decks[slug] = [];
    for (let i = 0; i < cards; i++) {
      const card = await db.prisma.card.create({
        data: {
          deckId: deck.id,
          key: `k${i}`,
          kind: "basic",
          front: `${slug} Q${i}`,
          back: "A",
          line: i + 1,
          position: i,
        },
      });
      decks[slug]!.push(card.id);
    }
  }
  const grade = (cardId: string, rating: 1 | 2 | 3 | 4, version: number, at: Date) =>
    gradeCardWith(db.prisma, { gradeId: randomUUID(), cardId, rating, expectedVersion: version }, at, {
      userId: "local",
      scheduler,
    });

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await addDeck("alpha", "Alpha", 30);
    await addDeck("beta", "Beta", 4);
    await addDeck("trashed", "Trashed", 3, { deletedAt: now });
    await addDeck("gone", "Gone", 3, { missingAt: now });
    // Alpha: 2 reviews due (first graded Easy 20 days ago), 1 review not due for weeks and 1 learning
    // card, both first graded today: 2 new cards started today, so its allowance has 18 left of 20.
    await grade(decks.alpha![0]!, 4, 0, days(-20));
    await grade(decks.alpha![1]!, 4, 0, days(-21));
    await grade(decks.alpha![2]!, 4, 0, now);
    await grade(decks.alpha![3]!, 1, 0, new Date(now.getTime() - 3_600_000)); // learning
    // Beta: one review due, its retired card due too (left out), 2 new cards.
    await grade(decks.beta![0]!, 4, 0, days(-25));
    await grade(decks.beta![3]!, 4, 0, days(-25));
    await db.prisma.card.update({ where: { id: decks.beta![3]! }, data: { retiredAt: now } });
    // Due cards in the trash and in a deck whose file is gone.
    await grade(decks.trashed![0]!, 4, 0, days(-25));
    await grade(decks.gone![0]!, 4, 0, days(-25));
  });
  afterAll(async () => db?.destroy());

  it("holds due cards of every active deck, oldest due first, then new cards within each deck's allowance", async () => {
    const queue = await getStudyAllQueueWith(db.prisma, now);
    const ids = queue.cards.map((card) => card.id);
    const started = [decks.beta![0]!, decks.alpha![1]!, decks.alpha![0]!, decks.alpha![3]!];
    expect(ids.slice(0, 4).sort()).toEqual([...started].sort());
    // Oldest due first among the reviews: beta (graded 25 days ago) before alpha's.
    expect(ids.indexOf(decks.beta![0]!)).toBeLessThan(ids.indexOf(decks.alpha![0]!));
    const fresh = queue.cards.filter((card) => card.schedule === null);
    const allowance = newCardsPerDay - 2; // alpha started 2 new cards today
    expect(fresh.filter((card) => card.deck?.slug === "alpha")).toHaveLength(allowance);
    expect(fresh.filter((card) => card.deck?.slug === "beta").map((card) => card.id)).toEqual([
      decks.beta![1]!,
      decks.beta![2]!,
    ]);
    expect(queue.newRemaining).toBe(fresh.length);
    for (const left of ["trashed", "gone"]) expect(ids.some((id) => decks[left]!.includes(id))).toBe(false);
    expect(ids).not.toContain(decks.beta![3]!);
    expect(ids).not.toContain(decks.alpha![2]!);
    expect(queue.cards.find((card) => card.id === decks.beta![0]!)?.deck).toEqual({
      slug: "beta",
      title: "Beta",
    });
    expect(queue.scope).toEqual({ kind: "all", remaining: 0, capped: false, more: false });
    expect(await countDueAllWith(db.prisma, now)).toBe(4);
    // Counted up to a cap: past it the count reads one more than the cap.
    expect(await countDueAllWith(db.prisma, now, { cap: 2 })).toBe(3);
  });

  it("caps the batch, oldest due first, and counts the due cards left for the next", async () => {
    const queue = await getStudyAllQueueWith(db.prisma, now, { limit: 2 });
    expect(queue.cards.map((card) => card.id)).toEqual([decks.beta![0]!, decks.alpha![1]!]);
    expect(queue.scope).toEqual({ kind: "all", remaining: 2, capped: false, more: true });
    // Room for the due cards and 3 new ones: the first deck in title order fills it.
    const some = await getStudyAllQueueWith(db.prisma, now, { limit: 7 });
    expect(some.cards.filter((card) => card.schedule === null).map((card) => card.deck?.slug)).toEqual([
      "alpha",
      "alpha",
      "alpha",
    ]);
    expect(some.scope).toEqual({ kind: "all", remaining: 0, capped: false, more: true });
  });

  it("gives practice every active card in file order, or the cards due within some days", async () => {
    const cram = await getPracticeQueueWith(db.prisma, "beta", { kind: "cram" }, now);
    expect(cram?.queue.cards.map((card) => card.id)).toEqual(decks.beta!.slice(0, 3));
    expect(cram?.total).toBe(3);
    const capped = await getPracticeQueueWith(db.prisma, "alpha", { kind: "cram" }, now, { limit: 5 });
    expect(capped?.queue.cards).toHaveLength(5);
    expect(capped?.total).toBe(30);
    // Within 1 day: the due reviews and the learning card; alpha's card graded Easy today is weeks away.
    const ahead = await getPracticeQueueWith(db.prisma, "alpha", { kind: "ahead", days: 1 }, now);
    expect(ahead?.queue.cards.map((card) => card.id).sort()).toEqual(
      [decks.alpha![0]!, decks.alpha![1]!, decks.alpha![3]!].sort(),
    );
    const far = await getPracticeQueueWith(db.prisma, "alpha", { kind: "ahead", days: 365 }, now);
    expect(far?.queue.cards.map((card) => card.id)).toContain(decks.alpha![2]!);
    expect(await getPracticeQueueWith(db.prisma, "trashed", { kind: "cram" }, now)).toBeNull();
    // Practice all: every active deck, each card naming its deck; trashed and missing decks left out.
    const all = await getPracticeQueueWith(db.prisma, null, { kind: "cram" }, now);
    expect(all?.total).toBe(30 + 3);
    expect(all?.queue.cards[0]?.deck).toEqual({ slug: "alpha", title: "Alpha" });
    expect(all?.queue.cards.at(-1)?.deck).toEqual({ slug: "beta", title: "Beta" });
    const allAhead = await getPracticeQueueWith(db.prisma, null, { kind: "ahead", days: 1 }, now);
    expect(allAhead?.queue.cards.map((card) => card.deck?.slug).sort()).toEqual([
      "alpha",
      "alpha",
      "alpha",
      "beta",
    ]);
    expect(await getPracticeQueueWith(db.prisma, "nope", { kind: "cram" }, now)).toBeNull();
  });
});
