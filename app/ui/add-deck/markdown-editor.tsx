"use client";

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
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The uploaded file's name, or null for pasted text: the parser falls back to it for the title. */
  fileName: string | null;
  /** Set when the textarea itself is submitted with the form. */
  name?: string;
  invalid?: boolean;
}) {
  const preview = useDeckPreview(value, fileName);
  return (
    <div className="space-y-6">
      <div>
        <label htmlFor={id} className="mb-1 block font-medium">
          Markdown
          {fileName && <span className="font-normal text-stone-600 dark:text-stone-400"> · {fileName}</span>}
        </label>
        <textarea
          id={id}
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
