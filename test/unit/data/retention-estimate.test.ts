import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { saveDeckOverridesWith, saveLearnerSettingsWith } from "@/app/lib/actions/study-settings";
import { getRetentionEstimatesWith } from "@/app/lib/data/retention-estimate";
import { candidateRetentions } from "@/app/lib/optimizer/retention-simulation";
import { noOverrides, type LearnerSettingsInput } from "@/app/lib/settings";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { ensureLocalUser } from "@/test/helpers/learner-rows";

const now = new Date("2026-01-15T13:00:00.000Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const base: LearnerSettingsInput = {
  newPerDay: 5,
  maxReviewsPerDay: 200,
  desiredRetention: 0.87,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  dayStartHour: 4,
  timeZone: "UTC",
  burySiblings: false,
  leechThreshold: 8,
};

describe.each(testProviders)("retention estimates on %s", (provider) => {
  let db: TestDatabase;
  let counter = 0;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    // Accounts are made by sign-up, never by a write (ensureUser creates only the local learner).
    for (const userId of ["learner-a", "learner-b", "learner-c", "learner-d"])
      await ensureLocalUser(db.prisma, userId);
  });
  afterAll(async () => db?.destroy());

  async function deckWith(size: number) {
    counter++;
    const deck = await db.prisma.deck.create({ data: { slug: `deck-${counter}`, title: `Deck ${counter}` } });
    const ids: string[] = [];
    for (let index = 0; index < size; index += 1) {
      const row = await db.prisma.card.create({
        data: {
          deckId: deck.id,
          key: `k${index}`,
          kind: "basic",
          front: `Q${index}`,
          back: `A${index}`,
          line: index + 1,
        },
      });
      ids.push(row.id);
    }
    return { deck, ids };
  }

  const grade = (userId: string, cardId: string, at: Date) =>
    gradeCardWith(db.prisma, { gradeId: randomUUID(), cardId, rating: 3, expectedVersion: 0 }, at, {
      userId,
      enableFuzz: false,
    });

  it("simulates the learner's started cards and new cards at each deck's rate, for 0.70-0.97 and their own retention", async () => {
    const userId = "learner-a";
    await ensureLocalUser(db.prisma, userId);
    await saveLearnerSettingsWith(db.prisma, userId, base);
    const { deck, ids } = await deckWith(30);
    for (const [index, id] of ids.slice(0, 10).entries()) await grade(userId, id, daysAgo(1 + index));
    // A suspended card is out of study: neither started nor new.
    await db.prisma.cardMark.create({ data: { userId, cardId: ids[29]!, suspendedAt: now } });
    const trashed = await deckWith(4);
    await db.prisma.deck.update({ where: { id: trashed.deck.id }, data: { deletedAt: now } });

    const result = await getRetentionEstimatesWith(db.prisma, userId, now);
    expect(result.current).toBe(0.87);
    expect(result.ownParameters).toBe(false);
    expect(result.days).toBe(90);
    // 10 started + the 19 new cards left in the first deck (5 a day, all within 90 days).
    expect(result.cardsTotal).toBe(10 + 19);
    expect(result.sampled).toBe(false);
    expect(result.estimates.map((e) => e.retention)).toEqual(
      [...candidateRetentions, 0.87].sort((a, b) => a - b),
    );
    const first = result.estimates[0]!;
    const last = result.estimates.at(-1)!;
    expect(last.reviewsPerDay).toBeGreaterThan(first.reviewsPerDay);
    expect(last.recalledAtEnd).toBeLessThanOrEqual(29);

    // A deck that takes no new cards adds none.
    await saveDeckOverridesWith(db.prisma, userId, deck.id, { ...noOverrides, newPerDay: 0 });
    expect((await getRetentionEstimatesWith(db.prisma, userId, now)).cardsTotal).toBe(10);
  });

  it("uses the learner's trained parameters once the optimizer stored them", async () => {
    const userId = "learner-b";
    await ensureLocalUser(db.prisma, userId);
    await saveLearnerSettingsWith(db.prisma, userId, { ...base, desiredRetention: 0.9 });
    const { ids } = await deckWith(40);
    for (const [index, id] of ids.slice(0, 20).entries()) await grade(userId, id, daysAgo(1 + (index % 5)));
    const before = await getRetentionEstimatesWith(db.prisma, userId, now);

    const slower = [...default_w];
    for (const index of [0, 1, 2, 3]) slower[index] = slower[index]! / 3;
    await db.prisma.learnerSettings.update({
      where: { userId },
      data: { fsrsParameters: JSON.stringify(slower) },
    });
    const after = await getRetentionEstimatesWith(db.prisma, userId, now);
    expect(after.ownParameters).toBe(true);
    const at90 = (r: typeof before) => r.estimates.find((e) => e.retention === 0.9)!.reviewsPerDay;
    // New cards that are forgotten sooner come back sooner.
    expect(at90(after)).toBeGreaterThan(at90(before));
  });

  it("simulates one deck with its own options on its options page", async () => {
    const userId = "learner-c";
    await ensureLocalUser(db.prisma, userId);
    await saveLearnerSettingsWith(db.prisma, userId, base);
    const mine = await deckWith(12);
    await deckWith(9);
    for (const id of mine.ids.slice(0, 4)) await grade(userId, id, daysAgo(3));
    await saveDeckOverridesWith(db.prisma, userId, mine.deck.id, {
      ...noOverrides,
      desiredRetention: 0.8,
      newPerDay: 2,
    });

    const deck = await getRetentionEstimatesWith(db.prisma, userId, now, mine.deck.id);
    expect(deck.oneDeck).toBe(true);
    expect(deck.current).toBe(0.8);
    expect(deck.cardsTotal).toBe(12);
    const all = await getRetentionEstimatesWith(db.prisma, userId, now);
    expect(all.oneDeck).toBe(false);
    expect(all.current).toBe(0.87);
    expect(all.cardsTotal).toBeGreaterThan(12);
  });

  it("serves the same estimate until a grade, a suspend or a setting changes the collection", async () => {
    const userId = "learner-d";
    await ensureLocalUser(db.prisma, userId);
    await saveLearnerSettingsWith(db.prisma, userId, base);
    const { ids } = await deckWith(6);
    await grade(userId, ids[0]!, daysAgo(2));
    const first = await getRetentionEstimatesWith(db.prisma, userId, now);
    expect(await getRetentionEstimatesWith(db.prisma, userId, now)).toBe(first);

    await grade(userId, ids[1]!, daysAgo(1));
    const afterGrade = await getRetentionEstimatesWith(db.prisma, userId, now);
    expect(afterGrade).not.toBe(first);

    await db.prisma.cardMark.create({ data: { userId, cardId: ids[2]!, suspendedAt: now } });
    const afterSuspend = await getRetentionEstimatesWith(db.prisma, userId, now);
    expect(afterSuspend).not.toBe(afterGrade);
    expect(afterSuspend.cardsTotal).toBe(afterGrade.cardsTotal - 1);

    await saveLearnerSettingsWith(db.prisma, userId, { ...base, desiredRetention: 0.93 });
    expect((await getRetentionEstimatesWith(db.prisma, userId, now)).current).toBe(0.93);
  });
});
