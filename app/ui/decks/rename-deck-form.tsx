"use client";

import { useActionState, useId } from "react";
import { renameDeck, type ManageDeckState } from "@/app/lib/actions/manage-deck";

/** Renames a browser-added deck; its address (slug) stays, so links keep working. */
export function RenameDeckForm({ slug, title }: { slug: string; title: string }) {
  const [state, formAction, pending] = useActionState<ManageDeckState, FormData>(
    renameDeck.bind(null, slug),
    { status: "idle" },
  );
  const id = useId();
  const error = state.status === "error" ? state.message : "";
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300">
        Rename
      </summary>
      <form action={formAction} className="mt-2 flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-title`} className="font-medium">
            Deck name
          </label>
          <input
            id={`${id}-title`}
            name="title"
            defaultValue={title}
            required
            maxLength={200}
            aria-invalid={error !== "" || undefined}
            aria-describedby={`${id}-status`}
            className="min-h-11 w-full min-w-48 rounded-lg border border-stone-300 bg-white px-3 text-base dark:border-stone-700 dark:bg-stone-900"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="inline-flex min-h-11 items-center rounded-lg bg-indigo-700 px-4 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60 dark:bg-indigo-400 dark:text-stone-950 dark:hover:bg-indigo-300"
        >
          {pending ? "Saving…" : "Save name"}
        </button>
      </form>
      <p id={`${id}-status`} role="status" aria-live="polite" className="mt-1 text-red-700 dark:text-red-300">
        {error}
      </p>
    </details>
  );
}
