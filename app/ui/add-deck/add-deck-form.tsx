"use client";

import { useActionState, useRef, useState } from "react";
import { importDeck, type ImportDeckState } from "@/app/lib/actions/import-deck";
import { addDeckAdvice } from "@/app/lib/upload-limits";
import { MarkdownEditor } from "./markdown-editor";
import { readMarkdownFiles, type Draft } from "./read-markdown-files";
import { useMarkdownLimit } from "./use-markdown-limit";
import { usePageDrop } from "./use-page-drop";

const pasted = (): Draft => ({ id: "pasted", fileName: null, text: "" });

/**
 * /decks/new: paste markdown or add .md files (picker or drop anywhere on the page), check the live
 * preview of each, and save them all as decks.
 */
export function AddDeckForm() {
  const [state, formAction, pending] = useActionState<ImportDeckState, FormData>(importDeck, {
    status: "idle",
  });
  const [drafts, setDrafts] = useState<Draft[]>(() => [pasted()]);
  const [activeId, setActiveId] = useState("pasted");
  const [fileMessage, setFileMessage] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const limit = useMarkdownLimit(addDeckAdvice);
  // A refusal before sending, else the action's own answer.
  const error = limit.message || (state.status === "error" ? state.message : "");

  const active = drafts.find((draft) => draft.id === activeId) ?? drafts[0];

  async function addFiles(files: File[]) {
    if (files.length === 0) return;
    const { drafts: added, rejected } = await readMarkdownFiles(files);
    setFileMessage(
      [
        added.length > 0 ? `Added ${added.map((draft) => draft.fileName).join(", ")}.` : "",
        rejected.length > 0 ? `Skipped ${rejected.join(", ")}: only .md files can be added.` : "",
      ]
        .filter(Boolean)
        .join(" "),
    );
    const first = added[0];
    if (!first) return;
    // An untouched paste box gives way to the files instead of being saved as an empty deck.
    setDrafts((current) => [
      ...current.filter((draft) => draft.fileName !== null || draft.text.trim() !== ""),
      ...added,
    ]);
    setActiveId(first.id);
  }

  const dragging = usePageDrop((files) => void addFiles(files));

  function updateActive(text: string) {
    setDrafts((current) => current.map((draft) => (draft.id === active?.id ? { ...draft, text } : draft)));
  }

  function removeDraft(id: string) {
    const rest = drafts.filter((draft) => draft.id !== id);
    const next = rest.length > 0 ? rest : [pasted()];
    setDrafts(next);
    if (id === active?.id) setActiveId(next[0]!.id);
  }

  const count = drafts.filter((draft) => draft.text.trim() !== "").length;

  return (
    <form action={formAction} onSubmit={limit.checkSubmit} className="space-y-6">
      {dragging && (
        <div
          aria-hidden
          className="pointer-events-none fixed inset-0 z-40 flex items-center justify-center bg-indigo-600/15 backdrop-blur-[1px]"
        >
          <p className="rounded-lg border-2 border-dashed border-indigo-600 bg-white px-6 py-4 text-lg font-semibold text-indigo-800 dark:bg-stone-900 dark:text-indigo-200">
            Drop .md files to add them
          </p>
        </div>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <input
          ref={fileInput}
          id="deck-files"
          type="file"
          accept=".md,text/markdown"
          multiple
          // Reached through the button below; hidden from the tab order so focus does not land twice.
          tabIndex={-1}
          aria-label="Choose .md files"
          className="sr-only"
          onChange={(event) => {
            void addFiles([...(event.target.files ?? [])]);
            event.target.value = "";
          }}
        />
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:hover:bg-stone-800"
        >
          Choose .md files…
        </button>
        <span className="text-sm text-stone-600 dark:text-stone-400">
          or drop them anywhere on this page, or paste below.
        </span>
      </div>

      {drafts.length > 1 && (
        <ul aria-label="Decks to add" className="flex flex-wrap gap-2">
          {drafts.map((draft) => (
            <li
              key={draft.id}
              className="flex items-center overflow-hidden rounded-md border border-stone-300 dark:border-stone-700"
            >
              <button
                type="button"
                aria-pressed={draft.id === active?.id}
                onClick={() => setActiveId(draft.id)}
                className="px-3 py-1.5 text-sm aria-pressed:bg-indigo-700 aria-pressed:text-white"
              >
                {draft.fileName ?? "Pasted text"}
              </button>
              <button
                type="button"
                onClick={() => removeDraft(draft.id)}
                aria-label={`Remove ${draft.fileName ?? "pasted text"}`}
                className="border-l border-stone-300 px-2 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}

      {/* Each deck posts one markdown + fileName pair, in document order: the other drafts here, the
          one being edited through the textarea itself, so pasting and saving also works before the
          page's script has loaded. */}
      {drafts
        .filter((draft) => draft.id !== active?.id)
        .map((draft) => (
          <span key={draft.id} hidden>
            <input type="hidden" name="markdown" value={draft.text} />
            <input type="hidden" name="fileName" value={draft.fileName ?? ""} />
          </span>
        ))}
      {active && <input type="hidden" name="fileName" value={active.fileName ?? ""} />}

      {active && (
        <MarkdownEditor
          key={active.id}
          id="deck-markdown"
          name="markdown"
          value={active.text}
          onChange={updateActive}
          fileName={active.fileName}
          invalid={error !== ""}
        />
      )}

      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-stone-200 bg-stone-50 px-4 py-3 dark:border-stone-800 dark:bg-stone-950">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {pending ? "Saving…" : count > 1 ? `Save ${count} decks` : "Save deck"}
        </button>
        <div role="status" aria-live="polite" className="min-w-0 flex-1 text-sm">
          {error ? (
            <p className="text-red-700 dark:text-red-300">{error}</p>
          ) : (
            fileMessage && <p className="text-stone-700 dark:text-stone-300">{fileMessage}</p>
          )}
        </div>
      </div>
    </form>
  );
}
