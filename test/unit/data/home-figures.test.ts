import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getHomeFiguresWith } from "@/app/lib/data/home-figures";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";
import { putDeck, putReview, putState } from "@/test/helpers/learner-rows";

// Pinned local dates: the study day runs midnight to midnight (app/lib/home/today.ts).
const now = new Date(2026, 2, 10, 12, 0, 0);
const at = (day: number, hour: number) => new Date(2026, 2, day, hour, 0, 0);
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

describe.each(testProviders)("home figures on %s", (provider) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(async () => db?.destroy());

  it("is a first visit until the first review", async () => {
    await putDeck(db.prisma, "cells", 3);
    expect(await getHomeFiguresWith(db.prisma, now, "local")).toEqual({
      dueToday: 0,
      nextDue: null,
      reviewedToday: 0,
      streak: 0,
      hasReviewed: false,
    });
  });

  it("adds up what is due today across decks, leaving out decks in the trash, missing files and retired cards", async () => {
    const a = await putDeck(db.prisma, "a", 4);
    const b = await putDeck(db.prisma, "b", 3);
    const trashed = await putDeck(db.prisma, "trashed", 1);
    const missing = await putDeck(db.prisma, "missing", 1, { sourcePath: "content/missing.md" });
    await putState(db.prisma, a[0]!, { state: 2, due: hours(-48) }); // overdue review
    await putState(db.prisma, a[1]!, { state: 2, due: hours(6) }); // review due tonight
    await putState(db.prisma, a[2]!, { state: 1, due: hours(-0.1) }); // learning step due now
    await putState(db.prisma, a[3]!, { state: 1, due: hours(0.5) }); // learning step in 30 minutes
    await putState(db.prisma, b[0]!, { state: 2, due: hours(36) }); // tomorrow
    await putState(db.prisma, b[1]!, { state: 3, due: hours(-1) }); // relearning, due
    await putState(db.prisma, b[2]!, { state: 2, due: hours(-1) });
    await db.prisma.card.update({ where: { id: b[2]! }, data: { retiredAt: now } });
    await putState(db.prisma, trashed[0]!, { state: 2, due: hours(-1) });
    await db.prisma.deck.update({ where: { id: "trashed" }, data: { deletedAt: now } });
    await putState(db.prisma, missing[0]!, { state: 2, due: hours(-1) });
    await db.prisma.deck.update({ where: { id: "missing" }, data: { missingAt: now } });
    await putReview(db.prisma, a[0]!, at(10, 9));

    const figures = await getHomeFiguresWith(db.prisma, now, "local");
    expect(figures.dueToday).toBe(4);
    // The learning step in 30 minutes comes before tonight's review.
    expect(figures.nextDue).toEqual(hours(0.5));
    expect(figures.hasReviewed).toBe(true);
  });

  it("says when the next card is due when nothing is due now", async () => {
    const [card] = await putDeck(db.prisma, "a", 1);
    await putState(db.prisma, card!, { state: 2, due: hours(3) });
    await putReview(db.prisma, card!, at(9, 9));
    const figures = await getHomeFiguresWith(db.prisma, now, "local");
    expect(figures.dueToday).toBe(1);
    const tomorrow = await getHomeFiguresWith(db.prisma, hours(-11.5), "local");
    expect(tomorrow.nextDue).toEqual(hours(3));
  });

  it("counts today's reviews and the streak of study days, today counting once studied", async () => {
    const [card] = await putDeck(db.prisma, "a", 1);
    // Studied 5, 6 (twice) and 7 March, then 8 and 9 March; a gap on 4 March.
    for (const [day, hour] of [
      [3, 20],
      [5, 8],
      [6, 0],
      [6, 23],
      [7, 12],
      [8, 12],
      [9, 23],
    ] as const)
      await putReview(db.prisma, card!, at(day, hour));
    let figures = await getHomeFiguresWith(db.prisma, now, "local");
    // Not studied yet today: the streak runs up to yesterday (5 to 9 March).
    expect(figures.streak).toBe(5);
    expect(figures.reviewedToday).toBe(0);

    // The study day starts at 4 am (the default): a review at 1 am still belongs to 9 March.
    await putReview(db.prisma, card!, at(10, 1));
    figures = await getHomeFiguresWith(db.prisma, now, "local");
    expect(figures.streak).toBe(5);
    expect(figures.reviewedToday).toBe(0);

    await putReview(db.prisma, card!, at(10, 11));
    figures = await getHomeFiguresWith(db.prisma, now, "local");
    expect(figures.streak).toBe(6);
    expect(figures.reviewedToday).toBe(1);

    // Two days later without study, the streak is over.
    expect((await getHomeFiguresWith(db.prisma, at(12, 12), "local")).streak).toBe(0);
  });

  it("walks a streak longer than one batch of days", async () => {
    const [card] = await putDeck(db.prisma, "a", 1);
    for (let back = 0; back < 45; back++) await putReview(db.prisma, card!, new Date(2026, 2, 10 - back, 12));
    expect((await getHomeFiguresWith(db.prisma, now, "local")).streak).toBe(45);
  });
});
