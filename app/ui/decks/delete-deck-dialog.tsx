"use client";

import { useActionState, useRef } from "react";
import { deleteDeck, type ManageDeckState } from "@/app/lib/actions/manage-deck";
import { trashRetentionDays } from "@/app/lib/decks/trash-policy";

const plural = (count: number, one: string) =>
  `${count.toLocaleString("en")} ${one}${count === 1 ? "" : "s"}`;

/** The deck page's Delete button and the dialog that says what goes to the trash before it does. */
export function DeleteDeckDialog({
  deck,
}: {
  deck: { id: string; title: string; cardCount: number; reviewCount: number; filePath: string | null };
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState<ManageDeckState>(deleteDeck.bind(null, deck.id), {
    status: "idle",
  });
  const reviews = deck.reviewCount > 0 ? ` and your ${plural(deck.reviewCount, "review")}` : "";
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="text-red-700 underline underline-offset-2 hover:no-underline dark:text-red-300"
      >
        Delete deck
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-deck-title"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-stone-300 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-stone-950/50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        <h2 id="delete-deck-title" className="text-lg font-semibold">
          Delete “{deck.title}”?
        </h2>
        <p className="mt-2">
          {plural(deck.cardCount, "card")}
          {reviews} go to the trash; you can restore it for {trashRetentionDays} days.
        </p>
        {deck.filePath ? (
          <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
            The file <code className="font-mono break-all">{deck.filePath}</code> stays in your notes folder,
            and importing it again will not bring the deck back: restore it from the trash.
          </p>
        ) : null}
        <form action={formAction} className="mt-5 flex flex-wrap justify-end gap-3">
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-4 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={pending}
            className="inline-flex min-h-11 items-center rounded-lg bg-red-700 px-4 font-semibold text-white hover:bg-red-800 disabled:opacity-60 dark:bg-red-400 dark:text-stone-950 dark:hover:bg-red-300"
          >
            {pending ? "Deleting…" : "Move to trash"}
          </button>
        </form>
        <p
          role="status"
          aria-live="polite"
          className="mt-2 text-sm text-red-700 empty:hidden dark:text-red-300"
        >
          {state.status === "error" ? state.message : ""}
        </p>
      </dialog>
    </>
  );
}
