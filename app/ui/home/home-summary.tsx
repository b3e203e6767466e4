import type { HomeFigures } from "@/app/lib/data/home-figures";
import { formatWait } from "@/app/lib/home/format-wait";

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

/** Where the learner stands today, across decks: what is due, what comes next, what was done. */
export function HomeSummary({ figures, now }: { figures: HomeFigures; now: Date }) {
  const { dueToday, nextDue, reviewedToday, streak } = figures;
  const next =
    dueToday > 0
      ? "Study a deck below to clear them."
      : nextDue
        ? `Next review ${formatWait(now, nextDue)}.`
        : "Nothing scheduled yet: new cards wait in the decks below.";
  return (
    <section
      aria-labelledby="today-heading"
      className="mb-6 rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="today-heading" className="sr-only">
        Today
      </h2>
      <dl className="grid grid-cols-3 gap-3 text-center">
        <div>
          <dt className="text-sm text-stone-600 dark:text-stone-400">Due today</dt>
          <dd
            data-testid="due-today"
            className={`text-2xl font-bold tabular-nums ${dueToday > 0 ? "text-emerald-700 dark:text-emerald-300" : ""}`}
          >
            {dueToday.toLocaleString("en")}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600 dark:text-stone-400">Reviewed today</dt>
          <dd data-testid="reviewed-today" className="text-2xl font-bold tabular-nums">
            {reviewedToday.toLocaleString("en")}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600 dark:text-stone-400">Streak</dt>
          <dd data-testid="streak" className="text-2xl font-bold tabular-nums">
            {plural(streak, "day")}
          </dd>
        </div>
      </dl>
      <p data-testid="next-due" className="mt-3 text-center text-sm text-stone-700 dark:text-stone-300">
        {dueToday > 0 ? `${plural(dueToday, "card")} due today. ` : ""}
        {next}
      </p>
    </section>
  );
}
