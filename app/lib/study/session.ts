/**
 * A study session as plain data, advanced by pure functions so the browser can move to the next card
 * in the same frame as the key press and tests can drive it without a DOM. Each grade, undo or mark
 * (bury, suspend: marks.ts) also yields the operation to save on the server (see outbox.ts).
 */
import type { GradeValue, Schedule, Scheduler } from "@/app/lib/scheduler";
import { becomesLeech } from "@/app/lib/settings/leech";
import { gradedSiblings, isBuriedSibling } from "./daily-limits";
import type { MarkOperation, SetAsideAction } from "./marks";
import { endOfDay, pickNext, type QueueBucket } from "./queue";
import type { StudyCard } from "./types";

export interface GradeOperation {
  type: "grade";
  /** Client-generated ReviewLog id: a resubmission is stored once. */
  id: string;
  cardId: string;
  rating: GradeValue;
  /** The CardState version the grade was made against. */
  expectedVersion: number;
  durationMs: number;
}

export interface UndoOperation {
  type: "undo";
  id: string;
  /** The grade being undone. */
  gradeId: string;
  cardId: string;
  expectedVersion: number;
}

export type SaveOperation = GradeOperation | UndoOperation | MarkOperation;

interface GradeEntry {
  type: "grade";
  gradeId: string;
  card: StudyCard;
  rating: GradeValue;
  durationMs: number;
  /** The grade made the card a leech: it is suspended (here and on the server). */
  leech: boolean;
}

/** A card taken out of the session (buried or suspended); undo puts it back. */
interface SetAsideEntry {
  type: "set-aside";
  markId: string;
  card: StudyCard;
  action: SetAsideAction;
}

export type HistoryEntry = GradeEntry | SetAsideEntry;

/** The id of the save an undoable step sent: a grade's id or a mark's id. */
export function historyOpId(entry: HistoryEntry): string {
  return entry.type === "grade" ? entry.gradeId : entry.markId;
}

export interface SessionState {
  cards: StudyCard[];
  currentId: string | null;
  bucket: QueueBucket | null;
  newRemaining: number;
  history: HistoryEntry[];
  gradeCounts: Record<GradeValue, number>;
  /** End of the learner's study day: reviews due before it are due today. */
  dayEnd: Date;
  burySiblings: boolean;
  leechThreshold: number;
}

export interface SessionOptions {
  /** Default: local midnight after `now`. */
  dayEnd?: Date;
  /** Default off. */
  burySiblings?: boolean;
  /** Default: never. */
  leechThreshold?: number;
}

/**
 * The cards that may still be shown: without the leeches suspended in this session and, when
 * burying is on, without the new and review siblings of cards graded in it. Derived from the
 * history, so an undo brings them back.
 */
export function studyableCards(state: SessionState): StudyCard[] {
  // Asked several times per grade (next card, the one after, counts): states are immutable, so once.
  let cards = studyable.get(state);
  if (!cards) {
    cards = filterStudyable(state);
    studyable.set(state, cards);
  }
  return cards;
}

const studyable = new WeakMap<SessionState, StudyCard[]>();

function filterStudyable(state: SessionState): StudyCard[] {
  const leeches = new Set<string>();
  const grades = state.history.filter((entry) => entry.type === "grade");
  for (const entry of grades) {
    if (entry.leech) leeches.add(entry.card.id);
    else leeches.delete(entry.card.id);
  }
  if (leeches.size === 0 && (!state.burySiblings || grades.length === 0)) return state.cards;
  const graded = state.burySiblings
    ? gradedSiblings(grades.map((entry) => ({ cardId: entry.card.id, ...entry.card })))
    : new Map<string, Set<string>>();
  return state.cards.filter((card) => !leeches.has(card.id) && !isBuriedSibling(card, graded));
}

const zeroCounts = (): Record<GradeValue, number> => ({ 1: 0, 2: 0, 3: 0, 4: 0 });

export function advance(state: SessionState, now: Date, previous: StudyCard | null): SessionState {
  const next = pickNext(studyableCards(state), {
    now,
    dayEnd: state.dayEnd,
    newRemaining: state.newRemaining,
    previous,
  });
  return { ...state, currentId: next?.card.id ?? null, bucket: next?.bucket ?? null };
}

export function startSession(
  cards: StudyCard[],
  newRemaining: number,
  now: Date,
  options: SessionOptions = {},
): SessionState {
  const initial: SessionState = {
    cards,
    currentId: null,
    bucket: null,
    newRemaining,
    history: [],
    gradeCounts: zeroCounts(),
    dayEnd: options.dayEnd ?? endOfDay(now),
    burySiblings: options.burySiblings ?? false,
    leechThreshold: options.leechThreshold ?? Number.POSITIVE_INFINITY,
  };
  return advance(initial, now, null);
}

export function currentCard(state: SessionState): StudyCard | null {
  if (state.currentId === null) return null;
  return state.cards.find((card) => card.id === state.currentId) ?? null;
}

function replaceCard(cards: StudyCard[], card: StudyCard): StudyCard[] {
  return cards.map((existing) => (existing.id === card.id ? card : existing));
}

