/**
 * Anki review history -> FSRS. Anki's own intervals and ease factors mean nothing to FSRS, so each
 * card's revlog is replayed through the app's scheduler in time order: the button pressed (ease 1-4)
 * is the rating, the revlog id is the moment of the review. The result is the same list of review
 * logs and final state the app would hold had the reviews been made here.
 */
import {
  createScheduler,
  type GradeValue,
  type ReviewRecord,
  type Schedule,
  type Scheduler,
} from "@/app/lib/scheduler";
import type { AnkiRevlog } from "./collection-types";

export interface ReplayedReview extends ReviewRecord {
  /** The Anki revlog id it came from (its time in ms). */
  revlogId: number;
  durationMs: number | null;
}

export interface ReplayedHistory {
  reviews: ReplayedReview[];
  /** The state after the last review; null when no review counted (the card is still new). */
  schedule: Schedule | null;
  /** Entries that are not grades: manual reschedules, "set due date", resets (ease 0). */
  skipped: number;
}

/** Replays without fuzz, so an import gives the same states every time. */
export const replayScheduler: Scheduler = createScheduler({ enableFuzz: false });

const isGrade = (ease: number): ease is GradeValue => ease === 1 || ease === 2 || ease === 3 || ease === 4;

/**
 * Replays one card's revlog entries (any order) and returns its review logs and final state.
 * @example replayRevlog([{ id: Date.parse("2026-01-01"), ease: 3, time: 4000, ... }]).schedule?.state === 1
 */
export function replayRevlog(
  entries: readonly AnkiRevlog[],
  scheduler: Scheduler = replayScheduler,
): ReplayedHistory {
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  const reviews: ReplayedReview[] = [];
  let schedule: Schedule | null = null;
  let skipped = 0;
  for (const entry of sorted) {
    if (!isGrade(entry.ease) || entry.type === 4) {
      skipped++;
      continue;
    }
    const outcome = scheduler.grade(schedule, entry.ease, new Date(entry.id));
    reviews.push({
      ...outcome.reviewLog,
      revlogId: entry.id,
      durationMs: entry.time > 0 ? entry.time : null,
    });
    schedule = outcome.nextCard;
  }
  return { reviews, schedule, skipped };
}
