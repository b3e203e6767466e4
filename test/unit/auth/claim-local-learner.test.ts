import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimLocalLearner } from "@/app/lib/auth/claim-local-learner";
import { localUserId } from "@/app/lib/auth/local-learner";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const at = new Date("2026-11-01T10:00:00Z");

/** A shared deck and a browser deck, with the local learner's state, review, mark and settings. */
async function seedLocalProgress(db: TestDatabase) {
  const prisma = db.prisma;
  const shared = await prisma.deck.create({ data: { slug: "shared", title: "Shared" } });
  const own = await prisma.deck.create({
    data: { slug: "mine", title: "Mine", sourcePath: "browser:", ownerId: localUserId },
  });
  const card = await prisma.card.create({
    data: { deckId: shared.id, key: "k", kind: "basic", front: "Q", back: "A", line: 1 },
  });
  const schedule = { due: at, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 1 };
  await prisma.cardState.create({
    data: {
      userId: localUserId,
      cardId: card.id,
      deckId: card.deckId,
      ...schedule,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
    },
  });
  await prisma.reviewLog.create({
    data: {
      id: "grade-1",
      userId: localUserId,
      cardId: card.id,
      rating: 3,
      state: 0,
      ...schedule,
      last_elapsed_days: 0,
      learning_steps: 0,
      review: at,
    },
  });
  await prisma.cardMark.create({ data: { userId: localUserId, cardId: card.id, flag: 2 } });
  await prisma.learnerSettings.create({ data: { userId: localUserId, newPerDay: 7 } });
  await prisma.deckSettings.create({ data: { userId: localUserId, deckId: shared.id, quizMode: "typed" } });
  return { shared, own, card };
}

async function rowsOf(db: TestDatabase, userId: string) {
  const prisma = db.prisma;
  return {
    states: await prisma.cardState.count({ where: { userId } }),
    reviews: await prisma.reviewLog.count({ where: { userId } }),
    marks: await prisma.cardMark.count({ where: { userId } }),
    settings: await prisma.learnerSettings.count({ where: { userId } }),
    deckSettings: await prisma.deckSettings.count({ where: { userId } }),
    decks: await prisma.deck.count({ where: { ownerId: userId } }),
  };
}

const account = (db: TestDatabase, id: string) =>
  db.prisma.user.create({ data: { id, name: id, email: `${id}@example.org` } });

describe.each(testProviders)("the first account takes over the local learner on %s", (provider) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(async () => db?.destroy());

  it("moves every row of the local learner to the account and deletes the local user", async () => {
    await seedLocalProgress(db);
    await account(db, "first");
    expect(await claimLocalLearner(db.prisma, "first")).toBe("claimed");
    expect(await rowsOf(db, "first")).toEqual({
      states: 1,
      reviews: 1,
      marks: 1,
      settings: 1,
      deckSettings: 1,
      decks: 1,
    });
    expect(await rowsOf(db, localUserId)).toEqual({
      states: 0,
      reviews: 0,
      marks: 0,
      settings: 0,
      deckSettings: 0,
      decks: 0,
    });
    expect(await db.prisma.user.findUnique({ where: { id: localUserId } })).toBeNull();
    const settings = await db.prisma.learnerSettings.findUniqueOrThrow({ where: { userId: "first" } });
    expect(settings.newPerDay).toBe(7);
    // A shared deck stays shared.
    expect(await db.prisma.deck.count({ where: { ownerId: null } })).toBe(1);
  });

  it("gives the second account nothing", async () => {
    await seedLocalProgress(db);
    await account(db, "first");
    await account(db, "second");
    await claimLocalLearner(db.prisma, "first");
    expect(await claimLocalLearner(db.prisma, "second")).toBe("already-claimed");
    expect(await rowsOf(db, "second")).toEqual({
      states: 0,
      reviews: 0,
      marks: 0,
      settings: 0,
      deckSettings: 0,
      decks: 0,
    });
    expect((await rowsOf(db, "first")).reviews).toBe(1);
  });

  it("lets only one of two sign-ups at once take the progress", async () => {
    await seedLocalProgress(db);
    const ids = ["a", "b", "c", "d"];
    for (const id of ids) await account(db, id);
    const outcomes = await Promise.all(ids.map((id) => claimLocalLearner(db.prisma, id)));
    expect(outcomes.filter((outcome) => outcome === "claimed")).toHaveLength(1);
    const owners = await Promise.all(ids.map((id) => rowsOf(db, id)));
    const winner = owners.filter((rows) => rows.reviews === 1);
    expect(winner).toHaveLength(1);
    expect(winner[0]).toEqual({ states: 1, reviews: 1, marks: 1, settings: 1, deckSettings: 1, decks: 1 });
    expect(await db.prisma.reviewLog.count()).toBe(1);
  });

  it("claims an untouched local learner too, so it never comes back as a second owner", async () => {
    await account(db, "first");
    expect(await claimLocalLearner(db.prisma, "first")).toBe("claimed");
    expect(await db.prisma.user.count({ where: { id: localUserId } })).toBe(0);
  });
});
