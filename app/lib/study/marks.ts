/**
 * Study controls as plain data: burying or suspending the card on screen takes it out of the session
 * at once (undo puts it back), and flagging colours it. Each yields the mark to save on the server,
 * sent through the same outbox as grades.
 */
import { advance, currentCard, type SessionState } from "./session";

/** What the learner can do to a card besides grading it, and the inverses undo sends. */
export const markActions = ["bury", "unbury", "suspend", "unsuspend", "flag"] as const;
export type MarkAction = (typeof markActions)[number];
export type SetAsideAction = "bury" | "suspend";

export interface MarkOperation {
  type: "mark";
  /** Client-generated id, so an undo can take a mark out of the outbox before it is sent. */
  id: string;
  cardId: string;
  action: MarkAction;
  /** For "flag": 0 (none) to 4. */
  flag?: number;
  /** Set on the inverse that undo sends: the mark it takes back. */
  undoes?: string;
}

/** Anki's flag numbers and colours. */
export const flagNames = ["None", "Red", "Orange", "Green", "Blue"] as const;

/** Buries or suspends the card on screen: it leaves the session and the next card shows. */
export function setAsideCurrent(
  state: SessionState,
  input: { action: SetAsideAction; now: Date; markId: string },
): { state: SessionState; operation: MarkOperation } | null {
  const card = currentCard(state);
  if (!card) return null;
  const next: SessionState = {
    ...state,
    cards: state.cards.filter((other) => other.id !== card.id),
    history: [...state.history, { type: "set-aside", markId: input.markId, card, action: input.action }],
  };
  return {
    state: advance(next, input.now, card),
    operation: { type: "mark", id: input.markId, cardId: card.id, action: input.action },
  };
}

/** Sets the flag (0-4) of the card on screen; it stays on screen. */
export function flagCurrent(
  state: SessionState,
  input: { flag: number; markId: string },
): { state: SessionState; operation: MarkOperation } | null {
  const card = currentCard(state);
  if (!card || !Number.isInteger(input.flag) || input.flag < 0 || input.flag > 4) return null;
  return {
    state: {
      ...state,
      cards: state.cards.map((other) => (other.id === card.id ? { ...other, flag: input.flag } : other)),
    },
    operation: { type: "mark", id: input.markId, cardId: card.id, action: "flag", flag: input.flag },
  };
}
