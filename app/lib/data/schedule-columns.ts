/**
 * A card's schedule as CardState stores it (ts-fsrs's Card fields), in column order: the one list
 * the hand-written SQL that reads or writes card states builds its column lists from (and below,
 * the same for grades in ReviewLog).
 */
export const scheduleColumns = [
  "due",
  "stability",
  "difficulty",
  "elapsed_days",
  "scheduled_days",
  "learning_steps",
  "reps",
  "lapses",
  "state",
  "last_review",
] as const;

/** A grade as ReviewLog stores it (ts-fsrs's ReviewLog fields), in column order. */
export const reviewRecordColumns = [
  "rating",
  "state",
  "due",
  "stability",
  "difficulty",
  "elapsed_days",
  "last_elapsed_days",
  "scheduled_days",
  "learning_steps",
  "review",
] as const;
