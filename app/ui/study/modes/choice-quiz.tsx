"use client";

import { useEffect, useRef, useState } from "react";
import type { GradeValue } from "@/app/lib/scheduler";

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

/**
 * Multiple choice: four options chosen on the server (app/lib/study/choices.ts). Keys 1-4 (or a tap)
 * choose; the card is then revealed with the right option marked and Good (right) or Again (wrong)
 * suggested, and the same keys grade. Marks are words and symbols as well as colours.
 */
export function ChoiceQuiz({
  options,
  answerIndex,
  revealed,
  onAnswer,
}: {
  options: string[];
  answerIndex: number;
  revealed: boolean;
  onAnswer: (suggested: GradeValue) => void;
}) {
  const [picked, setPicked] = useState<number | null>(null);
  const latest = useRef({ revealed, choose: (_index: number) => {} });
  const choose = (index: number) => {
    if (revealed || picked !== null) return;
    setPicked(index);
    onAnswer(index === answerIndex ? 3 : 1);
  };
  useEffect(() => {
    latest.current = { revealed, choose };
  });

  // Before the card is revealed, 1-4 choose. Captured ahead of the study keys, which grade with them.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (latest.current.revealed || event.defaultPrevented || event.repeat) return;
      if (event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return;
      const index = Number(event.key) - 1;
      if (!Number.isInteger(index) || index < 0 || index >= options.length) return;
      event.preventDefault();
      latest.current.choose(index);
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, [options.length]);

  const status =
    picked === null
      ? ""
      : picked === answerIndex
        ? "Right. Suggested grade: Good."
        : `Wrong: the answer is ${options[answerIndex]}. Suggested grade: Again.`;

  return (
    <div data-quiz="choice" className="mt-4">
      <p role="status" className="sr-only">
        {status}
      </p>
      {revealed ? (
        <ol aria-label="Options" className="grid gap-2 sm:grid-cols-2">
          {options.map((option, index) => {
            const right = index === answerIndex;
            const wrongPick = index === picked && !right;
            return (
              <li
                key={index}
                data-choice={index + 1}
                data-right={right ? "" : undefined}
                data-picked={index === picked ? "" : undefined}
                className={`flex min-h-12 items-center gap-3 rounded-xl border-2 px-3 py-2 ${
                  right
                    ? "border-emerald-700 bg-emerald-50 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-50"
                    : wrongPick
                      ? "border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50"
                      : "border-stone-200 text-stone-600 dark:border-stone-700 dark:text-stone-400"
                }`}
              >
                <span aria-hidden="true" className="font-mono text-sm">
                  {right ? "✓" : wrongPick ? "✗" : index + 1}
                </span>
                <span>
                  <span className={wrongPick ? "line-through" : undefined}>{option}</span>
                  {right ? <span className="ml-2 text-sm font-semibold">Right answer</span> : null}
                  {wrongPick ? <span className="ml-2 text-sm font-semibold">Your choice</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <div role="group" aria-label="Choose the answer" className="grid gap-2 sm:grid-cols-2">
          {options.map((option, index) => (
            <button
              key={index}
              type="button"
              data-choice={index + 1}
              aria-keyshortcuts={String(index + 1)}
              onClick={() => choose(index)}
              className="flex min-h-12 items-center gap-3 rounded-xl border-2 border-stone-300 bg-white px-3 py-2 text-left text-stone-900 hover:border-indigo-600 hover:bg-indigo-50 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100 dark:hover:border-indigo-300 dark:hover:bg-stone-800"
            >
              <kbd className="rounded border border-stone-400 px-1.5 font-mono text-sm text-stone-700 dark:border-stone-500 dark:text-stone-300">
                {index + 1}
              </kbd>
              <span>{option}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
