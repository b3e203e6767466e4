import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimLocalLearner } from "@/app/lib/auth/claim-local-learner";
import { ensureUser } from "@/app/lib/auth/local-learner-row";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

describe.each(testProviders)("the local learner's row on %s", (provider) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
  });
  afterAll(async () => db?.destroy());

  const localRows = () => db.prisma.user.count({ where: { id: "local" } });

  it("is made once per client, then not asked about again (no statement per grade)", async () => {
    await ensureUser(db.prisma, "local");
    expect(await localRows()).toBe(1);
    // Deleted behind the client's back: a later ensureUser trusts its memory and sends nothing.
    await db.prisma.user.delete({ where: { id: "local" } });
    await ensureUser(db.prisma, "local");
    expect(await localRows()).toBe(0);
  });

  it("is checked again after the accounts takeover deleted it", async () => {
    await ensureUser(db.prisma, "local");
    await db.prisma.user.upsert({ where: { id: "local" }, update: {}, create: { id: "local", name: "L" } });
    await db.prisma.user.create({ data: { id: "first", name: "First", email: "first@example.com" } });
    expect(await claimLocalLearner(db.prisma, "first")).toBe("claimed");
    expect(await localRows()).toBe(0);
    await ensureUser(db.prisma, "local");
    expect(await localRows()).toBe(1);
  });
});
