/**
 * Multi-row INSERTs for imported review logs and card states. Prisma's createMany spends most of a
 * large import building its queries (25,000 review logs took ~19 s); one statement per 500 rows, as
 * the card importer does (app/lib/import/card-sql.ts), takes a fraction of that. Dates are passed
 * as Date parameters, exactly as the card importer passes them, so Prisma reads them back alike.
 */
import type { Dialect } from "@/app/lib/import/card-sql";
import { reviewRecordColumns, scheduleColumns } from "@/app/lib/data/schedule-columns";

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

export const reviewLogColumns = [
  "id",
  "userId",
  "cardId",
  ...reviewRecordColumns,
  "durationMs",
  "createdAt",
] as const;

export const cardStateColumns = [
  "id",
  "userId",
  "cardId",
  "deckId",
  ...scheduleColumns,
  "version",
  "updatedAt",
] as const;

/** One INSERT of `rows` into `table`, each row an object holding every column. */
export function insertRows<Column extends string>(
  dialect: Dialect,
  table: string,
  columns: readonly Column[],
  rows: readonly Record<Column, unknown>[],
): SqlStatement {
  let n = 0;
  const params: unknown[] = [];
  const values = rows.map((row) => {
    const marks = columns.map((column) => {
      params.push(row[column]);
      n++;
      return dialect === "sqlite" ? "?" : `$${n}`;
    });
    return `(${marks.join(", ")})`;
  });
  const names = columns.map((column) => `"${column}"`).join(", ");
  return { sql: `INSERT INTO "${table}" (${names}) VALUES ${values.join(", ")}`, params };
}
