/**
 * Decks added in the browser have no file. Their `Deck.sourcePath` is `browser:<slug>` (fixed when
 * the deck is created, so the deck keeps its identity across edits) and the parser is given
 * `<slug>.md` as the file name, so a title-less deck is named the same way on every save.
 */
const prefix = "browser:";

export function isBrowserSource(sourcePath: string | null): boolean {
  return sourcePath?.startsWith(prefix) ?? false;
}

export function browserSourcePath(slug: string): string {
  return `${prefix}${slug}`;
}

/** The file name the parser sees for a browser deck, e.g. `browser:cells` -> `cells.md`. */
export function browserFileName(sourcePath: string): string {
  return `${sourcePath.slice(prefix.length)}.md`;
}
