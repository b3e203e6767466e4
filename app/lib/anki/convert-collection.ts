/**
 * Anki notes -> notes in this app's explicit markdown syntax. Which note types are understood is
 * decided by their layout, not their (translated) names:
 *
 * - standard type, 2 fields, 1 template: Basic (also "type in the answer") -> `front :: back`
 * - standard type, 2 fields, 2 templates: Basic and reversed -> `front ::: back`
 * - standard type, 3 fields, 2 templates: Basic with optional reverse -> reversed when the note has
 *   its second card, basic otherwise
 * - cloze type: field 1 is the text with `{{cN::...}}`; field 2 ("Back Extra") has no place in a
 *   cloze card here and is left out (counted in the warnings)
 *
 * Every other note is not converted; the result names their note types and counts them. A note's
 * context is its deck path below the deck common to all notes (Anki's `Parent::Child` names).
 */
import type { AnkiCard, AnkiCollection, AnkiModel, AnkiNote } from "./collection-types";
import type { MarkdownNote } from "@/app/lib/export/explicit-markdown";
import { ankiFieldToMarkdown } from "./html-to-markdown";

export type NoteLayout = "basic" | "reversed" | "optional-reversed" | "cloze";

export interface ConvertedNote {
  noteId: number;
  markdown: MarkdownNote;
  /** The Anki cards of the note in the order the parser yields this note's cards. */
  cards: AnkiCard[];
}

export interface CollectionConversion {
  /** The deck common to every note of a known type, or null when they share none. */
  title: string | null;
  notes: ConvertedNote[];
  unknown: { count: number; noteTypes: string[] };
  warnings: string[];
}

/** The layout of a note type, or null when this app has no equivalent. */
export function noteLayout(model: AnkiModel): NoteLayout | null {
  if (model.type === 1) return model.fields.length >= 1 ? "cloze" : null;
  if (model.fields.length === 2 && model.templates.length === 1) return "basic";
  if (model.fields.length === 2 && model.templates.length === 2) return "reversed";
  if (
    model.fields.length === 3 &&
    model.templates.length === 2 &&
    model.templates[1]!.qfmt.includes(`{{#${model.fields[2]}}}`)
  ) {
    return "optional-reversed";
  }
  return null;
}

/**
 * Text that reads as card syntax would split the note into other cards: `::` inside a side, or a
 * line that is only `?`/`??` (the multi-line separator). A zero-width space keeps them apart.
 */
const defuseSeparators = (markdown: string) =>
  markdown.replace(/:(?=:)/g, ":\u200b").replace(/^(\s*\?\??)(\s*)$/gm, "$1\u200b$2");

function clozeNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(/\{\{c(\d+)::/g)].map((match) => Number(match[1])))].sort(
    (a, b) => a - b,
  );
}

function commonPrefix(paths: string[][]): string[] {
  if (paths.length === 0) return [];
  const prefix = [...paths[0]!];
  for (const path of paths) {
    let shared = 0;
    while (shared < prefix.length && path[shared] === prefix[shared]) shared++;
    prefix.length = shared;
  }
  return prefix;
}

