import Link from "next/link";
import { restoreDeckFromTrash } from "@/app/lib/actions/manage-deck";
import { DeckActionButton } from "@/app/ui/decks/deck-action-button";

/** After a delete: the deck is in the trash, with a way straight back. */
export function TrashedNotice({ deck }: { deck: { id: string; title: string } }) {
  return (
    <div
      role="status"
      className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-stone-300 bg-stone-100 p-4 dark:border-stone-700 dark:bg-stone-800"
    >
      <p>
        “{deck.title}” is in the{" "}
        <Link href="/trash" className="text-indigo-700 underline dark:text-indigo-300">
          trash
        </Link>
        . You can restore it for 30 days.
      </p>
      <DeckActionButton
        action={restoreDeckFromTrash.bind(null, deck.id)}
        label="Restore"
        pendingLabel="Restoring…"
        accessibleName={`Restore ${deck.title}`}
      />
    </div>
  );
}
