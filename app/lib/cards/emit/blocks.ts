/** Helpers over outline blocks for building answers: adjacency, mdast nodes, which blocks make cards. */
import type { RootContent } from "mdast";
import { nodesOf } from "../outline/outline";
import type { Block, Item, Section } from "../outline/types";
import type { Decisions } from "../prompts/classify";
import { plainText, type Phrasing } from "../phrasing";
import { isPromptText, isQuestionText } from "../prompts/questions";
import { explainingColumn } from "../prompts/term-tables";

/** 1-based last line of a block. */
export function endLineOf(block: Block): number {
  if (block.kind === "details" || block.kind === "anki-note") return block.line;
  return block.node.position?.end.line ?? block.line;
}

/** Blocks right after `blocks[index]` with no blank line between them (they belong to the same card). */
export function adjacentAfter(blocks: Block[], index: number): Block[] {
  const adjacent: Block[] = [];
  let previous = blocks[index];
  for (let at = index + 1; at < blocks.length && previous; at += 1) {
    const block = blocks[at]!;
    if (block.line !== endLineOf(previous) + 1) break;
    adjacent.push(block);
    previous = block;
  }
  return adjacent;
}

export function nodesOfBlocks(blocks: Block[]): RootContent[] {
  return blocks.flatMap(nodesOf);
}

/** A section as the mdast it was written as: its heading, its blocks, its sub-sections. */
export function sectionNodes(section: Section): RootContent[] {
  return [
    ...(section.heading ? [section.heading] : []),
    ...nodesOfBlocks(section.blocks),
    ...section.sections.flatMap(sectionNodes),
  ];
}

/** Whether an item, or anything nested in it, makes cards of its own. */
export function itemMakesCards(item: Item, decisions: Decisions): boolean {
  return (
    decisions.prompts.has(item) ||
    (item.lead !== undefined && decisions.explicit.has(item.lead)) ||
    item.blocks.some((block) => blockMakesCards(block, decisions))
  );
}

/** Whether a block makes cards of its own (so it is not someone else's answer). */
export function blockMakesCards(block: Block, decisions: Decisions): boolean {
  switch (block.kind) {
    case "paragraph":
      return decisions.prompts.has(block) || decisions.explicit.has(block);
    case "list":
      return block.items.some((item) => itemMakesCards(item, decisions));
    case "callout":
      return decisions.prompts.has(block) || block.blocks.some((inner) => blockMakesCards(inner, decisions));
    case "quote":
      return block.blocks.some((inner) => blockMakesCards(inner, decisions));
    case "table":
      return explainingColumn(block.node) !== undefined;
    case "anki-note":
      return true;
    // A toggle titled `Examples` or `Answer` is more of what is above it, whatever it holds.
    case "details":
      return asksInSummary(block.summary);
    default:
      return false;
  }
}

/** A `<details>` summary that asks (`What is currying?`, `Explain currying`): a card of its own. */
export function asksInSummary(summary: Phrasing): boolean {
  const text = plainText(summary).trim();
  return isQuestionText(text) || isPromptText(text);
}

/** Whether a section (its heading, its blocks or its sub-sections) makes cards of its own. */
export function sectionMakesCards(section: Section, decisions: Decisions): boolean {
  return (
    decisions.prompts.has(section) ||
    section.blocks.some((block) => blockMakesCards(block, decisions)) ||
    section.sections.some((child) => sectionMakesCards(child, decisions))
  );
}
