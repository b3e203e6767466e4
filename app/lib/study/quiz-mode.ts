/**
 * Quiz modes, as the study page and the reads share them (plain data, safe in the browser).
 * - "flip": show the answer, grade yourself (the default);
 * - "typed": type the answer, see it compared character by character (typed-answer.ts);
 * - "choice": pick one of four answers (choices.ts).
 * A deck's mode and whether it studies term cards both ways are stored per learner in DeckSettings.
 */
export const quizModes = ["flip", "typed", "choice"] as const;
export type QuizMode = (typeof quizModes)[number];

export const quizModeLabels: Record<QuizMode, string> = {
  flip: "Flip",
  typed: "Type",
  choice: "Choose",
};

/** A stored mode read leniently: null or anything unknown is the default, flip. */
export function toQuizMode(value: string | null | undefined): QuizMode {
  return (quizModes as readonly string[]).includes(value ?? "") ? (value as QuizMode) : "flip";
}

/**
 * A term card studied definition -> term is stored as a card of its own (its own schedule), kind
 * "reversed", keyed by its term card's key plus this suffix. It is hidden from study and counts
 * unless the learner turns on "studyReversed" for the deck.
 */
export const reverseKeySuffix = "#reverse";

export function isReverseKey(key: string): boolean {
  return key.endsWith(reverseKeySuffix);
}

/** A Prisma `where` fragment (plain data) for cards that are not such a stored reverse direction. */
export const notReverseCard = { NOT: { key: { endsWith: reverseKeySuffix } } };

/** How one card is quizzed in the deck's mode; "flip" with a reason when the mode cannot ask it. */
export type CardQuiz =
  | { mode: "typed"; answer: string }
  | { mode: "choice"; options: string[]; answerIndex: number }
  | { mode: "flip"; reason: string };

/** The deck's quiz settings for this learner, sent with the study queue. */
export interface QuizSettings {
  mode: QuizMode;
  studyReversed: boolean;
  /** Whether the deck has term cards that can be studied reversed. */
  hasTerms: boolean;
}
