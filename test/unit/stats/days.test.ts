import { describe, expect, it } from "vitest";
import { alignSeconds, dailyActivity, dayGrid, dueForecast, type ReviewHourRow } from "@/app/lib/stats";

/** What the database does: the aligned hour number of each review, one row per hour. */
function hourRows(instants: string[], align: number): ReviewHourRow[] {
  const rows = new Map<number, ReviewHourRow>();
  for (const instant of instants) {
    const hour = Math.floor((Date.parse(instant) / 1000 - align) / 3600);
    const row = rows.get(hour) ?? {
      hour,
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
    };
    row.reviews++;
    row.good++;
    row.durationMs += 5_000;
    rows.set(hour, row);
  }
  return [...rows.values()];
}

const reviewsByDate = (days: { date: string; reviews: number }[]) =>
  Object.fromEntries(days.filter((day) => day.reviews > 0).map((day) => [day.date, day.reviews]));

describe("dayGrid and dailyActivity", () => {
  it("lists study days oldest first, today last, on the learner's calendar", () => {
    const grid = dayGrid(new Date("2026-01-15T12:00:00Z"), "Europe/Paris", 4, 3);
    expect(grid.dates).toEqual(["2026-01-13", "2026-01-14", "2026-01-15"]);
    expect(new Date(grid.starts[0]!).toISOString()).toBe("2026-01-13T03:00:00.000Z");
    expect(new Date(grid.end).toISOString()).toBe("2026-01-16T03:00:00.000Z");
  });

  it("gives the 23-hour day of a spring-forward night its own reviews (Paris, 29 March 2026)", () => {
    const now = new Date("2026-03-30T12:00:00Z");
    const grid = dayGrid(now, "Europe/Paris", 4, 3);
    // The 28th's study day runs from 04:00 CET (03:00Z) to 04:00 CEST (02:00Z): 23 hours.
    expect(grid.starts[1]! - grid.starts[0]!).toBe(23 * 3_600_000);
    const rows = hourRows(
      [
        "2026-03-29T01:30:00Z", // 03:30 CEST: still the 28th's day
        "2026-03-29T02:30:00Z", // 04:30 CEST: the 29th's
        "2026-03-29T02:10:00Z", // 04:10 CEST: the 29th's
        "2026-03-30T01:59:00Z", // 03:59 CEST on the 30th: the 29th's
        "2026-03-30T02:00:00Z", // 04:00 CEST: the 30th's
      ],
      grid.alignSeconds,
    );
    expect(reviewsByDate(dailyActivity(rows, grid))).toEqual({
      "2026-03-28": 1,
      "2026-03-29": 3,
      "2026-03-30": 1,
    });
  });

  it("gives the 25-hour day of a fall-back night its repeated hour (Paris, 25 October 2026)", () => {
    const grid = dayGrid(new Date("2026-10-26T12:00:00Z"), "Europe/Paris", 4, 3);
    expect(grid.starts[1]! - grid.starts[0]!).toBe(25 * 3_600_000);
    const rows = hourRows(
      ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:30:00Z", "2026-10-25T03:00:00Z"],
      grid.alignSeconds,
    );
    // 02:30 CEST, 02:30 CET and 03:30 CET are all before 4 am: the 24th's day. 04:00 CET opens the 25th's.
    expect(reviewsByDate(dailyActivity(rows, grid))).toEqual({ "2026-10-24": 3, "2026-10-25": 1 });
  });

  it("aligns hours to a half-hour zone so a day boundary never splits an hour (Kolkata, UTC+5:30)", () => {
    const now = new Date("2026-06-10T12:00:00Z");
    expect(alignSeconds(now.getTime(), "Asia/Kolkata")).toBe(1800);
    const grid = dayGrid(now, "Asia/Kolkata", 4, 2);
    // 4 am in Kolkata on the 10th is 22:30Z on the 9th.
    expect(new Date(grid.starts[1]!).toISOString()).toBe("2026-06-09T22:30:00.000Z");
    const rows = hourRows(["2026-06-09T22:20:00Z", "2026-06-09T22:40:00Z"], grid.alignSeconds);
    expect(reviewsByDate(dailyActivity(rows, grid))).toEqual({ "2026-06-09": 1, "2026-06-10": 1 });
  });

  it("sums time and drops hours outside the grid", () => {
    const grid = dayGrid(new Date("2026-01-15T12:00:00Z"), "UTC", 0, 2);
    const rows = hourRows(
      ["2026-01-13T23:00:00Z", "2026-01-14T10:00:00Z", "2026-01-14T10:20:00Z", "2026-01-16T00:00:00Z"],
      0,
    );
    const days = dailyActivity(rows, grid);
    expect(days.map((day) => [day.date, day.reviews, day.durationMs])).toEqual([
      ["2026-01-14", 2, 10_000],
      ["2026-01-15", 0, 0],
    ]);
  });
});

describe("dueForecast", () => {
  it("counts overdue cards on today and each later card on its study day", () => {
    const now = new Date("2026-01-15T12:00:00Z");
    const grid = dayGrid(now, "UTC", 4, 3, true);
    expect(grid.dates).toEqual(["2026-01-15", "2026-01-16", "2026-01-17"]);
    const hour = (instant: string) => Math.floor(Date.parse(instant) / 3_600_000);
    const forecast = dueForecast(
      [
        { hour: hour("2025-12-01T00:00:00Z"), due: 4 }, // overdue
        { hour: hour("2026-01-16T03:00:00Z"), due: 2 }, // before 4 am: still the 15th
        { hour: hour("2026-01-16T04:00:00Z"), due: 1 },
        { hour: hour("2026-01-17T20:00:00Z"), due: 3 },
      ],
      grid,
    );
    expect(forecast).toEqual([
      { date: "2026-01-15", due: 6 },
      { date: "2026-01-16", due: 1 },
      { date: "2026-01-17", due: 3 },
    ]);
  });
});
