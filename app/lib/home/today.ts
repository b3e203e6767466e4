/**
 * The study day, in one place for the home page: every figure that says "today" (reviews done, due
 * today, the streak) asks here. A day starts at the learner's hour in their time zone
 * (LearnerSettings.dayStartHour, timeZone), as the study queue counts it.
 */
import { studyDay, type StudyDay } from "@/app/lib/settings";

export type DayBounds = StudyDay;

export interface DayClock {
  timeZone: string;
  dayStartHour: number;
}

/** The study day holding `now`. */
export function todayBounds(now: Date, clock: DayClock): DayBounds {
  return studyDay(now, clock.timeZone, clock.dayStartHour);
}

/** The study day before `day` (asked from its last instant, so a short or long DST day is right). */
export function dayBefore(day: DayBounds, clock: DayClock): DayBounds {
  return todayBounds(new Date(day.start.getTime() - 1), clock);
}
