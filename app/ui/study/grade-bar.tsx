"use client";

import { gradeNames, gradeValues, type GradeValue } from "@/app/lib/scheduler";

const tones: Record<GradeValue, string> = {
  1: "bg-red-700 text-white hover:bg-red-800 dark:bg-red-400 dark:text-stone-950 dark:hover:bg-red-300",
  2: "bg-stone-700 text-white hover:bg-stone-800 dark:bg-stone-300 dark:text-stone-950 dark:hover:bg-stone-200",
  3: "bg-emerald-700 text-white hover:bg-emerald-800 dark:bg-emerald-400 dark:text-stone-950 dark:hover:bg-emerald-300",
  4: "bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-400 dark:text-stone-950 dark:hover:bg-sky-300",
};

const suggestedRing =
  "ring-4 ring-indigo-600 ring-offset-2 ring-offset-stone-50 dark:ring-indigo-300 dark:ring-offset-stone-950";

const barClass =
  "fixed inset-x-0 bottom-0 z-10 border-t border-stone-200 bg-stone-50 px-3 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:static sm:mt-6 sm:border-0 sm:bg-transparent sm:p-0 dark:border-stone-800 dark:bg-stone-950 sm:dark:bg-transparent";

/**
 * Show answer, then the four grades with the interval each would give. Fixed to the bottom on phones.
 * A quiz mode may suggest a grade: it is outlined, labelled and focused; any grade can still be chosen.
 * Both sets of buttons stay mounted and only `hidden` flips: removing the focused grade button (the
 * suggested one, focused after a quiz answer) made Chromium run style and layout inside the grade
 * key's handler, 2-60 ms before the next card could commit. A hidden one loses focus after the frame.
 */
export function GradeBar({
  revealed,
  intervals,
  onReveal,
  onGrade,
  suggested = null,
}: {
  revealed: boolean;
  intervals: Record<GradeValue, string> | null;
  onReveal: () => void;
  onGrade: (rating: GradeValue) => void;
  suggested?: GradeValue | null;
}) {
  return (
    <div className={barClass}>
      <button
        type="button"
        hidden={revealed}
        onClick={onReveal}
        data-primary={revealed ? undefined : ""}
        className="mx-auto flex min-h-14 w-full max-w-md items-center justify-center gap-2 rounded-xl bg-indigo-700 text-lg font-semibold text-white hover:bg-indigo-800 dark:bg-indigo-400 dark:text-stone-950 dark:hover:bg-indigo-300"
      >
        Show answer
        <kbd className="hidden rounded border border-white/40 px-1.5 text-xs font-normal sm:inline dark:border-stone-950/40">
          Space
        </kbd>
      </button>
      <div
        hidden={!revealed}
        role="group"
        aria-label="Grade your answer"
        className="mx-auto grid max-w-xl grid-cols-4 gap-2"
      >
        {gradeValues.map((rating) => (
          <button
            key={rating}
            type="button"
            onClick={() => onGrade(rating)}
            data-grade={rating}
            data-primary={revealed && rating === (suggested ?? 3) ? "" : undefined}
            data-suggested={rating === suggested ? "" : undefined}
            aria-keyshortcuts={String(rating)}
            className={`flex min-h-16 flex-col items-center justify-center rounded-xl px-1 font-semibold ${tones[rating]} ${rating === suggested ? suggestedRing : ""}`}
          >
            {rating === suggested ? (
              <span className="text-xs font-normal tracking-wide uppercase">Suggested</span>
            ) : null}
            <span className="text-base">{gradeNames[rating]}</span>{" "}
            <span className="text-sm font-normal tabular-nums opacity-90">
              {intervals?.[rating]}
              <span className="sr-only">, key {rating}</span>
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
