import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { runUnderAdvisoryLock, type AdvisoryLockRunner } from "@/app/lib/live/advisory-lock";
import { createDeckEventBus } from "@/app/lib/live/deck-events";
import { watchContentFolder, type WatchOutcome } from "@/app/lib/live/folder-watcher";
import {
  adminUrl,
  createTestDatabase,
  postgresUnavailable,
  type TestDatabase,
} from "@/test/helpers/databases";

const retryMs = 150;
const deck = (title: string) => `# ${title}\n\n- What is ${title}?\n  A test deck\n`;

async function terminate(pid: number | null): Promise<void> {
  expect(pid).not.toBeNull();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("SELECT pg_terminate_backend($1)", [pid]);
  await admin.end();
}

describe.skipIf(postgresUnavailable)("one notes-folder watcher among instances (advisory lock)", () => {
  let db: TestDatabase;
  let dir: string;
  const runners: AdvisoryLockRunner[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("postgresql");
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.close()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => db?.destroy());

  /** An "instance": its own lock session and watcher, recording what its watcher imported. */
  function instance(key: number) {
    const imported: string[] = [];
    const lockedAt: number[] = [];
    const runner = runUnderAdvisoryLock({
      connectionString: db.url,
      key,
      retryMs,
      start: async () => {
        lockedAt.push(performance.now());
        const watcher = watchContentFolder({
          prisma: db.prisma,
          contentDir: dir,
          bus: createDeckEventBus(),
          scanFirst: true,
          onResult: (outcome: WatchOutcome) => imported.push(path.basename(outcome.file)),
        });
        await watcher.ready;
        return watcher;
      },
    });
    runners.push(runner);
    return { runner, imported, lockedAt };
  }

  it("lets only the lock holder watch, and hands the watch over within the retry period when it dies", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "notecards-lock-"));
    const one = instance(901);
    const two = instance(901);
    // Holding counts once the watcher is ready, which takes a moment on a busy machine.
    await vi.waitFor(() => expect([one, two].filter((it) => it.runner.holding())).toHaveLength(1), {
      timeout: 10_000,
    });
    // Both have tried at least once by now: the loser waits and keeps waiting.
    await new Promise((resolve) => setTimeout(resolve, retryMs * 3));
    expect([one.runner.holding(), two.runner.holding()].filter(Boolean)).toHaveLength(1);
    const [holder, waiter] = one.runner.holding() ? [one, two] : [two, one];

    await writeFile(path.join(dir, "first.md"), deck("First"));
    await vi.waitFor(() => expect(holder.imported).toContain("first.md"), { timeout: 5_000 });
    expect(waiter.imported).toEqual([]);

    // The holder's process "dies": its session ends, PostgreSQL frees the lock.
    const killedAt = performance.now();
    await terminate(holder.runner.sessionPid());
    // Saved while nobody may be watching: the new holder's first scan must find it.
    await writeFile(path.join(dir, "second.md"), deck("Second"));
    await vi.waitFor(() => expect(waiter.runner.holding()).toBe(true), { timeout: 5_000, interval: 10 });
    // The lock was taken within the retry period (plus the moment PostgreSQL takes to end the session).
    const takeoverMs = waiter.lockedAt[0]! - killedAt;
    expect(takeoverMs).toBeLessThan(retryMs + 500);
    await vi.waitFor(() => expect(waiter.imported).toContain("second.md"), { timeout: 5_000 });
    expect(await db.prisma.deck.count({ where: { title: "Second" } })).toBe(1);

    // The old holder stopped watching when it lost its session, and now waits its turn.
    await vi.waitFor(() => expect(holder.runner.sessionPid()).not.toBeNull(), { timeout: 5_000 });
    expect(holder.runner.holding()).toBe(false);
    const before = holder.imported.length;
    await writeFile(path.join(dir, "third.md"), deck("Third"));
    await vi.waitFor(() => expect(waiter.imported).toContain("third.md"), { timeout: 5_000 });
    expect(holder.imported.length).toBe(before);
  });

  it("releases the lock on close, so another instance takes over", async () => {
    const starts: string[] = [];
    const task = (name: string) =>
      runUnderAdvisoryLock({
        connectionString: db.url,
        key: 902,
        retryMs,
        start: async () => {
          starts.push(name);
          return { close: async () => undefined };
        },
      });
    const first = task("first");
    runners.push(first);
    await vi.waitFor(() => expect(first.holding()).toBe(true), { timeout: 5_000 });
    const second = task("second");
    runners.push(second);
    await new Promise((resolve) => setTimeout(resolve, retryMs * 2));
    expect(second.holding()).toBe(false);
    await first.close();
    await vi.waitFor(() => expect(second.holding()).toBe(true), { timeout: 2_000 });
    expect(starts).toEqual(["first", "second"]);
  });
});
