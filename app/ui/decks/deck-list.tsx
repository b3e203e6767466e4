import Link from "next/link";
import type { DeckSummary } from "@/app/lib/data/deck-reads";
import { formatRelative } from "@/app/lib/study/format";
import { DeckCounts } from "./deck-counts";
import { StudyLink } from "./study-link";

/** The home page's decks: counts for today, when last studied, and a Study button. */
export function DeckList({ decks, now }: { decks: DeckSummary[]; now: Date }) {
  return (
    <ul className="grid gap-3">
      {decks.map((deck) => {
        const waiting = deck.counts.new + deck.counts.learning + deck.counts.due;
        return (
          <li
            key={deck.id}
            className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between dark:border-stone-800 dark:bg-stone-900"
          >
            <div className="min-w-0">
              <h2 className="text-lg font-semibold">
                <Link href={`/decks/${deck.slug}`} className="hover:underline">
                  {deck.title}
                </Link>
              </h2>
              <p className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">
                {deck.cardCount} {deck.cardCount === 1 ? "card" : "cards"} ·{" "}
                {deck.lastStudied ? `studied ${formatRelative(now, deck.lastStudied)}` : "not studied yet"}
                {deck.lastError ? (
                  <span className="text-red-700 dark:text-red-400"> · import error</span>
                ) : null}
                {deck.missingAt ? (
                  <span className="text-amber-800 dark:text-amber-300">
                    {" "}
                    · file missing, hidden from study
                  </span>
                ) : null}
              </p>
              {deck.missingAt ? null : <DeckCounts counts={deck.counts} className="mt-2" />}
            </div>
            {deck.missingAt ? null : <StudyLink slug={deck.slug} title={deck.title} waiting={waiting} />}
          </li>
        );
      })}
    </ul>
  );
}
