import Link from "next/link";
import { restoreDeckFromTrash } from "@/app/lib/actions/manage-deck";
import { DeckActionButton } from "./deck-action-button";

const boxClass =
  "mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50";

/**
 * Why a deck cannot be studied: it is in the trash (with Restore for a learner who may manage it),
 * or its notes file is gone (it comes back with its history when the file does).
 */
export function DeckHiddenNotice({
  deck,
  manageable,
}: {
  deck: {
    id: string;
    title: string;
    deletedAt: Date | null;
    missingAt: Date | null;
    sourcePath: string | null;
  };
  manageable: boolean;
}) {
  if (deck.deletedAt && !manageable) {
    return (
      <div role="status" className={boxClass}>
        <p>This deck has been deleted from this server, so it cannot be studied.</p>
      </div>
    );
  }
  if (deck.deletedAt) {
    return (
      <div role="status" className={`${boxClass} flex flex-wrap items-center justify-between gap-3`}>
        <p>
          This deck is in the{" "}
          <Link href="/trash" className="underline">
            trash
          </Link>
          : hidden from study and from your decks until you restore it.
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
  if (deck.missingAt) {
    return (
      <div role="status" className={boxClass}>
        <h2 className="font-semibold">
          The file <span className="font-mono">{deck.sourcePath}</span> is missing
        </h2>
        <p className="mt-1">
          This deck is hidden from study until it comes back. Your progress is kept: put the file back in your
          notes folder and its cards return with their history.
        </p>
      </div>
    );
  }
  return null;
}
