import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCardWith, undoGradeWith } from "@/app/lib/actions/grading";
import {
  adoptTimeZoneWith,
  saveDeckOverridesWith,
  saveLearnerSettingsWith,
} from "@/app/lib/actions/study-settings";
import { getDeckDetailWith } from "@/app/lib/data/deck-reads";
import { getDeckCardsPageWith } from "@/app/lib/data/deck-cards";
import { getDeckStudySettingsWith, getLearnerSettingsWith } from "@/app/lib/data/settings-read";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import { createBackup, restoreBackup } from "@/app/lib/backup";
import { defaultLearnerSettings, noOverrides, type LearnerSettingsInput } from "@/app/lib/settings";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const localAccessor = { userId: "local", accounts: false };

// 14:00 in Paris (UTC+1): the study day began at 04:00 Paris = 03:00 UTC.
const now = new Date("2026-01-15T13:00:00.000Z");
const hoursAgo = (n: number) => new Date(now.getTime() - n * 3_600_000);
const base: LearnerSettingsInput = {
  newPerDay: 20,
  maxReviewsPerDay: 200,
  desiredRetention: 0.9,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  dayStartHour: 4,
  timeZone: "Europe/Paris",
  burySiblings: true,
  leechThreshold: 8,
};

describe.each(testProviders)("study settings on %s", (provider) => {
  let db: TestDatabase;
  let counter = 0;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
  });
  afterAll(async () => db?.destroy());

  async function deckWith(cards: { kind?: string; line?: number }[]) {
    counter++;
    const deck = await db.prisma.deck.create({ data: { slug: `deck-${counter}`, title: `Deck ${counter}` } });
    const ids: string[] = [];
    for (const [index, card] of cards.entries()) {
      const row = await db.prisma.card.create({
        data: {
          deckId: deck.id,
          key: `k${index}`,
          kind: card.kind ?? "basic",
          front: `Q${index}`,
          back: `A${index}`,
          line: card.line ?? index + 1,
          position: index,
        },
      });
      ids.push(row.id);
    }
    return { deck, ids };
  }
  const grade = (
    cardId: string,
    rating: 1 | 2 | 3 | 4,
    expectedVersion: number,
    at: Date,
    gradeId = randomUUID(),
  ) =>
    gradeCardWith(db.prisma, { gradeId, cardId, rating, expectedVersion }, at, {
      userId: "local",
      enableFuzz: false,
    });
  const queue = (slug: string, at = now) => getStudyQueueWith(db.prisma, slug, at);

  it("reads defaults before anything is saved, then what was saved; the optimizer's weights are kept", async () => {
    const before = await getLearnerSettingsWith(db.prisma, "local");
    expect(before.stored).toBe(false);
    expect(before.settings).toMatchObject({ ...defaultLearnerSettings, timeZone: before.settings.timeZone });

    expect(await adoptTimeZoneWith(db.prisma, "local", "Asia/Tokyo")).toBe(true);
    expect((await getLearnerSettingsWith(db.prisma, "local")).settings.timeZone).toBe("Asia/Tokyo");
    // Only the first time: a zone already stored is never replaced by a browser's.
    expect(await adoptTimeZoneWith(db.prisma, "local", "America/Lima")).toBe(false);

    const weights = Array.from({ length: 21 }, (_, i) => 0.1 + i / 100);
    await db.prisma.learnerSettings.update({
      where: { userId: "local" },
      data: { fsrsParameters: JSON.stringify(weights) },
    });
    await saveLearnerSettingsWith(db.prisma, "local", { ...base, newPerDay: 7, desiredRetention: 0.85 });
    const after = await getLearnerSettingsWith(db.prisma, "local");
    expect(after).toEqual({
      stored: true,
      settings: { ...base, newPerDay: 7, desiredRetention: 0.85, fsrsParameters: weights },
    });

    await db.prisma.learnerSettings.update({
      where: { userId: "local" },
      data: { fsrsParameters: "[1,2,3]" },
    });
    expect((await getLearnerSettingsWith(db.prisma, "local")).settings.fsrsParameters).toBeNull();
    await saveLearnerSettingsWith(db.prisma, "local", base);
  });

  it("offers new cards up to the day's limit, counting those started since the study day began", async () => {
    await saveLearnerSettingsWith(db.prisma, "local", { ...base, newPerDay: 3 });
    const { deck, ids } = await deckWith(Array.from({ length: 8 }, () => ({})));
    expect((await queue(deck.slug))!.cards.filter((c) => !c.schedule)).toHaveLength(3);
    // Started before 04:00 Paris: yesterday's allowance. Started after: today's.
    await grade(ids[0]!, 4, 0, hoursAgo(11)); // 02:00 UTC = 03:00 Paris
    await grade(ids[1]!, 4, 0, hoursAgo(9)); // 04:00 UTC = 05:00 Paris
    const q = (await queue(deck.slug))!;
    expect(q.newRemaining).toBe(2);
    expect(q.cards.filter((c) => !c.schedule).map((c) => c.position)).toEqual([2, 3]);
    expect(new Date(q.dayEnd).toISOString()).toBe("2026-01-16T03:00:00.000Z");
    expect((await getDeckDetailWith(db.prisma, deck.slug, now))!.counts.new).toBe(2);
    await saveLearnerSettingsWith(db.prisma, "local", base);
  });

  it("caps reviews at the day's maximum, most overdue first; the rest wait", async () => {
    const { deck, ids } = await deckWith(Array.from({ length: 5 }, () => ({})));
    for (const [index, id] of ids.entries()) await grade(id, 4, 0, hoursAgo(24 * (30 + index)));
    await saveDeckOverridesWith(db.prisma, "local", deck.id, { ...noOverrides, maxReviewsPerDay: 2 });
    const q = (await queue(deck.slug))!;
    expect(q.cards.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    expect((await getDeckDetailWith(db.prisma, deck.slug, now))!.counts.due).toBe(2);
    await grade(ids[4]!, 3, 1, now);
    expect((await queue(deck.slug))!.cards.map((c) => c.id)).toEqual([ids[3]]);
  });

  it("a deck's override wins over the learner's setting, and the queue carries the scheduler options", async () => {
    await saveLearnerSettingsWith(db.prisma, "local", {
      ...base,
      desiredRetention: 0.9,
      learningSteps: "1m 10m",
    });
    const { deck, ids } = await deckWith([{}, {}]);
    await saveDeckOverridesWith(db.prisma, "local", deck.id, {
      ...noOverrides,
      newPerDay: 1,
      desiredRetention: 0.8,
      learningSteps: "30m",
    });
    const settings = await getDeckStudySettingsWith(db.prisma, "local", deck.id);
    expect(settings).toMatchObject({
      newPerDay: 1,
      desiredRetention: 0.8,
      learningSteps: "30m",
      maxReviewsPerDay: 200,
    });
    const q = (await queue(deck.slug))!;
    expect(q.scheduling).toEqual({
      requestRetention: 0.8,
      learningSteps: ["30m"],
      relearningSteps: ["10m"],
      parameters: null,
    });
    expect(q.cards).toHaveLength(1);
    // The server grades with the deck's steps: Again on a new card waits the one 30-minute step.
    const saved = await grade(ids[0]!, 1, 0, now);
    expect(saved.status === "saved" && saved.schedule!.due.getTime() - now.getTime()).toBe(30 * 60_000);
  });

  it("tags and suspends a leech on the grade that reaches the threshold; undo takes both back", async () => {
    await saveLearnerSettingsWith(db.prisma, "local", { ...base, leechThreshold: 2 });
    const { deck, ids } = await deckWith([{}, {}]);
    const id = ids[0]!;
    let version = 0;
    let at = hoursAgo(24 * 60);
    const step = async (rating: 1 | 3 | 4, gradeId = randomUUID()) => {
      const result = await grade(id, rating, version, at, gradeId);
      if (result.status !== "saved") throw new Error(result.status);
      version = result.version;
      at = new Date(result.schedule!.due.getTime() + 60_000);
      return result;
    };
    await step(4); // review
    expect((await step(1)).leech).toBe(false); // lapse 1
    await step(4); // back to review
    const mark = () =>
      db.prisma.cardMark.findUnique({ where: { userId_cardId: { userId: "local", cardId: id } } });
    expect(await mark()).toBeNull();
    const gradeId = randomUUID();
    const leeched = await step(1, gradeId); // lapse 2 = threshold
    expect(leeched).toMatchObject({ leech: true });
    expect(await mark()).toMatchObject({ leechAt: expect.any(Date), suspendedAt: expect.any(Date) });
    expect((await queue(deck.slug, at))!.cards.map((c) => c.id)).not.toContain(id);
    expect((await getDeckDetailWith(db.prisma, deck.slug, at))!.leechCount).toBe(1);
    const page = await getDeckCardsPageWith(db, deck.id, {}, "local");
    expect(page.cards.find((c) => c.id === id)?.leech).toBe(true);

    // A suspended card is not counted as new either.
    const newBefore = (await getDeckDetailWith(db.prisma, deck.slug, at))!.counts.new;
    await db.prisma.cardMark.create({ data: { userId: "local", cardId: ids[1]!, suspendedAt: at } });
    expect((await getDeckDetailWith(db.prisma, deck.slug, at))!.counts.new).toBe(newBefore - 1);
    await db.prisma.cardMark.delete({ where: { userId_cardId: { userId: "local", cardId: ids[1]! } } });

    await undoGradeWith(db.prisma, { gradeId, cardId: id, expectedVersion: version }, { userId: "local" });
    expect(await mark()).toMatchObject({ leechAt: null, suspendedAt: null });
    expect((await getDeckDetailWith(db.prisma, deck.slug, at))!.leechCount).toBe(0);
    await saveLearnerSettingsWith(db.prisma, "local", base);
  });

  it("buries a note's other cards until the next study day, and not when burying is off", async () => {
    const { deck, ids } = await deckWith([
      { kind: "reversed", line: 5 },
      { kind: "reversed", line: 5 },
      { kind: "basic", line: 6 },
    ]);
    await grade(ids[0]!, 4, 0, hoursAgo(1));
    expect((await queue(deck.slug))!.cards.map((c) => c.id)).toEqual([ids[2]]);
    // The next study day (04:00 Paris the next morning) brings it back.
    expect((await queue(deck.slug, new Date("2026-01-16T03:30:00Z")))!.cards.map((c) => c.id)).toContain(
      ids[1],
    );
    await saveLearnerSettingsWith(db.prisma, "local", { ...base, burySiblings: false });
    expect((await queue(deck.slug))!.cards.map((c) => c.id)).toEqual([ids[1], ids[2]]);
    await saveLearnerSettingsWith(db.prisma, "local", base);
  });

  it("keeps settings, deck options and card marks through a backup and restore", async () => {
    const { deck, ids } = await deckWith([{}]);
    await saveDeckOverridesWith(db.prisma, "local", deck.id, { ...noOverrides, newPerDay: 4 });
    await db.prisma.cardMark.create({
      data: { userId: "local", cardId: ids[0]!, flag: 2, suspendedAt: now },
    });
    const backup = await createBackup(db.prisma, "local", now);
    const target = await createTestDatabase(provider);
    try {
      await restoreBackup(target.prisma, JSON.stringify(backup), localAccessor);
      expect((await getLearnerSettingsWith(target.prisma, "local")).settings.timeZone).toBe("Europe/Paris");
      expect(await getDeckStudySettingsWith(target.prisma, "local", deck.id)).toMatchObject({ newPerDay: 4 });
      expect(await target.prisma.cardMark.findFirst({ where: { cardId: ids[0]! } })).toMatchObject({
        flag: 2,
      });
      // A backup from before these arrays restores, with the defaults.
      const old = { ...backup } as Record<string, unknown>;
      delete old.learnerSettings;
      delete old.deckSettings;
      delete old.cardMarks;
      const empty = await createTestDatabase(provider);
      try {
        await restoreBackup(empty.prisma, JSON.stringify(old), localAccessor);
        expect((await getLearnerSettingsWith(empty.prisma, "local")).stored).toBe(false);
      } finally {
        await empty.destroy();
      }
    } finally {
      await target.destroy();
    }
  });
});
