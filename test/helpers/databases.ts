/**
 * Real databases for tests: a fresh SQLite file per call, and a fresh PostgreSQL database per call
 * when a server is reachable (TEST_POSTGRES_URL, default the local server). Without a server the
 * PostgreSQL cases are skipped with the reason; REQUIRE_POSTGRES=1 (set by .ci/run) turns that into
 * a failure so CI can never pass by skipping them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type OpenDatabase } from "@/app/lib/database/client";

export type TestProvider = "sqlite" | "postgresql";

/** The server's maintenance database, from which test databases are created and dropped. */
export const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `PostgreSQL not reachable at ${adminUrl}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL tests cannot run here, or null when they can. Throws under REQUIRE_POSTGRES=1. */
export const postgresUnavailable: string | null = await probePostgres();
if (postgresUnavailable && process.env.REQUIRE_POSTGRES === "1") {
  throw new Error(`REQUIRE_POSTGRES=1 but ${postgresUnavailable}`);
}
if (postgresUnavailable) console.warn(`Skipping PostgreSQL tests: ${postgresUnavailable}`);

/** The providers to run a suite on: `describe.each(testProviders)`; PostgreSQL only when reachable. */
export const testProviders: TestProvider[] = postgresUnavailable ? ["sqlite"] : ["sqlite", "postgresql"];

export interface TestDatabase extends OpenDatabase {
  /** Closes the client and removes the database. */
  destroy(): Promise<void>;
}

let counter = 0;

/** A new, empty, migrated database of the given provider. */
export async function createTestDatabase(provider: TestProvider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "notecards-test-"));
    const db = await openDatabase(`file:${path.join(dir, "test.db")}`);
    return {
      ...db,
      destroy: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const empty = await createEmptyPostgresDatabase();
  const db = await openDatabase(empty.url);
  return {
    ...db,
    destroy: async () => {
      await db.close();
      await empty.drop();
    },
  };
}

/** A new PostgreSQL database with nothing in it (not migrated), and how to drop it. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `notecards_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
