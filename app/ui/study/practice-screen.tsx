import type { PracticeQueue } from "@/app/lib/data/practice-read";
import type { PracticeChoice } from "@/app/lib/study/practice-query";
import { PracticeForm } from "./practice-form";
import { renderFaces } from "./render-faces";
import { StudySession } from "./study-session";

/** A practice round (one deck's or every deck's): the label, the choice of cards, the session. */
export function PracticeScreen({
  practice: { queue, total },
  action,
  choice,
  error,
}: {
  practice: PracticeQueue;
  /** Where the form sends the choice (the page itself). */
  action: string;
  choice: PracticeChoice;
  error: string | null;
}) {
  return (
    <>
      <p
        data-testid="practice-banner"
        className="mb-3 rounded-lg border border-violet-300 bg-violet-50 px-3 py-2 text-sm font-medium text-violet-950 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-100"
      >
        Practice — your schedule is not changed
      </p>
      <PracticeForm action={action} choice={choice} error={error} />
      {total > queue.cards.length ? (
        <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
          The first {queue.cards.length.toLocaleString("en")} of {total.toLocaleString("en")} cards.
        </p>
      ) : null}
      <StudySession key={queue.loadedAt} queue={queue} faces={renderFaces(queue.cards)} saveMode="practice" />
    </>
  );
}
