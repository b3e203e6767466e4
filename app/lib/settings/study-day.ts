/**
 * The learner's study day: it begins at `dayStartHour` on the wall clock of their time zone (Anki's
 * "next day starts at", 4 am by default) and ends at that hour on the next calendar day, so it lasts
 * 23 or 25 hours across a daylight-saving change. Pure: uses Intl only, never the machine's zone.
 */

export interface StudyDay {
  /** First instant of the study day holding `now`. */
  start: Date;
  /** First instant of the next study day. */
  end: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True when `timeZone` is an IANA zone this runtime knows ("Europe/Paris", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
}

function wallTime(instant: number, timeZone: string): WallTime & { offsetMs: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant)))
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return { year, month, day, hour, offsetMs: asUtc - (instant - (((instant % 1000) + 1000) % 1000)) };
}

/**
 * The instant the wall clock of `timeZone` reads `hour`:00 on the given date. An hour skipped by a
 * daylight-saving change gives the instant just after the gap (02:00 on a spring-forward night is
 * 03:00); an hour that occurs twice gives its first occurrence.
 */
function instantOf(date: WallTime, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day, date.hour);
  const first = guess - wallTime(guess, timeZone).offsetMs;
  const second = guess - wallTime(first, timeZone).offsetMs;
  if (first === second) return first;
  // Two offsets disagree around a change: take the earlier instant that reads the wanted hour (the
  // first of a repeated hour), or else the later one (the end of a skipped hour).
  const [early, late] = first < second ? [first, second] : [second, first];
  return wallTime(early, timeZone).hour === date.hour ? early : late;
}

function nextDate(date: WallTime): WallTime {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return {
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    hour: date.hour,
  };
}

function previousDate(date: WallTime): WallTime {
  const previous = new Date(Date.UTC(date.year, date.month - 1, date.day - 1));
  return {
    year: previous.getUTCFullYear(),
    month: previous.getUTCMonth() + 1,
    day: previous.getUTCDate(),
    hour: date.hour,
  };
}

/**
 * The last day worked out for each zone and start hour: every queue build and home page asks for
 * the day holding now, and working it out takes about seven Intl.formatToParts calls: 19 us a call,
 * 0.6 us remembered (and 75 us of a one-deck queue build's 2 ms of CPU in a bench:queue profile).
 * Zones and start hours are few; the map is cleared if it ever holds more than `maxRememberedDays`.
 */
const rememberedDays = new Map<string, { start: number; end: number }>();
const maxRememberedDays = 256;

/**
 * The study day holding `now` for a learner in `timeZone` whose day starts at `dayStartHour`.
 * @example studyDay(new Date("2026-03-10T02:00:00Z"), "Europe/Paris", 4)
 *   // { start: 2026-03-09T03:00:00Z, end: 2026-03-10T03:00:00Z } (03:00 in Paris is still "yesterday")
 */
export function studyDay(now: Date, timeZone: string, dayStartHour: number): StudyDay {
  const key = `${dayStartHour}|${timeZone}`;
  const instant = now.getTime();
  let day = rememberedDays.get(key);
  if (!day || instant < day.start || instant >= day.end) {
    day = workOutStudyDay(now, timeZone, dayStartHour);
    if (rememberedDays.size >= maxRememberedDays) rememberedDays.clear();
    rememberedDays.set(key, day);
  }
  // New Dates each time: a caller may change the ones it gets.
  return { start: new Date(day.start), end: new Date(day.end) };
}

function workOutStudyDay(now: Date, timeZone: string, dayStartHour: number): { start: number; end: number } {
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const wall = wallTime(now.getTime(), zone);
  let date: WallTime = { year: wall.year, month: wall.month, day: wall.day, hour: dayStartHour };
  let start = instantOf(date, zone);
  if (start > now.getTime()) {
    date = previousDate(date);
    start = instantOf(date, zone);
  }
  let end = instantOf(nextDate(date), zone);
  // A start hour skipped by a change can land a day's end at or before now: move on a day.
  if (end <= now.getTime()) {
    date = nextDate(date);
    start = end;
    end = instantOf(nextDate(date), zone);
  }
  return { start, end };
}
