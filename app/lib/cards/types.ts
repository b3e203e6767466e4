/** The parser's own types: no React, Next or Prisma here. */

/** "basic": front -> back. "reversed": one direction of a note studied both ways (`:::`, `??`), so
 *  such a note yields two cards of this kind with the sides swapped. "cloze": one deletion hidden. */
export type CardKind = "basic" | "reversed" | "cloze";

export interface ParsedCard {
  kind: CardKind;
  /** Markdown of the question side. For a cloze: the text with this deletion shown as `[...]`. */
  front: string;
  /** Markdown of the answer side. For a cloze: the full text. */
  back: string;
  /** 1-based line in the source markdown where the card starts. */
  line: number;
  /** Heading path the card sits under, outermost first (deck title heading excluded). */
  context: string[];
  /** Identity within the deck: the normalised front (plus cloze number). Stable across answer edits. */
  key: string;
  /** A cloze made from bold or code in prose (not written as a card); the preview marks these. */
  fact?: true;
  /** The front names a term that the back defines (a definition, a term line, a table row): such a
   *  card can also be studied definition -> term (the import stores that direction too). */
  term?: true;
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface ParsedDeck {
  title: string;
  slug: string;
  tags: string[];
  description: string | null;
  cards: ParsedCard[];
  warnings: ParseWarning[];
}

export interface ParseOptions {
  /** Used for the title/slug fallback and in error messages. */
  fileName?: string;
}

/** A document that cannot become a deck (broken front matter, ...). Names the file and line. */
export class DeckParseError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(message: string, options: { file?: string; line?: number } = {}) {
    const where = [options.file, options.line].filter((part) => part !== undefined).join(":");
    super(where ? `${where}: ${message}` : message);
    this.name = "DeckParseError";
    this.file = options.file;
    this.line = options.line;
  }
}
