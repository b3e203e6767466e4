/**
 * The study queue's SQL (app/lib/data/queue-sql.ts) for one learner, run on each database's own
 * driver (better-sqlite3, pg) without Prisma: timed as the database's share of building a queue, and
 * explained (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL) with the indexes named.
 */
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { sqlitePath, type OpenDatabase } from "@/app/lib/database/client";
import { postgresSessionOptions, preparedStatementNames } from "@/app/lib/database/statement-names";
import { studyAllDecksQuery } from "@/app/lib/data/study-all-decks";
import { studyDeckContextQuery } from "@/app/lib/data/study-deck-context";
import {
  dueCountQuery,
  gradedTodayQuery,
  gradesLookBackMs,
  laterDueQuery,
  newCardsQuery,
  startedCardsQuery,
  type QueueScope,
} from "@/app/lib/data/queue-sql";
import type { Query } from "@/app/lib/data/stats/hour-sql";

export interface QueueSample {
  userId: string;
  slug: string;
  now: Date;
  /** Cards in one Study all batch. */
  batch: number;
}

export interface Driver {
  run(query: Query): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
  /** The database server's CPU milliseconds so far; null when it runs in this process. */
  serverCpuMs(): number | null;
}

/** Runs queries on the database's own driver; dates as each database stores them (UTC). */
export async function openDriver(db: OpenDatabase): Promise<Driver> {
  if (db.provider === "sqlite") {
    const raw = new Database(sqlitePath(db.url), { readonly: true });
    const statements = new Map<string, Database.Statement>();
    const value = (param: unknown) =>
      param instanceof Date ? param.toISOString().replace("Z", "+00:00") : param;
    return {
      run: async ({ sql, params }: Query) => {
        let statement = statements.get(sql);
        if (!statement) statements.set(sql, (statement = raw.prepare(sql)));
        return statement.all(...params.map(value)) as Record<string, unknown>[];
      },
      close: async () => {
        raw.close();
      },
      serverCpuMs: () => null,
    };
  }
  // timestamp(3) columns hold UTC: send dates as UTC, whatever the machine's zone.
  pg.defaults.parseInputDatesAsUTC = true;
  const client = new pg.Client({ connectionString: db.url, options: postgresSessionOptions });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const backend = rows[0]!.pid;
  // Prepared once and reused, as the app's pg adapter does (app/lib/database/statement-names.ts).
  const nameOf = preparedStatementNames();
  return {
    run: async ({ sql, params }: Query) =>
      (await client.query({ name: nameOf({ sql }), text: sql, values: params })).rows as Record<
        string,
        unknown
      >[],
    close: () => client.end(),
    // utime + stime of this connection's server process, in 10 ms ticks: meaningful summed over
    // many queries; null where the server is not on this machine.
    serverCpuMs: () => {
      try {
        const fields = readFileSync(`/proc/${backend}/stat`, "utf8").split(") ")[1]!.split(" ");
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return null;
      }
    },
  };
}

/** This process's CPU milliseconds so far (user + system): the work done, whatever else runs. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The bench's deck ids follow their slugs (bench/support/queue-data.ts). */
const deckIdOf = (slug: string) => slug.replace(/^notes-/, "sd-").replace(/^anki-/, "pd-");
const dayEndOf = (now: Date) =>
  new Date(Math.ceil((now.getTime() - 4 * 3_600_000) / 86_400_000) * 86_400_000 + 4 * 3_600_000);

/** The first decks the learner can see in title order (Study all's new cards start there). */
const firstDecksQuery = (provider: OpenDatabase["provider"], userId: string): Query =>
  studyAllDecksQuery(provider, userId, 50, undefined);

/** The learner's grades of the last 48 hours, as the reads take them before knowing the day's start. */
const recentGrades = (sample: QueueSample, filter: { states: number[] }) => ({
  userId: sample.userId,
  since: new Date(sample.now.getTime() - gradesLookBackMs),
  ...filter,
});

