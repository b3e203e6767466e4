/**
 * The day's allowances and buried siblings, from what was graded since the study day began. Pure: the
 * queue read feeds it the day's review logs; the session applies the same sibling rule in the browser.
 */
import type { StudyCard } from "./types";

/** What the day's review logs say: the state each card had when graded (0 new, 2 review ...). */
export interface GradedToday {
  cardId: string;
  state: number;
  line: number;
  kind: string;
}

export interface DailyLimits {
  newPerDay: number;
  maxReviewsPerDay: number;
}

/**
 * New cards and reviews that may still be shown today. A new card counts once, on its first grade;
 * a review counts when a card in the Review state is graded (relearning steps do not), as in Anki.
 */
export function dailyAllowance(limits: DailyLimits, graded: readonly GradedToday[]) {
  let started = 0;
  let reviewed = 0;
  for (const log of graded) {
    if (log.state === 0) started++;
    else if (log.state === 2) reviewed++;
  }
  return {
    newRemaining: Math.max(0, limits.newPerDay - started),
    reviewsRemaining: Math.max(0, limits.maxReviewsPerDay - reviewed),
  };
}

/**
 * Cards of one note share a deck, a line and a kind (the two sides of a reversed card, a cloze's
 * deletions). The deck is named only where a session mixes decks (Study all).
 */
export function siblingKey(card: { line: number; kind: string; deck?: { slug: string } }): string {
  return `${card.deck?.slug ?? ""}:${card.line}:${card.kind}`;
}

/** Sibling keys with the ids of the cards graded under each. */
export function gradedSiblings(
  graded: readonly { cardId: string; line: number; kind: string; deck?: { slug: string } }[],
) {
  const byKey = new Map<string, Set<string>>();
  for (const log of graded) {
    const key = siblingKey(log);
    const ids = byKey.get(key) ?? new Set<string>();
    ids.add(log.cardId);
    byKey.set(key, ids);
  }
  return byKey;
}

/**
 * Buried until the next study day: a new or review card, not itself graded today, whose sibling was.
 * Learning cards are never buried (their steps would be lost), as in Anki.
 */
export function isBuriedSibling(card: StudyCard, graded: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  if (card.schedule !== null && card.schedule.state !== 0 && card.schedule.state !== 2) return false;
  const ids = graded.get(siblingKey(card));
  if (!ids || ids.has(card.id)) return false;
  for (const id of ids) if (id !== card.id) return true;
  return false;
}
