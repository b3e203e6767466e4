/**
 * Pieces shared by paragraphs and list items: the walk's environment, block adjacency, explicit
 * syntax (which wins over every implicit format) and facts in prose.
 */
import type { Heading, List, Paragraph, RootContent } from "mdast";
import { answerMarkdown } from "./answers";
import { explicitClozes, factClozes, hasAnkiCloze } from "./cloze";
import type { Collector } from "./collector";
import { isLabel } from "./labels";
import { inlineCards, multilineCard } from "./explicit";
import { listCards } from "./list-items";
import { stringifyPhrasing } from "./markdown";
import { isLinkOrImageOnly, joinLines, plainText, trimPhrasing, type Phrasing } from "./phrasing";

export interface WalkEnv {
  source: string;
  out: Collector;
  /** The H1 used as the deck title: not a card, not part of any context. */
  titleHeading: Heading | undefined;
}

/** 1-based first line of a node. */
export const lineOf = (node: { position?: { start: { line: number } } }): number =>
  node.position?.start.line ?? 1;
/** 1-based last line of a node. */
export const endLineOf = (node: { position?: { end: { line: number } } }): number =>
  node.position?.end.line ?? 1;

/** Blocks right after `blocks[index]` with no blank line between them (they belong to the same card). */
export function adjacentAfter(blocks: RootContent[], index: number): RootContent[] {
  const adjacent: RootContent[] = [];
  let previous = blocks[index];
  for (let at = index + 1; at < blocks.length; at += 1) {
    const block = blocks[at]!;
    if (!previous || block.type === "heading" || lineOf(block) !== endLineOf(previous) + 1) break;
    adjacent.push(block);
    previous = block;
  }
  return adjacent;
}

/**
 * The plugin ends a multi-line card at the first blank line, but CommonMark keeps list items that are
 * separated by blank lines in one list: cut the list there and hand back the items after the gap.
 */
function untilBlankLine(blocks: RootContent[]): { extra: RootContent[]; leftover?: List } {
  const last = blocks.at(-1);
  if (last?.type !== "list") return { extra: blocks };
  const gap = last.children.findIndex(
    (item, at) => at > 0 && lineOf(item) > endLineOf(last.children[at - 1]!) + 1,
  );
  if (gap === -1) return { extra: blocks };
  const head: List = {
    ...last,
    spread: false,
    children: last.children.slice(0, gap).map((item) => ({ ...item, spread: false })),
  };
  const leftover: List = { ...last, children: last.children.slice(gap) };
  return { extra: [...blocks.slice(0, -1), head], leftover };
}

/** Explicit syntax (`?`, `::`, clozes) in a paragraph; returns how many extra blocks it consumed, or undefined. */
export function explicitCards(
  blocks: RootContent[],
  index: number,
  paragraph: Paragraph,
  line: number,
  context: string[],
  env: WalkEnv,
): number | undefined {
  const { out, source } = env;
  const multiline = multilineCard(paragraph.children);
  if (multiline) {
    const { extra, leftover } = untilBlankLine(adjacentAfter(blocks, index));
    const front = stringifyPhrasing(trimPhrasing(joinLines(multiline.front)));
    const back = answerMarkdown(joinLines(multiline.back), extra, source);
    if (multiline.reversed) out.reversed(front, back, line, context);
    else out.basic(front, back, line, context, "Multi-line card");
    if (leftover) listCards(leftover, context, env);
    return extra.length;
  }
  const inline = hasAnkiCloze(paragraph.children) ? [] : inlineCards(paragraph.children);
  if (inline.length > 0) {
    for (const card of inline) {
      const front = stringifyPhrasing(card.front);
      const back = stringifyPhrasing(card.back);
      if (card.reversed) out.reversed(front, back, line + card.lineOffset, context);
      else out.basic(front, back, line + card.lineOffset, context);
    }
    return 0;
  }
  const clozes = explicitClozes(paragraph.children);
  if (clozes) {
    for (const cloze of clozes)
      out.cloze(cloze.front, cloze.back, line, context, cloze.group, cloze.keyFront);
    return 0;
  }
  return undefined;
}

/**
 * `**Note:**`-style labels are not facts to learn, and neither is a bold opener such as
 * `**Docs**: https://...` that was turned down as a definition.
 */
function isLabelSpan(node: Phrasing[number], index: number, siblings: Phrasing): boolean {
  if (node.type !== "strong") return false;
  const spanText = plainText([node]).trim();
  const next = siblings[index + 1];
  const punctuated = /[:：.]$/.test(spanText) || (next?.type === "text" && /^\s*[:：]/.test(next.value));
  // A label opens its line (after an emoji or an image at most) or is punctuated as one:
  // mid-sentence, `**remark**` is a word like any other.
  const opens = siblings
    .slice(0, index)
    .every(
      (before) =>
        ["image", "break"].includes(before.type) ||
        (before.type === "text" && !/[\p{L}\p{N}]/u.test(before.value)),
    );
  if (isLabel(spanText, punctuated) && (opens || punctuated)) return true;
  return index === 0 && (/[:：]$/.test(spanText) || (next?.type === "text" && /^\s*[:：]/.test(next.value)));
}

/** Each bold / inline-code span of a prose paragraph as its own cloze. */
export function factCards(children: Phrasing, line: number, context: string[], out: Collector): void {
  if (isLinkOrImageOnly(children)) return;
  for (const cloze of factClozes(children, isLabelSpan))
    out.cloze(cloze.front, cloze.back, line, context, cloze.group, cloze.keyFront);
}
