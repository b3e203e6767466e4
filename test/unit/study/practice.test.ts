import { describe, expect, it } from "vitest";
import { newSchedule } from "@/app/lib/scheduler";
import { currentCard } from "@/app/lib/study/session";
import {
  againGap,
  gradePractice,
  startPractice,
  summarisePractice,
  undoPractice,
  upcomingPractice,
} from "@/app/lib/study/practice";
import { parsePracticeQuery } from "@/app/lib/study/practice-query";
import type { StudyCard } from "@/app/lib/study/types";

const now = new Date("2026-03-10T12:00:00.000Z");

function card(id: string, position: number, started = false): StudyCard {
  return {
    id,
    kind: "basic",
    front: `front ${id}`,
    back: `back ${id}`,
    context: [],
    line: position + 1,
    position,
    schedule: started ? { ...newSchedule(now), state: 2, reps: 3, due: new Date("2026-04-01") } : null,
    version: started ? 3 : 0,
  };
}

const deck = ["a", "b", "c", "d", "e", "f"].map((id, index) => card(id, index, index % 2 === 0));
const order = (state: ReturnType<typeof startPractice>) => state.cards.map((item) => item.id);

function grade(state: ReturnType<typeof startPractice>, rating: 1 | 2 | 3 | 4) {
  const result = gradePractice(state, { rating, gradeId: `g${state.history.length}`, durationMs: 1000 });
  if (!result) throw new Error("no card to grade");
  return result;
}

describe("practice session", () => {
  it("starts on the first card in the order given, whatever its schedule", () => {
    const state = startPractice(deck);
    expect(currentCard(state)?.id).toBe("a");
    expect(upcomingPractice(state)?.id).toBe("b");
  });

  it("brings a card graded Again back after a few others, never straight away", () => {
    const { state } = grade(startPractice(deck), 1);
    expect(currentCard(state)?.id).toBe("b");
    expect(order(state)).toEqual(["b", "c", "d", "a", "e", "f"]);
    expect(order(state).indexOf("a")).toBe(againGap);
  });

  it("puts Hard at the end and takes Good and Easy out", () => {
    let { state } = grade(startPractice(deck), 2);
    expect(order(state)).toEqual(["b", "c", "d", "e", "f", "a"]);
    state = grade(state, 3).state;
    state = grade(state, 4).state;
    expect(order(state)).toEqual(["d", "e", "f", "a"]);
    expect(summarisePractice(state)).toMatchObject({ left: 4, seen: 3, reviews: 3 });
  });

  it("repeats Again until the card is known, then ends with nothing left", () => {
    let state = startPractice([card("x", 0), card("y", 1)]);
    state = grade(state, 1).state; // x back after y
    expect(order(state)).toEqual(["y", "x"]);
    state = grade(state, 3).state;
    expect(currentCard(state)?.id).toBe("x");
    state = grade(state, 1).state; // the only card left comes back
    expect(currentCard(state)?.id).toBe("x");
    state = grade(state, 3).state;
    expect(currentCard(state)).toBeNull();
    expect(summarisePractice(state)).toMatchObject({ left: 0, seen: 2, reviews: 4 });
    expect(state.gradeCounts).toEqual({ 1: 2, 2: 0, 3: 2, 4: 0 });
  });

  it("never yields a save and never changes a card's schedule or version", () => {
    let state = startPractice(deck);
    const seen: unknown[] = [];
    for (const rating of [1, 2, 3, 4, 1, 3, 3, 3, 3] as const) {
      const result = grade(state, rating);
      seen.push(result.operation);
      state = result.state;
    }
    expect(currentCard(state)).toBeNull();
    const undone = undoPractice(state);
    seen.push(undone?.operation);
    expect(seen.every((operation) => operation === null)).toBe(true);
    for (const item of [...state.cards, ...state.history.map((entry) => entry.card)]) {
      const original = deck.find((other) => other.id === item.id)!;
      expect(item.schedule).toEqual(original.schedule);
      expect(item.version).toBe(original.version);
    }
  });

  it("undo puts the card back on screen with the order as it was", () => {
    const start = startPractice(deck);
    const afterAgain = grade(start, 1).state;
    const afterGood = grade(afterAgain, 3).state;
    const back = undoPractice(afterGood)!.state;
    expect(order(back)).toEqual(order(afterAgain));
    expect(currentCard(back)?.id).toBe("b");
    const first = undoPractice(back)!.state;
    expect(order(first)).toEqual(order(start));
    expect(first.gradeCounts).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0 });
    expect(undoPractice(first)).toBeNull();
  });
});

describe("practice query", () => {
  it("reads review-ahead days and defaults to every card", () => {
    expect(parsePracticeQuery({})).toEqual({ choice: { kind: "cram" }, error: null });
    expect(parsePracticeQuery({ mode: "ahead", ahead: "7" })).toEqual({
      choice: { kind: "ahead", days: 7 },
      error: null,
    });
    expect(parsePracticeQuery({ mode: "cram", ahead: "7" }).choice).toEqual({ kind: "cram" });
  });

  it("explains days it cannot use and falls back to every card", () => {
    for (const ahead of ["0", "-3", "2.5", "abc", "", "9999"]) {
      const { choice, error } = parsePracticeQuery({ mode: "ahead", ahead });
      expect(choice).toEqual({ kind: "cram" });
      expect(error).toMatch(/day.*Showing every card instead\./);
    }
    expect(parsePracticeQuery({ mode: "ahead" }).error).toMatch(/number of days/);
  });
});
