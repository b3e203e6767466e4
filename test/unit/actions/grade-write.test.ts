import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGrade, type GradeWrite } from "@/app/lib/actions/grade-write";
import { ensureUser } from "@/app/lib/auth/local-learner-row";
import { reshapeSchedule } from "@/app/lib/data/mappers";
import { createScheduler } from "@/app/lib/scheduler";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const scheduler = createScheduler({ enableFuzz: false });
const now = new Date("2026-02-01T10:00:00.123Z");

// PostgreSQL writes with one hand-written statement, SQLite with Prisma: both must store the same.
describe.each(testProviders)("a grade's writes on %s", (provider) => {
  let db: TestDatabase;
  let cardId: string;
  let deckId: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await ensureUser(db.prisma, "local");
    const deck = await db.prisma.deck.create({ data: { slug: "d", title: "Deck" } });
    deckId = deck.id;
    cardId = (
      await db.prisma.card.create({
        data: { deckId: deck.id, key: "k", kind: "basic", front: "Q", back: "A", line: 1 },
      })
    ).id;
  });
  afterAll(async () => db?.destroy());

  const write = (fields: Omit<GradeWrite, "userId" | "cardId" | "deckId" | "now">) =>
    db.prisma.$transaction((tx) =>
      writeGrade(tx, provider, { ...fields, userId: "local", cardId, deckId, now }),
    );
  const storedState = async () => {
    const {
      id: _id,
      userId: _u,
      cardId: _c,
      updatedAt: _t,
      ...columns
    } = await db.prisma.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: "local", cardId } },
    });
    return columns;
  };
  const storedLog = async (gradeId: string) => {
    const {
      id: _id,
      createdAt: _t,
      ...columns
    } = await db.prisma.reviewLog.findUniqueOrThrow({
      where: { id: gradeId },
    });
    return columns;
  };

  it("creates a new card's state and its log, then updates it compare-and-set, column for column", async () => {
    const first = scheduler.grade(null, 3, now, cardId);
    const firstId = randomUUID();
    expect(
      await write({
        gradeId: firstId,
        expectedVersion: null,
        version: 1,
        schedule: first.nextCard,
        log: first.reviewLog,
        durationMs: 1200,
      }),
    ).toBe(true);
    // A first grade's row names the card's deck, which one deck's queue reads it by.
    expect(await storedState()).toEqual({ ...first.nextCard, deckId, version: 1 });
    expect(await storedLog(firstId)).toEqual({
      ...first.reviewLog,
      userId: "local",
      cardId,
      durationMs: 1200,
    });

    const at = new Date(first.nextCard.due.getTime() + 61_000);
    const second = scheduler.grade(first.nextCard, 2, at, cardId);
    const secondId = randomUUID();
    const fields = {
      gradeId: secondId,
      expectedVersion: 1,
      version: 2,
      schedule: second.nextCard,
      log: second.reviewLog,
      durationMs: null,
    };
    expect(await write(fields)).toBe(true);
    expect(await storedState()).toEqual({ ...second.nextCard, deckId, version: 2 });
    expect(await storedLog(secondId)).toEqual({
      ...second.reviewLog,
      userId: "local",
      cardId,
      durationMs: null,
    });

    // The same write again: the version has moved on, so nothing is written.
    expect(await write({ ...fields, gradeId: randomUUID() })).toBe(false);
    expect(await db.prisma.reviewLog.count({ where: { cardId } })).toBe(2);
    expect((await storedState()).version).toBe(2);
  });

  it("fails whole on a grade id already stored, leaving the state as it was", async () => {
    const [log] = await db.prisma.reviewLog.findMany({ where: { cardId }, take: 1 });
    const before = await storedState();
    const next = scheduler.grade(reshapeSchedule(before), 3, new Date(before.due.getTime() + 60_000), cardId);
    await expect(
      write({
        gradeId: log!.id,
        expectedVersion: before.version,
        version: before.version + 1,
        schedule: next.nextCard,
        log: next.reviewLog,
        durationMs: null,
      }),
    ).rejects.toThrow(/unique constraint/i);
    expect(await storedState()).toEqual(before);
  });
});
