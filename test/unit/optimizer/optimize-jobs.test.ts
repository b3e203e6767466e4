import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/app/lib/database/client";
import { claimOptimizeJob, startOptimizeJob } from "@/app/lib/actions/optimize-jobs";
import {
  getOptimizeStatus,
  interruptedMessage,
  optimizeStaleMs,
  reshapeOptimizeJob,
} from "@/app/lib/data/optimize-status";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

/**
 * Optimizing jobs as two app instances see them: each instance here is its own client (its own
 * connections) on the same database, as two processes would be.
 */
describe.each(testProviders)("optimizing jobs shared by instances on %s", (provider) => {
  let db: TestDatabase;
  let other: OpenDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    other = await openDatabase(db.url);
    for (const id of ["racer", "poller", "crashed"]) await db.prisma.user.create({ data: { id, name: id } });
  });
  afterAll(async () => {
    await other?.close();
    await db?.destroy();
  });

  it("gives exactly one of many simultaneous starts, across instances, the run", async () => {
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) => claimOptimizeJob(i % 2 ? db.prisma : other.prisma, "racer")),
    );
    expect(claims.filter((runId) => runId !== null)).toHaveLength(1);
    expect(await db.prisma.optimizeJob.count({ where: { userId: "racer" } })).toBe(1);
    // While it runs (heartbeat fresh), a later start joins it too.
    expect(await claimOptimizeJob(other.prisma, "racer")).toBeNull();
  });

  it("answers a poll on any instance about a job another instance runs", async () => {
    expect(await startOptimizeJob(db.prisma, "poller")).toEqual({ state: "running", progress: 0 });
    expect((await getOptimizeStatus(other.prisma, "poller")).state).toMatch(/running|too-few/);
    await expect
      .poll(async () => (await getOptimizeStatus(other.prisma, "poller")).state, { timeout: 20_000 })
      .toBe("too-few");
    expect(await getOptimizeStatus(other.prisma, "poller")).toMatchObject({
      message: expect.stringMatching(/needs at least 400/),
    });
  });

  it("reports a job whose process died as failed, and lets the next start take it over", async () => {
    const now = new Date();
    const longAgo = new Date(now.getTime() - optimizeStaleMs - 1_000);
    await db.prisma.optimizeJob.create({
      data: {
        userId: "crashed",
        state: "running",
        progress: 0.4,
        runId: "dead",
        startedAt: longAgo,
        heartbeatAt: longAgo,
      },
    });
    expect(await getOptimizeStatus(other.prisma, "crashed", now)).toEqual({
      state: "failed",
      message: interruptedMessage,
    });
    const runId = await claimOptimizeJob(other.prisma, "crashed", now);
    expect(runId).not.toBeNull();
    const row = await db.prisma.optimizeJob.findUniqueOrThrow({ where: { userId: "crashed" } });
    expect(row).toMatchObject({ runId, state: "running", progress: 0 });
    // The dead run's late writes (it was only slow, say) name its old run id and change nothing.
    const { count } = await db.prisma.optimizeJob.updateMany({
      where: { userId: "crashed", runId: "dead", state: "running" },
      data: { state: "done" },
    });
    expect(count).toBe(0);
  });
});

describe("reading a stored job", () => {
  const now = new Date("2026-12-04T12:00:00Z");
  const row = (state: string, result: unknown, heartbeatAt = now) => ({
    state,
    progress: 0.5,
    result: result === null ? null : JSON.stringify(result),
    heartbeatAt,
  });

  it("shows a live run's progress, and a stale one as failed", () => {
    expect(reshapeOptimizeJob(row("running", null), now)).toEqual({ state: "running", progress: 0.5 });
    const stale = new Date(now.getTime() - optimizeStaleMs - 1);
    expect(reshapeOptimizeJob(row("running", null, stale), now)).toMatchObject({ state: "failed" });
  });

  it("shows the stored outcome, and a failure for one it cannot read", () => {
    const outcome = { state: "too-few", message: "needs more" };
    expect(reshapeOptimizeJob(row("too-few", outcome), now)).toEqual(outcome);
    expect(reshapeOptimizeJob(row("done", outcome), now)).toMatchObject({ state: "failed" });
    expect(reshapeOptimizeJob({ ...row("done", null), result: "{oops" }, now)).toMatchObject({
      state: "failed",
    });
    expect(reshapeOptimizeJob(null, now)).toEqual({ state: "idle" });
  });
});
