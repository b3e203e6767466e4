import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScheduler } from "@/app/lib/scheduler";
import { gradeCardWith } from "@/app/lib/actions/grading";
import { localUserId } from "@/app/lib/auth/local-learner";
import { buriedUntilWith, markCardWith } from "@/app/lib/actions/marking";
import { getLearnerSettingsWith } from "@/app/lib/data/settings-read";
import { studyDay } from "@/app/lib/settings";
import { getDeckMarkCountsWith, getLaterDueWith } from "@/app/lib/data/card-marks";
import { getDeckCardsPageWith } from "@/app/lib/data/deck-cards";
import { getDeckDetailWith } from "@/app/lib/data/deck-reads";
import { getStudyQueueWith } from "@/app/lib/data/study-queue-read";
import { endOfDay } from "@/app/lib/study/queue";
import { ensureLocalUser } from "@/test/helpers/learner-rows";
import { createTestDatabase, testProviders, type TestDatabase } from "@/test/helpers/databases";

const scheduler = createScheduler({ enableFuzz: false });
// Midday local time: the next study day starts at the coming midnight.
const now = new Date(2026, 2, 10, 12, 0, 0);
const tomorrow = new Date(2026, 2, 11, 9, 0, 0);

describe.each(testProviders)("card marks on %s", (provider) => {
  let db: TestDatabase;
  let deckId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    const deck = await db.prisma.deck.create({ data: { slug: "marks", title: "Marks" } });
    deckId = deck.id;
    for (let i = 0; i < 6; i++) {
      const card = await db.prisma.card.create({
        data: {
          deckId,
          key: `k${i}`,
          kind: "basic",
          front: `Q${i}`,
          back: `A${i}`,
          line: i + 1,
          position: i,
        },
      });
      ids.push(card.id);
    }
    // Card 5 is a review due now.
    await gradeCardWith(
      db.prisma,
      { gradeId: randomUUID(), cardId: ids[5]!, rating: 4, expectedVersion: 0 },
      new Date(2026, 2, 1, 12),
      { userId: "local", scheduler },
    );
  });
  afterAll(async () => db?.destroy());

  const queueIds = async (at: Date) =>
    (await getStudyQueueWith(db.prisma, "marks", at))!.cards.map((c) => c.id);

  it("buries a card until the next study day, idempotently, and it comes back then", async () => {
    const first = await markCardWith(db.prisma, { cardId: ids[0]!, action: "bury" }, now, {
      userId: "local",
    });
    const again = await markCardWith(db.prisma, { cardId: ids[0]!, action: "bury" }, now, {
      userId: "local",
    });
    expect(first).toEqual(again);
    expect(first).toMatchObject({
      status: "marked",
      mark: { buriedUntil: await buriedUntilWith(db.prisma, localUserId, now), suspendedAt: null },
    });
    // The next study day starts at 4 am in the learner's zone (the defaults).
    const { settings } = await getLearnerSettingsWith(db.prisma, localUserId);
    expect(await buriedUntilWith(db.prisma, localUserId, now)).toEqual(
      studyDay(now, settings.timeZone, settings.dayStartHour).end,
    );
    expect(await db.prisma.cardMark.count()).toBe(1);

    expect(await queueIds(now)).not.toContain(ids[0]);
    expect(await queueIds(tomorrow)).toContain(ids[0]);
    const deck = await getDeckDetailWith(db.prisma, "marks", now);
    expect(deck!.counts).toEqual({ new: 4, learning: 0, due: 1 });
    expect((await getDeckDetailWith(db.prisma, "marks", tomorrow))!.counts.new).toBe(5);
  });

  it("unbury brings it back today", async () => {
    await markCardWith(db.prisma, { cardId: ids[0]!, action: "unbury" }, now, { userId: "local" });
    expect(await queueIds(now)).toContain(ids[0]);
  });

  it("suspends until unsuspended, keeping the first suspension date, and counts it", async () => {
    const first = await markCardWith(db.prisma, { cardId: ids[5]!, action: "suspend" }, now, {
      userId: "local",
    });
    const later = await markCardWith(db.prisma, { cardId: ids[5]!, action: "suspend" }, tomorrow, {
      userId: "local",
    });
    expect(first.status === "marked" && first.mark.suspendedAt).toEqual(now);
    expect(later.status === "marked" && later.mark.suspendedAt).toEqual(now);
    expect(await queueIds(tomorrow)).not.toContain(ids[5]);
    expect((await getDeckDetailWith(db.prisma, "marks", now))!.counts.due).toBe(0);
    expect(await getDeckMarkCountsWith(db.prisma, deckId, now, "local")).toEqual({
      suspended: 1,
      buried: 0,
      flagged: 0,
    });

    await markCardWith(db.prisma, { cardId: ids[5]!, action: "unsuspend" }, now, { userId: "local" });
    expect(await queueIds(now)).toContain(ids[5]);
    expect((await getDeckDetailWith(db.prisma, "marks", now))!.counts.due).toBe(1);
  });

  it("flags without hiding the card, and shows the flag in the queue", async () => {
    await markCardWith(db.prisma, { cardId: ids[1]!, action: "flag", flag: 3 }, now, { userId: "local" });
    const queue = await getStudyQueueWith(db.prisma, "marks", now);
    expect(queue!.cards.find((c) => c.id === ids[1])?.flag).toBe(3);
    expect(queue!.cards.find((c) => c.id === ids[2])?.flag).toBe(0);
    expect((await getDeckMarkCountsWith(db.prisma, deckId, now, "local")).flagged).toBe(1);
  });

  it("lists a deck's suspended or flagged cards with their marks (the deck page's filter)", async () => {
    await markCardWith(db.prisma, { cardId: ids[4]!, action: "suspend" }, now, { userId: "local" });
    const suspended = await getDeckCardsPageWith(db, deckId, { marked: "suspended" }, "local");
    expect(suspended.total).toBe(1);
    expect(suspended.cards[0]).toMatchObject({ id: ids[4], mark: { suspendedAt: now, flag: 0 } });
    const flagged = await getDeckCardsPageWith(db, deckId, { marked: "flagged" }, "local");
    expect(flagged.cards.map((c) => c.id)).toEqual([ids[1]]);
    const all = await getDeckCardsPageWith(db, deckId, {}, "local");
    expect(all.total).toBe(6);
    expect(all.cards.find((c) => c.id === ids[3])?.mark).toBeNull();
    await markCardWith(db.prisma, { cardId: ids[4]!, action: "unsuspend" }, now, { userId: "local" });
  });

  it("keeps marks per learner", async () => {
    await ensureLocalUser(db.prisma, "other");
    await markCardWith(db.prisma, { cardId: ids[2]!, action: "suspend" }, now, { userId: "other" });
    expect(await queueIds(now)).toContain(ids[2]);
    const theirs = await getStudyQueueWith(db.prisma, "marks", now, "other");
    expect(theirs!.cards.map((c) => c.id)).not.toContain(ids[2]);
  });

  it("answers not-found for an unknown card and writes nothing", async () => {
    const before = await db.prisma.cardMark.count();
    expect(
      await markCardWith(db.prisma, { cardId: "nope", action: "bury" }, now, { userId: "local" }),
    ).toEqual({
      status: "not-found",
      cardId: "nope",
    });
    expect(await db.prisma.cardMark.count()).toBe(before);
  });

  it("says when the first card left out of a session comes due", async () => {
    const dayEnd = endOfDay(now);
    // Everything new fits today's allowance and nothing is buried: only card 5's review, due now, is
    // in the session, so nothing comes due later.
    expect(
      await getLaterDueWith(db.prisma, deckId, now, { userId: "local", dayEnd, newAllowance: 20 }),
    ).toBeNull();
    // Today's new cards used up: the rest wait for the next day.
    expect(
      await getLaterDueWith(db.prisma, deckId, now, { userId: "local", dayEnd, newAllowance: 0 }),
    ).toEqual(dayEnd);
    // A review due in 3 days, nothing else waiting.
    const far = new Date(2026, 2, 13, 12);
    await db.prisma.cardState.updateMany({ where: { cardId: ids[5]! }, data: { due: far } });
    expect(
      await getLaterDueWith(db.prisma, deckId, now, { userId: "local", dayEnd, newAllowance: 20 }),
    ).toEqual(far);
    const queue = await getStudyQueueWith(db.prisma, "marks", now);
    expect(queue!.laterDue).toBe(far.getTime());
  });
});