/** Grades the current card at `now`; returns the next session state and the save to send. */
export function gradeCurrent(
  state: SessionState,
  input: { rating: GradeValue; now: Date; gradeId: string; durationMs: number; scheduler: Scheduler },
): { state: SessionState; operation: GradeOperation } | null {
  const card = currentCard(state);
  if (!card) return null;
  const { nextCard } = input.scheduler.grade(card.schedule, input.rating, input.now, card.id);
  const graded: StudyCard = { ...card, schedule: nextCard, version: card.version + 1 };
  const wasNew = card.schedule === null || card.schedule.state === 0;
  const leech = becomesLeech(card.schedule?.lapses ?? 0, nextCard.lapses, state.leechThreshold);
  const next: SessionState = {
    ...state,
    cards: replaceCard(state.cards, graded),
    newRemaining: wasNew ? state.newRemaining - 1 : state.newRemaining,
    history: [
      ...state.history,
      {
        type: "grade",
        gradeId: input.gradeId,
        card,
        rating: input.rating,
        durationMs: input.durationMs,
        leech,
      },
    ],
    gradeCounts: { ...state.gradeCounts, [input.rating]: state.gradeCounts[input.rating] + 1 },
  };
  return {
    state: advance(next, input.now, graded),
    operation: {
      type: "grade",
      id: input.gradeId,
      cardId: card.id,
      rating: input.rating,
      expectedVersion: card.version,
      durationMs: input.durationMs,
    },
  };
}

/**
 * Takes back the last step. A grade: the card returns, with the state it had; the server restores
 * it too and bumps the version, except for a card that was new, whose state row is removed
 * (version 0). `saved: false` means the grade never left the outbox, so the server's version is
 * unchanged. A bury or suspend: the card comes back on screen and the mark is lifted.
 */
export function undoLast(
  state: SessionState,
  undoId: string,
  options: { saved: boolean } = { saved: true },
): { state: SessionState; operation: UndoOperation | MarkOperation } | null {
  const last = state.history.at(-1);
  if (!last) return null;
  if (last.type === "set-aside") {
    return {
      state: {
        ...state,
        cards: [...state.cards.filter((card) => card.id !== last.card.id), last.card],
        currentId: last.card.id,
        history: state.history.slice(0, -1),
      },
      operation: {
        type: "mark",
        id: undoId,
        cardId: last.card.id,
        action: last.action === "bury" ? "unbury" : "unsuspend",
        undoes: last.markId,
      },
    };
  }
  const graded = state.cards.find((card) => card.id === last.card.id);
  if (!graded) return null;
  const wasNew = last.card.schedule === null || last.card.schedule.state === 0;
  // A grade the server never received leaves its version untouched.
  const version = !options.saved ? last.card.version : wasNew ? 0 : graded.version + 1;
  const restored: StudyCard = { ...last.card, version };
  return {
    state: {
      ...state,
      cards: replaceCard(state.cards, restored),
      currentId: restored.id,
      bucket: state.bucket,
      newRemaining: wasNew ? state.newRemaining + 1 : state.newRemaining,
      history: state.history.slice(0, -1),
      gradeCounts: { ...state.gradeCounts, [last.rating]: state.gradeCounts[last.rating] - 1 },
    },
    operation: {
      type: "undo",
      id: undoId,
      gradeId: last.gradeId,
      cardId: restored.id,
      expectedVersion: graded.version,
    },
  };
}

/**
 * Takes the server's word for a card after a save. A conflict means it was graded elsewhere; a
 * saved grade may differ slightly from the local preview (server time, fuzz). Later local grades
 * of the same card win: the server state is only taken when no newer local version exists.
 */
export function applyServerState(
  state: SessionState,
  update: { cardId: string; schedule: Schedule | null; version: number; force?: boolean },
): SessionState {
  const card = state.cards.find((existing) => existing.id === update.cardId);
  if (!card) return state;
  if (!update.force && card.version !== update.version) return state;
  return {
    ...state,
    cards: replaceCard(state.cards, { ...card, schedule: update.schedule, version: update.version }),
  };
}

/** Re-picks the current card when nothing is showing (a learning card has come due). */
export function refresh(state: SessionState, now: Date): SessionState {
  if (state.currentId !== null) return state;
  const previous = state.history.at(-1)?.card ?? null;
  return advance(state, now, previous);
}

/**
 * Reviews done, the distinct cards they were about, time spent and when the next card is due, for
 * the summary. `laterDue` is the server's word on cards not in the session (due on a later day).
 */
export function summarise(state: SessionState, laterDue: Date | null = null) {
  const grades = state.history.filter((entry) => entry.type === "grade");
  const reviews = grades.length;
  const cards = new Set(grades.map((entry) => entry.card.id)).size;
  const timeMs = grades.reduce((sum, entry) => sum + entry.durationMs, 0);
  let nextDue: Date | null = laterDue;
  for (const card of studyableCards(state)) {
    if (!card.schedule || card.schedule.state === 0) continue;
    const due = new Date(card.schedule.due);
    if (!nextDue || due < nextDue) nextDue = due;
  }
  return { reviews, cards, timeMs, gradeCounts: state.gradeCounts, nextDue };
}
