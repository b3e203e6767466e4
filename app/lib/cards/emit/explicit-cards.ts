/**
 * Cards from a flashcard tool's own syntax: the Obsidian Spaced Repetition plugin's `front::back`,
 * multi-line `?` cards and clozes (prompts/explicit.ts, prompts/cloze.ts), and Obsidian_to_Anki
 * notes (outline/anki-notes.ts).
 */
import type { List } from "mdast";
import { parseMarkdown, stringifyPhrasing } from "../markdown";
import type { AnkiNoteBlock, Block, Item, ListBlock, ParagraphBlock } from "../outline/types";
import { joinLines, trimPhrasing, type Phrasing } from "../phrasing";
import {
  clozeCount,
  clozeNotesByLine,
  explicitClozes,
  hasAnkiCloze,
  MAX_CLOZES_PER_PARAGRAPH,
} from "../prompts/cloze";
import { inlineCards, multilineCard, type Separators } from "../prompts/explicit";
import { withScheduledSeparator } from "../prompts/read";
import { answerMarkdown } from "./answers";
import { adjacentAfter, nodesOfBlocks } from "./blocks";
import type { Collector } from "./collector";

export interface ExplicitEnv {
  source: string;
  out: Collector;
  separators: Separators;
  /** Walks a list that follows a multi-line card after a blank line. */
  walkList: (list: ListBlock, context: string[]) => void;
}

/**
 * The plugin ends a multi-line card at the first blank line, but CommonMark keeps list items that are
 * separated by blank lines in one list: cut the list there and hand back the items after the gap.
 */
function untilBlankLine(blocks: Block[]): { extra: Block[]; leftover?: ListBlock } {
  const last = blocks.at(-1);
  if (last?.kind !== "list") return { extra: blocks };
  const items = last.items;
  const gap = items.findIndex(
    (item, at) => at > 0 && item.line > (items[at - 1]!.node.position?.end.line ?? item.line) + 1,
  );
  if (gap === -1) return { extra: blocks };
  const cut = (kept: Item[], spread: boolean): ListBlock => {
    const node: List = {
      ...last.node,
      spread: spread ? last.node.spread : false,
      children: kept.map((item) => (spread ? item.node : { ...item.node, spread: false })),
    };
    return { ...last, node, items: kept, line: kept[0]?.line ?? last.line };
  };
  return {
    extra: [...blocks.slice(0, -1), cut(items.slice(0, gap), false)],
    leftover: cut(items.slice(gap), true),
  };
}

/** Cards of a paragraph in explicit syntax; returns how many following blocks it consumed. */
export function explicitCards(
  blocks: Block[],
  index: number,
  paragraph: ParagraphBlock,
  context: string[],
  env: ExplicitEnv,
): number {
  const { out, source } = env;
  const line = paragraph.line;
  const children = paragraph.node.children;
  const separators = paragraph.node.data?.srCard
    ? withScheduledSeparator(children, env.separators)
    : env.separators;
  const multiline = multilineCard(children, separators);
  if (multiline) {
    const { extra, leftover } = untilBlankLine(adjacentAfter(blocks, index));
    const front = stringifyPhrasing(trimPhrasing(joinLines(multiline.front)));
    const back = answerMarkdown(joinLines(multiline.back), nodesOfBlocks(extra), source);
    if (multiline.reversed) out.reversed(front, back, line, context);
    else out.basic(front, back, line, context, "Multi-line card");
    if (leftover) env.walkList(leftover, context);
    return extra.length;
  }
  const inline = hasAnkiCloze(children) ? [] : inlineCards(children, separators);
  if (inline.length > 0) {
    for (const card of inline) {
      const front = stringifyPhrasing(card.front);
      const back = stringifyPhrasing(card.back);
      if (card.reversed) out.reversed(front, back, line + card.lineOffset, context);
      else out.basic(front, back, line + card.lineOffset, context);
    }
    return 0;
  }
  clozeCards(children, line, context, out);
  return 0;
}

function clozeCards(children: Phrasing, line: number, context: string[], out: Collector): void {
  const notes = clozeNotesByLine(children);
  if (notes) {
    notes.forEach((note, offset) => noteClozes(note, line + offset, context, out));
    return;
  }
  noteClozes(children, line, context, out);
}

function noteClozes(children: Phrasing, line: number, context: string[], out: Collector): void {
  const clozes = explicitClozes(children) ?? [];
  for (const cloze of clozes) out.cloze(cloze.front, cloze.back, line, context, cloze.group, cloze.keyFront);
  const asked = clozes.length > 0 ? clozeCount(children) : 0;
  if (asked > MAX_CLOZES_PER_PARAGRAPH) {
    out.warn(
      line,
      `Paragraph asks for ${asked} cloze cards; only the first ${MAX_CLOZES_PER_PARAGRAPH} were made (split it into smaller paragraphs)`,
    );
  }
}

/** `{1:heart}` and `{heart}` in an Obsidian_to_Anki Cloze note, as Anki's `{{c1::heart}}`. */
function curlyClozes(text: string): string {
  if (text.includes("{{c")) return text;
  let next = 0;
  return text.replace(/\{(?:(\d+):)?([^{}\n]+)\}/g, (_match, number: string | undefined, hidden: string) => {
    next = number ? Number(number) : next + 1;
    return `{{c${next}::${hidden}}}`;
  });
}

function phrasingOf(markdown: string): Phrasing {
  const first = parseMarkdown(markdown).children[0];
  return first?.type === "paragraph" ? first.children : [];
}

/** The cards of one Obsidian_to_Anki note. */
export function ankiNoteCards(note: AnkiNoteBlock, context: string[], out: Collector): void {
  const [first, ...others] = note.fields;
  const text = first?.value ?? "";
  if (/cloze/i.test(note.noteType)) {
    clozeCards(phrasingOf(curlyClozes(text)), note.line, context, out);
    return;
  }
  const back = others.find((field) => /^(back|answer)$/i.test(field.name))?.value ?? others[0]?.value ?? "";
  if (/revers/i.test(note.noteType)) out.reversed(text, back, note.line, context);
  else out.basic(text, back, note.line, context, "Obsidian_to_Anki note");
}
