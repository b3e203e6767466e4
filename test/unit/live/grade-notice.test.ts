/**
 * On PostgreSQL a grade's write sends its own live notification (grade-write.ts): another instance
 * listening for the learner hears the card's new version from the write alone, with no publish
 * after it; a grade that loses its compare-and-set writes nothing and announces nothing.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeGrade } from "@/app/lib/actions/grade-write";
import { gradeCardWith } from "@/app/lib/actions/grading";
import type { DeckEvent } from "@/app/lib/live/deck-events";
import { createPostgresEventBus, type PostgresEventBus } from "@/app/lib/live/postgres-event-bus";
import { createScheduler } from "@/app/lib/scheduler";
import { createTestDatabase, postgresUnavailable, type TestDatabase } from "@/test/helpers/databases";
import { putDeck } from "@/test/helpers/learner-rows";

const now = new Date("2026-02-01T10:00:00.000Z");
const userId = "learner-n";
const scheduler = createScheduler({ enableFuzz: false });

describe.skipIf(postgresUnavailable)("a grade's own live notification on postgresql", () => {
  let db: TestDatabase;
  let listening: PostgresEventBus;
  let writing: PostgresEventBus;
  let cardId: string;
  let deckId: string;
  const heard: DeckEvent[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("postgresql");
    deckId = "n";
    [cardId] = (await putDeck(db.prisma, deckId, 1)) as [string];
    await db.prisma.user.create({ data: { id: userId, name: "N", email: "n@example.test" } });
    // Two instances: one grading (it only names the notification), one with the learner's page open.
    writing = createPostgresEventBus({ connectionString: db.url });
    listening = createPostgresEventBus({ connectionString: db.url });
    await Promise.all([writing.ready, listening.ready]);
    listening.subscribe((event) => heard.push(event), { userId });
  });
  afterAll(async () => {
    await Promise.all([writing?.close(), listening?.close()]);
    await db?.destroy();
  });

  const grade = (expectedVersion: number) =>
    gradeCardWith(db.prisma, { gradeId: randomUUID(), cardId, rating: 3, expectedVersion }, now, {
      userId,
      scheduler,
      notice: (change) => writing.notice!({ type: "card-changed", userId, ...change, at: now.toISOString() }),
    });

  it("reaches another instance from the write itself, and not for a grade that lost its race", async () => {
    // The listener's LISTEN goes out after subscribe returns: a probe heard means it is in place.
    const probe: DeckEvent = {
      type: "card-changed",
      userId,
      cardId: "probe",
      version: 0,
      at: now.toISOString(),
    };
    await writing.publish(probe);
    await vi.waitFor(() => expect(heard).toEqual([probe]));
    heard.length = 0;

    const first = await grade(0);
    expect(first).toMatchObject({ status: "saved", duplicate: false, version: 1 });
    await vi.waitFor(() =>
      expect(heard).toEqual([{ type: "card-changed", userId, cardId, version: 1, at: now.toISOString() }]),
    );

    // A write whose compare-and-set loses (the card is at version 1, not 0): nothing written, and
    // nothing announced, though the statement carries the notice.
    const { nextCard, reviewLog } = scheduler.grade(null, 3, now, cardId);
    const stale = await writeGrade(db.prisma, "postgresql", {
      gradeId: randomUUID(),
      userId,
      cardId,
      deckId,
      expectedVersion: 0,
      version: 1,
      schedule: nextCard,
      log: reviewLog,
      durationMs: null,
      now,
      notice: writing.notice!({ type: "card-changed", userId, cardId, version: 99, at: now.toISOString() }),
    });
    expect(stale).toBe(false);
    const second = await grade(1);
    expect(second).toMatchObject({ status: "saved", version: 2 });
    await vi.waitFor(() =>
      expect(heard.map((event) => (event as { version: number }).version)).toEqual([1, 2]),
    );
    expect(await db.prisma.reviewLog.count({ where: { userId } })).toBe(2);
  });
});
