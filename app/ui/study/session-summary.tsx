import Link from "next/link";
import { gradeNames, gradeValues, type GradeValue } from "@/app/lib/scheduler";
import { describeDue, formatDuration, plural } from "@/app/lib/study/format";

const linkClass =
  "inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-4 font-medium text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-200 dark:hover:bg-stone-800";

/** The end of a session: what was done, when the next card is due, and what to do now. */
export function SessionSummary({
  deckTitle,
  deckSlug,
  reviews,
  cards,
  timeMs,
  gradeCounts,
  nextDue,
  now,
  canUndo,
  onUndo,
  practiceHref,
}: {
  deckTitle: string;
  deckSlug: string;
  /** Grades given, and the distinct cards they were about (a card failed twice counts once). */
  reviews: number;
  cards: number;
  timeMs: number;
  gradeCounts: Record<GradeValue, number>;
  nextDue: Date | null;
  now: Date;
  canUndo: boolean;
  onUndo: () => void;
  /** Where to go over the deck again without changing its schedule. */
  practiceHref?: string;
}) {
  return (
    <section
      aria-labelledby="summary-title"
      className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="summary-title" className="text-xl font-semibold" tabIndex={-1}>
        {reviews === 0 ? "Nothing to study right now" : "Done for now"}
      </h2>
      {reviews > 0 ? (
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-stone-600 dark:text-stone-400">Studied</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="studied-count">
              {plural(cards, "card")}
            </dd>
            <dd className="text-sm text-stone-600 tabular-nums dark:text-stone-400">
              {plural(reviews, "review")}
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
      <p className="mt-4 text-stone-700 dark:text-stone-300" data-testid="next-due">
        {nextDue ? (
          // The date is the browser's local one: the server may render it in another time zone.
          <span suppressHydrationWarning>
            Next card in {deckTitle} is due {describeDue(now, nextDue)}.
          </span>
        ) : (
          `No card in ${deckTitle} is waiting: its cards are suspended, or it has none yet.`
        )}
      </p>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        Meanwhile, study another deck, look through this one&apos;s cards, or add notes to make new cards.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded-lg bg-indigo-700 px-5 font-semibold text-white hover:bg-indigo-800 dark:bg-indigo-400 dark:text-stone-950"
        >
          Study another deck
        </Link>
        {deckSlug ? (
          <Link href={`/decks/${deckSlug}`} className={linkClass}>
            {deckTitle}&apos;s cards
          </Link>
        ) : null}
        <Link href="/decks/new" className={linkClass}>
          Add notes
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
          <button type="button" onClick={onUndo} className={linkClass}>
            Undo
            <kbd className="ml-2 hidden font-mono text-xs text-stone-500 dark:text-stone-400 pointer-fine:inline">
              u
            </kbd>
          </button>
        ) : null}
      </div>
    </section>
  );
}
