import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/app/lib/generated/sqlite/client";
import { readMigrations } from "@/app/lib/database/migrate";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

/** Every model and scalar field the Prisma schema declares, read from the generated client. */
function schemaColumns(): Map<string, string[]> {
  const models = new Map<string, string[]>();
  for (const model of Object.values(Prisma.ModelName)) {
    const fieldEnum = (Prisma as unknown as Record<string, Record<string, string>>)[
      `${model}ScalarFieldEnum`
    ];
    if (!fieldEnum) throw new Error(`No scalar field enum for ${model}`);
    models.set(model, Object.values(fieldEnum));
  }
  return models;
}

async function tableColumns(db: TestDatabase, table: string): Promise<string[]> {
  if (db.provider === "sqlite") {
    const rows = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM pragma_table_info('${table}')`,
    );
    return rows.map((row) => row.name);
  }
  const rows = await db.prisma.$queryRawUnsafe<{ column_name: string }[]>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    table,
  );
  return rows.map((row) => row.column_name);
}

describe.each(testProviders)("migrations on %s", (provider) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("creates every model and field that schema.prisma declares, and nothing it does not", async () => {
    const models = schemaColumns();
    expect(models.size).toBeGreaterThanOrEqual(5);
    for (const [model, fields] of models) {
      expect((await tableColumns(db, model)).sort(), model).toEqual([...fields].sort());
    }
  });

  it("records each migration in _prisma_migrations with its checksum, as prisma migrate deploy does", async () => {
    const rows = await db.prisma.$queryRawUnsafe<
      { migration_name: string; checksum: string; finished_at: unknown }[]
    >(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
    const onDisk = readMigrations(provider);
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(
      onDisk.map((migration) => [migration.name, migration.checksum]),
    );
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("is idempotent: opening a migrated database applies nothing twice", async () => {
    const { openDatabase } = await import("@/app/lib/database/client");
    const again = await openDatabase(db.url);
    const rows = await again.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM "_prisma_migrations"`,
    );
    await again.close();
    expect(Number(rows[0]?.n)).toBe(readMigrations(provider).length);
  });

  it("starts with the one local learner", async () => {
    expect(await db.prisma.user.findMany({ select: { id: true } })).toEqual([{ id: "local" }]);
  });
});
