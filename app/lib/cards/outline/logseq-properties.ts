/**
 * Logseq properties: `key:: value` lines, at the top of a page (`title:: Cell Biology`,
 * `tags:: biology`) or under a block's first line (`collapsed:: true`, `id:: 6650...`, and the
 * scheduling its flashcards keep: `card-repeats:: 2`, `card-next-schedule:: 2024-05-01T...`, and its
 * block settings: `logseq.order-list-type:: number`):
 *
 *     - Mitochondrion #card
 *       card-last-interval:: 4
 *       card-repeats:: 2
 *       - site of aerobic respiration
 *
 * They are metadata, never cards nor part of one. A key is a property when it is one of Logseq's
 * own names or a `card-` scheduling key, or when a block holds nothing but a note's own fields
 * (`semester:: Fall 2024` / `exam-date:: 2024-12-09`); Obsidian Spaced Repetition's `Term::Definition`,
 * `dog:: perro` and `half-life:: ...` have ordinary words before the `::` and stay cards.
 */
import { plainText, type Phrasing } from "../phrasing";

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
  // A PDF's page and the highlights made in it (not `file::`, a word a vocabulary list defines).
  "file-path",
  "hl-page",
  "hl-color",
  "hl-type",
  "hl-stamp",
  "ls-type",
  "query-table",
  "query-properties",
  "query-sort-by",
  "query-sort-desc",
]);

/**
 * Names people give their own page properties (Logseq) or Dataview fields (Obsidian): a note's
 * course, dates and status. Only a block of two or more of them is taken as metadata, since alone
 * `date:: la fecha` may be a vocabulary card.
 */
const NOTE_FIELDS = new Set([
  "status",
  "semester",
  "term",
  "course",
  "class",
  "module",
  "unit",
  "lecture",
  "week",
  "date",
  "created",
  "updated",
  "modified",
  "due",
  "exam-date",
  "deadline",
  "type",
  "category",
  "author",
  "source",
  "sources",
  "topic",
  "subject",
  "professor",
  "lecturer",
  "instructor",
  "teacher",
  "up",
  "down",
  "next",
  "prev",
  "related",
  "parent",
  "cssclass",
  "cssclasses",
  "publish",
  "rating",
  "progress",
  "priority",
  "year",
  "chapter",
  "book",
  "url",
  "link",
  "reviewed",
]);

/** Keys only a note's metadata has (`teacher:: el profesor` may be vocabulary; `status::` is not). */
const METADATA_KEYS = new Set([
  "status",
  "created",
  "updated",
  "modified",
  "due",
  "exam-date",
  "deadline",
  "cssclass",
  "cssclasses",
  "publish",
  "rating",
  "progress",
  "priority",
  "up",
  "down",
  "prev",
  "next",
  "reviewed",
]);

/** A field line that can only be metadata: a metadata key, or a date, link or tag for its value. */
function isMetadata(line: Phrasing): boolean {
  const value = plainText(line).replace(PROPERTY_KEY, "").trim();
  return METADATA_KEYS.has(keyOf(line) ?? "") || /^(?:\d{4}-\d{2}-\d{2}|\[\[|#\w|https?:)/.test(value);
}

const PROPERTY_KEY = /^\s*([a-z][a-z\d]*(?:[-_.][a-z\d]+)*)::(?:\s|$)/;

function keyOf(line: Phrasing): string | undefined {
  const first = line[0];
  return first?.type === "text" ? PROPERTY_KEY.exec(first.value)?.[1] : undefined;
}

function isProperty(line: Phrasing): boolean {
  const key = keyOf(line);
  // `logseq.order-list-type:: number`: Logseq's own settings of a block are named `logseq.`.
  return (
    key !== undefined && (key.startsWith("card-") || key.startsWith("logseq.") || LOGSEQ_PROPERTIES.has(key))
  );
}

/** A paragraph's lines without its Logseq property lines (and without a block of note fields). */
export function withoutLogseqProperties(lines: Phrasing[]): Phrasing[] {
  const kept = lines.filter((line) => !isProperty(line));
  const allNoteFields = kept.every((line) => NOTE_FIELDS.has(keyOf(line) ?? ""));
  // Beside Logseq's own properties (`tags:: biology` / `type:: flashcards`) a note field is one too.
  const besideProperties = kept.length < lines.length;
  const noteFields = allNoteFields && (besideProperties || (kept.length >= 2 && kept.some(isMetadata)));
  return noteFields ? [] : kept;
}
