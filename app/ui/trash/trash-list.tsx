import { purgeDeck, restoreDeckFromTrash } from "@/app/lib/actions/manage-deck";
import type { TrashRow } from "@/app/lib/data/trash-reads";
import { formatWait } from "@/app/lib/home/format-wait";
import { describeSource } from "@/app/ui/decks/deck-source";
import { DeckActionButton } from "@/app/ui/decks/deck-action-button";

const plural = (count: number, one: string) =>
  `${count.toLocaleString("en")} ${one}${count === 1 ? "" : "s"}`;

/** Decks in the trash, each with Restore and Delete forever. */
export function TrashList({ decks, now }: { decks: TrashRow[]; now: Date }) {
  return (
    <ul className="grid gap-3">
      {decks.map((deck) => {
        const source = describeSource(deck.sourcePath);
        return (
          <li
            key={deck.id}
            className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between dark:border-stone-800 dark:bg-stone-900"
          >
            <div className="min-w-0">
              <h2 className="text-lg font-semibold break-words">{deck.title}</h2>
              <p className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">
                {plural(deck.cardCount, "card")}, {plural(deck.reviewCount, "review")} ·{" "}
                <span className={source.origin === "file" ? "font-mono" : undefined}>{source.text}</span>
              </p>
              <p className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">
                Deleted for good {formatWait(now, deck.expiresAt)}
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap items-start gap-2">
              <DeckActionButton
                action={restoreDeckFromTrash.bind(null, deck.id)}
                label="Restore"
                pendingLabel="Restoring…"
                accessibleName={`Restore ${deck.title}`}
                tone="primary"
              />
              <DeckActionButton
                action={purgeDeck.bind(null, deck.id)}
                label="Delete forever"
                pendingLabel="Deleting…"
                accessibleName={`Delete forever: ${deck.title}`}
                tone="danger"
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
