import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import { optimizeParametersWith } from "@/app/lib/actions/optimizing";
import { startOptimizeJob } from "@/app/lib/actions/optimize-jobs";
import { getOptimizeStatus } from "@/app/lib/data/optimize-status";
import { getOptimizerSettings } from "@/app/lib/data/review-history";
import { perturbedParameters, simulateLearner } from "@/bench/support/simulate-learner";
import { seedSimulatedHistory } from "@/bench/support/seed-history";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

describe.each(testProviders)("optimizing FSRS parameters on %s", (provider) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    const trueParameters = perturbedParameters(5, 0.5);
    await seedSimulatedHistory(db.prisma, simulateLearner({ trueParameters, reviews: 3000, seed: 5 }), {
      userId: "trained",
      slug: "trained",
    });
    await seedSimulatedHistory(db.prisma, simulateLearner({ trueParameters, reviews: 300, seed: 6 }), {
      userId: "beginner",
      slug: "beginner",
    });
  });
  afterAll(async () => db?.destroy());

  it("trains on the learner's history and stores 21 parameters that predict it better", async () => {
    const progress: number[] = [];
    const result = await optimizeParametersWith(db.prisma, {
      userId: "trained",
      onProgress: ({ current, total }) => progress.push(current / total),
    });
    if (result.status !== "done") throw new Error(`expected training, got ${JSON.stringify(result)}`);
    expect(result.reviews).toBeGreaterThan(1000);
    expect(result.after.logLoss).toBeLessThan(result.before.logLoss);
    expect(result.kept).toBe(false);
    expect(progress.length).toBeGreaterThan(0);

    const row = await db.prisma.learnerSettings.findUniqueOrThrow({ where: { userId: "trained" } });
    const stored = JSON.parse(row.fsrsParameters ?? "null") as number[];
    expect(stored).toHaveLength(21);
    expect(stored.every(Number.isFinite)).toBe(true);
    expect(stored).toEqual(result.parameters);
    expect(stored).not.toEqual([...default_w]);
    expect((await getOptimizerSettings(db.prisma, "trained")).defaults).toBe(false);

    // A second run starts from the stored parameters and never stores worse ones.
    const again = await optimizeParametersWith(db.prisma, { userId: "trained" });
    if (again.status !== "done") throw new Error("expected training");
    expect(again.previous).toEqual(stored);
    expect(again.after.logLoss >= again.before.logLoss).toBe(again.kept);
    const final = await db.prisma.learnerSettings.findUniqueOrThrow({ where: { userId: "trained" } });
    expect(JSON.parse(final.fsrsParameters ?? "null")).toEqual(again.parameters);
  }, 120_000);

  it("says how many reviews are needed when there are too few, and stores nothing", async () => {
    const result = await optimizeParametersWith(db.prisma, { userId: "beginner" });
    expect(result.status).toBe("too-few");
    if (result.status !== "too-few") return;
    expect(result.reviews).toBeLessThan(400);
    expect(result.message).toMatch(/needs at least 400 reviews .* you have \d+\. About \d+ more will do\./);
    expect(await db.prisma.learnerSettings.findUnique({ where: { userId: "beginner" } })).toBeNull();
  });

  it("runs as a job: starting returns at once, a second start joins it, the outcome stays for polls", async () => {
    const userId = "beginner";
    const first = await startOptimizeJob(db.prisma, userId);
    expect(first).toEqual({ state: "running", progress: 0 });
    // Joins the running job: it answers the job's status, which may already be the outcome, since
    // "too few reviews" is decided in a few milliseconds (test/unit/optimizer/optimize-jobs.test.ts
    // holds a job open to check that simultaneous starts run it once).
    expect(["running", "too-few"]).toContain((await startOptimizeJob(db.prisma, userId)).state);
    const status = () => getOptimizeStatus(db.prisma, userId);
    await expect.poll(async () => (await status()).state, { timeout: 20_000 }).toBe("too-few");
    expect(await status()).toMatchObject({ message: expect.stringMatching(/needs at least 400/) });
    expect(await getOptimizeStatus(db.prisma, "nobody")).toEqual({ state: "idle" });
  });
});
