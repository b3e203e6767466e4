"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { updateDeckSource, type UpdateDeckSourceState } from "@/app/lib/actions/update-deck-source";
import { editDeckAdvice } from "@/app/lib/upload-limits";
import { MarkdownEditor } from "./markdown-editor";
import { useMarkdownLimit } from "./use-markdown-limit";

/** Edits a browser-added deck's markdown, with the same live preview as adding one. */
export function EditDeckForm({
  slug,
  markdown,
  initialLine,
}: {
  slug: string;
  markdown: string;
  /** Open with the caret at the start of this line (1-based), scrolled into view. */
  initialLine?: number;
}) {
  const [state, formAction, pending] = useActionState<UpdateDeckSourceState, FormData>(
    updateDeckSource.bind(null, slug),
    { status: "idle" },
  );
  const [text, setText] = useState(markdown);
  const limit = useMarkdownLimit(editDeckAdvice);
  // A refusal before sending, else the action's own answer.
  const error = limit.message || (state.status === "error" ? state.message : "");

  return (
    <form action={formAction} onSubmit={limit.checkSubmit} className="space-y-6">
      <MarkdownEditor
        id="deck-markdown"
        name="markdown"
        value={text}
        onChange={setText}
        fileName={null}
        invalid={error !== ""}
        initialLine={initialLine}
      />
      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-stone-200 bg-stone-50 px-4 py-3 dark:border-stone-800 dark:bg-stone-950">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save changes"}
        </button>
        <Link
          href={`/decks/${slug}`}
          className="rounded-md px-3 py-2 text-sm hover:bg-stone-200 dark:hover:bg-stone-800"
        >
          Cancel
        </Link>
        <div role="status" aria-live="polite" className="min-w-0 flex-1 text-sm">
          {error ? <p className="text-red-700 dark:text-red-300">{error}</p> : null}
        </div>
      </div>
    </form>
  );
}
