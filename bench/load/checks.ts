/**
 * What the database holds after a run, against what the clients were told:
 *   - lost: a grade answered "saved" whose ReviewLog (id = the grade id) is not there, or is there for
 *     another card, or a CardState version with fewer ReviewLogs than versions;
 *   - doubled: a card whose ReviewLogs outnumber the versions its CardState moved through (each stored
 *     grade bumps the version once, and the bench never undoes), a grade answered "saved, new" more
 *     than once, or a ReviewLog no client ever sent.
 * The primary key already keeps one grade id from being stored twice; these checks catch a grade
 * applied twice to a card's state, or one acknowledged and then rolled back (a kill mid-commit).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqlitePath } from "@/app/lib/database/client";
import type { GradeRecord } from "./grader";

export async function queryRows<T>(url: string, sql: string): Promise<T[]> {
  if (providerOf(url) === "sqlite") {
    const db = new Database(sqlitePath(url), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface CheckResult {
  confirmed: number;
  stored: number;
  lost: number;
  doubled: number;
  /** Sent, never answered with success (given up at the end), yet stored / not stored. */
  unconfirmedStored: number;
  unconfirmedMissing: number;
  /** Stored under another user id than the learner who sent it (accounts on). */
  wrongLearner: number;
  conflicts: number;
  /** "saved, duplicate" answers: a resent or doubled grade recognised as stored. */
  duplicateAnswers: number;
  problems: string[];
}

export async function checkDatabase(url: string, grades: GradeRecord[]): Promise<CheckResult> {
  const logs = await queryRows<{ id: string; userId: string; cardId: string }>(
    url,
    `SELECT "id", "userId", "cardId" FROM "ReviewLog"`,
  );
  const states = await queryRows<{ userId: string; cardId: string; version: number }>(
    url,
    `SELECT "userId", "cardId", "version" FROM "CardState"`,
  );
  const logById = new Map(logs.map((log) => [log.id, log]));
  const sent = new Map(grades.map((grade) => [grade.gradeId, grade]));
  const problems: string[] = [];
  const result: CheckResult = {
    confirmed: 0,
    stored: logs.length,
    lost: 0,
    doubled: 0,
    unconfirmedStored: 0,
    unconfirmedMissing: 0,
    wrongLearner: 0,
    conflicts: 0,
    duplicateAnswers: 0,
    problems,
  };

  for (const grade of grades) {
    const log = logById.get(grade.gradeId);
    result.conflicts += grade.conflicts;
    result.duplicateAnswers += grade.duplicateSaves;
    if (grade.confirmedAt === null) {
      if (log) result.unconfirmedStored++;
      else result.unconfirmedMissing++;
      continue;
    }
    result.confirmed++;
    if (!log || log.cardId !== grade.cardId) {
      result.lost++;
      if (problems.length < 10) problems.push(`lost: grade ${grade.gradeId} (${grade.kind}) answered saved`);
      continue;
    }
    if (log.userId !== grade.userId) result.wrongLearner++;
    if (grade.freshSaves > 1) {
      result.doubled++;
      if (problems.length < 10)
        problems.push(`doubled: grade ${grade.gradeId} answered "saved, new" ${grade.freshSaves} times`);
    }
  }

  for (const log of logs) {
    if (!sent.has(log.id)) {
      result.doubled++;
      if (problems.length < 10) problems.push(`doubled: ReviewLog ${log.id} was never sent by a client`);
    }
  }

  const logsPerCard = new Map<string, number>();
  for (const log of logs) {
    const key = `${log.userId}\u0000${log.cardId}`;
    logsPerCard.set(key, (logsPerCard.get(key) ?? 0) + 1);
  }
  const versions = new Map(
    states.map((state) => [`${state.userId}\u0000${state.cardId}`, Number(state.version)]),
  );
  for (const key of new Set([...logsPerCard.keys(), ...versions.keys()])) {
    const count = logsPerCard.get(key) ?? 0;
    const version = versions.get(key) ?? 0;
    if (count > version) {
      result.doubled += count - version;
      if (problems.length < 10)
        problems.push(
          `doubled: ${count} ReviewLogs for card ${key.split("\u0000")[1]} at version ${version}`,
        );
    } else if (count < version) {
      // The state moved on by a grade whose ReviewLog is gone.
      result.lost += version - count;
      if (problems.length < 10)
        problems.push(`card ${key.split("\u0000")[1]}: version ${version} but ${count} ReviewLogs`);
    }
  }
  return result;
}
