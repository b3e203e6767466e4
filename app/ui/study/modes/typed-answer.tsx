"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { gradeNames, type GradeValue } from "@/app/lib/scheduler";
import {
  compareTyped,
  describeComparison,
  maxTypedInput,
  type DiffPart,
  type TypedComparison,
} from "@/app/lib/study/typed-answer";

/**
 * Typed answer: the learner types, presses Enter (or Check), and sees what they typed against the
 * answer, character by character: right characters plain, wrong ones struck out on red, missing
 * ones underlined on amber (told apart without colour too), with one spoken sentence for screen
 * readers. The suggested grade comes from how close it was (app/lib/study/typed-answer.ts).
 */
export function TypedAnswer({
  answer,
  revealed,
  onAnswer,
}: {
  answer: string;
  revealed: boolean;
  onAnswer: (suggested: GradeValue) => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState("");
  const [result, setResult] = useState<TypedComparison | null>(null);

  // A new card: ready to type (when the previous card's input had focus, or nothing had). Focused
  // after the frame that shows the card, so the style work of focusing does not delay that frame.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const active = document.activeElement;
        // A grade button just hidden by the grade may still hold focus until Chromium moves it.
        if (!active || active === document.body || active.closest("[data-quiz], [hidden]"))
          input.current?.focus({ preventScroll: true });
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (revealed || result) return;
    const comparison = compareTyped(typed, answer);
    setResult(comparison);
    onAnswer(comparison.suggested);
  };
  // Shown with "Show answer" instead: still compare what was typed, without suggesting a grade.
  const shown = result ?? (revealed && typed.trim() !== "" ? compareTyped(typed, answer) : null);

  return (
    <div data-quiz="typed" className="mt-4">
      <form onSubmit={check} className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="w-full text-sm font-medium text-stone-700 dark:text-stone-300">
          Type the answer, then press Enter
        </label>
        <input
          ref={input}
          id={id}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          readOnly={revealed}
          maxLength={maxTypedInput}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="done"
          data-primary={revealed ? undefined : ""}
          className="min-h-12 min-w-0 flex-1 rounded-lg border border-stone-400 bg-white px-3 text-lg text-stone-950 read-only:bg-stone-100 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-50 dark:read-only:bg-stone-800"
        />
        <button
          type="submit"
          disabled={revealed}
          className="min-h-12 rounded-lg border border-stone-400 px-4 font-semibold text-stone-800 hover:bg-stone-100 disabled:opacity-60 dark:border-stone-600 dark:text-stone-100 dark:hover:bg-stone-800"
        >
          Check
        </button>
      </form>
      <p role="status" className="sr-only">
        {result ? describeComparison(result, gradeNames[result.suggested]) : ""}
      </p>
      {shown && revealed ? <Comparison comparison={shown} /> : null}
    </div>
  );
}

const partClass: Record<DiffPart["type"], string> = {
  same: "text-emerald-800 dark:text-emerald-300",
  wrong: "bg-red-100 text-red-900 line-through decoration-2 dark:bg-red-950 dark:text-red-200",
  missing:
    "bg-amber-100 text-amber-950 underline decoration-2 underline-offset-4 dark:bg-amber-950 dark:text-amber-100",
};

function Row({ label, parts }: { label: string; parts: DiffPart[] }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3">
      <dt className="w-24 shrink-0 text-xs tracking-wide text-stone-600 uppercase dark:text-stone-400">
        {label}
      </dt>
      <dd className="min-w-0 font-mono text-lg break-words whitespace-pre-wrap">
        {parts.map((part, index) => (
          <span key={index} data-diff={part.type} className={partClass[part.type]}>
            {part.text}
          </span>
        ))}
      </dd>
    </div>
  );
}

/** Two rows as Anki shows them: what was typed (wrong characters struck out), and the answer
 *  (characters that were not typed underlined). Hidden from screen readers: the status says it. */
function Comparison({ comparison }: { comparison: TypedComparison }) {
  const typed = comparison.parts.filter((part) => part.type !== "missing");
  const expected = comparison.parts.filter((part) => part.type !== "wrong");
  const exact = comparison.ratio >= 1;
  return (
    <div
      data-comparison
      className="mt-3 rounded-lg border border-stone-200 bg-stone-50 p-3 dark:border-stone-700 dark:bg-stone-900"
    >
      <dl aria-hidden="true" className="space-y-1">
        {typed.length > 0 ? <Row label="You typed" parts={typed} /> : null}
        {exact ? null : <Row label="Answer" parts={expected} />}
      </dl>
      <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
        {exact
          ? "Exactly right."
          : "Struck out: typed but not in the answer. Underlined: in the answer but not typed."}
      </p>
    </div>
  );
}
