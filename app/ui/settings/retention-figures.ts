/** Reading the retention estimates for the chart and its sentence (pure, no React). */
import type { RetentionEstimate } from "@/app/lib/optimizer/retention-simulation";

/**
 * The estimate at `retention`, read along straight lines between the simulated retentions; null
 * outside them.
 * @example estimateAt([{ retention: 0.8, reviewsPerDay: 10, recalledAtEnd: 100 }, { retention: 0.9, reviewsPerDay: 20, recalledAtEnd: 120 }], 0.85) // 15 a day, 110 cards
 */
export function estimateAt(
  estimates: readonly RetentionEstimate[],
  retention: number,
): RetentionEstimate | null {
  for (let index = 0; index < estimates.length; index += 1) {
    const high = estimates[index]!;
    if (Math.abs(high.retention - retention) < 1e-9) return high;
    const low = estimates[index - 1];
    if (low && low.retention < retention && retention < high.retention) {
      const share = (retention - low.retention) / (high.retention - low.retention);
      const along = (a: number, b: number) => a + (b - a) * share;
      return {
        retention,
        reviewsPerDay: along(low.reviewsPerDay, high.reviewsPerDay),
        recalledAtEnd: along(low.recalledAtEnd, high.recalledAtEnd),
      };
    }
  }
  return null;
}

const count = (value: number) => Math.round(value).toLocaleString("en");

/** Reviews a day, to one decimal under 10 so small collections do not all read "0" or "1". */
export const perDay = (value: number) => (value < 10 ? value.toFixed(1) : count(value));

/**
 * The one line on the trade-off: what `retention` costs and keeps, against 0.10 lower (or higher
 * at the bottom of the range).
 */
export function tradeOff(
  estimates: readonly RetentionEstimate[],
  retention: number,
  days: number,
): string | null {
  const here = estimateAt(estimates, retention);
  if (!here) return null;
  const first = estimates[0]!.retention;
  const other = estimateAt(estimates, retention - 0.1 >= first - 1e-9 ? retention - 0.1 : retention + 0.1);
  const base = `At ${retention.toFixed(2)}: about ${perDay(here.reviewsPerDay)} reviews a day, and ${count(here.recalledAtEnd)} cards you would recall after ${days} days`;
  if (!other) return `${base}.`;
  return `${base}; at ${other.retention.toFixed(2)}: ${perDay(other.reviewsPerDay)} a day and ${count(other.recalledAtEnd)} cards.`;
}
