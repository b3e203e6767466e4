/**
 * Bucketing instants into the learner's study days. The database groups reviews by hour, counted on
 * an hour grid aligned to the learner's zone (`alignSeconds` is the zone's offset within the hour:
 * 0 for most, 1,800 for India, 2,700 for Nepal), so every hour lies inside one study day, whose
 * bounds fall on the hour of the learner's clock; this module then gives each hour its study day,
 * 23- and 25-hour days across daylight-saving changes included.
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

/** The first instant (ms) of an aligned hour number. */
export function hourStart(hour: number, grid: Pick<DayGrid, "alignSeconds">): number {
  return (hour * 3600 + grid.alignSeconds) * 1000;
}

/** Index in `grid.starts` of the day holding `instant`, or -1 outside the grid. */
export function dayIndex(instant: number, grid: DayGrid): number {
  if (instant < (grid.starts[0] ?? Infinity) || instant >= grid.end) return -1;
  let low = 0;
  let high = grid.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((grid.starts[mid] ?? 0) <= instant) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Sums hour rows into one entry per study day of `grid`; hours outside it are dropped. */
export function sumByDay<Row extends { hour: number }, Out>(
  rows: readonly Row[],
  grid: DayGrid,
  empty: (date: string) => Out,
  add: (into: Out, row: Row) => void,
): Out[] {
  const days = grid.dates.map(empty);
  for (const row of rows) {
    const index = dayIndex(hourStart(row.hour, grid), grid);
    const day = days[index];
    if (day) add(day, row);
  }
  return days;
}
