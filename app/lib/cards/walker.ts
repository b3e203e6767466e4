/**
 * Walks the document's blocks in order, keeping the heading path (card context), and hands each
 * block to the format that claims it. Blocks used as an answer are consumed and never make other cards.
 */
import type { Heading, List, Paragraph, RootContent } from "mdast";
import { answerMarkdown } from "./answers";
import { explicitClozes, factClozes, hasAnkiCloze } from "./cloze";
import type { Collector } from "./collector";
import { boldDefinition, isLabel, isVocabularyRun, plainDefinition } from "./definitions";
import { inlineCards, multilineCard } from "./explicit";
import { listCards } from "./list-items";
import { stringifyPhrasing } from "./markdown";
import { isLinkOrImageOnly, joinLines, plainText, trimPhrasing, type Phrasing } from "./phrasing";
import {
  isQuestionText,
  labelledAnswer,
  labelledQuestion,
  leadingQuestion,
  stripNumbering,
  unwrapBold,
} from "./questions";
import { tableCards } from "./tables";

export interface WalkEnv {
  source: string;
  out: Collector;
  /** The H1 used as the deck title: not a card, not part of any context. */
  titleHeading: Heading | undefined;
}

const lineOf = (node: { position?: { start: { line: number } } }): number => node.position?.start.line ?? 1;
const endLineOf = (node: { position?: { end: { line: number } } }): number => node.position?.end.line ?? 1;

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

/** `**Note:**`-style labels are not facts to learn. */
const isLabelSpan = (node: Phrasing[number]): boolean => node.type === "strong" && isLabel(plainText([node]));

/** Each bold / inline-code span of a prose paragraph as its own cloze. */
export function factCards(children: Phrasing, line: number, context: string[], out: Collector): void {
  if (isLinkOrImageOnly(children)) return;
  for (const cloze of factClozes(children, isLabelSpan))
    out.cloze(cloze.front, cloze.back, line, context, cloze.group, cloze.keyFront);
}

/** A paragraph that no explicit or definition rule claims could still be a plain `Term: def` line. */
function isPlainCandidate(paragraph: Paragraph): boolean {
  const children = paragraph.children;
  return (
    !isLinkOrImageOnly(children) &&
    !multilineCard(children) &&
    inlineCards(children).length === 0 &&
    !explicitClozes(children) &&
    !boldDefinition(children)
  );
}

/** Whether the paragraphs of this section (up to the next heading) form a plain vocabulary list. */
function sectionIsVocabulary(blocks: RootContent[], from: number): boolean {
  const paragraphs: Paragraph[] = [];
  for (let at = from; at < blocks.length && blocks[at]!.type !== "heading"; at += 1) {
    const block = blocks[at]!;
    if (block.type === "paragraph" && isPlainCandidate(block)) paragraphs.push(block);
  }
  const matching = paragraphs.filter((paragraph) => plainDefinition(paragraph.children)).length;
  return isVocabularyRun(matching, paragraphs.length);
}

