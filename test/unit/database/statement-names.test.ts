import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedStatementNames } from "@/app/lib/database/statement-names";
import { createTestDatabase, postgresUnavailable, type TestDatabase } from "@/test/helpers/databases";

describe("prepared statement names", () => {
  it("gives one text one name, and two texts two", () => {
    const nameOf = preparedStatementNames();
    const first = nameOf({ sql: `SELECT 1 FROM "Card" WHERE "id" = $1` });
    expect(first).toMatch(/^q[\w-]{20}$/);
    expect(nameOf({ sql: `SELECT 1 FROM "Card" WHERE "id" = $1` })).toBe(first);
    expect(nameOf({ sql: `SELECT 1 FROM "Card" WHERE "id" = $2` })).not.toBe(first);
  });

  it("names only the first `limit` texts, so no connection's cache grows without end", () => {
    const nameOf = preparedStatementNames(2);
    const a = nameOf({ sql: "SELECT 1" });
    const b = nameOf({ sql: "SELECT 2" });
    expect(nameOf({ sql: "SELECT 3" })).toBeUndefined();
    expect([nameOf({ sql: "SELECT 1" }), nameOf({ sql: "SELECT 2" })]).toEqual([a, b]);
  });
});

describe.skipIf(postgresUnavailable !== null)("the app's PostgreSQL connections", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("postgresql");
  });
  afterAll(async () => db?.destroy());

  it("reuse a prepared statement's generic plan", async () => {
    const [row] = await db.prisma.$queryRawUnsafe<{ plan_cache_mode: string }[]>("SHOW plan_cache_mode");
    expect(row?.plan_cache_mode).toBe("force_generic_plan");
  });
});
