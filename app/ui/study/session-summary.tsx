import Link from "next/link";
import { gradeNames, gradeValues, type GradeValue } from "@/app/lib/scheduler";
import { formatDuration, formatRelative } from "@/app/lib/study/format";

/** The end of a session: what was done, and when to come back. */
export function SessionSummary({
  deckTitle,
  studied,
  timeMs,
  gradeCounts,
  nextDue,
  now,
  canUndo,
  practiceHref,
}: {
  deckTitle: string;
  studied: number;
  timeMs: number;
  gradeCounts: Record<GradeValue, number>;
  nextDue: Date | null;
  now: Date;
  canUndo: boolean;
  /** Where to go over the deck again without changing its schedule. */
  practiceHref?: string;
}) {
  return (
    <section
      aria-labelledby="summary-title"
      className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="summary-title" className="text-xl font-semibold" tabIndex={-1}>
        {studied === 0 ? "Nothing to study right now" : "Done for now"}
      </h2>
      {studied > 0 ? (
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-stone-600 dark:text-stone-400">Cards studied</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="studied-count">
              {studied}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600 dark:text-stone-400">Time</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatDuration(timeMs)}</dd>
          </div>
          <div className="col-span-2 sm:col-span-1">
            <dt className="text-sm text-stone-600 dark:text-stone-400">Grades</dt>
            <dd className="mt-1 text-sm">
              {gradeValues.map((rating) => `${gradeNames[rating]} ${gradeCounts[rating]}`).join(" · ")}
            </dd>
          </div>
        </dl>
      ) : null}
      <p className="mt-4 text-stone-700 dark:text-stone-300">
        {nextDue
          ? `Next card in ${deckTitle} is due ${formatRelative(now, nextDue)}.`
          : `No cards in ${deckTitle} are scheduled yet.`}
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded-lg bg-indigo-700 px-5 font-semibold text-white hover:bg-indigo-800 dark:bg-indigo-400 dark:text-stone-950"
        >
          Back to decks
        </Link>
        {practiceHref ? (
          <Link
            href={practiceHref}
            className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-5 font-semibold hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
          >
            Practice
          </Link>
        ) : null}
        {canUndo ? (
          <p className="self-center text-sm text-stone-600 dark:text-stone-400">
            Press <kbd className="font-mono">u</kbd> to undo the last grade.
          </p>
        ) : null}
      </div>
    </section>
  );
}
