/**
 * Which blocks under a prompt are its answer: a term heading's definition (its opening paragraphs,
 * up to a label, other cards or code), a question's answer (prose, and cards only where they are the
 * answer), and when a question over cards only is a section title instead.
 */
import { nodesOf } from "../outline/outline";
import type { Block, ParagraphBlock } from "../outline/types";
import { isLinkOrImageOnly, plainText, sliceText, type Phrasing } from "../phrasing";
import type { Decisions } from "../prompts/classify";
import { isDecoration, isTaskList } from "../prompts/headings";
import { isLabel } from "../prompts/labels";
import type { Prompt } from "../prompts/types";
import { asksInSummary, blockMakesCards, itemMakesCards } from "./blocks";

/** A line that announces what follows: `Examples of such techniques:`, `We can classify matter by`. */
export const ANNOUNCING = /(?:[:：]|\b(?:by|as|of|are|is|include|includes|following))$/i;

/** How much of a term heading's body its definition takes at most. */
const MAX_DEFINITION_BLOCKS = 5;
const MAX_DEFINITION_WORDS = 200;

/** A question's body this full of cards and empty of prose is a section of them, not an answer. */
export const CONTAINER_BLOCKS = 6;
export const CONTAINER_CARDS = 12;

/**
 * `- **Definition:**` / `- **Example:**` / `- **Why:**` with nothing after them: a template the author
 * has still to fill in, no answer.
 */
export function isEmptyTemplate(block: Block): boolean {
  if (block.kind !== "list" || block.items.length < 2) return false;
  return block.items.every(
    (item) =>
      item.blocks.length === 0 &&
      /^[^:：\n]{1,40}[:：]\s*$/.test(plainText(item.lead?.node.children ?? []).trim()),
  );
}

export function isThematicBreak(block: Block): boolean {
  return block.kind === "other" && block.node.type === "thematicBreak";
}

function isAnnouncing(block: ParagraphBlock): boolean {
  const text = plainText(block.node.children).trim();
  return ANNOUNCING.test(text) && !isLabel(text, true);
}

/**
 * `Syntax:`, `Example:`, `Covers...`: a line that labels or announces what follows rather than
 * defining anything.
 */
function isLabelParagraph(block: Block): boolean {
  if (block.kind !== "paragraph") return false;
  const text = plainText(block.node.children).trim();
  if (/^[^.!?\n]{1,30}:$/.test(text) && isLabel(text, true)) return true;
  // `Related: [[Spacing effect]]`, `See also: [Leitner box](...)`: links under a label navigate.
  const [first, ...rest] = block.node.children;
  const label = first?.type === "text" ? /^\s*([^:\n]{1,30}):\s*/.exec(first.value) : null;
  if (first?.type === "text" && label && isLabel(label[1]!)) {
    const after = [sliceText(first, label[0].length), ...rest];
    if (after.length > 1 && isLinkOrImageOnly(after)) return true;
  }
  return /(?:\.\.\.|…|:)$/.test(text) && text.split(/\s+/).length <= 3;
}

/**
 * A question heading's answer among its blocks: prose, and cards where they are the answer (at the
 * start, or announced by a line ending in `:`); it ends before cards that follow an answer.
 */
export function questionBody(blocks: Block[], decisions: Decisions): Block[] {
  const body: Block[] = [];
  let lastProse: Block | undefined;
  for (const block of blocks) {
    if (blockMakesCards(block, decisions)) {
      const announced =
        lastProse === undefined ||
        (lastProse.kind === "paragraph" && ANNOUNCING.test(plainText(lastProse.node.children).trim()));
      // After an answer of term lines (`- macrotasks: setTimeout`), a question of its own
      // (`Q: ... A: ...`, `**What is hoisting?**`) asks something else.
      if (!announced || (body.length > 0 && asksOwnQuestion(block, decisions))) break;
    } else if (!isDecoration(block)) {
      lastProse = block;
    }
    body.push(block);
  }
  return body;
}

/** A block holding explicit cards or questions (not terms that could answer the one above). */
function asksOwnQuestion(block: Block, decisions: Decisions): boolean {
  if (block.kind === "details") return asksInSummary(block.summary);
  if (block.kind !== "paragraph") return false;
  return (
    decisions.explicit.has(block) ||
    (decisions.prompts.get(block) ?? []).some((prompt) => prompt.role === "question")
  );
}

/** How many bold (strong) term definitions a block holds. */
export function strongTermsIn(block: Block, decisions: Decisions): number {
  const strong = (prompts: Prompt[] | undefined) =>
    (prompts ?? []).filter((prompt) => prompt.role === "term" && prompt.strength === "strong").length;
  if (block.kind === "paragraph") return strong(decisions.prompts.get(block));
  if (block.kind === "list")
    return block.items.reduce((count, item) => count + strong(decisions.prompts.get(item)), 0);
  return 0;
}

/** How many cards a block makes (roughly: a list its card items, a table its rows). */
export function cardsIn(block: Block, decisions: Decisions): number {
  if (block.kind === "paragraph") return decisions.prompts.get(block)?.length ?? 1;
  if (block.kind === "list") return block.items.filter((item) => itemMakesCards(item, decisions)).length;
  if (block.kind === "table") return Math.max(1, block.node.children.length - 1);
  return 1;
}

/** The definition that opens a term heading's body (see the file comment). */
export function termBody(blocks: Block[], decisions: Decisions): Block[] {
  const body: Block[] = [];
  let words = 0;
  for (const block of blocks) {
    // A definition is a paragraph or a few: past that the section explains more than the term.
    if (body.length >= MAX_DEFINITION_BLOCKS || words >= MAX_DEFINITION_WORDS) break;
    if (isDecoration(block)) {
      if (body.length > 0 && block.kind === "paragraph") break;
      continue;
    }
    // A definition may open by announcing its list (`The combination of:`); a label ends it.
    const opensDefinition = body.length === 0 && block.kind === "paragraph" && isAnnouncing(block);
    if ((isLabelParagraph(block) && !opensDefinition) || blockMakesCards(block, decisions)) break;
    if (block.kind === "other" && block.node.type !== "math") break;
    if (!["paragraph", "list", "quote", "other"].includes(block.kind) || isTaskList(block)) break;
    body.push(block);
    words += plainText(nodesOf(block) as Phrasing).split(/\s+/).length;
  }
  return body;
}
