/**
 * Learner B tries to grade, undo, mark, set options on and manage learner A's data by its ids: each
 * write is refused and every row of A's stays as it was. Each check here fails when the check it
 * guards is taken out of the write (the ids are real, so only the ownership check stops them).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureUser, gradeCardWith, undoGradeWith } from "@/app/lib/actions/grading";
import { markCardWith } from "@/app/lib/actions/marking";
import { saveQuizSettingsWith } from "@/app/lib/actions/quiz-settings";
import { saveDeckOverridesWith } from "@/app/lib/actions/study-settings";
import { renameBrowserDeck } from "@/app/lib/browser-decks/rename-browser-deck";
import { BrowserDeckError, updateBrowserDeck } from "@/app/lib/browser-decks/save-browser-deck";
import { DeckStateError, deleteDeckForever, moveDeckToTrash, restoreDeck } from "@/app/lib/decks/deck-trash";
import { noOverrides } from "@/app/lib/settings";
import { markActions } from "@/app/lib/study/marks";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { a, b, now, seedTwoLearners, snapshotOf, type TwoLearners } from "./learners";

describe.each(testProviders)("writes refuse another learner's data on %s", (provider) => {
  let db: TestDatabase;
  let seed: TwoLearners;
  let before: Awaited<ReturnType<typeof snapshotOf>>;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    seed = await seedTwoLearners(db.prisma);
    before = await snapshotOf(db.prisma, a.userId);
  });
  afterAll(async () => db?.destroy());

  const unchangedForA = async () => expect(await snapshotOf(db.prisma, a.userId)).toEqual(before);
  const bRowsOn = (cardId: string) =>
    Promise.all([
      db.prisma.cardState.count({ where: { userId: b.userId, cardId } }),
      db.prisma.reviewLog.count({ where: { userId: b.userId, cardId } }),
      db.prisma.cardMark.count({ where: { userId: b.userId, cardId } }),
    ]);

  it("B grading A's private card by its id is not found, and writes nothing", async () => {
    const cardId = seed.privateCardIds[0]!;
    const input = { gradeId: randomUUID(), cardId, rating: 3 as const, expectedVersion: 0 };
    expect(await gradeCardWith(db.prisma, input, now, { userId: b.userId })).toEqual({
      status: "not-found",
      cardId,
    });
    expect(await bRowsOn(cardId)).toEqual([0, 0, 0]);
    await unchangedForA();
  });

  it("B reusing A's grade id learns nothing of it and stores nothing", async () => {
    const cardId = seed.sharedCardIds[1]!;
    const input = { gradeId: seed.aSharedGradeId, cardId, rating: 4 as const, expectedVersion: 0 };
    expect(await gradeCardWith(db.prisma, input, now, { userId: b.userId })).toEqual({
      status: "not-found",
      cardId,
    });
    expect(await bRowsOn(cardId)).toEqual([0, 0, 0]);
    await unchangedForA();
  });

  it("B undoing A's grade of a shared card they both studied leaves both learners' rows alone", async () => {
    const cardId = seed.sharedCardIds[0]!;
    const mine = await db.prisma.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: b.userId, cardId } },
    });
    const result = await undoGradeWith(
      db.prisma,
      { gradeId: seed.aSharedGradeId, cardId, expectedVersion: mine.version },
      { userId: b.userId },
    );
    expect(result).toMatchObject({ status: "undone", alreadyUndone: true, version: mine.version });
    expect(
      await db.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: b.userId, cardId } } }),
    ).toEqual(mine);
    await unchangedForA();
  });

  it("B marking A's private card (bury, suspend, flag, unsuspend, unbury) is not found", async () => {
    const cardId = seed.privateCardIds[1]!;
    for (const action of markActions) {
      const result = await markCardWith(db.prisma, { cardId, action, flag: 2 }, now, { userId: b.userId });
      expect(result).toEqual({ status: "not-found", cardId });
    }
    expect(await bRowsOn(cardId)).toEqual([0, 0, 0]);
    await unchangedForA();
  });

  it("B setting quiz mode or study options on A's private deck is not found", async () => {
    const deckId = seed.privateDeckId;
    expect(await saveQuizSettingsWith(db.prisma, { deckId, mode: "typed" }, b.userId)).toEqual({
      status: "not-found",
    });
    expect(await saveDeckOverridesWith(db.prisma, b.userId, deckId, { ...noOverrides, newPerDay: 99 })).toBe(
      false,
    );
    expect(await db.prisma.deckSettings.count({ where: { deckId, userId: b.userId } })).toBe(0);
    await unchangedForA();
  });

  it("B cannot rename, edit, delete, restore or delete for good A's deck; A still can", async () => {
    const slug = seed.privateSlug;
    const deckId = seed.privateDeckId;
    await expect(renameBrowserDeck(db.prisma, { slug, title: "Mine now" }, now, b)).rejects.toThrow(
      new BrowserDeckError(`There is no deck "${slug}".`),
    );
    const markdown = "# Mine now\n\n- What is theft?\n  This\n";
    await expect(updateBrowserDeck(db.prisma, { slug, markdown }, now, b)).rejects.toThrow(BrowserDeckError);
    await expect(moveDeckToTrash(db.prisma, deckId, now, b)).rejects.toThrow(DeckStateError);
    await unchangedForA();

    await moveDeckToTrash(db.prisma, deckId, now, a);
    await expect(restoreDeck(db.prisma, deckId, b)).rejects.toThrow(DeckStateError);
    await expect(deleteDeckForever(db.prisma, deckId, b)).rejects.toThrow(DeckStateError);
    expect(await db.prisma.deck.findUniqueOrThrow({ where: { id: deckId } })).toMatchObject({
      deletedAt: now,
    });
    expect(await restoreDeck(db.prisma, deckId, a)).toMatchObject({ id: deckId });
    before = await snapshotOf(db.prisma, a.userId);
  });

  it("with accounts on, nobody renames or deletes a shared deck; the local learner still may", async () => {
    // A shared deck whose markdown is kept (as a browser deck's is), so only ownership refuses a rename.
    const shared = await db.prisma.deck.create({
      data: {
        slug: "commons",
        title: "Commons",
        sourcePath: "browser:commons",
        source: "# Commons\n\n- What is shared?\n  This\n",
        ownerId: null,
      },
    });
    await expect(renameBrowserDeck(db.prisma, { slug: "commons", title: "Ours" }, now, b)).rejects.toThrow(
      new BrowserDeckError('"Commons" is not yours to change.'),
    );
    for (const deckId of [shared.id, seed.sharedDeckId])
      await expect(moveDeckToTrash(db.prisma, deckId, now, b)).rejects.toThrow(DeckStateError);
    expect(await db.prisma.deck.count({ where: { ownerId: null, deletedAt: { not: null } } })).toBe(0);
    expect(await db.prisma.deck.findUniqueOrThrow({ where: { id: shared.id } })).toMatchObject({
      title: "Commons",
    });

    const local = { userId: "local", accounts: false };
    await moveDeckToTrash(db.prisma, shared.id, now, local);
    await restoreDeck(db.prisma, shared.id, local);
  });

  it("a write never creates an account: ensureUser makes only the local learner's row", async () => {
    await ensureUser(db.prisma, "made-up-id");
    expect(await db.prisma.user.findUnique({ where: { id: "made-up-id" } })).toBeNull();
    await ensureUser(db.prisma, "local");
    expect(await db.prisma.user.findUnique({ where: { id: "local" } })).not.toBeNull();
  });
});
