import { describe, expect, it } from "vitest";
import { createScheduler, newSchedule, type Schedule } from "@/app/lib/scheduler";
import { describeDue, plural } from "@/app/lib/study/format";
import { flagCurrent, setAsideCurrent } from "@/app/lib/study/marks";
import { describeOutbox, queueUndo } from "@/app/lib/study/outbox";
import { countQueue, pickNext } from "@/app/lib/study/queue";
import {
  currentCard,
  gradeCurrent,
  startSession,
  summarise,
  undoLast,
  type SaveOperation,
} from "@/app/lib/study/session";
import type { StudyCard } from "@/app/lib/study/types";

// Pinned clock and no fuzz, as ts-fsrs's own tests do.
const now = new Date(2026, 2, 10, 12, 0, 0);
const dayEnd = new Date(2026, 2, 11, 0, 0, 0);
const at = (offsetMinutes: number) => new Date(now.getTime() + offsetMinutes * 60_000);
const scheduler = createScheduler({ enableFuzz: false });

function card(id: string, position: number, schedule: Partial<Schedule> | null): StudyCard {
  return {
    id,
    kind: "basic",
    front: `front ${id}`,
    back: `back ${id}`,
    context: [],
    line: position + 1,
    position,
    schedule: schedule ? { ...newSchedule(now), reps: 1, ...schedule } : null,
    version: schedule ? 1 : 0,
  };
}

describe("learn-ahead never repeats the card just shown while another waits (issue 9, item 8)", () => {
  it("picks the other learning card ahead of time rather than the one just failed", () => {
    // "again" was just graded Again (due in 1 minute); "waiting" is due in 5. Nothing is due now.
    const again = card("again", 0, { state: 1, due: at(1) });
    const waiting = card("waiting", 1, { state: 1, due: at(5) });
    const next = pickNext([again, waiting], { now, dayEnd, newRemaining: 0, previous: again });
    expect(next).toEqual({ card: waiting, bucket: "ahead" });
  });

  it("prefers a card ahead of time to the same card coming due again", () => {
    const same = card("same", 0, { state: 3, due: at(0) });
    const other = card("other", 1, { state: 1, due: at(8) });
    expect(pickNext([same, other], { now, dayEnd, newRemaining: 0, previous: same })?.card.id).toBe("other");
  });

  it("still shows the same card ahead when it is the only one left", () => {
    const only = card("only", 0, { state: 1, due: at(1) });
    expect(pickNext([only], { now, dayEnd, newRemaining: 0, previous: only })).toEqual({
      card: only,
      bucket: "ahead",
    });
  });

  it("after Again in a real session the next card is a different one", () => {
    let state = startSession([card("a", 0, null), card("b", 1, null)], 2, now);
    // Grade both: a Again (1m step), b Good (10m step); then a is due before b but was not just shown.
    state = gradeCurrent(state, { rating: 1, now, gradeId: "g1", durationMs: 1, scheduler })!.state;
    expect(currentCard(state)?.id).toBe("b");
    state = gradeCurrent(state, { rating: 1, now, gradeId: "g2", durationMs: 1, scheduler })!.state;
    expect(currentCard(state)?.id).toBe("a");
    state = gradeCurrent(state, { rating: 1, now, gradeId: "g3", durationMs: 1, scheduler })!.state;
    expect(currentCard(state)?.id).toBe("b");
  });
});

describe("counters while learning ahead", () => {
  it("count the learning card on screen even though it is not due yet", () => {
    const ahead = card("ahead", 0, { state: 1, due: at(5) });
    const options = { now, dayEnd, newRemaining: 0 };
    expect(countQueue([ahead], options)).toEqual({ learning: 0, review: 0, new: 0 });
    expect(countQueue([ahead], { ...options, showing: ahead })).toEqual({ learning: 1, review: 0, new: 0 });
  });
});

