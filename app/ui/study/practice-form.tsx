import type { PracticeChoice } from "@/app/lib/study/practice-query";
import { maxAheadDays } from "@/app/lib/study/practice-query";

/** Which cards to practise: every card of the deck, or those due within the next N days. */
export function PracticeForm({
  action,
  choice,
  error,
}: {
  action: string;
  choice: PracticeChoice;
  error: string | null;
}) {
  const days = choice.kind === "ahead" ? choice.days : 7;
  return (
    <form action={action} method="get" className="mb-4 text-sm">
      <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <legend className="sr-only">Cards to practise</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="mode" value="cram" defaultChecked={choice.kind === "cram"} />
          All cards
        </label>
        <span className="flex min-h-11 items-center gap-2">
          <input
            type="radio"
            id="practice-ahead"
            name="mode"
            value="ahead"
            defaultChecked={choice.kind === "ahead"}
          />
          <label htmlFor="practice-ahead">Due within</label>
          <input
            type="number"
            name="ahead"
            aria-label="Days ahead"
            min={1}
            max={maxAheadDays}
            defaultValue={days}
            className="w-14 rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
          />
          <span>days</span>
        </span>
        <button
          type="submit"
          className="min-h-11 rounded-lg border border-stone-300 px-3 font-semibold hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Start
        </button>
      </fieldset>
      {error ? (
        <p role="alert" className="mt-1 text-amber-800 dark:text-amber-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
