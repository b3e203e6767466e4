/**
 * Opens the database named by a URL, migrates it, and returns a Prisma client on the matching driver
 * adapter. Used by the web app (through app/lib/db.ts), the `cards` command, tests and benchmarks, so
 * every door into the data goes through the same setup.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqlitePrismaClient } from "@/app/lib/generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "@/app/lib/generated/postgres/client";
import { migratePostgres, migrateSqlite, type Provider } from "./migrate";
import { postgresSessionOptions, preparedStatementNames } from "./statement-names";
import { CachedSqliteAdapter } from "./sqlite-statements";

/** Both generated clients share one set of models; the SQLite client's type stands for both. */
export type Db = SqlitePrismaClient;

export interface OpenDatabase {
  prisma: Db;
  provider: Provider;
  url: string;
  close(): Promise<void>;
}

const busyTimeoutMs = 5_000;

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`Unsupported DATABASE_URL "${url}": use file:<path> or postgresql://...`);
}

/** The file a `file:` URL names, relative paths resolved against the working directory. */
export function sqlitePath(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return file === ":memory:" ? file : path.resolve(file);
}

/**
 * How long a statement outside a transaction waits for a pooled PostgreSQL connection: as long as a
 * transaction waits to start (Prisma's maxWait, 2 s). Then it fails as busy (app/lib/actions/busy.ts)
 * rather than queueing without end behind a stalled database.
 */
export const poolWaitMs = 2_000;

/**
 * How long a pooled PostgreSQL connection may sit idle before it is closed. pg's default, 10 s,
 * closed the connections a burst of grades had opened as soon as it passed, so the next burst
 * opened them again: a new server process, its caches filled and every named statement parsed
 * anew, in the latency of the grades that waited for it (bench:load: 16 connections opened in 20 s
 * of steady study). The pool stays at most 10 connections an instance either way.
 */
export const poolIdleMs = 10 * 60_000;

export async function openDatabase(url: string): Promise<OpenDatabase> {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const file = sqlitePath(url);
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    const raw = new Database(file, { timeout: busyTimeoutMs });
    try {
      migrateSqlite(raw);
    } finally {
      raw.close();
    }
    const adapter = new CachedSqliteAdapter({ url: `file:${file}`, timeout: busyTimeoutMs });
    const prisma = new SqlitePrismaClient({ adapter });
    return { prisma, provider, url, close: () => prisma.$disconnect() };
  }

  const migrator = new pg.Client({ connectionString: url });
  await migrator.connect();
  try {
    await migratePostgres(migrator);
  } finally {
    await migrator.end();
  }
  const adapter = new PrismaPg(
    {
      connectionString: url,
      options: postgresSessionOptions,
      connectionTimeoutMillis: poolWaitMs,
      idleTimeoutMillis: poolIdleMs,
    },
    { statementNameGenerator: preparedStatementNames() },
  );
  const prisma = new PostgresPrismaClient({ adapter }) as unknown as Db;
  return { prisma, provider, url, close: () => prisma.$disconnect() };
}
