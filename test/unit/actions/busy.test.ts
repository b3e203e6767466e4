import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { busyOr, isBusyError } from "@/app/lib/actions/busy";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { busyMessage, unmarkCardWith } from "@/app/lib/actions/unmark";
import { ensureUser } from "@/app/lib/auth/local-learner-row";
import { poolWaitMs, type Db } from "@/app/lib/database/client";
import { PrismaClient as PostgresPrismaClient } from "@/app/lib/generated/postgres/client";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

/** Holds the client's only transaction slot (SQLite: its one connection; PostgreSQL: a pool of 1). */
function holdTransaction(prisma: Db, ms: number): Promise<void> {
  return prisma.$transaction(
    async (tx) => {
      await tx.user.count();
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    { timeout: ms + 5_000 },
  );
}

describe.each(testProviders)("a busy database on %s", (provider) => {
  let db: TestDatabase;
  let prisma: Db;
  let cardId: string;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    prisma =
      provider === "postgresql"
        ? (new PostgresPrismaClient({
            adapter: new PrismaPg({ connectionString: db.url, max: 1, connectionTimeoutMillis: poolWaitMs }),
          }) as unknown as Db)
        : db.prisma;
    const deck = await db.prisma.deck.create({ data: { slug: "d", title: "Deck" } });
    const card = await db.prisma.card.create({
      data: { deckId: deck.id, key: "k", kind: "basic", front: "Q", back: "A", line: 1 },
    });
    cardId = card.id;
    await ensureUser(prisma, "local");
  });
  afterAll(async () => {
    if (prisma !== db?.prisma) await prisma?.$disconnect();
    await db?.destroy();
  });

  const grade = () =>
    gradeCardWith(prisma, { gradeId: randomUUID(), cardId, rating: 3, expectedVersion: 0 }, new Date(), {
      userId: "local",
    });

  it("a grade that cannot get a connection or start its transaction in time fails as busy, writing nothing", async () => {
    const held = holdTransaction(prisma, 3_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const error = await grade().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).not.toBeNull();
    expect(isBusyError(error)).toBe(true);
    await held;
    expect(await db.prisma.reviewLog.count()).toBe(0);
  }, 15_000);

  it("busyOr turns it into { status: 'busy' }, and the same grade saves once the database is free", async () => {
    const held = holdTransaction(prisma, 3_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await busyOr(grade)).toEqual({ status: "busy" });
    await held;
    expect(await busyOr(grade)).toMatchObject({ status: "saved", version: 1 });
  }, 15_000);

  it("the deck page's Unsuspend button says the database is busy, changing nothing, and works once it is free", async () => {
    const suspendedAt = new Date("2026-01-01T00:00:00Z");
    await db.prisma.cardMark.upsert({
      where: { userId_cardId: { userId: "local", cardId } },
      create: { userId: "local", cardId, suspendedAt },
      update: { suspendedAt },
    });
    const unsuspend = () =>
      unmarkCardWith(prisma, { cardId, action: "unsuspend" }, new Date(), { userId: "local" });
    const held = holdTransaction(prisma, 3_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await unsuspend()).toEqual({ status: "error", message: busyMessage });
    await held;
    expect((await db.prisma.cardMark.findFirstOrThrow({ where: { cardId } })).suspendedAt).toEqual(
      suspendedAt,
    );
    expect(await unsuspend()).toEqual({ status: "done" });
    expect((await db.prisma.cardMark.findFirstOrThrow({ where: { cardId } })).suspendedAt).toBeNull();
  }, 15_000);

  it("other errors still throw", async () => {
    await expect(busyOr(() => Promise.reject(new Error("a real bug")))).rejects.toThrow("a real bug");
    expect(isBusyError(new Error("Foreign key constraint violated"))).toBe(false);
  });
});
