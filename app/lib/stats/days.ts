/**
 * Bucketing instants into the learner's study days. The database groups reviews by hour, counted on
 * an hour grid aligned to the learner's zone (`alignSeconds` is the zone's offset within the hour:
 * 0 for most, 1,800 for India, 2,700 for Nepal), so every hour lies inside one study day, whose
 * bounds fall on the hour of the learner's clock; it then sums the hours into study days with the
 * periods below (23- and 25-hour days across daylight-saving changes included), so at most one row
 * a day comes back.
 */
import { studyDay } from "@/app/lib/settings/study-day";

export interface DayGrid {
  /** Each study day's first instant (ms), oldest first; the last one is today. */
  starts: number[];
  /** The instant the last day ends (ms). */
  end: number;
  /** Calendar date of each day in the learner's zone, "YYYY-MM-DD". */
  dates: string[];
  alignSeconds: number;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" of `instant` on the wall clock of `timeZone`. */
export function localDate(instant: number, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

/** The zone's UTC offset within the hour, in seconds (0-3599), at `instant`. */
export function alignSeconds(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const minute = Number(parts.find((part) => part.type === "minute")?.value ?? 0);
  const utcMinute = new Date(instant).getUTCMinutes();
  return ((((minute - utcMinute) % 60) + 60) % 60) * 60;
}

/**
 * `count` study days ending with today's, oldest first (`forward`: today and the next count - 1).
 * @example dayGrid(new Date("2026-03-30T10:00:00Z"), "Europe/Paris", 4, 2).dates // ["2026-03-29", "2026-03-30"]
 */
export function dayGrid(
  now: Date,
  timeZone: string,
  dayStartHour: number,
  count: number,
  forward = false,
): DayGrid {
  const starts: number[] = [];
  let day = studyDay(now, timeZone, dayStartHour);
  if (forward) {
    for (let i = 0; i < count; i++) {
      starts.push(day.start.getTime());
      if (i < count - 1) day = studyDay(day.end, timeZone, dayStartHour);
    }
  } else {
    const end = day.end.getTime();
    starts.push(day.start.getTime());
    for (let i = 1; i < count; i++) {
      day = studyDay(new Date(day.start.getTime() - 1), timeZone, dayStartHour);
      starts.unshift(day.start.getTime());
    }
    return finish(starts, end, timeZone, now);
  }
  return finish(starts, day.end.getTime(), timeZone, now);
}

function finish(starts: number[], end: number, timeZone: string, now: Date): DayGrid {
  return {
    starts,
    end,
    dates: starts.map((start) => localDate(start, timeZone)),
    alignSeconds: alignSeconds(now.getTime(), timeZone),
  };
}

/** The aligned hour number starting at `instant` (ms), which must fall on an hour of the learner's clock. */
export function hourAt(instant: number, grid: Pick<DayGrid, "alignSeconds">): number {
  return Math.round((instant / 1000 - grid.alignSeconds) / 3600);
}

/**
 * A run of study days in which every day but the last is exactly 24 hours, so the database can find
 * an hour's day with integer arithmetic: `first + min((hour - startHour) / 24, count - 1)` for
 * `hour < endHour`. A 23- or 25-hour day (a daylight-saving change) ends its period.
 */
export interface DayPeriod {
  startHour: number;
  endHour: number;
  first: number;
  count: number;
}

/** The periods of `grid`, in order; a year with two clock changes has three. */
export function dayPeriods(grid: DayGrid): DayPeriod[] {
  const periods: DayPeriod[] = [];
  let first = 0;
  for (let i = 0; i < grid.starts.length; i++) {
    const start = grid.starts[i]!;
    const end = grid.starts[i + 1] ?? grid.end;
    if (end - start !== 86_400_000 || i === grid.starts.length - 1) {
      periods.push({
        startHour: hourAt(grid.starts[first]!, grid),
        endHour: hourAt(end, grid),
        first,
        count: i - first + 1,
      });
      first = i + 1;
    }
  }
  return periods;
}

/**
 * The day index of an aligned hour, exactly as the database computes it from `dayPeriods` (the data
 * layer's SQL mirrors this); -1 outside the grid, or 0 before it when `early` is "first".
 */
export function periodDayIndex(
  hour: number,
  periods: readonly DayPeriod[],
  early: "drop" | "first" = "drop",
) {
  if (hour < (periods[0]?.startHour ?? Infinity)) return early === "first" ? 0 : -1;
  for (const period of periods) {
    if (hour < period.endHour)
      return period.first + Math.min(Math.floor((hour - period.startHour) / 24), period.count - 1);
  }
  return -1;
}

/** Sums rows by their day index into one entry per study day of `grid`; other indexes are dropped. */
export function sumByDay<Row extends { day: number }, Out>(
  rows: readonly Row[],
  grid: DayGrid,
  empty: (date: string) => Out,
  add: (into: Out, row: Row) => void,
): Out[] {
  const days = grid.dates.map(empty);
  for (const row of rows) {
    const day = days[row.day];
    if (day) add(day, row);
  }
  return days;
}
