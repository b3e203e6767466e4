import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScheduler } from "@/app/lib/scheduler";
import { gradeCardWith, undoGradeWith } from "@/app/lib/actions/grading";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const scheduler = createScheduler({ enableFuzz: false });
const now = new Date("2026-02-01T10:00:00.000Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe.each(testProviders)("grading on %s", (provider) => {
  let db: TestDatabase;
  let deckId: string;
  let counter = 0;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    const deck = await db.prisma.deck.create({ data: { slug: "d", title: "Deck" } });
    deckId = deck.id;
  });
  afterAll(async () => db?.destroy());

  async function newCard() {
    counter++;
    const card = await db.prisma.card.create({
      data: { deckId, key: `k${counter}`, kind: "basic", front: `Q${counter}`, back: "A", line: counter },
    });
    return card.id;
  }
  const grade = (
    cardId: string,
    rating: 1 | 2 | 3 | 4,
    expectedVersion: number,
    at = now,
    gradeId = randomUUID(),
  ) =>
    gradeCardWith(db.prisma, { gradeId, cardId, rating, expectedVersion, durationMs: 1200 }, at, {
      userId: "local",
      scheduler,
    });

  it("saves a grade: CardState version 1 and a ReviewLog holding the state before", async () => {
    const cardId = await newCard();
    const gradeId = randomUUID();
    const result = await grade(cardId, 3, 0, now, gradeId);
    expect(result).toMatchObject({ status: "saved", duplicate: false, version: 1 });
    const state = await db.prisma.cardState.findFirstOrThrow({ where: { cardId } });
    expect(state).toMatchObject({ version: 1, state: 1, reps: 1, userId: "local" });
    expect(state.due.getTime() - now.getTime()).toBe(10 * 60_000);
    const log = await db.prisma.reviewLog.findUniqueOrThrow({ where: { id: gradeId } });
    expect(log).toMatchObject({ rating: 3, state: 0, durationMs: 1200, cardId });
    expect(log.review.toISOString()).toBe(now.toISOString());
  });

  it("is idempotent: the same grade id sent again is stored once", async () => {
    const cardId = await newCard();
    const gradeId = randomUUID();
    await grade(cardId, 3, 0, now, gradeId);
    const again = await grade(cardId, 3, 0, later(1), gradeId);
    expect(again).toMatchObject({ status: "saved", duplicate: true, version: 1 });
    expect(await db.prisma.reviewLog.count({ where: { cardId } })).toBe(1);
    expect((await db.prisma.cardState.findFirstOrThrow({ where: { cardId } })).version).toBe(1);
  });

  // Repeated: the interleavings differ from run to run, and each must store the grade once.
  it.each([1, 2, 3, 4, 5])(
    "stores a doubled submission once when both calls run at the same time (#%i)",
    async () => {
      const cardId = await newCard();
      const gradeId = randomUUID();
      const results = await Promise.all([
        grade(cardId, 4, 0, now, gradeId),
        grade(cardId, 4, 0, now, gradeId),
      ]);
      expect(results.map((r) => r.status)).toEqual(["saved", "saved"]);
      expect(results.filter((r) => r.status === "saved" && r.duplicate)).toHaveLength(1);
      expect(await db.prisma.reviewLog.count({ where: { cardId } })).toBe(1);
      const state = await db.prisma.cardState.findFirstOrThrow({ where: { cardId } });
      expect(state.version).toBe(1);
      expect(state.reps).toBe(1);
    },
  );

  it("undoes a doubled undo once, reporting the second as already undone", async () => {
    const cardId = await newCard();
    await grade(cardId, 4, 0);
    const gradeId = randomUUID();
    const before = await db.prisma.cardState.findFirstOrThrow({ where: { cardId } });
    await grade(cardId, 3, 1, new Date(before.due.getTime() + 60_000), gradeId);
    const undo = () =>
      undoGradeWith(db.prisma, { gradeId, cardId, expectedVersion: 2 }, { userId: "local", scheduler });
    const results = await Promise.all([undo(), undo()]);
    expect(results.map((r) => r.status)).toEqual(["undone", "undone"]);
    expect(results.filter((r) => r.status === "undone" && r.alreadyUndone)).toHaveLength(1);
    expect((await db.prisma.cardState.findFirstOrThrow({ where: { cardId } })).version).toBe(3);
    expect(await db.prisma.reviewLog.count({ where: { cardId } })).toBe(1);
  });

  it("refuses a grade made against a stale version (graded elsewhere) and writes nothing", async () => {
    const cardId = await newCard();
    await grade(cardId, 3, 0);
    const stale = await grade(cardId, 1, 0, later(2));
    expect(stale).toMatchObject({ status: "conflict", version: 1 });
    expect(await db.prisma.reviewLog.count({ where: { cardId } })).toBe(1);
    const next = await grade(cardId, 3, 1, later(11));
    expect(next).toMatchObject({ status: "saved", version: 2 });
  });

  it("lets only one of two different concurrent grades of the same version win", async () => {
    const cardId = await newCard();
    await grade(cardId, 3, 0);
    const results = await Promise.all([grade(cardId, 3, 1, later(11)), grade(cardId, 1, 1, later(11))]);
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "saved"]);
    expect(await db.prisma.reviewLog.count({ where: { cardId } })).toBe(2);
    expect((await db.prisma.cardState.findFirstOrThrow({ where: { cardId } })).version).toBe(2);
  });

  it("undo of a new card's first grade removes its state row and the log", async () => {
    const cardId = await newCard();
    const gradeId = randomUUID();
    await grade(cardId, 3, 0, now, gradeId);
    const undone = await undoGradeWith(
      db.prisma,
      { gradeId, cardId, expectedVersion: 1 },
      { userId: "local", scheduler },
    );
    expect(undone).toMatchObject({ status: "undone", alreadyUndone: false, schedule: null, version: 0 });
    expect(await db.prisma.cardState.count({ where: { cardId } })).toBe(0);
    expect(await db.prisma.reviewLog.count({ where: { cardId } })).toBe(0);
    expect(
      await undoGradeWith(db.prisma, { gradeId, cardId, expectedVersion: 1 }, { userId: "local", scheduler }),
    ).toMatchObject({
      status: "undone",
      alreadyUndone: true,
    });
    expect(await grade(cardId, 3, 0)).toMatchObject({ status: "saved", version: 1 });
  });

  it("undo of a later grade restores the state before it, compare-and-set", async () => {
    const cardId = await newCard();
    await grade(cardId, 4, 0);
    const before = await db.prisma.cardState.findFirstOrThrow({ where: { cardId } });
    const gradeId = randomUUID();
    await grade(cardId, 1, 1, new Date(before.due.getTime() + 60_000), gradeId);
    expect(
      await undoGradeWith(db.prisma, { gradeId, cardId, expectedVersion: 1 }, { userId: "local", scheduler }),
    ).toMatchObject({
      status: "conflict",
      version: 2,
    });
    const undone = await undoGradeWith(
      db.prisma,
      { gradeId, cardId, expectedVersion: 2 },
      { userId: "local", scheduler },
    );
    expect(undone).toMatchObject({ status: "undone", version: 3 });
    const after = await db.prisma.cardState.findFirstOrThrow({ where: { cardId } });
    expect(after).toMatchObject({
      version: 3,
      state: before.state,
      stability: before.stability,
      difficulty: before.difficulty,
      reps: before.reps,
      lapses: before.lapses,
    });
    expect(await db.prisma.reviewLog.count({ where: { cardId } })).toBe(1);
  });

  it("reports a card that does not exist", async () => {
    expect(await grade("missing", 3, 0)).toEqual({ status: "not-found", cardId: "missing" });
  });
});
