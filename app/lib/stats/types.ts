/**
 * The stats page's shapes: compact rows the database aggregates (one per hour of the learner's
 * clock), and the figures the page shows. Pure types: no Prisma, no React.
 */

/** Reviews made on one study day, counted by the database. `day` indexes the day grid (days.ts). */
export interface ReviewDayRow {
  day: number;
  reviews: number;
  durationMs: number;
  again: number;
  hard: number;
  good: number;
  easy: number;
  /** Review-state grades of cards whose interval was under 21 days, passed (Hard/Good/Easy) or failed. */
  youngPass: number;
  youngFail: number;
  /** The same for cards whose interval was 21 days or more. */
  maturePass: number;
  matureFail: number;
}

/** Cards falling due on one study day (forecast). */
export interface DueDayRow {
  day: number;
  due: number;
}

/** One study day's activity. `date` is the calendar date the day starts on, in the learner's zone. */
export interface DayActivity {
  date: string;
  reviews: number;
  durationMs: number;
  again: number;
  hard: number;
  good: number;
  easy: number;
  youngPass: number;
  youngFail: number;
  maturePass: number;
  matureFail: number;
}

export interface RetentionCell {
  passed: number;
  failed: number;
  /** passed / (passed + failed), or null when there were none. */
  rate: number | null;
}

export interface RetentionRow {
  period: "Today" | "Week" | "Month" | "Year";
  young: RetentionCell;
  mature: RetentionCell;
  total: RetentionCell;
}

export interface Streak {
  /** Study days in a row up to today (or up to yesterday while today has no review yet). */
  current: number;
  /** The longest run within the days read. */
  longest: number;
  studiedToday: boolean;
}

export interface Bin {
  label: string;
  count: number;
}

export interface CardCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
}

/** A started card's memory, as the distributions need it. */
export interface MemoryRow {
  stability: number;
  difficulty: number;
  lastReview: Date | null;
}
