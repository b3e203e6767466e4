/**
 * Study days, as Anki counts them for FSRS: a day begins at `dayStartHour` in the learner's time
 * zone, and the interval between two reviews is the difference of their day numbers, so a review at
 * 23:00 and one at 05:00 the next morning are one day apart (with dayStartHour 4).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export interface StudyDayOptions {
  /** The hour (0-23, local) at which a new study day begins. */
  dayStartHour: number;
  /** An IANA time zone name such as "Europe/Paris". */
  timeZone: string;
}

/**
 * The study day `at` falls in, as a count of days since 1970-01-01.
 * @example studyDay(new Date("2026-03-02T03:00:00Z"), { dayStartHour: 4, timeZone: "UTC" }) // the day of 1 March
 */
export function studyDay(at: Date, { dayStartHour, timeZone }: StudyDayOptions): number {
  const shifted = at.getTime() - dayStartHour * 3_600_000;
  if (timeZone === "UTC") return Math.floor(shifted / 86_400_000);
  // Local midnight falls on a quarter hour in every zone (Nepal is +5:45), so a long history asks
  // Intl once per quarter hour it spans rather than once per review.
  const key = `${timeZone} ${Math.floor(shifted / 900_000)}`;
  const known = dayCache.get(key);
  if (known !== undefined) return known;
  const result = localDay(new Date(shifted), timeZone);
  if (dayCache.size > 100_000) dayCache.clear();
  dayCache.set(key, result);
  return result;
}

const dayCache = new Map<string, number>();

function localDay(shifted: Date, timeZone: string): number {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatter(timeZone).formatToParts(shifted)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}
