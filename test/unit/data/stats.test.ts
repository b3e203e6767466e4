import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localUserId as userId } from "@/app/lib/auth/local-learner";
import { getCardHistoryWith, historyLimit } from "@/app/lib/data/card-history";
import { getStatsWith } from "@/app/lib/data/stats/get-stats";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

// Noon in Paris on Monday 30 March 2026, the day after clocks went forward.
const now = new Date("2026-03-30T10:00:00Z");
const at = (iso: string) => new Date(iso);

interface Log {
  cardId: string;
  review: string;
  rating: number;
  state?: number;
  scheduled_days?: number;
  durationMs?: number;
  due?: string;
}

describe.each(testProviders)("stats reads on %s", (provider) => {
  let db: TestDatabase;
  const cards: string[] = [];
  let otherCard = "";
  let deckId = "";
  let otherDeckId = "";
  let logCount = 0;

  const addLogs = (logs: Log[]) =>
    db.prisma.reviewLog.createMany({
      data: logs.map((log) => ({
        id: `log-${logCount++}`,
        userId,
        cardId: log.cardId,
        rating: log.rating,
        state: log.state ?? 2,
        due: at(log.due ?? log.review),
        stability: 5,
        difficulty: 5,
        elapsed_days: 1,
        last_elapsed_days: 1,
        scheduled_days: log.scheduled_days ?? 3,
        learning_steps: 0,
        review: at(log.review),
        durationMs: log.durationMs ?? 10_000,
      })),
    });

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    await db.prisma.learnerSettings.create({ data: { userId, timeZone: "Europe/Paris", dayStartHour: 4 } });
    const deck = await db.prisma.deck.create({ data: { slug: "geo", title: "Geography" } });
    const other = await db.prisma.deck.create({ data: { slug: "other", title: "Other" } });
    [deckId, otherDeckId] = [deck.id, other.id];
    for (let i = 0; i < 6; i++) {
      const card = await db.prisma.card.create({
        data: { deckId: deck.id, key: `k${i}`, kind: "basic", front: `Q${i}`, back: `A${i}`, line: i + 1 },
      });
      cards.push(card.id);
    }
    otherCard = (
      await db.prisma.card.create({
        data: { deckId: other.id, key: "o", kind: "basic", front: "O", back: "O", line: 1 },
      })
    ).id;
    const [c0, c1, c2, c3, c4] = cards as [string, string, string, string, string];
    const state = (cardId: string, s: number, due: string, stability: number) => ({
      userId,
      cardId,
      deckId: cardId === otherCard ? otherDeckId : deckId,
      due: at(due),
      stability,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      state: s,
      last_review: at("2026-03-29T10:00:00Z"),
    });
    await db.prisma.cardState.createMany({
      data: [
        state(c0, 2, "2026-03-20T10:00:00Z", 10), // overdue review: counts on today
        state(c1, 2, "2026-03-31T01:30:00Z", 2), // 03:30 CEST on the 31st: still the 30th's study day
        state(c2, 1, "2026-03-31T02:30:00Z", 0.5), // 04:30 CEST: the 31st
        state(c3, 3, "2026-04-05T10:00:00Z", 1),
        state(c4, 2, "2026-04-05T10:00:00Z", 40), // suspended: not in the forecast
        state(otherCard, 2, "2026-04-01T10:00:00Z", 3),
      ],
    });
    await db.prisma.cardMark.create({
      data: { userId, cardId: c4, suspendedAt: at("2026-03-01T00:00:00Z") },
    });
    await addLogs([
      // Today (the 30th's study day began at 04:00 CEST = 02:00Z).
      { cardId: c0, review: "2026-03-30T02:00:00Z", rating: 3, scheduled_days: 5, durationMs: 4_000 },
      { cardId: c1, review: "2026-03-30T09:00:00Z", rating: 1, scheduled_days: 30, durationMs: 6_000 },
      // 03:59 CEST on the 30th: yesterday's study day.
      { cardId: c2, review: "2026-03-30T01:59:00Z", rating: 4, scheduled_days: 25 },
      // The 23-hour day of the 29th began at 04:00 CEST = 02:00Z; 01:30Z on the 29th is the 28th's.
      { cardId: c3, review: "2026-03-29T01:30:00Z", rating: 2, state: 1, scheduled_days: 0 },
      { cardId: c3, review: "2026-03-25T12:00:00Z", rating: 1, scheduled_days: 2 },
      // A year and more ago: outside the heatmap's 365 days.
      { cardId: c3, review: "2025-03-01T12:00:00Z", rating: 3 },
      // Another deck's review: counted for all decks only.
      { cardId: otherCard, review: "2026-03-30T08:00:00Z", rating: 3, scheduled_days: 40 },
    ]);
  });
  afterAll(async () => db?.destroy());

  it("counts reviews, time and buttons per study day of the learner's zone", async () => {
    const stats = await getStatsWith(db, { userId, deckId: null }, now);
    expect(stats.days).toHaveLength(365);
    expect(stats.days.at(-1)?.date).toBe("2026-03-30");
    const byDate = Object.fromEntries(
      stats.days.filter((d) => d.reviews > 0).map((d) => [d.date, d.reviews]),
    );
    expect(byDate).toEqual({ "2026-03-25": 1, "2026-03-28": 1, "2026-03-29": 1, "2026-03-30": 3 });
    expect(stats.days.at(-1)?.durationMs).toBe(20_000);
    expect(stats.buttons).toEqual({ again: 2, hard: 1, good: 2, easy: 1 });
    expect(stats.streak).toEqual({ current: 3, longest: 3, studiedToday: true });
  });

  it("fills the retention table from review-state grades, young and mature", async () => {
    const { retention } = await getStatsWith(db, { userId, deckId: null }, now);
    const [today, week] = retention;
    // Today: c0 young passed, c1 mature failed, other deck mature passed.
    expect(today?.young).toEqual({ passed: 1, failed: 0, rate: 1 });
    expect(today?.mature).toEqual({ passed: 1, failed: 1, rate: 0.5 });
    // The week adds c2 (mature, passed) and c3's young lapse; c3's learning-state grade is not counted.
    expect(week?.young).toEqual({ passed: 1, failed: 1, rate: 0.5 });
    expect(week?.mature).toEqual({ passed: 2, failed: 1, rate: 2 / 3 });
  });

  it("narrows everything to one deck", async () => {
    const deck = await db.prisma.deck.findUniqueOrThrow({ where: { slug: "geo" } });
    const stats = await getStatsWith(db, { userId, deckId: deck.id }, now);
    expect(stats.days.at(-1)?.reviews).toBe(2);
    expect(stats.cards).toEqual({ new: 1, learning: 1, review: 2, relearning: 1, suspended: 1 });
    expect(stats.forecast.slice(0, 2)).toEqual([
      { date: "2026-03-30", due: 2 },
      { date: "2026-03-31", due: 1 },
    ]);
    expect(stats.forecast.find((day) => day.date === "2026-04-05")?.due).toBe(1);
    expect(stats.forecast.reduce((total, day) => total + day.due, 0)).toBe(4);
    expect(stats.memory.cards).toBe(5);
    expect(stats.memory.stability.find((bin) => bin.label === "30–90 d")?.count).toBe(1);
  });

  it("gives a card's last 50 reviews, newest first, with the due date each set", async () => {
    const card = cards[5]!;
    const logs: Log[] = Array.from({ length: historyLimit + 5 }, (_, i) => ({
      cardId: card,
      review: new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString(),
      due: new Date(Date.UTC(2026, 0, 1 + i, 9)).toISOString(),
      rating: (i % 4) + 1,
    }));
    await addLogs(logs);
    await db.prisma.cardState.create({
      data: {
        userId,
        cardId: card,
        deckId,
        due: at("2026-04-20T12:00:00Z"),
        stability: 20,
        difficulty: 6.5,
        elapsed_days: 0,
        scheduled_days: 0,
        learning_steps: 0,
        reps: 55,
        lapses: 3,
        state: 2,
        last_review: at("2026-03-10T10:00:00Z"),
      },
    });
    const history = await getCardHistoryWith(db.prisma, "geo", card, userId, now);
    expect(history?.totalReviews).toBe(historyLimit + 5);
    expect(history?.reviews).toHaveLength(historyLimit);
    expect(history?.reviews[0]?.review.toISOString()).toBe("2026-02-24T12:00:00.000Z");
    expect(history?.reviews[0]?.nextDue?.toISOString()).toBe("2026-04-20T12:00:00.000Z");
    expect(history?.reviews[1]?.nextDue?.toISOString()).toBe("2026-02-24T09:00:00.000Z");
    expect(history?.reviews[0]?.rating).toBe(((historyLimit + 4) % 4) + 1);
    // 20 days after the last review with a stability of 20 days: 90%.
    expect(history?.recall).toBeCloseTo(0.9, 5);
    expect(await getCardHistoryWith(db.prisma, "other", card, userId, now)).toBeNull();
  });

  it("buckets by the study days of a half-hour zone (Kolkata, UTC+5:30)", async () => {
    await db.prisma.learnerSettings.update({ where: { userId }, data: { timeZone: "Asia/Kolkata" } });
    const deck = await db.prisma.deck.create({ data: { slug: "kolkata", title: "Kolkata" } });
    const card = await db.prisma.card.create({
      data: { deckId: deck.id, key: "k", kind: "basic", front: "Q", back: "A", line: 1 },
    });
    // 4 am in Kolkata on 30 March is 22:30Z on the 29th.
    await addLogs([
      { cardId: card.id, review: "2026-03-29T22:29:00Z", rating: 3 },
      { cardId: card.id, review: "2026-03-29T22:30:00Z", rating: 3 },
      { cardId: card.id, review: "2026-03-29T22:59:00Z", rating: 3 },
      { cardId: card.id, review: "2026-03-29T21:31:00Z", rating: 3 },
    ]);
    const stats = await getStatsWith(db, { userId, deckId: deck.id }, now);
    const byDate = Object.fromEntries(
      stats.days.filter((d) => d.reviews > 0).map((d) => [d.date, d.reviews]),
    );
    expect(byDate).toEqual({ "2026-03-29": 2, "2026-03-30": 2 });
  });
});
