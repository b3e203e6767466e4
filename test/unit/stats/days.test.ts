import { describe, expect, it } from "vitest";
import {
  alignSeconds,
  dailyActivity,
  dayGrid,
  dayPeriods,
  dueForecast,
  periodDayIndex,
  type DayGrid,
  type ReviewDayRow,
} from "@/app/lib/stats";

/** What the database does: each review's aligned hour, then that hour's study day by the periods. */
function dayRows(instants: string[], grid: DayGrid): ReviewDayRow[] {
  const rows = new Map<number, ReviewDayRow>();
  const periods = dayPeriods(grid);
  for (const instant of instants) {
    const hour = Math.floor((Date.parse(instant) / 1000 - grid.alignSeconds) / 3600);
    const day = periodDayIndex(hour, periods);
    if (day < 0) continue;
    const row = rows.get(day) ?? {
      day,
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
    rows.set(day, row);
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
    const rows = dayRows(
      [
        "2026-03-29T01:30:00Z", // 03:30 CEST: still the 28th's day
        "2026-03-29T02:30:00Z", // 04:30 CEST: the 29th's
        "2026-03-29T02:10:00Z", // 04:10 CEST: the 29th's
        "2026-03-30T01:59:00Z", // 03:59 CEST on the 30th: the 29th's
        "2026-03-30T02:00:00Z", // 04:00 CEST: the 30th's
      ],
      grid,
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
    const rows = dayRows(
      ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:30:00Z", "2026-10-25T03:00:00Z"],
      grid,
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
    const rows = dayRows(["2026-06-09T22:20:00Z", "2026-06-09T22:40:00Z"], grid);
    expect(reviewsByDate(dailyActivity(rows, grid))).toEqual({ "2026-06-09": 1, "2026-06-10": 1 });
  });

  it("sums time and drops hours outside the grid", () => {
    const grid = dayGrid(new Date("2026-01-15T12:00:00Z"), "UTC", 0, 2);
    const rows = dayRows(
      ["2026-01-13T23:00:00Z", "2026-01-14T10:00:00Z", "2026-01-14T10:20:00Z", "2026-01-16T00:00:00Z"],
      grid,
    );
    const days = dailyActivity(rows, grid);
    expect(days.map((day) => [day.date, day.reviews, day.durationMs])).toEqual([
      ["2026-01-14", 2, 10_000],
      ["2026-01-15", 0, 0],
    ]);
  });
});

describe("dayPeriods", () => {
  it("splits a year at each clock change, each period's last day the odd one", () => {
    const grid = dayGrid(new Date("2026-11-30T12:00:00Z"), "Europe/Paris", 4, 365);
    const periods = dayPeriods(grid);
    expect(periods).toHaveLength(3);
    expect(periods.map((period) => grid.dates[period.first + period.count - 1])).toEqual([
      "2026-03-28",
      "2026-10-24",
      "2026-11-30",
    ]);
    expect(periods.reduce((sum, period) => sum + period.count, 0)).toBe(365);
    // Every hour of the year lands on the day the grid's own search gives it.
    for (let hour = periods[0]!.startHour; hour < periods.at(-1)!.endHour; hour++) {
      const instant = (hour * 3600 + grid.alignSeconds) * 1000;
      const expected = grid.starts.findLastIndex((start) => start <= instant);
      expect(periodDayIndex(hour, periods)).toBe(expected);
    }
  });
});

describe("dueForecast", () => {
  it("counts overdue cards on today and each later card on its study day", () => {
    const now = new Date("2026-01-15T12:00:00Z");
    const grid = dayGrid(now, "UTC", 4, 3, true);
    expect(grid.dates).toEqual(["2026-01-15", "2026-01-16", "2026-01-17"]);
    const periods = dayPeriods(grid);
    const day = (instant: string) =>
      periodDayIndex(Math.floor(Date.parse(instant) / 3_600_000), periods, "first");
    expect(day("2025-12-01T00:00:00Z")).toBe(0); // overdue
    expect(day("2026-01-16T03:00:00Z")).toBe(0); // before 4 am: still the 15th
    expect(day("2026-01-16T04:00:00Z")).toBe(1);
    expect(day("2026-01-18T04:00:00Z")).toBe(-1); // after the grid
    const forecast = dueForecast(
      [
        { day: 0, due: 6 },
        { day: 1, due: 1 },
        { day: 2, due: 3 },
        { day: -1, due: 9 },
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
