const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * How long until `when`, in words for a sentence: "in 5 minutes", "in 3 hours", "in 2 days",
 * "in less than a minute"; "now" when it has come.
 */
export function formatWait(now: Date, when: Date): string {
  const ms = when.getTime() - now.getTime();
  if (ms <= 0) return "now";
  if (ms < minute) return "in less than a minute";
  if (ms < hour) return `in ${plural(Math.round(ms / minute), "minute")}`;
  if (ms < day) return `in ${plural(Math.round(ms / hour), "hour")}`;
  return `in ${plural(Math.round(ms / day), "day")}`;
}
