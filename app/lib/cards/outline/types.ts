/**
 * The outline of a note: the first layer of the parser. A note is read as sections (a heading and
 * what it holds) made of blocks, and blocks that can carry a prompt (paragraphs, list items, callouts,
 * `<details>`) keep the prompt candidate (their first line) apart from the body under it. Nothing here
 * decides what is a card: prompts/ reads each candidate, emit/ turns the decisions into cards.
 */
import type { Blockquote, Heading, List, ListItem, Paragraph, RootContent, Table } from "mdast";
import type { Phrasing } from "../phrasing";

/** A heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  kind: "section";
  /** Undefined for the part of the note before its first heading. */
  heading: Heading | undefined;
  title: Phrasing;
  /** Heading level; 0 for the part before the first heading. */
  depth: number;
  line: number;
  /** Content before the first sub-heading. */
  blocks: Block[];
  sections: Section[];
  /** The H1 that names the deck. */
  isDeckTitle: boolean;
}

export interface ParagraphBlock {
  kind: "paragraph";
  node: Paragraph;
  line: number;
  /** The paragraph's source lines (split at newlines and hard breaks). */
  lines: Phrasing[];
  /** A heading written inside a list item (`1. ### Diffusion`) read as the item's lead. */
  fromHeading?: boolean;
  /** A paragraph of its own (not an item's lead): a prompt in it may be answered by the next block. */
  standalone?: boolean;
}

export interface ListBlock {
  kind: "list";
  node: List;
  line: number;
  items: Item[];
}

export interface Item {
  kind: "item";
  node: ListItem;
  line: number;
  /** The item's first paragraph (the prompt candidate), when it opens with one. */
  lead: ParagraphBlock | undefined;
  /** Everything else the item holds: nested lists, more paragraphs, code. */
  blocks: Block[];
  /** Task-list state: `- [ ]` false, `- [x]` true, null for an ordinary item. */
  checked: boolean | null;
}

export interface TableBlock {
  kind: "table";
  node: Table;
  line: number;
}

/** An Obsidian callout: `> [!type] Title` and its body. */
export interface CalloutBlock {
  kind: "callout";
  node: Blockquote;
  line: number;
  /** Lowercase callout type: `def`, `question`, `note` ... */
  type: string;
  title: Phrasing;
  blocks: Block[];
}

export interface QuoteBlock {
  kind: "quote";
  node: Blockquote;
  line: number;
  blocks: Block[];
}

/** An HTML `<details>` element: its summary and what it holds, as markdown. */
export interface DetailsBlock {
  kind: "details";
  line: number;
  summary: Phrasing;
  content: RootContent[];
  /** The content as outline blocks (for what it holds when the summary asks nothing). */
  blocks: Block[];
}

/** One field of an Obsidian_to_Anki note: `Back: ...` (the first field has no prefix). */
export interface AnkiField {
  name: string;
  value: string;
}

/** An Obsidian_to_Anki note (`START` ... `END`, or `%%ANKI` ... `END%%`). */
export interface AnkiNoteBlock {
  kind: "anki-note";
  line: number;
  /** The note type line: `Basic`, `Basic (and reversed card)`, `Cloze`. */
  noteType: string;
  fields: AnkiField[];
}

/** Code, math, HTML, rules: never prompts, but part of an answer they sit in. */
export interface OtherBlock {
  kind: "other";
  node: RootContent;
  line: number;
}

export type Block =
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | CalloutBlock
  | QuoteBlock
  | DetailsBlock
  | AnkiNoteBlock
  | OtherBlock;

/** What the prompt layer reads: each place a prompt can stand. */
export type Site = Section | ParagraphBlock | Item | CalloutBlock;

export type { Paragraph, RootContent };
