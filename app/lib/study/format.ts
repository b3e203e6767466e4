/** Short human labels for intervals and durations, as on the grade buttons ("10m", "3d"). */

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** The gap from `from` to `to`: "<1m", "10m", "5h", "3d", "2.1mo", "1.5y". */
export function formatInterval(from: Date, to: Date): string {
  const ms = Math.max(0, to.getTime() - from.getTime());
  if (ms < minute) return "<1m";
  if (ms < hour) return `${Math.round(ms / minute)}m`;
  if (ms < day) return `${Math.round(ms / hour)}h`;
  const days = ms / day;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

function trim(value: number): string {
  return value < 10 ? value.toFixed(1).replace(/\.0$/, "") : String(Math.round(value));
}

/** A time spent: "45s", "3m 20s", "1h 5m". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** "now", "in <1m", "in 10m", "in 3d", "2d ago" relative to `now` (a card not yet due never reads "now"). */
export function formatRelative(now: Date, when: Date): string {
  const diff = when.getTime() - now.getTime();
  if (diff > 0 && diff < minute) return "in <1m";
  if (diff <= 0 && diff > -minute) return "now";
  return diff > 0 ? `in ${formatInterval(now, when)}` : `${formatInterval(when, now)} ago`;
}

/** "1 card", "2 cards", "0 cards"; `many` for irregular nouns ("1 entry", "3 entries"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const dateLabel = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" });
const timeLabel = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/**
 * When a card is next due, as the finished-session message says it: "in 10 minutes, at 14:20",
 * "tomorrow, Wed 11 Mar", "in 2 days, Thu 12 Mar" (local time; calendar days, not 24-hour spans).
 */
export function describeDue(now: Date, when: Date): string {
  const diff = when.getTime() - now.getTime();
  if (diff <= 0) return "now";
  const calendarDays = Math.round(
    (new Date(when).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / day,
  );
  if (calendarDays === 0) {
    const span =
      diff < minute
        ? "in under a minute"
        : diff < hour
          ? `in ${plural(Math.round(diff / minute), "minute")}`
          : `in ${plural(Math.round(diff / hour), "hour")}`;
    return `${span}, at ${timeLabel.format(when)}`;
  }
  if (calendarDays === 1) return `tomorrow, ${dateLabel.format(when)}`;
  return `in ${plural(calendarDays, "day")}, ${dateLabel.format(when)}`;
}
