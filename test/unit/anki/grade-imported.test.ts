/**
 * A card that came with an Anki history can be graded and the grade undone: the import stores its
 * state with version 1 (0 means "no state yet" to the study page and to grading), and a state an
 * older import stored with version 0 still grades instead of failing on the existing row.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCardWith, undoGradeWith } from "@/app/lib/actions/grading";
import { localUserId } from "@/app/lib/auth/local-learner";
import { importApkg } from "@/app/lib/anki/import-apkg";
import { createScheduler } from "@/app/lib/scheduler";
import { buildFixtureApkg } from "@/test/fixtures/anki/build-apkg";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const scheduler = createScheduler({ enableFuzz: false });
const now = new Date("2026-02-01T10:00:00.000Z");

describe.each(testProviders)("grading a card imported with its Anki history on %s", (provider) => {
  let db: TestDatabase;
  let mediaDir: string;
  let cardIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    mediaDir = mkdtempSync(path.join(os.tmpdir(), "anki-grade-"));
    const result = await importApkg(db.prisma, buildFixtureApkg(), {
      userId: "local",
      fileName: "Spanish.apkg",
      now,
      mediaDir,
    });
    const states = await db.prisma.cardState.findMany({
      where: { userId: localUserId, card: { deckId: result.deck.id } },
      orderBy: { cardId: "asc" },
    });
    cardIds = states.map((state) => state.cardId);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  const grade = (cardId: string, expectedVersion: number) =>
    gradeCardWith(
      db.prisma,
      { gradeId: randomUUID(), cardId, rating: 3, expectedVersion, durationMs: 900 },
      now,
      { userId: "local", scheduler },
    );

  it("stores imported states with version 1, and a grade moves one to version 2 and can be undone", async () => {
    expect(cardIds.length).toBeGreaterThanOrEqual(2);
    const cardId = cardIds[0]!;
    const before = await db.prisma.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: localUserId, cardId } },
    });
    expect(before.version).toBe(1);
    const logsBefore = await db.prisma.reviewLog.count({ where: { cardId } });

    const saved = await grade(cardId, 1);
    expect(saved).toMatchObject({ status: "saved", duplicate: false, version: 2 });
    expect(await db.prisma.reviewLog.count({ where: { cardId } })).toBe(logsBefore + 1);
    // The grade continued the imported state rather than starting the card over.
    const after = await db.prisma.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: localUserId, cardId } },
    });
    expect(after.reps).toBe(before.reps + 1);

    const gradeId = (
      await db.prisma.reviewLog.findFirstOrThrow({ where: { cardId }, orderBy: { review: "desc" } })
    ).id;
    const undone = await undoGradeWith(
      db.prisma,
      { gradeId, cardId, expectedVersion: 2 },
      { userId: "local", scheduler },
    );
    expect(undone).toMatchObject({ status: "undone", alreadyUndone: false, version: 3 });
    const restored = await db.prisma.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: localUserId, cardId } },
    });
    expect(restored.reps).toBe(before.reps);
    expect(restored.stability).toBeCloseTo(before.stability, 6);
    expect(restored.state).toBe(before.state);
  });

  it("grades a state an older import stored with version 0 (the row exists: it is updated, not created)", async () => {
    const cardId = cardIds[1]!;
    const where = { userId_cardId: { userId: localUserId, cardId } };
    await db.prisma.cardState.update({ where, data: { version: 0 } });
    const before = await db.prisma.cardState.findUniqueOrThrow({ where });

    const saved = await grade(cardId, 0);
    expect(saved).toMatchObject({ status: "saved", duplicate: false, version: 1 });
    const after = await db.prisma.cardState.findUniqueOrThrow({ where });
    expect(after.reps).toBe(before.reps + 1);
  });
});
