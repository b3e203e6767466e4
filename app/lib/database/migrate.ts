/**
 * Applies the hand-written SQL migrations in Prisma's own layout
 * (`prisma/migrations/<timestamp>_<name>/migration.sql`, and `prisma/postgres/migrations/...`) and
 * records each in `_prisma_migrations` exactly as `prisma migrate deploy` does, so that on a machine
 * with Prisma's schema engine `prisma migrate status` agrees. We cannot use the engine itself: it is
 * a native binary downloaded from a host these machines cannot reach.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";

export type Provider = "sqlite" | "postgresql";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

/**
 * The folder holding `prisma/migrations`. Found by walking up rather than by a fixed relative path,
 * because inside the Next.js server bundle this module no longer sits at app/lib/database.
 */
function findProjectRoot(): string {
  const starts = [import.meta.dirname, process.cwd()].filter((dir): dir is string => Boolean(dir));
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, "prisma/migrations"))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new MigrationError(`Cannot find prisma/migrations above ${starts.join(" or ")}`);
}

const projectRoot = findProjectRoot();

export function migrationsDir(provider: Provider): string {
  return path.join(projectRoot, provider === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations");
}

/** The migrations on disk for a provider, oldest first. */
export function readMigrations(provider: Provider): Migration[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const sqliteMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const postgresMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

function checkApplied(applied: Map<string, string>, migrations: Migration[]): Migration[] {
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied; add a new migration instead.`,
      );
    }
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

/**
 * Brings a SQLite database up to date. Also switches it to WAL (persistent in the file) so readers
 * never wait for the writer. Returns the names of the migrations it applied.
 */
export function migrateSqlite(db: BetterSqlite3.Database): string[] {
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  const migrations = readMigrations("sqlite");
  // IMMEDIATE takes the write lock up front, so two processes starting at once migrate one at a time.
  const run = db.transaction(() => {
    db.exec(sqliteMigrationsTable);
    const rows = db
      .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
      .all() as { migration_name: string; checksum: string }[];
    const pending = checkApplied(new Map(rows.map((row) => [row.migration_name, row.checksum])), migrations);
    const record = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES (?, ?, ?, ?, ?, 1)`,
    );
    for (const migration of pending) {
      const startedAt = new Date().toISOString();
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      record.run(randomUUID(), migration.checksum, migration.name, startedAt, new Date().toISOString());
    }
    return pending.map((migration) => migration.name);
  });
  return run.immediate();
}

/** Brings a PostgreSQL database up to date, one process at a time (advisory lock). */
export async function migratePostgres(client: pg.ClientBase): Promise<string[]> {
  const lockId = 72_707_369; // any constant shared by every process migrating this database
  await client.query("SELECT pg_advisory_lock($1)", [lockId]);
  try {
    await client.query(postgresMigrationsTable);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const pending = checkApplied(
      new Map(rows.map((row) => [row.migration_name, row.checksum])),
      readMigrations("postgresql"),
    );
    for (const migration of pending) {
      await client.query("BEGIN");
      try {
        const startedAt = new Date();
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    return pending.map((migration) => migration.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [lockId]);
  }
}
