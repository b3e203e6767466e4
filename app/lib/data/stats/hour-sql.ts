/**
 * The SQL pieces that differ between the two databases for hour-bucketed aggregates. Dates are kept
 * as ISO text on SQLite and as `timestamp(3)` (UTC) on PostgreSQL; both read as seconds since the
 * epoch here. An hour number counts whole hours from the epoch shifted by the zone's offset within
 * the hour (app/lib/stats/days.ts), so hours line up with the learner's clock.
 */
import type { Provider } from "@/app/lib/database/migrate";
import type { DayPeriod } from "@/app/lib/stats/days";

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
 * The SELECT and GROUP BY of an aligned hour, and the expression that reads its number back in an
 * outer query (`h` names the inner query). PostgreSQL computes the number. On SQLite, parsing each
 * ISO date with strftime took twice as long as the rest of a 50,000-review aggregate, so the inner
 * query groups by the text's UTC hour ("2026-03-29T01") and whether the minute has reached the
 * zone's offset within the hour ("30" in Kolkata, "00" nearly everywhere), and only the outer query,
 * on at most one row an hour, parses dates.
 */
export function hourColumns(
  provider: Provider,
  column: string,
  add: (value: unknown) => string,
  alignSeconds: number,
): { select: string; groupBy: string; hour: string } {
  if (provider === "sqlite") {
    const minute = String(Math.floor(alignSeconds / 60)).padStart(2, "0");
    return {
      select: `substr(${column}, 1, 13) AS "utcHour", (substr(${column}, 15, 2) >= ${add(minute)}) AS "late"`,
      groupBy: `"utcHour", "late"`,
      hour: `(CAST(strftime('%s', h."utcHour" || ':00:00') AS INTEGER) / 3600 - 1 + h."late")`,
    };
  }
  return {
    select: `floor((extract(epoch from ${column}) - ${add(alignSeconds)}::int) / 3600)::int AS "hour"`,
    groupBy: "1",
    hour: `h."hour"`,
  };
}

/**
 * The study day index of an aligned hour, from the grid's periods (app/lib/stats/days.ts,
 * `periodDayIndex` is the same in JavaScript); hours before the grid give `early`, after it -1.
 */
export function dayIndexSql(provider: Provider, hour: string, periods: readonly DayPeriod[], early: number) {
  const least = provider === "sqlite" ? "min" : "LEAST";
  const int = (value: number) => String(Math.trunc(value));
  const first = periods[0];
  if (!first) return "-1";
  const cases = periods.map(
    (period) =>
      `WHEN ${hour} < ${int(period.endHour)} THEN ${int(period.first)} + ${least}((${hour} - ${int(period.startHour)}) / 24, ${int(period.count - 1)})`,
  );
  return `CASE WHEN ${hour} < ${int(first.startHour)} THEN ${int(early)} ${cases.join(" ")} ELSE -1 END`;
}

/** A count that comes back as a JavaScript number on both (PostgreSQL's COUNT and SUM are bigint). */
export function asNumber(provider: Provider, expression: string): string {
  return provider === "sqlite" ? expression : `(${expression})::float8`;
}

/** Rows of numbers from a raw query: SQLite hands integers back as BigInt. */
export function toNumbers<Row extends object>(rows: readonly Record<string, unknown>[]): Row[] {
  return rows.map((row) => {
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(row)) out[key] = Number(value);
    return out as unknown as Row;
  });
}
