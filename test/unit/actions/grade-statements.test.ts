/**
 * What a grade costs PostgreSQL in statements: its one read and its one write, with no BEGIN and
 * COMMIT around them (the write is compare-and-set by itself). bench:load measures the same through
 * its counting proxy (2.1 a grade: the live notification rides in the write); this test keeps the
 * transaction from coming back unnoticed. A grade that makes a leech writes its mark in a
 * transaction, on purpose.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { ensureUser } from "@/app/lib/auth/local-learner-row";
import type { Db } from "@/app/lib/database/client";
import { PrismaClient as PostgresPrismaClient } from "@/app/lib/generated/postgres/client";
import { createScheduler } from "@/app/lib/scheduler";
import { createTestDatabase, postgresUnavailable, type TestDatabase } from "@/test/helpers/databases";

const now = new Date("2026-02-01T10:00:00.000Z");
/** A client that reports each statement it sends. */
const loggingClient = (url: string) =>
  new PostgresPrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    log: [{ emit: "event", level: "query" }],
  });
const scheduler = createScheduler({ enableFuzz: false });

describe.skipIf(postgresUnavailable)("a grade's statements on postgresql", () => {
  let db: TestDatabase;
  let prisma: ReturnType<typeof loggingClient>;
  let cardId: string;
  const statements: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("postgresql");
    const deck = await db.prisma.deck.create({ data: { slug: "d", title: "Deck" } });
    cardId = (
      await db.prisma.card.create({
        data: { deckId: deck.id, key: "k", kind: "basic", front: "Q", back: "A", line: 1 },
      })
    ).id;
    prisma = loggingClient(db.url);
    prisma.$on("query", (event) => statements.push(event.query));
    await ensureUser(prisma as unknown as Db, "local");
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.destroy();
  });

  const grade = async (expectedVersion: number, minutes: number) => {
    statements.length = 0;
    const result = await gradeCardWith(
      prisma as unknown as Db,
      { gradeId: randomUUID(), cardId, rating: 3, expectedVersion },
      new Date(now.getTime() + minutes * 60_000),
      { userId: "local", scheduler },
    );
    return { result, statements: [...statements] };
  };

  it("reads once and writes once, with no transaction, for a new card and for a card in learning", async () => {
    for (const [version, minutes] of [
      [0, 0],
      [1, 20],
    ] as const) {
      const { result, statements: sent } = await grade(version, minutes);
      expect(result).toMatchObject({ status: "saved", version: version + 1 });
      expect(sent.filter((sql) => /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(sql))).toEqual([]);
      expect(sent).toHaveLength(2);
      expect(sent[0]).toMatch(/^SELECT lg\."userId"/);
      expect(sent[1]).toMatch(/^WITH "written" AS/);
    }
  });
});
