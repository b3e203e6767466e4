"use client";

import dynamic from "next/dynamic";
import type { GradeValue } from "@/app/lib/scheduler";
import type { CardQuiz } from "@/app/lib/study/quiz-mode";
import type { StudyCard } from "@/app/lib/study/types";

// Each mode's code loads only in that mode: flip, the default, downloads neither.
const TypedAnswer = dynamic(() => import("./typed-answer").then((module) => module.TypedAnswer));
const ChoiceQuiz = dynamic(() => import("./choice-quiz").then((module) => module.ChoiceQuiz));

/**
 * What the deck's quiz mode adds under the card: an input (typed), four options (choice), or why this
 * card is flipped instead. Nothing in flip mode. `onAnswer` reveals the card with a suggested grade.
 */
export function QuizPanel({
  card,
  edited,
  revealed,
  onAnswer,
}: {
  card: StudyCard;
  /** The card's text changed in its file since the queue was read: its answer or options are stale. */
  edited: boolean;
  revealed: boolean;
  onAnswer: (suggested: GradeValue) => void;
}) {
  const quiz: CardQuiz | undefined =
    edited && card.quiz
      ? { mode: "flip", reason: "This card changed in its file while you studied, so it is flipped." }
      : card.quiz;
  return (
    <>
      {card.reverse ? (
        <p data-reverse-hint className="mt-3 text-sm text-stone-600 dark:text-stone-400">
          Definition → term: name the term this describes.
        </p>
      ) : null}
      {!quiz ? null : quiz.mode === "flip" ? (
        <p data-quiz-fallback className="mt-3 text-sm text-stone-600 dark:text-stone-400">
          {quiz.reason}
        </p>
      ) : quiz.mode === "typed" ? (
        <TypedAnswer answer={quiz.answer} revealed={revealed} onAnswer={onAnswer} />
      ) : (
        <ChoiceQuiz
          options={quiz.options}
          answerIndex={quiz.answerIndex}
          revealed={revealed}
          onAnswer={onAnswer}
        />
      )}
    </>
  );
}