describe("summary figures", () => {
  it("counts distinct cards and reviews apart, and takes the server's later due date", () => {
    let state = startSession([card("a", 0, null), card("b", 1, null)], 2, now);
    state = gradeCurrent(state, { rating: 1, now, gradeId: "g1", durationMs: 1000, scheduler })!.state;
    state = gradeCurrent(state, { rating: 3, now, gradeId: "g2", durationMs: 1000, scheduler })!.state;
    state = gradeCurrent(state, { rating: 3, now, gradeId: "g3", durationMs: 1000, scheduler })!.state;
    const summary = summarise(state);
    expect(summary).toMatchObject({ reviews: 3, cards: 2, timeMs: 3000 });
    const later = summarise(startSession([], 0, now), at(60 * 48));
    expect(later.nextDue).toEqual(at(60 * 48));
    expect(summarise(startSession([], 0, now))).toMatchObject({ reviews: 0, cards: 0, nextDue: null });
  });

  it("pluralises and says when the next card is due in calendar days", () => {
    expect([plural(1, "card"), plural(0, "card"), plural(19, "card"), plural(1, "entry", "entries")]).toEqual(
      ["1 card", "0 cards", "19 cards", "1 entry"],
    );
    expect(describeDue(now, at(10))).toBe("in 10 minutes, at 12:10");
    expect(describeDue(now, at(60))).toBe("in 1 hour, at 13:00");
    expect(describeDue(now, new Date(2026, 2, 11, 9, 0))).toBe("tomorrow, Wed 11 Mar");
    expect(describeDue(now, new Date(2026, 2, 12, 9, 0))).toBe("in 2 days, Thu 12 Mar");
    expect(describeDue(now, at(-1))).toBe("now");
  });
});

describe("bury, suspend and flag in a session", () => {
  const start = () => startSession([card("a", 0, null), card("b", 1, null), card("c", 2, null)], 3, now);

  it("takes the buried card out at once, and undo brings it back on screen with an unbury", () => {
    const buried = setAsideCurrent(start(), { action: "bury", now, markId: "m1" })!;
    expect(buried.operation).toEqual({ type: "mark", id: "m1", cardId: "a", action: "bury" });
    expect(currentCard(buried.state)?.id).toBe("b");
    expect(buried.state.cards.map((c) => c.id)).toEqual(["b", "c"]);
    // Not counted as studied.
    expect(summarise(buried.state).reviews).toBe(0);

    const undone = undoLast(buried.state, "u1")!;
    expect(currentCard(undone.state)?.id).toBe("a");
    expect(undone.state.history).toHaveLength(0);
    expect(undone.operation).toEqual({ type: "mark", id: "u1", cardId: "a", action: "unbury", undoes: "m1" });
  });

  it("suspends the last card and ends the session; undo unsuspends it", () => {
    let state = startSession([card("only", 0, null)], 1, now);
    state = setAsideCurrent(state, { action: "suspend", now, markId: "m1" })!.state;
    expect(currentCard(state)).toBeNull();
    const undone = undoLast(state, "u1")!;
    expect(currentCard(undone.state)?.id).toBe("only");
    expect(undone.operation).toMatchObject({ action: "unsuspend", undoes: "m1" });
  });

  it("undoes steps in order: a grade after a bury is undone first", () => {
    let state = setAsideCurrent(start(), { action: "bury", now, markId: "m1" })!.state;
    state = gradeCurrent(state, { rating: 3, now, gradeId: "g1", durationMs: 1, scheduler })!.state;
    const first = undoLast(state, "u1")!;
    expect(first.operation).toMatchObject({ type: "undo", gradeId: "g1" });
    const second = undoLast(first.state, "u2")!;
    expect(second.operation).toMatchObject({ type: "mark", action: "unbury" });
    expect(currentCard(second.state)?.id).toBe("a");
  });

  it("flags the card on screen, keeping it there, and refuses a flag out of range", () => {
    const flagged = flagCurrent(start(), { flag: 2, markId: "f1" })!;
    expect(currentCard(flagged.state)).toMatchObject({ id: "a", flag: 2 });
    expect(flagged.operation).toEqual({ type: "mark", id: "f1", cardId: "a", action: "flag", flag: 2 });
    expect(flagCurrent(start(), { flag: 5, markId: "f2" })).toBeNull();
  });

  it("an undone mark still in the outbox is taken out rather than sent, unless it is being sent", () => {
    const bury: SaveOperation = { type: "mark", id: "m1", cardId: "a", action: "bury" };
    const unbury = { type: "mark", id: "u1", cardId: "a", action: "unbury", undoes: "m1" } as const;
    expect(queueUndo([bury], unbury, null)).toEqual([]);
    expect(queueUndo([bury], unbury, "m1")).toEqual([bury, unbury]);
    expect(queueUndo([], unbury, null)).toEqual([unbury]);
    expect(describeOutbox(1, true, "change")).toBe("1 change waiting to save — retrying");
    expect(describeOutbox(3, false, "change")).toBe("Saving 3 changes…");
  });
});
