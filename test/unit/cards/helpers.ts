/** Test helpers: fixtures are read here (the parser itself never touches the file system). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDeck, type ParsedDeck } from "@/app/lib/cards";

const root = path.resolve(import.meta.dirname, "../../..");

/** Parses test/fixtures/formats/<name>.md with its file name, as the importer would. */
export function parseFixture(name: string): ParsedDeck {
  const fileName = `${name}.md`;
  return parseDeck(readFileSync(path.join(root, "test/fixtures/formats", fileName), "utf8"), { fileName });
}

/** Reads a file relative to the repository root. */
export function readRepoFile(relative: string): string {
  return readFileSync(path.join(root, relative), "utf8");
}

/** The card fields a person sees (key is tested separately). */
export function visible(deck: ParsedDeck) {
  return deck.cards.map(({ kind, front, back, line, context }) => ({ kind, front, back, line, context }));
}

export const basic = (line: number, context: string[], front: string, back: string) => ({
  kind: "basic" as const,
  front,
  back,
  line,
  context,
});
export const cloze = (line: number, context: string[], front: string, back: string) => ({
  kind: "cloze" as const,
  front,
  back,
  line,
  context,
});
export const reversed = (line: number, context: string[], front: string, back: string) => ({
  kind: "reversed" as const,
  front,
  back,
  line,
  context,
});
