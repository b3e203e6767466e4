import Link from "next/link";
import { gradeNames, gradeValues, type GradeValue } from "@/app/lib/scheduler";

/** The end of a practice round: what was gone through, and that the schedule is as it was. */
export function PracticeSummary({
  deckTitle,
  seen,
  reviews,
  gradeCounts,
}: {
  deckTitle: string;
  seen: number;
  reviews: number;
  gradeCounts: Record<GradeValue, number>;
}) {
  return (
    <section
      aria-labelledby="practice-summary-title"
      className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="practice-summary-title" className="text-xl font-semibold">
        {seen === 0 ? "Nothing to practise here" : "Practice done"}
      </h2>
      {seen > 0 ? (
        <>
          <p className="mt-4" data-testid="practice-seen">
            {seen === 1 ? "1 card" : `${seen} cards`}, shown {reviews === 1 ? "once" : `${reviews} times`}:{" "}
            {gradeValues.map((rating) => `${gradeNames[rating]} ${gradeCounts[rating]}`).join(" · ")}.
          </p>
          <p className="mt-2 text-stone-700 dark:text-stone-300">
            Your schedule for {deckTitle} is as it was: practice saves no grades.
          </p>
        </>
      ) : (
        <p className="mt-4 text-stone-700 dark:text-stone-300">
          Choose another set of cards above, or study what is due.
        </p>
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded-lg bg-indigo-700 px-5 font-semibold text-white hover:bg-indigo-800 dark:bg-indigo-400 dark:text-stone-950"
        >
          Back to decks
        </Link>
      </div>
    </section>
  );
}
