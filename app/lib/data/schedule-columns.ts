/**
 * A card's schedule as CardState stores it (ts-fsrs's Card fields), in column order: the one list
 * the hand-written SQL that reads or writes card states builds its column lists from.
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
