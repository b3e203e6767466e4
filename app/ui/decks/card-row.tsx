import type { DeckCardRow } from "@/app/lib/data/deck-reads";
import { stateNames } from "@/app/lib/scheduler";
import { formatRelative } from "@/app/lib/study/format";
import { markCloze } from "@/app/lib/study/cloze";
import { ServerCardMarkdown } from "@/app/ui/markdown/server-card-markdown";
import { flagNames } from "@/app/lib/study/marks";
import { flagTones } from "@/app/ui/study/flag-tones";
import type { SourceLabel } from "./deck-source";
import { UnmarkButton } from "./unmark-button";

const stateTone: Record<string, string> = {
  New: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  Learning: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200",
  Relearning: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200",
  Review: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
};

/** One card on the deck page: front, a preview of the back, its state and due date, its source line. */
export function CardRow({
  card,
  source,
  now,
  slug,
}: {
  card: DeckCardRow;
  source: SourceLabel;
  now: Date;
  slug: string;
}) {
  const state = stateNames[card.schedule?.state ?? 0];
  const suspended = card.mark?.suspendedAt != null;
  const buried = !suspended && card.mark?.buriedUntil != null && card.mark.buriedUntil > now;
  const flag = card.mark?.flag ?? 0;
  const sides = card.kind === "cloze" ? markCloze(card.front, card.back) : card;
  return (
    <article className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className={`rounded-full px-2 py-0.5 font-medium ${stateTone[state]}`}>{state}</span>
        {card.schedule ? (
          <span className="text-stone-600 dark:text-stone-400">
            due {formatRelative(now, card.schedule.due)}
          </span>
        ) : null}
        {card.leech ? (
          <span className="rounded-full bg-red-100 px-2 py-0.5 font-medium text-red-900 dark:bg-red-950 dark:text-red-200">
            Leech
          </span>
        ) : null}
        {card.kind !== "basic" ? (
          <span className="text-stone-600 dark:text-stone-400">{card.kind}</span>
        ) : null}
        {suspended ? (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-950 dark:bg-amber-950 dark:text-amber-100">
            Suspended
          </span>
        ) : null}
        {buried ? (
          <span className="rounded-full bg-stone-200 px-2 py-0.5 font-medium text-stone-800 dark:bg-stone-800 dark:text-stone-200">
            Buried until tomorrow
          </span>
        ) : null}
        {flag > 0 ? (
          <span className={`font-medium ${flagTones[flag]}`} data-testid="card-flag">
            <span aria-hidden="true">⚑</span> {flagNames[flag]} flag
          </span>
        ) : null}
        <a
          href={`/decks/${slug}/cards/${card.id}`}
          className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
        >
          History<span className="sr-only"> of this card</span>
        </a>
        <span className="ml-auto font-mono text-stone-600 dark:text-stone-400">
          {source.origin === "browser" ? (
            <a
              href={`/decks/${slug}/edit?line=${card.line}`}
              className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300"
            >
              {source.lineRef(card.line)}
            </a>
          ) : (
            source.lineRef(card.line)
          )}
        </span>
        {suspended || buried ? (
          <UnmarkButton cardId={card.id} slug={slug} action={suspended ? "unsuspend" : "unbury"} />
        ) : null}
      </div>
      {card.context.length > 0 ? (
        <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">{card.context.join(" › ")}</p>
      ) : null}
      <div className="mt-2 font-medium">
        <ServerCardMarkdown source={sides.front} highlight="blank" className="preview" />
      </div>
      <div className="mt-2 line-clamp-3 border-t border-stone-200 pt-2 text-stone-700 dark:border-stone-800 dark:text-stone-300">
        <ServerCardMarkdown source={sides.back} highlight="answer" className="preview" />
      </div>
    </article>
  );
}
