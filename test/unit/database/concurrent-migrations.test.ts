import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { openDatabase, type OpenDatabase } from "@/app/lib/database/client";
import { readMigrations } from "@/app/lib/database/migrate";
import { adminUrl, postgresUnavailable } from "@/test/helpers/databases";

/**
 * N app instances started at once on a fresh PostgreSQL database each migrate it on start-up; the
 * advisory lock in migratePostgres must make them take turns, so every migration runs exactly once.
 */
describe.skipIf(postgresUnavailable)(
  "migrating one PostgreSQL database from several processes at once",
  () => {
    const name = `notecards_test_migrate_${process.pid}_${Date.now()}`;
    const opened: OpenDatabase[] = [];
    afterAll(async () => {
      await Promise.all(opened.map((db) => db.close()));
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });

    it("applies each migration once when four instances open a fresh database together", async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;

      const results = await Promise.allSettled(Array.from({ length: 4 }, () => openDatabase(url.toString())));
      for (const result of results) if (result.status === "fulfilled") opened.push(result.value);
      expect(results.map((result) => result.status)).toEqual([
        "fulfilled",
        "fulfilled",
        "fulfilled",
        "fulfilled",
      ]);

      const rows = await opened[0]!.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(readMigrations("postgresql").map((m) => m.name));
      expect(await opened[3]!.prisma.user.findUnique({ where: { id: "local" } })).not.toBeNull();
    });
  },
);
