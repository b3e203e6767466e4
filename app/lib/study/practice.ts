/**
 * Practice (cram a deck, or review ahead) as plain data, in the same SessionState the study page
 * works with, so the same screen runs it. Nothing is scheduled and nothing is saved: `cards` is the
 * order still to go, the card on screen first. Again puts the card back a few cards later, Hard at
 * the end, Good and Easy take it out. No operation is ever returned, so the outbox gets nothing.
 */
import type { GradeValue } from "@/app/lib/scheduler";
import { currentCard, type SessionState } from "./session";
import type { StudyCard } from "./types";

/** Cards shown between an Again and the card's return (fewer when fewer are left). */
export const againGap = 3;

/** What each grade does in practice, shown where the study page shows intervals. */
export const practiceLabels: Record<GradeValue, string> = { 1: "soon", 2: "later", 3: "done", 4: "done" };

const zeroCounts = (): Record<GradeValue, number> => ({ 1: 0, 2: 0, 3: 0, 4: 0 });

export function startPractice(cards: StudyCard[]): SessionState {
  return {
    cards,
    currentId: cards[0]?.id ?? null,
    bucket: null,
    newRemaining: 0,
    history: [],
    gradeCounts: zeroCounts(),
    // Practice has no study day, no burying and no leeches: nothing it does is kept.
    dayEnd: new Date(8.64e15),
    burySiblings: false,
    leechThreshold: Number.POSITIVE_INFINITY,
  };
}

/** Grades the card on screen; the state that follows, and never an operation to save. */
export function gradePractice(
  state: SessionState,
  input: { rating: GradeValue; gradeId: string; durationMs: number },
): { state: SessionState; operation: null } | null {
  const card = currentCard(state);
  if (!card) return null;
  const rest = state.cards.filter((other) => other.id !== card.id);
  let cards = rest;
  if (input.rating === 1) cards = [...rest.slice(0, againGap), card, ...rest.slice(againGap)];
  else if (input.rating === 2) cards = [...rest, card];
  return {
    state: {
      ...state,
      cards,
      currentId: cards[0]?.id ?? null,
      history: [
        ...state.history,
        {
          type: "grade",
          gradeId: input.gradeId,
          card,
          rating: input.rating,
          durationMs: input.durationMs,
          leech: false,
        },
      ],
      gradeCounts: { ...state.gradeCounts, [input.rating]: state.gradeCounts[input.rating] + 1 },
    },
    operation: null,
  };
}

/** Takes back the last practice grade: the card is on screen again, the order as it was. */
export function undoPractice(state: SessionState): { state: SessionState; operation: null } | null {
  const last = state.history.at(-1);
  // Practice has grades only (no bury or suspend).
  if (!last || last.type !== "grade") return null;
  const cards = [last.card, ...state.cards.filter((card) => card.id !== last.card.id)];
  return {
    state: {
      ...state,
      cards,
      currentId: last.card.id,
      history: state.history.slice(0, -1),
      gradeCounts: { ...state.gradeCounts, [last.rating]: state.gradeCounts[last.rating] - 1 },
    },
    operation: null,
  };
}

/** The card after the one on screen (rendered hidden ahead of time, as in study). */
export function upcomingPractice(state: SessionState): StudyCard | null {
  return state.cards.find((card) => card.id !== state.currentId) ?? null;
}

/** Practice figures: cards still to go (the one on screen included) and cards seen at least once. */
export function summarisePractice(state: SessionState) {
  const seen = new Set(state.history.map((entry) => entry.card.id)).size;
  return { left: state.cards.length, seen, reviews: state.history.length, gradeCounts: state.gradeCounts };
}
