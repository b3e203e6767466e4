"use client";

import { useActionState } from "react";
import type { ManageDeckState } from "@/app/lib/actions/manage-deck";

const tones = {
  primary:
    "bg-indigo-700 text-white hover:bg-indigo-800 dark:bg-indigo-400 dark:text-stone-950 dark:hover:bg-indigo-300",
  danger: "bg-red-700 text-white hover:bg-red-800 dark:bg-red-400 dark:text-stone-950 dark:hover:bg-red-300",
  quiet:
    "border border-stone-300 text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-200 dark:hover:bg-stone-800",
} as const;

/**
 * A one-button form for a deck action bound to its deck (restore, delete for good...), with the
 * action's refusal shown next to it in a live region.
 */
export function DeckActionButton({
  action,
  label,
  pendingLabel,
  accessibleName,
  tone = "quiet",
}: {
  action: (previous: ManageDeckState) => Promise<ManageDeckState>;
  label: string;
  pendingLabel: string;
  /** The button's name for screen readers when the visible label needs the deck's name with it. */
  accessibleName?: string;
  tone?: keyof typeof tones;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleName}
        className={`inline-flex min-h-11 items-center rounded-lg px-4 font-semibold disabled:opacity-60 ${tones[tone]}`}
      >
        {pending ? pendingLabel : label}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-red-700 empty:hidden dark:text-red-300">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
