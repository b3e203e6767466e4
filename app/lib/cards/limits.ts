/**
 * Limits no real note reaches, so that a hostile or broken file cannot make the parser's work or the
 * stored cards grow without bound. The per-paragraph card limits live with the clozes they bound
 * (prompts/cloze.ts).
 */

/**
 * The largest note the parser reads: 2 MiB of text. A long textbook chapter of notes is a few hundred
 * KiB; a note this size already takes seconds to parse, so larger ones are refused before parsing.
 */
export const MAX_NOTE_BYTES = 2 * 1024 * 1024;

/** `12.3 MB` for a message. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * How deep quotes and lists may nest. Real notes stay under ten levels; a line of three thousand `> `
 * or `- ` markers would make every walk of the tree recurse three thousand deep.
 */
export const MAX_NESTING = 100;

const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t>]|$)[ \t]?)+/;

/** The deepest nesting of quotes and list items on any line, and that line (1-based); a quick scan. */
export function deepestNesting(markdown: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 0 };
  let line = 0;
  for (const text of markdown.split("\n")) {
    line += 1;
    // Only a long prefix can be deep: most lines are skipped after one character test.
    if (text.length < MAX_NESTING || !/^[ \t>*+\d-]/.test(text)) continue;
    const prefix = CONTAINER_PREFIX.exec(text)?.[0] ?? "";
    const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
    // Nested list items are indented by two or more spaces per level; indentation alone nests nothing.
    const indent = markers > 0 ? (/^[ \t]*/.exec(text)?.[0].length ?? 0) : 0;
    const depth = markers + Math.floor(indent / 2);
    if (depth > deepest.depth) deepest = { depth, line };
  }
  return deepest;
}