function paragraphCards(
  blocks: RootContent[],
  index: number,
  context: string[],
  vocabulary: boolean,
  env: WalkEnv,
): number {
  const paragraph = blocks[index] as Paragraph;
  const { out, source } = env;
  const line = lineOf(paragraph);
  const children = paragraph.children;
  if (isLinkOrImageOnly(children)) return 0;
  const explicit = explicitCards(blocks, index, paragraph, line, context, env);
  if (explicit !== undefined) return explicit;

  const labelled = labelledQuestion(children);
  if (labelled) {
    const front = stringifyPhrasing(labelled.question);
    if (labelled.answer) {
      out.basic(front, stringifyPhrasing(labelled.answer), line, context, "Question");
      return 0;
    }
    const next = blocks[index + 1];
    const answer = next?.type === "paragraph" ? labelledAnswer(next.children) : undefined;
    if (!answer) {
      out.warn(line, `Question "${plainText(labelled.question).slice(0, 60)}" has no answer; skipped`);
      return 0;
    }
    const extra = adjacentAfter(blocks, index + 1);
    out.basic(front, answerMarkdown(answer, extra, source), line, context, "Question");
    return 1 + extra.length;
  }

  const definition = boldDefinition(children);
  if (definition) {
    const definitionText = plainText(definition.definition).trim();
    // A list belongs to the definition when it touches the paragraph or the definition announces it.
    const next = blocks[index + 1];
    const takesList =
      next?.type === "list" &&
      (lineOf(next) === endLineOf(paragraph) + 1 || definitionText === "" || definitionText.endsWith(":"));
    const extra = takesList && next ? [next] : [];
    out.basic(
      stringifyPhrasing(definition.term),
      answerMarkdown(definition.definition, extra, source),
      line,
      context,
      "Definition",
    );
    return extra.length;
  }

  const question = leadingQuestion(children);
  if (question && isQuestionText(plainText(children))) {
    // A paragraph that is only a question: the answer is the next block (and what touches it).
    const next = blocks[index + 1];
    const answerable =
      next && ["paragraph", "list", "code", "blockquote", "table", "math"].includes(next.type);
    if (answerable && !(next.type === "paragraph" && isQuestionText(plainText(next.children)))) {
      const answerBlocks = [next, ...adjacentAfter(blocks, index + 1)];
      // `Eight:` announces the list after it.
      const last = answerBlocks.at(-1);
      const following = blocks[index + answerBlocks.length + 1];
      if (
        last?.type === "paragraph" &&
        plainText(last.children).trim().endsWith(":") &&
        following?.type === "list"
      )
        answerBlocks.push(following);
      out.basic(
        stringifyPhrasing(stripNumbering(unwrapBold(children))),
        answerMarkdown([], answerBlocks, source),
        line,
        context,
        "Question",
      );
      return answerBlocks.length;
    }
  } else if (question && question.rest.length > 0) {
    out.basic(
      stringifyPhrasing(stripNumbering(unwrapBold(question.question))),
      answerMarkdown(question.rest, [], source),
      line,
      context,
      "Question",
    );
    return 0;
  }

  const plain = vocabulary ? plainDefinition(children) : undefined;
  if (plain) {
    out.basic(
      stringifyPhrasing(plain.term),
      stringifyPhrasing(plain.definition),
      line,
      context,
      "Definition",
    );
    return 0;
  }
  factCards(children, line, context, out);
  return 0;
}

/** A heading of the same or a higher level, or a `---` rule: where a heading's answer stops. */
function endsSection(block: RootContent, depth: number): boolean {
  return block.type === "thematicBreak" || (block.type === "heading" && block.depth <= depth);
}

/** Walks a sequence of blocks (the document, or a blockquote's content) under a base context. */
export function walkBlocks(blocks: RootContent[], baseContext: string[], env: WalkEnv): void {
  const headings: { depth: number; text: string }[] = [];
  const context = () => [...baseContext, ...headings.map((heading) => heading.text)];
  let vocabulary = sectionIsVocabulary(blocks, 0);
  let index = 0;
  while (index < blocks.length) {
    const block = blocks[index]!;
    if (block.type === "heading") {
      vocabulary = sectionIsVocabulary(blocks, index + 1);
      if (block === env.titleHeading) {
        index += 1;
        continue;
      }
      while ((headings.at(-1)?.depth ?? 0) >= block.depth) headings.pop();
      const headingText = plainText(block.children).trim();
      if (isQuestionText(headingText)) {
        let end = index + 1;
        while (end < blocks.length && !endsSection(blocks[end]!, block.depth)) end += 1;
        const answer = blocks.slice(index + 1, end);
        const front = stringifyPhrasing(stripNumbering(unwrapBold(block.children)));
        env.out.basic(
          front,
          answerMarkdown([], answer, env.source),
          lineOf(block),
          context(),
          "Question heading",
        );
        index = end;
        if (blocks[end]?.type !== "heading") vocabulary = false;
        continue;
      }
      if (headingText !== "") headings.push({ depth: block.depth, text: headingText });
      index += 1;
      continue;
    }
    index += 1 + blockCards(blocks, index, context(), vocabulary, env);
  }
}

/** Cards of one non-heading block; returns how many following blocks it consumed as its answer. */
function blockCards(
  blocks: RootContent[],
  index: number,
  context: string[],
  vocabulary: boolean,
  env: WalkEnv,
): number {
  const block = blocks[index]!;
  switch (block.type) {
    case "paragraph":
      return paragraphCards(blocks, index, context, vocabulary, env);
    case "list":
      listCards(block, context, env);
      return 0;
    case "table":
      tableCards(block, context, env.out);
      return 0;
    case "blockquote":
      walkBlocks(block.children, context, env);
      return 0;
    default:
      // Code, HTML, front matter, thematic breaks, link definitions: never cards.
      return 0;
  }
}
