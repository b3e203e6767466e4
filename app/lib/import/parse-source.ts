import { parseDeck } from "@/app/lib/cards";
import { DeckParseError, type ParsedCard, type ParsedDeck, type ParseWarning } from "@/app/lib/cards/types";
import { ImportError } from "./errors";

/** The message of a DeckParseError without the `file:line: ` prefix its constructor adds. */
function bareMessage(error: DeckParseError): string {
  const where = [error.file, error.line].filter((part) => part !== undefined).join(":");
  return where && error.message.startsWith(`${where}: `)
    ? error.message.slice(where.length + 2)
    : error.message;
}

/** Keeps the first card of each key: two cards with one front cannot both have an identity. */
function dropDuplicateKeys(cards: ParsedCard[]): { cards: ParsedCard[]; warnings: ParseWarning[] } {
  const firstLine = new Map<string, number>();
  const kept: ParsedCard[] = [];
  const warnings: ParseWarning[] = [];
  for (const card of cards) {
    const first = firstLine.get(card.key);
    if (first === undefined) {
      firstLine.set(card.key, card.line);
      kept.push(card);
    } else {
      warnings.push({ line: card.line, message: `same question as the card on line ${first}; skipped` });
    }
  }
  return { cards: kept, warnings };
}

/** Runs the parser; its errors become {@link ImportError}s that name `sourcePath` (and the line). */
export function parseText(text: string, sourcePath: string, fileName: string): ParsedDeck {
  try {
    return parseDeck(text, { fileName });
  } catch (error) {
    if (error instanceof DeckParseError) {
      throw new ImportError(sourcePath, bareMessage(error), { line: error.line, cause: error });
    }
    throw new ImportError(sourcePath, `could not be parsed: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Parses a file's text into a deck that can be stored: parse errors and a deck without cards are
 * {@link ImportError}s naming `sourcePath`, and duplicate keys are dropped with a warning.
 */
export function parseSource(text: string, sourcePath: string, fileName: string): ParsedDeck {
  const parsed = parseText(text, sourcePath, fileName);
  if (parsed.cards.length === 0) {
    throw new ImportError(
      sourcePath,
      "has no cards (write e.g. a bullet ending in `?` with its answer below it, `**Term**: definition`, or `front::back`)",
    );
  }
  const { cards, warnings } = dropDuplicateKeys(parsed.cards);
  return {
    ...parsed,
    cards,
    warnings: [...parsed.warnings, ...warnings].sort((a, b) => a.line - b.line),
  };
}
