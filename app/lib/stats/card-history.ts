/**
 * One card's reviews as the deck page lists them: each grade with the interval it gave (until the
 * card's next due date, read from the next review's log or from the card's current state).
 */

export interface HistoryLog {
  review: Date;
  rating: number;
  /** The card's due date before this grade (ts-fsrs logs the state before). */
  due: Date;
  durationMs: number | null;
}

export interface HistoryEntry {
  review: Date;
  rating: number;
  /** When the grade scheduled the card next, or null when unknown (an older log was cut off). */
  nextDue: Date | null;
  durationMs: number | null;
}

/**
 * Newest first. `logs` are the newest reviews, newest first; `currentDue` is the card's due date now.
 * The log after a grade holds the due date that grade set.
 */
export function cardHistory(logs: readonly HistoryLog[], currentDue: Date | null): HistoryEntry[] {
  return logs.map((log, index) => ({
    review: log.review,
    rating: log.rating,
    nextDue: index === 0 ? currentDue : (logs[index - 1]?.due ?? null),
    durationMs: log.durationMs,
  }));
}
