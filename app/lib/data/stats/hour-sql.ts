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

/** The aligned hour number of a date column, as an integer. */
export function hourOf(provider: Provider, column: string, align: string): string {
  return provider === "sqlite"
    ? `((CAST(strftime('%s', ${column}) AS INTEGER) - CAST(${align} AS INTEGER)) / 3600)`
    : `floor((extract(epoch from ${column}) - ${align}::int) / 3600)::int`;
}

/** A count that comes back as a JavaScript number on both (PostgreSQL's COUNT and SUM are bigint). */
export function asNumber(provider: Provider, expression: string): string {
  return provider === "sqlite" ? expression : `(${expression})::float8`;
}

/** Rows of numbers from a raw query: SQLite hands integers back as BigInt, PostgreSQL as numbers. */
export function toNumbers<Row extends object>(rows: readonly Record<string, unknown>[]): Row[] {
  return rows.map((row) => {
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(row)) out[key] = Number(value);
    return out as unknown as Row;
  });
}
