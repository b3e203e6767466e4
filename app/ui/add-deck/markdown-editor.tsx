"use client";

import { useEffect, useRef } from "react";
import { DeckPreview } from "./deck-preview";
import { useDeckPreview } from "./use-deck-preview";

export const markdownPlaceholder = `# Cell biology

## Organelles
- What is the powerhouse of the cell?
  The mitochondria
- **Nucleus**: holds the cell's DNA

The {{c1::ribosome}} builds proteins.
Capital of France::Paris`;

/** The markdown textarea and, beside or below it, the live preview of the cards it makes. */
export function MarkdownEditor({
  id,
  value,
  onChange,
  fileName,
  name,
  invalid,
  initialLine,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The uploaded file's name, or null for pasted text: the parser falls back to it for the title. */
  fileName: string | null;
  /** Set when the textarea itself is submitted with the form. */
  name?: string;
  invalid?: boolean;
  /** Put the caret at the start of this line (1-based) on first render, and scroll it into view. */
  initialLine?: number;
}) {
  const preview = useDeckPreview(value, fileName);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    const area = textarea.current;
    if (!area || !initialLine || opened.current) return;
    opened.current = true;
    const text = area.value;
    let offset = 0;
    for (let line = 1; line < initialLine; line++) {
      const next = text.indexOf("\n", offset);
      if (next === -1) break;
      offset = next + 1;
    }
    // The text above the line, measured in the textarea itself (wrapped lines included), gives its
    // height: scroll there, a few lines short so the line does not sit on the top edge.
    area.value = text.slice(0, offset);
    const above = area.scrollHeight;
    area.value = text;
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.focus({ preventScroll: true });
    area.setSelectionRange(offset, offset);
    area.scrollTop = Math.max(0, above - 3 * lineHeight);
    area.scrollIntoView({ block: "nearest" });
  }, [initialLine]);
  return (
    <div className="space-y-6">
      <div>
        <label htmlFor={id} className="mb-1 block font-medium">
          Markdown
          {fileName && <span className="font-normal text-stone-600 dark:text-stone-400"> · {fileName}</span>}
        </label>
        <textarea
          ref={textarea}
          id={id}
          data-initial-line={initialLine}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={markdownPlaceholder}
          rows={14}
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-help`}
          className="block w-full resize-y rounded-md border border-stone-300 bg-white p-3 font-mono text-sm leading-relaxed shadow-sm placeholder:text-stone-400 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-500"
        />
        <p id={`${id}-help`} className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          A bullet or heading ending in <code>?</code> with its answer below,{" "}
          <code>**Term**: definition</code>, <code>front::back</code>, or a cloze{" "}
          <code>{"{{c1::hidden}}"}</code>.
        </p>
      </div>
      <DeckPreview preview={preview} />
    </div>
  );
}
