/**
 * A grade's writes: the card's new state and its ReviewLog. On PostgreSQL in one statement instead of
 * two (each Prisma statement cost the app about 0.4 ms of CPU and a round trip), atomic by itself, so
 * a grade there needs no transaction: the card's state (updated compare-and-set on its version, or
 * created for a card that was new) and its ReviewLog, inserted only from the state row the same
 * statement wrote. A lost compare-and-set writes nothing and counts 0; a concurrent first grade of
 * the same card, or the same grade id stored meanwhile, fails the whole statement on a unique key,
 * as the two Prisma writes do. SQLite has no data-modifying CTEs and no round trips to save: it
 * keeps the Prisma writes, in the grade's transaction.
 *
 * On PostgreSQL the statement also sends the grade's live notification (`notice`) once the
 * ReviewLog row is in: at the statement's commit, with the writes or not at all. It was a
 * statement of its own after the commit (0.45 a grade in bench:load, batched), and a process
 * killed between the two left other tabs without the news.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/app/lib/database/client";
import type { Provider } from "@/app/lib/database/migrate";
import type { LiveNotice } from "@/app/lib/live/deck-events";
import type { ReviewRecord, Schedule } from "@/app/lib/scheduler";
import { reviewRecordColumns, scheduleColumns } from "@/app/lib/data/schedule-columns";

type Writer = Pick<Db, "$queryRawUnsafe" | "cardState" | "reviewLog">;

export interface GradeWrite {
  gradeId: string;
  userId: string;
  cardId: string;
  /** The card's deck: a first grade's new state row names it (CardState.deckId). */
  deckId: string;
  /** The version the state must still have; null: the card has no state row yet. */
  expectedVersion: number | null;
  version: number;
  schedule: Schedule;
  log: ReviewRecord;
  durationMs: number | null;
  now: Date;
  /** PostgreSQL: the notification the statement sends if it writes the grade. */
  notice?: LiveNotice;
}

const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(", ");

/**
 * The statement and its parameters; four texts (update or create, with or without a notice), each
 * the same on every call.
 */
export function gradeWriteQuery(write: GradeWrite): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const scheduleValues = scheduleColumns.map((column) => write.schedule[column]);
  const state =
    write.expectedVersion === null
      ? `INSERT INTO "CardState" ("id", "userId", "cardId", "deckId", ${quoted(scheduleColumns)}, "version", "updatedAt")
  VALUES (${[randomUUID(), write.userId, write.cardId, write.deckId, ...scheduleValues, write.version, write.now].map(add).join(", ")})
  RETURNING "userId", "cardId"`
      : `UPDATE "CardState" SET ${scheduleColumns.map((column, i) => `"${column}" = ${add(scheduleValues[i])}`).join(", ")},
    "version" = ${add(write.version)}, "updatedAt" = ${add(write.now)}
  WHERE "userId" = ${add(write.userId)} AND "cardId" = ${add(write.cardId)} AND "version" = ${add(write.expectedVersion)}
  RETURNING "userId", "cardId"`;
  const logValues = [
    write.gradeId,
    ...reviewRecordColumns.map((column) => write.log[column]),
    write.durationMs,
  ];
  // A CTE holding a volatile function is always run in full (never folded away), once per row of
  // "logged": one notification for a grade written, none for a lost compare-and-set.
  const notice = write.notice
    ? `, "noticed" AS (
  SELECT pg_notify(${add(write.notice.channel)}, ${add(write.notice.payload)}) FROM "logged"
)`
    : "";
  const noticed = notice ? `, (SELECT count(*) FROM "noticed")::int AS "noticed"` : "";
  const sql = `WITH "written" AS (
  ${state}
), "logged" AS (
  INSERT INTO "ReviewLog" ("id", "userId", "cardId", ${quoted(reviewRecordColumns)}, "durationMs")
  SELECT ${add(logValues[0])}, w."userId", w."cardId", ${logValues.slice(1).map(add).join(", ")} FROM "written" w
  RETURNING 1
)${notice}
SELECT (SELECT count(*) FROM "logged")::int AS "written"${noticed}`;
  return { sql, params };
}

/** Runs {@link gradeWriteQuery}; false when the compare-and-set lost. */
async function writeOnPostgres(tx: Writer, write: GradeWrite): Promise<boolean> {
  const { sql, params } = gradeWriteQuery(write);
  const [row] = await tx.$queryRawUnsafe<{ written: number }[]>(sql, ...params);
  return Number(row?.written) === 1;
}

async function writeWithPrisma(tx: Writer, write: GradeWrite): Promise<boolean> {
  const { userId, cardId, deckId, version } = write;
  if (write.expectedVersion === null) {
    await tx.cardState.create({ data: { userId, cardId, deckId, ...write.schedule, version } });
  } else {
    const { count } = await tx.cardState.updateMany({
      where: { userId, cardId, version: write.expectedVersion },
      data: { ...write.schedule, version },
    });
    if (count !== 1) return false;
  }
  await tx.reviewLog.create({
    data: { id: write.gradeId, userId, cardId, ...write.log, durationMs: write.durationMs },
  });
  return true;
}

/**
 * Writes a grade (on SQLite in the caller's transaction); false (nothing written) when the state's
 * version is no longer `expectedVersion`. Throws a unique violation when the row or the grade id
 * appeared meanwhile.
 */
export function writeGrade(tx: Writer, provider: Provider, write: GradeWrite): Promise<boolean> {
  return provider === "postgresql" ? writeOnPostgres(tx, write) : writeWithPrisma(tx, write);
}
