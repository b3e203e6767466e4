/**
 * The study queue's new cards start from a per-learner hint (NewCardHint: every card of the deck below
 * it is started). The read raises it; the database's triggers delete it whenever a card below it
 * may have become unstarted. Each event is checked on both databases: the hint goes, and the queue
 * is the one a read without any hint gives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { gradeCardWith, undoGradeWith } from "@/app/lib/actions/grading";
import { hintsToRaise } from "@/app/lib/data/new-card-hint";
import { getStudyAllQueueWith } from "@/app/lib/data/study-all-read";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { ensureLocalUser, putState } from "@/test/helpers/learner-rows";

const now = new Date(Date.UTC(2026, 2, 10, 12, 0, 0));
const later = new Date(now.getTime() + 30 * 86_400_000);

describe.each(testProviders)("new-card hints on %s", (provider) => {
  let db: TestDatabase;
  let deckId = "";
  let otherDeckId = "";
  const ids: string[] = [];

  const addCard = (deck: string, position: number, key = `k${position}`) =>
    db.prisma.card.create({
      data: { deckId: deck, key, kind: "basic", front: `Q${key}`, back: "A", line: position + 1, position },
    });
  const hint = async (userId = "ann", deck = deckId) =>
    (await db.prisma.newCardHint.findUnique({ where: { userId_deckId: { userId, deckId: deck } } }))
      ?.position ?? null;
  const newIds = async (userId = "ann") =>
    (await getStudyQueueWith(db.prisma, "deck", now, userId))!.cards
      .filter((card) => !card.schedule)
      .map((card) => card.id);
  /** The queue's new cards as a read that walks the whole deck finds them (no hint stored). */
  async function withoutHints(userId = "ann") {
    const saved = await db.prisma.newCardHint.findMany();
    await db.prisma.newCardHint.deleteMany();
    const cards = await newIds(userId);
    // That read raised hints of its own: put back the ones there were.
    await db.prisma.newCardHint.deleteMany();
    await db.prisma.newCardHint.createMany({ data: saved });
    return cards;
  }
  /** Reads the queue (raising the hint), and checks it against the read without hints. */
  async function expectQueue(first: string | undefined, userId = "ann") {
    const cards = await newIds(userId);
    expect(cards[0]).toBe(first);
    expect(cards).toEqual(await withoutHints(userId));
    return cards;
  }

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    for (const userId of ["ann", "bob"]) await ensureLocalUser(db.prisma, userId);
    deckId = (await db.prisma.deck.create({ data: { slug: "deck", title: "Deck", ownerId: null } })).id;
    otherDeckId = (await db.prisma.deck.create({ data: { slug: "other", title: "Other", ownerId: null } }))
      .id;
    for (let position = 0; position < 40; position++) ids.push((await addCard(deckId, position)).id);
    // Ann has started the first ten cards, Bob the first five.
    for (const id of ids.slice(0, 10)) await putState(db.prisma, id, { state: 2, due: later, userId: "ann" });
    for (const id of ids.slice(0, 5)) await putState(db.prisma, id, { state: 2, due: later, userId: "bob" });
  });
  afterAll(async () => db?.destroy());

  it("is raised by the read to the first unstarted card, per learner, and the queue stays the same", async () => {
    expect(await hint()).toBeNull();
    await expectQueue(ids[10]);
    expect(await hint()).toBe(10);
    await expectQueue(ids[5], "bob");
    expect(await hint("bob")).toBe(5);
    // Study all raises the hints of the decks it walks too.
    await db.prisma.newCardHint.deleteMany();
    const all = await getStudyAllQueueWith(db.prisma, now, { userId: "ann" });
    expect(all.cards.find((card) => !card.schedule)?.id).toBe(ids[10]);
    expect(await hint()).toBe(10);
  });

  it("goes when undo deletes a first grade's state, and the card is new again", async () => {
    const gradeId = randomUUID();
    const graded = await gradeCardWith(
      db.prisma,
      { gradeId, cardId: ids[10]!, rating: 3, expectedVersion: 0 },
      now,
      { userId: "ann", enableFuzz: false },
    );
    expect(graded).toMatchObject({ status: "saved" });
    const state = await db.prisma.cardState.findUnique({
      where: { userId_cardId: { userId: "ann", cardId: ids[10]! } },
    });
    await expectQueue(ids[11]);
    expect(await hint()).toBe(11);
    await db.prisma.newCardHint.upsert({
      where: { userId_deckId: { userId: "bob", deckId } },
      update: { position: 5 },
      create: { userId: "bob", deckId, position: 5 },
    });
    await undoGradeWith(
      db.prisma,
      { gradeId, cardId: ids[10]!, expectedVersion: state!.version },
      { userId: "ann" },
    );
    expect(await hint()).toBeNull();
    // Another learner's hint in the same deck stays.
    expect(await hint("bob")).toBe(5);
    await expectQueue(ids[10]);
    expect(await hint()).toBe(10);
  });

  it("goes when a state is deleted some other way (restore, reset)", async () => {
    await db.prisma.cardState.delete({ where: { userId_cardId: { userId: "ann", cardId: ids[3]! } } });
    expect(await hint()).toBeNull();
    await expectQueue(ids[3]);
    await putState(db.prisma, ids[3]!, { state: 2, due: later, userId: "ann" });
    await expectQueue(ids[10]);
    expect(await hint()).toBe(10);
  });

  it("goes when a card is added to the deck (an import), for every learner", async () => {
    await expectQueue(ids[5], "bob");
    const added = await addCard(deckId, 1, "added");
    expect(await hint()).toBeNull();
    expect(await hint("bob")).toBeNull();
    await expectQueue(added.id);
    await db.prisma.card.delete({ where: { id: added.id } });
  });

  it("goes when a card moves down the deck, or into it, and stays when one moves up", async () => {
    await expectQueue(ids[10]);
    await db.prisma.card.update({ where: { id: ids[39]! }, data: { position: -1 } });
    expect(await hint()).toBeNull();
    await expectQueue(ids[39]);
    await putState(db.prisma, ids[39]!, { state: 2, due: later, userId: "ann" });
    await expectQueue(ids[10]);
    // Rewriting a position with the same value leaves the hint.
    await db.prisma.card.update({ where: { id: ids[20]! }, data: { position: 20 } });
    expect(await hint()).toBe(10);
    const moved = await addCard(otherDeckId, 0, "moved");
    expect(await hint()).toBe(10);
    await db.prisma.card.update({ where: { id: moved.id }, data: { deckId } });
    expect(await hint()).toBeNull();
    await expectQueue(moved.id);
    await db.prisma.card.delete({ where: { id: moved.id } });
    await db.prisma.card.update({ where: { id: ids[39]! }, data: { position: 39 } });
  });

  it("never skips an unstarted card left out of the queue: unsuspended, it comes back first", async () => {
    await expectQueue(ids[10]);
    await db.prisma.cardMark.create({ data: { userId: "ann", cardId: ids[10]!, suspendedAt: now } });
    await expectQueue(ids[11]);
    expect(await hint()).toBe(10);
    await db.prisma.cardMark.delete({ where: { userId_cardId: { userId: "ann", cardId: ids[10]! } } });
    await expectQueue(ids[10]);
  });

  it("goes with the learner's states when the learner is deleted", async () => {
    await expectQueue(ids[5], "bob");
    expect(await hint("bob")).toBe(5);
    await db.prisma.user.delete({ where: { id: "bob" } });
    expect(await hint("bob")).toBeNull();
  });

  it("walks past the last card when every card is started, and a new card brings it back", async () => {
    for (const id of ids.slice(10, 39))
      await putState(db.prisma, id, { state: 2, due: later, userId: "ann" });
    await expectQueue(undefined);
    expect(await hint()).toBe(40);
    const added = await addCard(deckId, 40, "last");
    expect(await hint()).toBeNull();
    await expectQueue(added.id);
  });
});

