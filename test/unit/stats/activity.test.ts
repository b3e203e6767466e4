import { describe, expect, it } from "vitest";
import { answerButtons, cardHistory, retentionTable, streak, type DayActivity } from "@/app/lib/stats";

function day(date: string, figures: Partial<DayActivity> = {}): DayActivity {
  return {
    date,
    reviews: 0,
    durationMs: 0,
    again: 0,
    hard: 0,
    good: 0,
    easy: 0,
    youngPass: 0,
    youngFail: 0,
    maturePass: 0,
    matureFail: 0,
    ...figures,
  };
}

/** `count` days ending 2026-12-31, every one empty unless `figures` names it (index from the end). */
function year(figures: Record<number, Partial<DayActivity>>, count = 365): DayActivity[] {
  return Array.from({ length: count }, (_, i) => day(`d${i}`, figures[count - 1 - i] ?? {}));
}

describe("retentionTable", () => {
  it("gives young and mature pass rates for today, the week, the month and the year", () => {
    const days = year({
      0: { youngPass: 3, youngFail: 1 }, // today
      5: { maturePass: 9, matureFail: 1 }, // this week
      20: { youngPass: 1, youngFail: 1 }, // this month
      200: { maturePass: 0, matureFail: 2 }, // this year
    });
    const table = retentionTable(days);
    expect(table.map((row) => row.period)).toEqual(["Today", "Week", "Month", "Year"]);
    const [today, week, month, all] = table;
    expect(today!.young).toEqual({ passed: 3, failed: 1, rate: 0.75 });
    expect(today!.mature).toEqual({ passed: 0, failed: 0, rate: null });
    expect(week!.mature.rate).toBe(0.9);
    expect(week!.total).toEqual({ passed: 12, failed: 2, rate: 12 / 14 });
    expect(month!.young).toEqual({ passed: 4, failed: 2, rate: 4 / 6 });
    expect(all!.mature).toEqual({ passed: 9, failed: 3, rate: 0.75 });
  });
});

describe("streak", () => {
  it("counts the days in a row up to today", () => {
    expect(
      streak(year({ 0: { reviews: 1 }, 1: { reviews: 5 }, 2: { reviews: 2 }, 4: { reviews: 1 } })),
    ).toEqual({
      current: 3,
      longest: 3,
      studiedToday: true,
    });
  });

  it("keeps yesterday's streak alive while today has no review yet", () => {
    const result = streak(year({ 1: { reviews: 1 }, 2: { reviews: 1 } }));
    expect(result).toEqual({ current: 2, longest: 2, studiedToday: false });
  });

  it("is broken by a missed day and remembers the longest run", () => {
    const figures: Record<number, Partial<DayActivity>> = { 0: { reviews: 1 } };
    for (let i = 10; i < 20; i++) figures[i] = { reviews: 1 };
    expect(streak(year(figures))).toEqual({ current: 1, longest: 10, studiedToday: true });
    expect(streak(year({ 2: { reviews: 4 } })).current).toBe(0);
  });
});

describe("answerButtons", () => {
  it("sums each button over the days given", () => {
    expect(answerButtons([day("a", { again: 1, good: 2 }), day("b", { hard: 3, good: 1, easy: 4 })])).toEqual(
      {
        again: 1,
        hard: 3,
        good: 3,
        easy: 4,
      },
    );
  });
});

describe("cardHistory", () => {
  it("gives each grade the due date it set: the next log's due, or the card's due for the last", () => {
    const at = (iso: string) => new Date(iso);
    const entries = cardHistory(
      [
        { review: at("2026-01-10T10:00:00Z"), rating: 3, due: at("2026-01-10T09:00:00Z"), durationMs: 4000 },
        { review: at("2026-01-05T10:00:00Z"), rating: 1, due: at("2026-01-05T10:00:00Z"), durationMs: null },
      ],
      at("2026-01-20T10:00:00Z"),
    );
    expect(entries.map((entry) => [entry.rating, entry.nextDue?.toISOString()])).toEqual([
      [3, "2026-01-20T10:00:00.000Z"],
      [1, "2026-01-10T09:00:00.000Z"],
    ]);
  });
});
