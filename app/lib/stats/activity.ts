/**
 * Per-day figures from hour rows: reviews and time per study day, the retention table as Anki's
 * "true retention" shows it, the answer buttons and the streak. Pure: the caller passes the grid.
 */
import { sumByDay, type DayGrid } from "./days";
import type { DayActivity, DueDayRow, RetentionCell, RetentionRow, ReviewDayRow, Streak } from "./types";

/** The figures summed per study day, as the stats reads name their columns. */
export const dayFigures = [
  "reviews",
  "durationMs",
  "again",
  "hard",
  "good",
  "easy",
  "youngPass",
  "youngFail",
  "maturePass",
  "matureFail",
] as const;

/** One entry per study day of `grid`, zeros where nothing was reviewed. */
export function dailyActivity(rows: readonly ReviewDayRow[], grid: DayGrid): DayActivity[] {
  return sumByDay(
    rows,
    grid,
    (date): DayActivity => ({
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
    }),
    (day, row) => {
      for (const key of dayFigures) day[key] += row[key];
    },
  );
}

function cell(passed: number, failed: number): RetentionCell {
  const total = passed + failed;
  return { passed, failed, rate: total === 0 ? null : passed / total };
}

const periods = [
  ["Today", 1],
  ["Week", 7],
  ["Month", 30],
  ["Year", 365],
] as const;

/**
 * Pass rates of review-state grades (Hard, Good or Easy count as passed) of young (interval under
 * 21 days) and mature cards over the last 1, 7, 30 and 365 study days, today included.
 */
export function retentionTable(days: readonly DayActivity[]): RetentionRow[] {
  return periods.map(([period, length]) => {
    const recent = days.slice(Math.max(0, days.length - length));
    const sum = (key: "youngPass" | "youngFail" | "maturePass" | "matureFail") =>
      recent.reduce((total, day) => total + day[key], 0);
    const [yp, yf, mp, mf] = [sum("youngPass"), sum("youngFail"), sum("maturePass"), sum("matureFail")];
    return { period, young: cell(yp, yf), mature: cell(mp, mf), total: cell(yp + mp, yf + mf) };
  });
}

/** Study days in a row with at least one review; a day not yet studied today does not break it. */
export function streak(days: readonly DayActivity[]): Streak {
  let longest = 0;
  let run = 0;
  for (const day of days) {
    run = day.reviews > 0 ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const studiedToday = (days[days.length - 1]?.reviews ?? 0) > 0;
  let current = 0;
  for (let i = days.length - (studiedToday ? 1 : 2); i >= 0 && (days[i]?.reviews ?? 0) > 0; i--) current++;
  return { current, longest, studiedToday };
}

/** Again / Hard / Good / Easy presses over the given days. */
export function answerButtons(days: readonly DayActivity[]) {
  const total = { again: 0, hard: 0, good: 0, easy: 0 };
  for (const day of days) {
    total.again += day.again;
    total.hard += day.hard;
    total.good += day.good;
    total.easy += day.easy;
  }
  return total;
}

/** Cards due on each of the coming study days of `grid` (the database counts overdue ones on the first). */
export function dueForecast(rows: readonly DueDayRow[], grid: DayGrid): { date: string; due: number }[] {
  return sumByDay(
    rows,
    grid,
    (date) => ({ date, due: 0 }),
    (day, row) => {
      day.due += row.due;
    },
  );
}
