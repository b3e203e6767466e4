/**
 * Logseq properties: `key:: value` lines, at the top of a page (`title:: Cell Biology`,
 * `tags:: biology`) or under a block's first line (`collapsed:: true`, `id:: 6650...`, and the
 * scheduling its flashcards keep: `card-repeats:: 2`, `card-next-schedule:: 2024-05-01T...`):
 *
 *     - Mitochondrion #card
 *       card-last-interval:: 4
 *       card-repeats:: 2
 *       - site of aerobic respiration
 *
 * They are metadata, never cards nor part of one. A key is a property when it is one of Logseq's
 * own names or a `card-` scheduling key; Obsidian Spaced Repetition's `Term::Definition`,
 * `dog:: perro` and `half-life:: ...` have ordinary words before the `::` and stay cards.
 */
import type { Phrasing } from "../phrasing";

/** Logseq's built-in property names (its flashcards' own start with `card-`). */
const LOGSEQ_PROPERTIES = new Set([
  "title",
  "tags",
  "alias",
  "aliases",
  "collapsed",
  "id",
  "icon",
  "template",
  "public",
  "filters",
  "heading",
  "created-at",
  "updated-at",
  "background-color",
  "hl-page",
  "hl-color",
  "ls-type",
  "query-table",
  "query-properties",
  "query-sort-by",
  "query-sort-desc",
]);

const PROPERTY_KEY = /^\s*([a-z][a-z\d]*(?:[-_][a-z\d]+)*)::(?:\s|$)/;

function isProperty(line: Phrasing): boolean {
  const first = line[0];
  if (first?.type !== "text") return false;
  const key = PROPERTY_KEY.exec(first.value)?.[1];
  return key !== undefined && (key.startsWith("card-") || LOGSEQ_PROPERTIES.has(key));
}

/** A paragraph's lines without its Logseq property lines. */
export function withoutLogseqProperties(lines: Phrasing[]): Phrasing[] {
  return lines.filter((line) => !isProperty(line));
}
