/**
 * The study day, in one place: every figure that says "today" (reviews done, due today, the streak)
 * asks here. Days run midnight to midnight in the server's time zone for now; when the day starts
 * at the learner's hour in their time zone, only this file changes.
 */
import { endOfDay, startOfDay } from "@/app/lib/study/queue";

export interface DayBounds {
  /** The first instant of the day. */
  start: Date;
  /** The first instant of the next day. */
  end: Date;
}

/** The study day holding `now`. */
export function todayBounds(now: Date): DayBounds {
  return { start: startOfDay(now), end: endOfDay(now) };
}

/** The study day before `day` (asked from its last instant, so a short or long DST day is right). */
export function dayBefore(day: DayBounds): DayBounds {
  return todayBounds(new Date(day.start.getTime() - 1));
}
