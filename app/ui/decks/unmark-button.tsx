"use client";

import { useActionState } from "react";
import { unsuspendCard } from "@/app/lib/actions/card-marks";
import type { UnsuspendState } from "@/app/lib/actions/unmark";

/** Unsuspend (or unbury) one card from the deck page; a form, so it works before scripts load. */
export function UnmarkButton({
  cardId,
  slug,
  action,
}: {
  cardId: string;
  slug: string;
  action: "unsuspend" | "unbury";
}) {
  const [state, formAction, pending] = useActionState<UnsuspendState, FormData>(
    unsuspendCard.bind(null, { cardId, slug }),
    { status: "idle" },
  );
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="action" value={action} />
      <button
        type="submit"
        disabled={pending}
        className="min-h-9 rounded-md border border-stone-300 px-2.5 text-xs font-medium text-stone-800 hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:text-stone-200 dark:hover:bg-stone-800"
      >
        {action === "unsuspend" ? "Unsuspend" : "Unbury"}
      </button>
      <span role="status" aria-live="polite" className="text-xs text-red-700 dark:text-red-300">
        {state.status === "error" ? state.message : ""}
      </span>
    </form>
  );
}
