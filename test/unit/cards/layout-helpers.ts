/**
 * Helpers for the layout tests: test/fixtures/layouts holds short notes written in the layouts people
 * use in their own notes (each on a subject of its own, none copied from anyone's notes).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDeck, type ParsedDeck } from "@/app/lib/cards";

const layouts = path.resolve(import.meta.dirname, "../../fixtures/layouts");

/** Parses test/fixtures/layouts/<name>.md with its file name, as the importer would. */
export function parseLayout(name: string): ParsedDeck {
  const fileName = `${name}.md`;
  return parseDeck(readFileSync(path.join(layouts, fileName), "utf8"), { fileName });
}

/** Front and back of each card, for tests where the line and heading path are not the point. */
export function sides(deck: ParsedDeck) {
  return deck.cards.map(({ front, back }) => ({ front, back }));
}

/**
 * Each card without its heading path, for cards under a question heading: whether a question frames
 * the cards after its answer is a choice about context, not about which cards a note makes.
 */
export function placed(deck: ParsedDeck) {
  return deck.cards.map(({ kind, line, front, back }) => ({ kind, line, front, back }));
}

/** The fronts of the cards, in order. */
export function fronts(deck: ParsedDeck): string[] {
  return deck.cards.map((card) => card.front);
}
