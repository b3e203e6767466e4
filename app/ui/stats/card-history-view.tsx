import type { CardHistory } from "@/app/lib/data/stats";
import { stateNames } from "@/app/lib/scheduler";
import { markCloze } from "@/app/lib/study/cloze";
import { formatDuration, formatInterval, formatRelative, plural } from "@/app/lib/study/format";
import { CardMarkdown } from "@/app/ui/markdown/card-markdown";
import { percent } from "./labels";

const gradeNames = ["", "Again", "Hard", "Good", "Easy"];
const gradeTones = [
  "",
  "text-red-800 dark:text-red-300",
  "text-amber-800 dark:text-amber-300",
  "text-emerald-800 dark:text-emerald-300",
  "text-sky-800 dark:text-sky-300",
];

/** One card: its sides, its memory now (stability, difficulty, recall) and its last reviews. */
export function CardHistoryView({ history, now }: { history: CardHistory; now: Date }) {
  const { card, state, recall, reviews, totalReviews, timeZone } = history;
  // The learner's own clock, as their study days use it.
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  const sides = card.kind === "cloze" ? markCloze(card.front, card.back) : card;
  const facts: [string, string][] = state
    ? [
        ["State", stateNames[state.state as keyof typeof stateNames] ?? "New"],
        ["Due", formatRelative(now, state.due)],
        ["Stability", `${state.stability.toFixed(state.stability < 10 ? 1 : 0)} days`],
        ["Difficulty", `${state.difficulty.toFixed(1)} of 10`],
        ["Recall now", percent(recall)],
        ["Reviews", String(state.reps)],
        ["Lapses", String(state.lapses)],
      ]
    : [["State", "New"]];
  return (
    <div className="mt-4 grid gap-6">
      <article className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <div className="font-medium">
          <CardMarkdown source={sides.front} highlight="blank" className="preview" />
        </div>
        <div className="mt-2 border-t border-stone-200 pt-2 text-stone-700 dark:border-stone-800 dark:text-stone-300">
          <CardMarkdown source={sides.back} highlight="answer" className="preview" />
        </div>
      </article>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Memory">
        {facts.map(([term, value]) => (
          <div key={term} className="rounded-lg border border-stone-200 p-3 dark:border-stone-800">
            <dt className="text-xs text-stone-600 dark:text-stone-400">{term}</dt>
            <dd className="font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading" className="text-lg font-semibold">
          Reviews
        </h2>
        {reviews.length === 0 ? (
          <p className="mt-1 text-stone-700 dark:text-stone-300">Not reviewed yet.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
              {totalReviews > reviews.length
                ? `The last ${reviews.length} of ${plural(totalReviews, "review")}, newest first.`
                : `${plural(totalReviews, "review")}, newest first.`}{" "}
              The interval runs from the grade to the due date it set.
            </p>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full border-collapse text-left text-sm tabular-nums">
                <thead>
                  <tr className="border-b border-stone-300 dark:border-stone-700">
                    <th scope="col" className="px-2 py-1">
                      Date
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Grade
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Interval
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Time
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reviews.map((review, index) => (
                    <tr key={index} className="border-b border-stone-100 dark:border-stone-800">
                      <td className="px-2 py-1">{when.format(review.review)}</td>
                      <td className={`px-2 py-1 font-medium ${gradeTones[review.rating] ?? ""}`}>
                        {gradeNames[review.rating] ?? review.rating}
                      </td>
                      <td className="px-2 py-1">
                        {review.nextDue ? formatInterval(review.review, review.nextDue) : "—"}
                      </td>
                      <td className="px-2 py-1">
                        {review.durationMs === null ? "—" : formatDuration(review.durationMs)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
