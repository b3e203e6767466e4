/** Labels for study-day dates ("YYYY-MM-DD", already in the learner's zone) and figures. */

const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longDate = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

function utc(date: string): Date {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** "30 Mar" */
export const dayLabel = (date: string) => shortDate.format(utc(date));
/** "Mon 30 Mar 2026" */
export const longDayLabel = (date: string) => longDate.format(utc(date));
/** Monday = 0 ... Sunday = 6. */
export const weekday = (date: string) => (utc(date).getUTCDay() + 6) % 7;

/** "87.5%", or "—" when there is nothing to rate. */
export function percent(rate: number | null, digits = 1): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(digits)}%`;
}

/** Whole minutes, at least one decimal under ten: "0.5", "12". */
export function minutes(ms: number): number {
  const value = ms / 60_000;
  return value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}
