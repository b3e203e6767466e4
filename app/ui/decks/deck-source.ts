import { isBrowserSource } from "@/app/lib/browser-decks/browser-source";

const ankiPrefix = "anki:";

export interface SourceLabel {
  /** A notes file, a deck written in the browser, or an Anki package. */
  origin: "file" | "browser" | "anki";
  /** What the deck page says the deck came from. */
  text: string;
  /** Where a card sits: `content/notes.md:12` for a file, `line 12` otherwise. */
  lineRef: (line: number) => string;
}

/** A deck's `sourcePath` (`content/x.md`, `browser:<slug>`, `anki:<file>`) as a learner reads it. */
export function describeSource(sourcePath: string | null): SourceLabel {
  const lineRef = (line: number) => `line ${line}`;
  if (sourcePath?.startsWith(ankiPrefix))
    return { origin: "anki", text: `Imported from ${sourcePath.slice(ankiPrefix.length)}`, lineRef };
  if (!sourcePath || isBrowserSource(sourcePath))
    return { origin: "browser", text: "Added in the browser", lineRef };
  return { origin: "file", text: sourcePath, lineRef: (line) => `${sourcePath}:${line}` };
}
