import { describe, expect, it } from "vitest";
import { createScheduler, newSchedule, type Schedule } from "@/app/lib/scheduler";
import { dailyAllowance, gradedSiblings, isBuriedSibling } from "@/app/lib/study/daily-limits";
import { countQueue } from "@/app/lib/study/queue";
import { currentCard, gradeCurrent, startSession, studyableCards, undoLast } from "@/app/lib/study/session";
import type { StudyCard } from "@/app/lib/study/types";

const now = new Date("2026-03-10T12:00:00.000Z");
const scheduler = createScheduler({ enableFuzz: false });

function card(
  id: string,
  line: number,
  schedule: Partial<Schedule> | null,
  kind: StudyCard["kind"] = "basic",
): StudyCard {
  return {
    id,
    kind,
    front: `front ${id}`,
    back: `back ${id}`,
    context: [],
    line,
    position: line,
    schedule: schedule ? { ...newSchedule(now), reps: 3, ...schedule } : null,
    version: schedule ? 1 : 0,
  };
}

describe("the day's limits", () => {
  it("counts first grades of new cards and grades of review cards, not learning steps", () => {
    const graded = [
      { cardId: "a", state: 0, line: 1, kind: "basic" },
      { cardId: "a", state: 1, line: 1, kind: "basic" },
      { cardId: "b", state: 2, line: 2, kind: "basic" },
      { cardId: "c", state: 2, line: 3, kind: "basic" },
      { cardId: "c", state: 3, line: 3, kind: "basic" },
    ];
    expect(dailyAllowance({ newPerDay: 3, maxReviewsPerDay: 5 }, graded)).toEqual({
      newRemaining: 2,
      reviewsRemaining: 3,
    });
    expect(dailyAllowance({ newPerDay: 1, maxReviewsPerDay: 1 }, graded)).toEqual({
      newRemaining: 0,
      reviewsRemaining: 0,
    });
  });

  it("ends the day where the learner's study day ends, not at local midnight", () => {
    const dayEnd = new Date("2026-03-11T03:00:00.000Z");
    const cards = [card("late", 1, { state: 2, due: new Date("2026-03-11T02:00:00.000Z") })];
    expect(startSession(cards, 0, now, { dayEnd }).currentId).toBe("late");
    expect(countQueue(cards, { now, dayEnd, newRemaining: 0 }).review).toBe(1);
    const earlier = new Date("2026-03-11T01:00:00.000Z");
    expect(startSession(cards, 0, now, { dayEnd: earlier }).currentId).toBeNull();
  });
});

describe("burying siblings", () => {
  const front = card("front", 7, null, "reversed");
  const back = card("back", 7, null, "reversed");
  const learning = card("learning", 7, { state: 1, due: now }, "reversed");
  const other = card("other", 8, null);

  it("buries new and review siblings of a graded card, never learning ones or the card itself", () => {
    const graded = gradedSiblings([{ cardId: "front", line: 7, kind: "reversed" }]);
    expect(isBuriedSibling(back, graded)).toBe(true);
    expect(isBuriedSibling(card("back", 7, { state: 2, due: now }, "reversed"), graded)).toBe(true);
    expect(isBuriedSibling(learning, graded)).toBe(false);
    expect(isBuriedSibling(front, graded)).toBe(false);
    expect(isBuriedSibling(other, graded)).toBe(false);
    expect(isBuriedSibling(card("cloze", 7, null, "cloze"), graded)).toBe(false);
  });

  it("in a session: the other side does not come after the first, and undo brings it back", () => {
    const session = startSession([front, back, other], 10, now, { burySiblings: true });
    expect(currentCard(session)?.id).toBe("front");
    const graded = gradeCurrent(session, { rating: 4, now, gradeId: "g1", durationMs: 1, scheduler })!;
    expect(studyableCards(graded.state).map((c) => c.id)).toEqual(["front", "other"]);
    expect(currentCard(graded.state)?.id).toBe("other");
    const next = gradeCurrent(graded.state, { rating: 4, now, gradeId: "g2", durationMs: 1, scheduler })!;
    expect(next.state.currentId).toBeNull();
    const undone = undoLast(undoLast(next.state, "u1")!.state, "u2")!.state;
    expect(studyableCards(undone).map((c) => c.id)).toEqual(["front", "back", "other"]);
  });

  it("with burying off, both sides are studied", () => {
    const session = startSession([front, back], 10, now, { burySiblings: false });
    const graded = gradeCurrent(session, { rating: 4, now, gradeId: "g1", durationMs: 1, scheduler })!;
    expect(currentCard(graded.state)?.id).toBe("back");
  });
});

describe("leeches in a session", () => {
  it("a lapse that reaches the threshold suspends the card at once; undo takes it back", () => {
    const leech = card("leech", 1, {
      state: 2,
      due: now,
      lapses: 2,
      stability: 5,
      difficulty: 8,
      last_review: new Date(now.getTime() - 5 * 86_400_000),
    });
    const session = startSession([leech], 0, now, { leechThreshold: 3 });
    const graded = gradeCurrent(session, { rating: 1, now, gradeId: "g1", durationMs: 1, scheduler })!;
    expect(graded.state.cards[0]!.schedule!.lapses).toBe(3);
    expect(studyableCards(graded.state)).toEqual([]);
    expect(graded.state.currentId).toBeNull();
    const undone = undoLast(graded.state, "u1")!.state;
    expect(currentCard(undone)?.id).toBe("leech");
  });
});
