/**
 * The optimizer's own types: no Prisma, no Next. A review event is one ReviewLog row as the
 * optimizer needs it; a card history is one card's reviews after Anki's filtering rules, each with
 * its interval in study days.
 */

/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Rating = 1 | 2 | 3 | 4;

/** One stored review: the card, the grade, when, and the card's state before it (0 New ... 3 Relearning). */
export interface ReviewEvent {
  cardId: string;
  rating: number;
  state: number;
  review: Date;
}

/** One review as FSRS sees it: the grade and the study days since the card's previous review. */
export interface ReviewStep {
  rating: Rating;
  deltaT: number;
  review: Date;
}

/** One card's reviews in time order, from its last first-learning review on. */
export interface CardHistory {
  cardId: string;
  steps: ReviewStep[];
}

/**
 * One training example, the binding's FSRSItem: a card's reviews up to and including the one whose
 * outcome is predicted (the last). The first review's deltaT is 0.
 */
export type TrainingItem = { rating: Rating; deltaT: number }[];

/** The 21 FSRS-6 parameters. */
export type Parameters = number[];
