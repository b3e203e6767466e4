import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { readForGrade } from "@/app/lib/actions/grade-read";
import { ensureUser } from "@/app/lib/auth/local-learner-row";
import { getDeckStudySettingsWith } from "@/app/lib/data/settings-read";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const now = new Date("2026-02-01T10:00:00.000Z");

// The grade's one-statement read must give what the five Prisma reads it replaced gave.
describe.each(testProviders)("a grade's one read on %s", (provider) => {
  let db: TestDatabase;
  let sharedDeck: string;
  let privateDeck: string;
  let card: string;
  let otherCard: string;
  let privateCard: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await ensureUser(db.prisma, "local");
    await db.prisma.user.create({ data: { id: "other", name: "Other", email: "other@example.test" } });
    sharedDeck = (await db.prisma.deck.create({ data: { slug: "shared", title: "Shared" } })).id;
    privateDeck = (
      await db.prisma.deck.create({ data: { slug: "private", title: "Private", ownerId: "other" } })
    ).id;
    const makeCard = async (deckId: string, key: string) =>
      (await db.prisma.card.create({ data: { deckId, key, kind: "basic", front: key, back: "A", line: 1 } }))
        .id;
    card = await makeCard(sharedDeck, "a");
    otherCard = await makeCard(sharedDeck, "b");
    privateCard = await makeCard(privateDeck, "c");
  });
  afterAll(async () => db?.destroy());

  const read = (gradeId: string, cardId: string, userId = "local") =>
    readForGrade(db.prisma, provider, { gradeId, cardId, userId });

  it("reads defaults and no state for a new card, and nothing logged", async () => {
    const result = await read(randomUUID(), card);
    expect(result).toEqual({
      logged: null,
      deckId: sharedDeck,
      settings: await getDeckStudySettingsWith(db.prisma, "local", sharedDeck),
      state: null,
    });
  });

  it("reads the learner's settings with the deck's overrides, as the Prisma reads do", async () => {
    const weights = Array.from({ length: 21 }, (_, i) => 0.1 + i / 100);
    await db.prisma.learnerSettings.create({
      data: {
        userId: "local",
        newPerDay: 7,
        desiredRetention: 0.85,
        learningSteps: "2m",
        timeZone: "Asia/Tokyo",
        burySiblings: false,
        leechThreshold: 3,
        fsrsParameters: JSON.stringify(weights),
      },
    });
    await db.prisma.deckSettings.create({
      data: { userId: "local", deckId: sharedDeck, desiredRetention: 0.95, relearningSteps: "5m" },
    });
    const { settings } = await read(randomUUID(), card);
    expect(settings).toEqual(await getDeckStudySettingsWith(db.prisma, "local", sharedDeck));
    expect(settings).toMatchObject({
      desiredRetention: 0.95,
      relearningSteps: "5m",
      learningSteps: "2m",
      burySiblings: false,
      leechThreshold: 3,
      fsrsParameters: weights,
    });
  });

  it("reads the card's state, and for a resend the logged grade's card and learner", async () => {
    const gradeId = randomUUID();
    await gradeCardWith(db.prisma, { gradeId, cardId: otherCard, rating: 3, expectedVersion: 0 }, now, {
      userId: "local",
      enableFuzz: false,
    });
    const stored = await db.prisma.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: "local", cardId: otherCard } },
    });
    const {
      id: _id,
      userId: _userId,
      cardId: _cardId,
      deckId: _deckId,
      updatedAt: _updatedAt,
      ...columns
    } = stored;
    expect((await read(randomUUID(), otherCard)).state).toEqual(columns);
    // A resend naming another card reads the card the grade id was stored for.
    const resend = await read(gradeId, card);
    expect(resend.logged).toEqual({ userId: "local", cardId: otherCard });
    expect(resend.state).toEqual(columns);
    expect((await read(gradeId, card, "other")).logged).toEqual({ userId: "local", cardId: otherCard });
  });

  it("finds no deck for a card in another learner's private deck, or no card at all", async () => {
    expect((await read(randomUUID(), privateCard)).deckId).toBeNull();
    expect((await read(randomUUID(), privateCard, "other")).deckId).toBe(privateDeck);
    expect((await read(randomUUID(), "no-such-card")).deckId).toBeNull();
  });
});
