import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/app/lib/database/client";
import { CachedSqliteAdapter, StatementCache } from "@/app/lib/database/sqlite-statements";
import { PrismaClient } from "@/app/lib/generated/sqlite/client";

describe("SQLite statement cache", () => {
  let dir: string;
  let file: string;
  let adapter: CachedSqliteAdapter;
  let prisma: PrismaClient;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "notecards-statements-"));
    file = path.join(dir, "test.db");
    // Migrated as the app opens it; then a client of its own, to read the adapter's cache.
    await (await openDatabase(`file:${file}`)).close();
    adapter = new CachedSqliteAdapter({ url: `file:${file}` });
    prisma = new PrismaClient({ adapter });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    await prisma.$executeRawUnsafe(`DELETE FROM "User"`);
  });

  it("compiles a query's text once and runs it with each call's values", async () => {
    const sql = `SELECT ? + 1 AS "next"`;
    const first = await prisma.$queryRawUnsafe<{ next: bigint }[]>(sql, 1);
    const compiled = adapter.statements!.compiled;
    const second = await prisma.$queryRawUnsafe<{ next: bigint }[]>(sql, 41);
    expect([Number(first[0]!.next), Number(second[0]!.next)]).toEqual([2, 42]);
    expect(adapter.statements!.compiled).toBe(compiled);
  });

  it("serves Prisma's own queries, writes and transactions from the cache", async () => {
    const round = async (id: string) => {
      await prisma.user.create({ data: { id, name: "New" } });
      await prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id }, data: { name: `Renamed ${id}` } });
      });
      return prisma.user.findMany({ orderBy: { id: "asc" }, select: { name: true } });
    };
    await round("u1");
    const compiled = adapter.statements!.compiled;
    const users = await round("u2");
    expect(users.map((user) => user.name)).toEqual(["Renamed u1", "Renamed u2"]);
    expect(adapter.statements!.compiled).toBe(compiled);
  });

  it("leaves a statement that failed ready for the next call, and rolls back a failed transaction", async () => {
    await prisma.user.create({ data: { id: "u1", name: "One" } });
    await expect(prisma.user.create({ data: { id: "u1", name: "Again" } })).rejects.toThrow();
    await prisma.user.create({ data: { id: "u3", name: "Three" } });
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: "u3" }, data: { name: "Changed" } });
        throw new Error("abandoned");
      }),
    ).rejects.toThrow("abandoned");
    const users = await prisma.user.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true } });
    expect(users).toEqual([
      { id: "u1", name: "One" },
      { id: "u3", name: "Three" },
    ]);
  });

  it("reads a table's new column after the schema changed under a cached statement", async () => {
    await prisma.$executeRawUnsafe(`CREATE TABLE "Probe" ("a" INTEGER)`);
    await prisma.$executeRawUnsafe(`INSERT INTO "Probe" VALUES (1)`);
    const sql = `SELECT * FROM "Probe"`;
    expect(await prisma.$queryRawUnsafe(sql)).toEqual([{ a: 1 }]);
    await prisma.$executeRawUnsafe(`ALTER TABLE "Probe" ADD COLUMN "b" INTEGER DEFAULT 2`);
    expect(await prisma.$queryRawUnsafe(sql)).toEqual([{ a: 1, b: 2 }]);
  });
});

describe("StatementCache", () => {
  it("keeps at most `size` texts, dropping the least recently used", () => {
    const client = new Database(":memory:");
    const cache = new StatementCache(client, 2);
    const value = (sql: string) => cache.prepare(sql).raw().all();
    expect(value("SELECT 1")).toEqual([[1]]);
    value("SELECT 2");
    value("SELECT 1"); // now the most recent
    value("SELECT 3"); // drops SELECT 2
    expect([cache.cached, cache.compiled]).toEqual([2, 3]);
    value("SELECT 1");
    expect(cache.compiled).toBe(3);
    value("SELECT 2");
    expect(cache.compiled).toBe(4);
    client.close();
  });

  it("binds each call's values, positionally, to the one compiled statement", () => {
    const client = new Database(":memory:");
    const cache = new StatementCache(client);
    const sql = "SELECT ? AS a, ? AS b";
    expect(cache.prepare(sql).bind([1, "x"]).raw().all()).toEqual([[1, "x"]]);
    expect(cache.prepare(sql).bind([2, "y"]).all()).toEqual([{ a: 2, b: "y" }]);
    expect(cache.compiled).toBe(1);
    client.close();
  });
});
