"use client";

import { useOptimistic, useState, useTransition } from "react";
import { saveQuizMode } from "@/app/lib/actions/quiz-mode";
import { quizModeLabels, quizModes, type QuizMode, type QuizSettings } from "@/app/lib/study/quiz-mode";

const modeHelp: Record<QuizMode, string> = {
  flip: "show the answer, grade yourself",
  typed: "type the answer, see it compared",
  choice: "pick one of four answers",
};

/**
 * The deck's quiz mode and reversed study, saved for this learner with a Server Action. The study
 * page then reloads its queue (choices and reverse cards come with it), starting the session again
 * with the cards still due; grades already made are kept.
 */
export function ModeSwitcher({ deckId, settings }: { deckId: string; settings: QuizSettings }) {
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(settings);
  const [message, setMessage] = useState("");

  const save = (change: { mode?: QuizMode; studyReversed?: boolean }) =>
    startTransition(async () => {
      setShown({ ...settings, ...change });
      const result = await saveQuizMode({ deckId, ...change });
      if (result.status === "saved") {
        setMessage(
          change.mode
            ? `Quiz mode: ${quizModeLabels[result.mode]}.`
            : `Term cards ${result.studyReversed ? "are" : "are not"} studied both ways.`,
        );
      } else if (result.status === "not-found") {
        setMessage("This deck is gone, so the mode was not saved.");
      } else {
        setMessage("That mode could not be saved. Reload the page and try again.");
      }
    });

  return (
    <div
      data-mode-switcher
      className="mt-8 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-stone-200 pt-4 text-sm dark:border-stone-800"
    >
      <fieldset className="flex items-center gap-2">
        <legend className="float-left mr-2 text-stone-600 dark:text-stone-400">Quiz</legend>
        <div className="flex overflow-hidden rounded-lg border border-stone-300 dark:border-stone-600">
          {quizModes.map((mode) => (
            <label
              key={mode}
              title={modeHelp[mode]}
              className="cursor-pointer border-stone-300 px-3 py-1.5 not-first:border-l has-checked:bg-indigo-700 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:-outline-offset-4 has-focus-visible:outline-indigo-500 dark:border-stone-600 dark:has-checked:bg-indigo-300 dark:has-checked:text-stone-950"
            >
              <input
                type="radio"
                name={`quiz-mode-${deckId}`}
                value={mode}
                checked={shown.mode === mode}
                onChange={() => save({ mode })}
                className="sr-only"
              />
              {quizModeLabels[mode]}
              <span className="sr-only">: {modeHelp[mode]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex cursor-pointer items-center gap-2 has-disabled:cursor-default">
        <input
          type="checkbox"
          checked={shown.studyReversed}
          disabled={!settings.hasTerms}
          onChange={(event) => save({ studyReversed: event.target.checked })}
          className="size-4 accent-indigo-700 dark:accent-indigo-300"
        />
        <span>
          Terms both ways
          <span className="text-stone-600 dark:text-stone-400">
            {settings.hasTerms ? " (definition → term too)" : " (no term cards in this deck)"}
          </span>
        </span>
      </label>
      <p role="status" aria-live="polite" className="text-stone-600 dark:text-stone-400">
        {pending ? "Saving…" : message}
      </p>
    </div>
  );
}