function deckPathOf(collection: AnkiCollection, card: AnkiCard): string[] {
  const deckName = collection.decks.get(card.deckId) ?? "Default";
  return deckName
    .split("::")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The deck path every note of a known type sits under (Anki's `Parent::Child` split), cheap to
 * compute before any field is converted: it names the deck, and so its media URLs.
 */
export function commonDeckPath(collection: AnkiCollection): string[] {
  const firstCard = new Map<number, AnkiCard>();
  for (const card of collection.cards) {
    const known = firstCard.get(card.noteId);
    if (!known || card.ord < known.ord) firstCard.set(card.noteId, card);
  }
  const paths: string[][] = [];
  for (const note of collection.notes) {
    const model = collection.models.get(note.modelId);
    const card = firstCard.get(note.id);
    if (model && noteLayout(model) && card) paths.push(deckPathOf(collection, card));
  }
  return commonPrefix(paths);
}

/**
 * Converts a collection's notes. `mediaUrl` maps a media file name to the URL markdown should use
 * (null when the package does not hold it).
 */
export function convertCollection(
  collection: AnkiCollection,
  mediaUrl: (fileName: string) => string | null,
): CollectionConversion {
  const cardsByNote = new Map<number, AnkiCard[]>();
  for (const card of collection.cards) {
    const list = cardsByNote.get(card.noteId);
    if (list) list.push(card);
    else cardsByNote.set(card.noteId, [card]);
  }
  const field = (html: string | undefined) => ankiFieldToMarkdown(html ?? "", { mediaUrl });

  const unknownTypes = new Map<string, number>();
  const warnings: string[] = [];
  let droppedExtras = 0;
  const drafts: {
    note: AnkiNote;
    markdown: Omit<MarkdownNote, "context">;
    cards: AnkiCard[];
    deck: string[];
  }[] = [];

  for (const note of collection.notes) {
    const model = collection.models.get(note.modelId);
    const layout = model ? noteLayout(model) : null;
    const cards = (cardsByNote.get(note.id) ?? []).sort((a, b) => a.ord - b.ord);
    if (!layout || cards.length === 0) {
      const name = model ? model.name : `unknown note type ${note.modelId}`;
      unknownTypes.set(name, (unknownTypes.get(name) ?? 0) + 1);
      continue;
    }
    const deck = deckPathOf(collection, cards[0]!);
    if (layout === "cloze") {
      const text = field(note.fields[0]);
      const numbers = clozeNumbers(text);
      if (numbers.length === 0) {
        warnings.push(`Cloze note ${note.id} has no {{c1::...}} deletion; skipped`);
        continue;
      }
      if (field(note.fields[1]) !== "") droppedExtras++;
      const byOrd = new Map(cards.map((card) => [card.ord, card]));
      drafts.push({
        note,
        deck,
        markdown: { kind: "cloze", front: text, back: "" },
        cards: numbers.flatMap((number) => {
          const card = byOrd.get(number - 1);
          return card ? [card] : [];
        }),
      });
      continue;
    }
    const front = defuseSeparators(field(note.fields[0]));
    const back = defuseSeparators(field(note.fields[1]));
    if (front === "" || back === "") {
      warnings.push(`Note ${note.id} ("${(front || back).slice(0, 40)}") has an empty side; skipped`);
      continue;
    }
    const reversed =
      layout === "reversed" || (layout === "optional-reversed" && cards.some((card) => card.ord === 1));
    drafts.push({ note, deck, markdown: { kind: reversed ? "reversed" : "basic", front, back }, cards });
  }
  if (droppedExtras)
    warnings.push(
      `${droppedExtras} cloze notes have a "Back Extra" field, which cloze cards here do not show; it was left out`,
    );

  const prefix = commonDeckPath(collection);
  // Parents before children: a markdown heading cannot be closed, so a shallower path cannot follow a deeper one.
  const ordered = drafts
    .map((draft, index) => ({ ...draft, index, context: draft.deck.slice(prefix.length) }))
    .sort((a, b) => {
      const length = Math.min(a.context.length, b.context.length);
      for (let i = 0; i < length; i++)
        if (a.context[i] !== b.context[i]) return a.context[i]! < b.context[i]! ? -1 : 1;
      return a.context.length - b.context.length || a.index - b.index;
    });
  return {
    title: prefix.length ? prefix.join(" / ") : null,
    notes: ordered.map((draft) => ({
      noteId: draft.note.id,
      markdown: { ...draft.markdown, context: draft.context },
      cards: draft.cards,
    })),
    unknown: {
      count: [...unknownTypes.values()].reduce((sum, count) => sum + count, 0),
      noteTypes: [...unknownTypes.keys()].sort(),
    },
    warnings,
  };
}
