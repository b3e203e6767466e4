import { describe, expect, it } from "vitest";
import { createScheduler, newSchedule, type Schedule } from "@/app/lib/scheduler";
import { countQueue, pickNext } from "@/app/lib/study/queue";
import {
  applyServerState,
  currentCard,
  gradeCurrent,
  startSession,
  summarise,
  undoLast,
} from "@/app/lib/study/session";
import type { StudyCard } from "@/app/lib/study/types";

const now = new Date("2026-03-10T12:00:00.000Z");
const dayEnd = new Date("2026-03-11T00:00:00.000Z");
const at = (offsetMinutes: number) => new Date(now.getTime() + offsetMinutes * 60_000);

function card(
  id: string,
  position: number,
  schedule: Partial<Schedule> | null,
  extra: Partial<StudyCard> = {},
): StudyCard {
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
    ...extra,
  };
}

describe("study queue order", () => {
  const cards = [
    card("new-b", 5, null),
    card("review-late", 3, { state: 2, due: at(60) }),
    card("new-a", 4, null),
    card("review-early", 2, { state: 2, due: at(-600) }),
    card("learning", 1, { state: 1, due: at(-1) }),
    card("relearning-future", 0, { state: 3, due: at(5) }),
    card("review-tomorrow", 6, { state: 2, due: at(24 * 60) }),
  ];
  const ids = (list: StudyCard[], newRemaining = 20) => {
    const order: string[] = [];
    let remaining = [...list];
    for (;;) {
      const next = pickNext(remaining, {
        now,
        dayEnd,
        newRemaining: newRemaining - order.filter((id) => id.startsWith("new")).length,
      });
      if (!next) return order;
      order.push(next.card.id);
      remaining = remaining.filter((c) => c.id !== next.card.id);
    }
  };

  it("takes due learning, then reviews due today, then new cards in file order, then learns ahead", () => {
    expect(ids(cards)).toEqual([
      "learning",
      "review-early",
      "review-late",
      "new-a",
      "new-b",
      "relearning-future",
    ]);
  });

  it("stops new cards at the day's allowance", () => {
    expect(ids(cards, 1)).toEqual(["learning", "review-early", "review-late", "new-a", "relearning-future"]);
    expect(countQueue(cards, { now, dayEnd, newRemaining: 1 })).toEqual({ learning: 1, review: 2, new: 1 });
  });

  it("does not learn ahead beyond the window", () => {
    const later = [card("soon", 0, { state: 1, due: at(19) }), card("later", 1, { state: 1, due: at(21) })];
    expect(pickNext(later, { now, dayEnd, newRemaining: 0 })?.card.id).toBe("soon");
    expect(pickNext([later[1]!], { now, dayEnd, newRemaining: 0 })).toBeNull();
  });

  it("keeps the other direction of a note away from its sibling when something else is available", () => {
    const pair = [
      card("fwd", 0, null, { kind: "reversed", line: 7 }),
      card("rev", 1, null, { kind: "reversed", line: 7 }),
      card("other", 2, null),
    ];
    const next = pickNext(pair.slice(1), { now, dayEnd, newRemaining: 20, previous: pair[0] });
    expect(next?.card.id).toBe("other");
    expect(pickNext([pair[1]!], { now, dayEnd, newRemaining: 20, previous: pair[0] })?.card.id).toBe("rev");
  });

  it("keeps another deletion of the same cloze note away too", () => {
    const cloze = [
      card("c1", 0, null, { kind: "cloze", line: 3 }),
      card("c2", 1, null, { kind: "cloze", line: 3 }),
      card("plain", 2, null, { line: 4 }),
    ];
    expect(pickNext(cloze.slice(1), { now, dayEnd, newRemaining: 20, previous: cloze[0] })?.card.id).toBe(
      "plain",
    );
  });
});