/** The queries of one queue build, labelled, as the reads issue them (default settings). */
export async function queueQueries(
  db: OpenDatabase,
  driver: Driver,
  kind: "deck" | "all",
  sample: QueueSample,
): Promise<[string, Query][]> {
  const { provider } = db;
  const dayEnd = dayEndOf(sample.now);
  if (kind === "deck") {
    const deckId = deckIdOf(sample.slug);
    const scope = { userId: sample.userId, now: sample.now, deckId, reverse: { deckIds: [] } };
    return [
      [
        "one deck: the deck, settings, term check and recent grades",
        studyDeckContextQuery(
          provider,
          sample.userId,
          sample.slug,
          new Date(sample.now.getTime() - gradesLookBackMs),
        ),
      ],
      [
        "one deck: learning and due reviews",
        startedCardsQuery(provider, scope, { dayEnd, learning: 10_000, reviews: 201 }),
      ],
      ["one deck: new cards", newCardsQuery(provider, scope, [{ deckId, take: 21 }])],
      ["one deck: next due after today", laterDueQuery(provider, scope, dayEnd)],
    ];
  }
  const scope: QueueScope = { userId: sample.userId, now: sample.now, reverse: { deckIds: [] } };
  const decks = await driver.run(firstDecksQuery(provider, sample.userId));
  const started = startedCardsQuery(provider, scope, {
    dayEnd,
    learning: sample.batch,
    reviews: Math.min(sample.batch, 200),
  });
  const room = Math.max(0, sample.batch - (await driver.run(started)).length);
  const newDecks = decks.slice(0, Math.ceil(room / 20)).map((row) => ({ deckId: String(row.id), take: 20 }));
  return [
    ["Study all: recent grades", gradedTodayQuery(provider, recentGrades(sample, { states: [0, 2] }))],
    ["Study all: learning and due reviews", started],
    ["Study all: due count", dueCountQuery(provider, scope, dayEnd, 10_000)],
    ["Study all: decks in title order", firstDecksQuery(provider, sample.userId)],
    ...(newDecks.length > 0
      ? [
          [`Study all: new cards of ${newDecks.length} decks`, newCardsQuery(provider, scope, newDecks)] as [
            string,
            Query,
          ],
        ]
      : []),
  ];
}

const indexPattern =
  /(?:USING (?:COVERING )?INDEX|Index (?:Only )?Scan (?:Backward )?using|Bitmap Index Scan on) "?(\w+)"?/g;

/** Prints each query's plan, with the indexes it uses and, on PostgreSQL, its execution time. */
export async function printQueuePlans(db: OpenDatabase, sample: QueueSample) {
  const driver = await openDriver(db);
  try {
    console.log(`  plans for ${sample.userId}${db.provider === "sqlite" ? "" : " (EXPLAIN ANALYZE)"}:`);
    for (const kind of ["deck", "all"] as const) {
      for (const [label, query] of await queueQueries(db, driver, kind, sample)) {
        const explain = db.provider === "sqlite" ? "EXPLAIN QUERY PLAN" : "EXPLAIN (ANALYZE, COSTS OFF)";
        const rows = await driver.run({ sql: `${explain} ${query.sql}`, params: query.params });
        const lines = rows.map((row) => String(row.detail ?? row["QUERY PLAN"]));
        const indexes = [...new Set([...lines.join("\n").matchAll(indexPattern)].map((match) => match[1]))];
        console.log(`    ${label} (indexes: ${indexes.join(", ") || "none"}):`);
        for (const line of lines) console.log(`      ${line}`);
      }
    }
  } finally {
    await driver.close();
  }
}

/**
 * The database's share of one queue build: the queue's queries in the order the reads issue them
 * (Study all's new cards from the first decks in title order, 20 a deck, to fill the batch), on the
 * driver, without Prisma's row handling. Returns the milliseconds taken.
 */
export async function timeQueueSql(
  db: OpenDatabase,
  driver: Driver,
  kind: "deck" | "all",
  sample: QueueSample,
) {
  const started = performance.now();
  if (kind === "deck") {
    for (const [, query] of await queueQueries(db, driver, kind, sample)) await driver.run(query);
    return performance.now() - started;
  }
  const { provider } = db;
  const dayEnd = dayEndOf(sample.now);
  const scope: QueueScope = { userId: sample.userId, now: sample.now, reverse: { deckIds: [] } };
  await driver.run(gradedTodayQuery(provider, recentGrades(sample, { states: [0, 2] })));
  const due = await driver.run(
    startedCardsQuery(provider, scope, {
      dayEnd,
      learning: sample.batch,
      reviews: Math.min(sample.batch, 200),
    }),
  );
  await driver.run(dueCountQuery(provider, scope, dayEnd, 10_000));
  const room = Math.max(0, sample.batch - due.length);
  if (room > 0) {
    const decks = await driver.run(firstDecksQuery(provider, sample.userId));
    const take = decks.slice(0, Math.ceil(room / 20)).map((row) => ({ deckId: String(row.id), take: 20 }));
    await driver.run(newCardsQuery(provider, scope, take));
  }
  return performance.now() - started;
}
