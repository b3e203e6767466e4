/**
 * Review log -> FSRS training data, by the rules Anki uses for its optimizer
 * (rslib/src/scheduler/fsrs/params.rs, `reviews_for_fsrs`):
 *
 * - Reviews are grouped by card and put in time order.
 * - Entries that are not grades (rating outside 1-4: manual reschedules, resets) are dropped.
 * - Only the card's last learning run counts: everything before the last review made while the
 *   card was New (state 0) is dropped, so a card that was forgotten and learnt again starts over.
 *   A card with no New review (its history begins mid-way) is skipped, as Anki skips cards without
 *   learning steps.
 * - deltaT is the number of study days since the card's previous review (see study-day.ts); reviews
 *   on the same study day have deltaT 0 and still shape the memory state (FSRS-6's short-term
 *   stability), but only reviews with deltaT > 0 are predicted, trained on and scored.
 */
import { studyDay, type StudyDayOptions } from "./study-day";
import type { CardHistory, Rating, ReviewEvent, TrainingItem } from "./types";

const isRating = (value: number): value is Rating => value === 1 || value === 2 || value === 3 || value === 4;

/**
 * Groups review events into per-card histories, filtered and with intervals in study days.
 * @example buildCardHistories([{ cardId: "a", rating: 3, state: 0, review: new Date("2026-01-01T10:00Z") },
 *   { cardId: "a", rating: 3, state: 2, review: new Date("2026-01-04T10:00Z") }], { dayStartHour: 4, timeZone: "UTC" })
 * // [{ cardId: "a", steps: [{ rating: 3, deltaT: 0, ... }, { rating: 3, deltaT: 3, ... }] }]
 */
export function buildCardHistories(events: readonly ReviewEvent[], days: StudyDayOptions): CardHistory[] {
  const byCard = new Map<string, ReviewEvent[]>();
  for (const event of events) {
    if (!isRating(event.rating)) continue;
    const list = byCard.get(event.cardId);
    if (list) list.push(event);
    else byCard.set(event.cardId, [event]);
  }

  const histories: CardHistory[] = [];
  for (const [cardId, list] of byCard) {
    list.sort((a, b) => a.review.getTime() - b.review.getTime());
    let start = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!.state === 0) {
        start = i;
        break;
      }
    }
    if (start < 0) continue;
    let previousDay = 0;
    const steps = list.slice(start).map((event, index) => {
      const day = studyDay(event.review, days);
      const deltaT = index === 0 ? 0 : Math.max(0, day - previousDay);
      previousDay = day;
      return { rating: event.rating as Rating, deltaT, review: event.review };
    });
    histories.push({ cardId, steps });
  }
  return histories;
}

/** Reviews FSRS can learn from: those made on a later study day than the card's previous review. */
export function countPredictedReviews(histories: readonly CardHistory[], from?: Date): number {
  let count = 0;
  for (const { steps } of histories) {
    for (let i = 1; i < steps.length; i++) {
      if (steps[i]!.deltaT > 0 && (!from || steps[i]!.review >= from)) count++;
    }
  }
  return count;
}

/**
 * The binding's training items: one per review with deltaT > 0, holding the card's reviews up to it.
 * `before` keeps only items whose predicted review came before that instant (a training split).
 */
export function toTrainingItems(histories: readonly CardHistory[], before?: Date): TrainingItem[] {
  const items: TrainingItem[] = [];
  for (const { steps } of histories) {
    const reviews = steps.map(({ rating, deltaT }) => ({ rating, deltaT }));
    for (let i = 1; i < steps.length; i++) {
      const step = steps[i]!;
      if (step.deltaT === 0) continue;
      if (before && step.review >= before) break;
      items.push(reviews.slice(0, i + 1));
    }
  }
  return items;
}