/**
 * PostgreSQL: a hint computed while a state's deletion is uncommitted would be stale once it commits.
 * The deletion's trigger holds the deck's advisory lock (shared) until then, and raising skips a
 * deck whose lock it cannot take.
 */
describe.each(testProviders.filter((provider) => provider === "postgresql"))(
  "new-card hints while a write is uncommitted on %s",
  (provider) => {
    let db: TestDatabase;
    const ids: string[] = [];

    beforeAll(async () => {
      db = await createTestDatabase(provider);
      await ensureLocalUser(db.prisma, "ann");
      const deck = await db.prisma.deck.create({ data: { slug: "deck", title: "Deck", ownerId: null } });
      for (let position = 0; position < 5; position++) {
        const card = await db.prisma.card.create({
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
        ids.push(card.id);
      }
      for (const id of ids.slice(0, 3))
        await putState(db.prisma, id, { state: 2, due: later, userId: "ann" });
    });
    afterAll(async () => db?.destroy());

    it("leaves the hint alone until the deletion commits, then the queue has the card again", async () => {
      const writer = new pg.Client({ connectionString: db.url });
      await writer.connect();
      try {
        await writer.query("BEGIN");
        await writer.query(`DELETE FROM "CardState" WHERE "userId" = 'ann' AND "cardId" = $1`, [ids[1]]);
        // The read finds card 3 first (the deletion is not visible yet) but may not raise the hint.
        const first = (await getStudyQueueWith(db.prisma, "deck", now, "ann"))!.cards.find(
          (card) => !card.schedule,
        );
        expect(first?.id).toBe(ids[3]);
        expect(await db.prisma.newCardHint.count()).toBe(0);
        await writer.query("COMMIT");
      } finally {
        await writer.end();
      }
      const first = (await getStudyQueueWith(db.prisma, "deck", now, "ann"))!.cards.find(
        (card) => !card.schedule,
      );
      expect(first?.id).toBe(ids[1]);
      expect((await db.prisma.newCardHint.findFirst())?.position).toBe(1);
    });
  },
);

describe("which hints a read raises", () => {
  const decks = [{ deckId: "a" }, { deckId: "b" }, { deckId: "c" }, { deckId: "d" }];
  const row = (arm: number, id: string | null, position: number, from: number, last: number | null) => ({
    id: id as string,
    arm,
    position,
    from,
    last,
  });

  it("raises a deck whose first new card is above the hint, or with none while cards remain above it", () => {
    const rows = [
      row(0, "a1", 4, 4, 9), // the first new card is at the hint: nothing to raise
      row(0, "a2", 6, 4, 9),
      row(1, "b1", 7, 3, 9), // cards 3-6 started (or left out): raise
      row(2, null, 0, 5, 9), // no new card, cards 5-9 left: raise
      row(3, null, 0, 10, 9), // no new card and the hint past the last card: nothing to raise
    ];
    expect(hintsToRaise(decks, rows)).toEqual(["b", "c"]);
    expect(hintsToRaise(decks, [row(0, null, 0, 0, null)])).toEqual([]);
  });
});
