import { isBrowserSource } from "@/app/lib/browser-decks/browser-source";

const ankiPrefix = "anki:";

export interface SourceLabel {
  /** What the deck page says the deck came from. */
  text: string;
  /** Whether `text` is a file path (shown in a monospace font). */
  isFile: boolean;
  /** Where a card sits: `content/notes.md:12` for a file, `line 12` otherwise. */
  lineRef: (line: number) => string;
}

/** A deck's `sourcePath` (`content/x.md`, `browser:<slug>`, `anki:<file>`) as a learner reads it. */
export function describeSource(sourcePath: string | null): SourceLabel {
  if (sourcePath && !isBrowserSource(sourcePath) && !sourcePath.startsWith(ankiPrefix))
    return { text: sourcePath, isFile: true, lineRef: (line) => `${sourcePath}:${line}` };
  const text = sourcePath?.startsWith(ankiPrefix)
    ? `Imported from ${sourcePath.slice(ankiPrefix.length)}`
    : "Added in the browser";
  return { text, isFile: false, lineRef: (line) => `line ${line}` };
}
