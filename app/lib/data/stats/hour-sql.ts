/**
 * The SQL pieces that differ between the two databases for hour-bucketed aggregates. Dates are kept
 * as ISO text on SQLite and as `timestamp(3)` (UTC) on PostgreSQL; both read as seconds since the
 * epoch here. An hour number counts whole hours from the epoch shifted by the zone's offset within
 * the hour (app/lib/stats/days.ts), so hours line up with the learner's clock.
 */
import type { Provider } from "@/app/lib/database/migrate";

export interface Query {
  sql: string;
  params: unknown[];
}

/** Builds `$1, $2 ...` (PostgreSQL) or `?` (SQLite) placeholders in the order they are used. */
export function parameters(provider: Provider) {
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return provider === "sqlite" ? "?" : `$${params.length}`;
  };
  return { params, add };
}

/**
 * The SELECT and GROUP BY of an aligned hour. PostgreSQL computes the number. On SQLite, parsing each
 * ISO date with strftime took twice as long as the rest of a 50,000-review aggregate, so it groups
 * by the text's UTC hour ("2026-03-29T01") and whether the minute has reached the zone's offset
 * within the hour ("30" in Kolkata, "00" nearly everywhere); toHourRows turns that into the number.
 */
export function hourColumns(
  provider: Provider,
  column: string,
  add: (value: unknown) => string,
  alignSeconds: number,
): { select: string; groupBy: string } {
  if (provider === "sqlite") {
    const minute = String(Math.floor(alignSeconds / 60)).padStart(2, "0");
    return {
      select: `substr(${column}, 1, 13) AS "utcHour", (substr(${column}, 15, 2) >= ${add(minute)}) AS "late"`,
      groupBy: `"utcHour", "late"`,
    };
  }
  return {
    select: `floor((extract(epoch from ${column}) - ${add(alignSeconds)}::int) / 3600)::int AS "hour"`,
    groupBy: "1",
  };
}

/** A count that comes back as a JavaScript number on both (PostgreSQL's COUNT and SUM are bigint). */
export function asNumber(provider: Provider, expression: string): string {
  return provider === "sqlite" ? expression : `(${expression})::float8`;
}

/**
 * Rows of numbers with their aligned hour from a raw query (SQLite hands integers back as BigInt).
 * Two SQLite rows can name the same hour (its early and late parts); callers sum by hour anyway.
 */
export function toHourRows<Row extends { hour: number }>(rows: readonly Record<string, unknown>[]): Row[] {
  return rows.map(({ utcHour, late, ...figures }) => {
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(figures)) out[key] = Number(value);
    if (typeof utcHour === "string") {
      const start = Date.parse(`${utcHour.replace(" ", "T")}:00:00Z`) / 3_600_000;
      out.hour = Number(late) ? start : start - 1;
    }
    return out as unknown as Row;
  });
}
