/**
 * Which card comes next, Anki-style, from FSRS state alone:
 *   1. learning / relearning cards that are due (earliest first),
 *   2. review cards due before the end of the day (earliest first),
 *   3. new cards in file order, while the day's new-card allowance lasts,
 *   4. nothing else left: a learning card due within the learn-ahead window (default 20 minutes)
 *      is shown early rather than ending the session.
 * The card just shown is never picked again when anything else qualifies, and a sibling from the same
 * note (the other direction of a reversed note, another deletion of a cloze: same line and kind) is
 * skipped when another card is available.
 */
import type { StudyCard } from "./types";

export interface QueueOptions {
  now: Date;
  /** Review cards due before this instant count as due today. */
  dayEnd: Date;
  /** New cards that may still be started. */
  newRemaining: number;
  /** The card shown last, to avoid it and its sibling coming straight back. */
  previous?: StudyCard | null;
  learnAheadMs?: number;
  /** The card on screen: counted even when it is shown ahead of its due time. */
  showing?: StudyCard | null;
}

export const defaultLearnAheadMs = 20 * 60_000;

export type QueueBucket = "learning" | "review" | "new" | "ahead";

export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
}

function isLearning(card: StudyCard): boolean {
  return card.schedule !== null && (card.schedule.state === 1 || card.schedule.state === 3);
}

function dueTime(card: StudyCard): number {
  return card.schedule ? new Date(card.schedule.due).getTime() : 0;
}

function isNew(card: StudyCard): boolean {
  return card.schedule === null || card.schedule.state === 0;
}

/** How many cards of each kind are waiting now (what the header and the home page show). */
export function countQueue(cards: readonly StudyCard[], options: QueueOptions): QueueCounts {
  const now = options.now.getTime();
  const dayEnd = options.dayEnd.getTime();
  let learning = 0;
  let review = 0;
  let fresh = 0;
  for (const card of cards) {
    if (isNew(card)) fresh++;
    else if (isLearning(card)) {
      // A learning card shown ahead of time is still one the learner has in front of them.
      if (dueTime(card) <= now || card.id === options.showing?.id) learning++;
    } else if (dueTime(card) < dayEnd) review++;
  }
  return { learning, review, new: Math.min(fresh, Math.max(0, options.newRemaining)) };
}

/** Candidates of each bucket in the order they should be studied. */
function buckets(cards: readonly StudyCard[], options: QueueOptions) {
  const now = options.now.getTime();
  const dayEnd = options.dayEnd.getTime();
  const aheadUntil = now + (options.learnAheadMs ?? defaultLearnAheadMs);
  const learning: StudyCard[] = [];
  const review: StudyCard[] = [];
  const fresh: StudyCard[] = [];
  const ahead: StudyCard[] = [];
  for (const card of cards) {
    if (isNew(card)) fresh.push(card);
    else if (isLearning(card)) {
      const due = dueTime(card);
      if (due <= now) learning.push(card);
      else if (due <= aheadUntil) ahead.push(card);
    } else if (dueTime(card) < dayEnd) review.push(card);
  }
  const byDue = (a: StudyCard, b: StudyCard) => dueTime(a) - dueTime(b) || a.position - b.position;
  learning.sort(byDue);
  review.sort(byDue);
  ahead.sort(byDue);
  fresh.sort((a, b) => a.position - b.position);
  return { learning, review, new: options.newRemaining > 0 ? fresh : [], ahead };
}

/** The next card to show, and why, or null when the session is over. */
export function pickNext(
  cards: readonly StudyCard[],
  options: QueueOptions,
): { card: StudyCard; bucket: QueueBucket } | null {
  const groups = buckets(cards, options);
  const order: QueueBucket[] = ["learning", "review", "new"];
  const previous = options.previous ?? null;
  const isSame = (card: StudyCard) => previous !== null && card.id === previous.id;
  const isSibling = (card: StudyCard) =>
    previous !== null &&
    card.id !== previous.id &&
    card.line === previous.line &&
    card.deck?.slug === previous.deck?.slug &&
    // A term card and its definition -> term card (quiz-mode.ts) are siblings too.
    (card.kind === previous.kind || card.reverse === true || previous.reverse === true);

  // Learn-ahead cards come after the due buckets, under the same rule: the card just shown (or its
  // sibling) only comes back when nothing else at all is waiting.
  let fallback: { card: StudyCard; bucket: QueueBucket } | null = null;
  for (const bucket of [...order, "ahead"] as const) {
    for (const card of groups[bucket]) {
      if (isSame(card) || isSibling(card)) {
        fallback ??= { card, bucket };
        continue;
      }
      return { card, bucket };
    }
  }
  return fallback;
}

/** Local midnight after `now`: review cards due before it are due today. */
export function endOfDay(now: Date): Date {
  const end = new Date(now);
  end.setHours(24, 0, 0, 0);
  return end;
}

/** Local midnight before `now`: new cards first graded after it count against today's allowance. */
export function startOfDay(now: Date): Date {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return start;
}
