import { createHash } from "node:crypto";

/**
 * Bump when the parser or the mapping from parsed cards to rows changes meaning: every stored hash
 * then differs, so the next import re-parses each file instead of skipping it as unchanged.
 */
// 2: term cards also stored definition -> term (their reverse cards, card-diff.ts).
export const importFormatVersion = "cards-import-2";

/** The `Deck.sourceHash` of a file's text: equal hashes mean re-importing would change nothing. */
export function sourceHash(text: string, fileName: string): string {
  // fileName is part of it because the parser falls back to it for the title and slug.
  return createHash("sha256").update(`${importFormatVersion}\0${fileName}\0${text}`).digest("hex");
}