describe("study session", () => {
  const scheduler = createScheduler({ enableFuzz: false });

  it("brings an Again card back in the same session, early when nothing else is left", () => {
    let state = startSession([card("a", 0, null), card("b", 1, null)], 20, now);
    expect(currentCard(state)?.id).toBe("a");
    const first = gradeCurrent(state, { rating: 1, now, gradeId: "g1", durationMs: 1000, scheduler })!;
    expect(first.operation).toMatchObject({ cardId: "a", rating: 1, expectedVersion: 0 });
    state = first.state;
    expect(currentCard(state)?.id).toBe("b");
    state = gradeCurrent(state, {
      rating: 4,
      now: at(0.1),
      gradeId: "g2",
      durationMs: 1000,
      scheduler,
    })!.state;
    // "a" is due in a minute: shown early rather than ending the session.
    expect(currentCard(state)?.id).toBe("a");
    expect(currentCard(state)?.version).toBe(1);
    state = gradeCurrent(state, {
      rating: 3,
      now: at(0.2),
      gradeId: "g3",
      durationMs: 500,
      scheduler,
    })!.state;
    state = gradeCurrent(state, {
      rating: 3,
      now: at(10.5),
      gradeId: "g4",
      durationMs: 500,
      scheduler,
    })!.state;
    expect(currentCard(state)).toBeNull();
    const summary = summarise(state);
    expect(summary.reviews).toBe(4);
    expect(summary.gradeCounts).toEqual({ 1: 1, 2: 0, 3: 2, 4: 1 });
    expect(summary.timeMs).toBe(3000);
  });

  it("undo returns to the card with its previous state and the right expected version", () => {
    let state = startSession([card("a", 0, null), card("b", 1, null)], 20, now);
    state = gradeCurrent(state, { rating: 3, now, gradeId: "g1", durationMs: 10, scheduler })!.state;
    const undone = undoLast(state, "u1")!;
    expect(undone.operation).toEqual({
      type: "undo",
      id: "u1",
      gradeId: "g1",
      cardId: "a",
      expectedVersion: 1,
    });
    expect(currentCard(undone.state)).toMatchObject({ id: "a", schedule: null, version: 0 });
    expect(undone.state.newRemaining).toBe(20);
    expect(undoLast(undone.state, "u2")).toBeNull();
  });

  it("undo of a grade that never left the outbox keeps the server's version", () => {
    const reviewed = card("r", 0, { state: 2, due: at(-60), stability: 4, difficulty: 5 }, { version: 3 });
    let state = startSession([reviewed], 0, now);
    state = gradeCurrent(state, { rating: 3, now, gradeId: "g1", durationMs: 10, scheduler })!.state;
    expect(state.cards[0]!.version).toBe(4);
    const unsent = undoLast(state, "u1", { saved: false })!;
    expect(currentCard(unsent.state)).toMatchObject({ id: "r", version: 3 });
    const sent = undoLast(state, "u1", { saved: true })!;
    expect(currentCard(sent.state)).toMatchObject({ id: "r", version: 5 });
    expect(sent.operation).toMatchObject({ type: "undo", expectedVersion: 4 });
  });

  it("takes the server's state after a save unless the card was graded again since", () => {
    let state = startSession([card("a", 0, null), card("b", 1, null)], 20, now);
    state = gradeCurrent(state, { rating: 3, now, gradeId: "g1", durationMs: 10, scheduler })!.state;
    const server = { ...newSchedule(now), state: 1 as const, reps: 1, due: at(11) };
    const updated = applyServerState(state, { cardId: "a", schedule: server, version: 1 });
    expect(updated.cards.find((c) => c.id === "a")?.schedule?.due).toEqual(at(11));
    const stale = applyServerState(state, { cardId: "a", schedule: server, version: 0 });
    expect(stale).toBe(state);
    const forced = applyServerState(state, { cardId: "a", schedule: null, version: 7, force: true });
    expect(forced.cards.find((c) => c.id === "a")).toMatchObject({ schedule: null, version: 7 });
  });
});

describe("reverse cards", () => {
  it("does not show a term card's definition -> term card straight after it when another card waits", () => {
    const term = card("term", 0, null);
    const reverse = card("term-reverse", 1, null, { kind: "reversed", reverse: true, line: term.line });
    const other = card("other", 2, null);
    const next = pickNext([reverse, other], { now, dayEnd, newRemaining: 10, previous: term });
    expect(next?.card.id).toBe("other");
    // Alone, it still comes.
    expect(pickNext([reverse], { now, dayEnd, newRemaining: 10, previous: term })?.card.id).toBe(
      "term-reverse",
    );
  });
});
