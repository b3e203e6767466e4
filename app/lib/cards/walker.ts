/**
 * Walks the document's blocks in order, keeping the heading path (card context), and hands each
 * block to the format that claims it. Blocks used as an answer are consumed and never make other cards.
 */
import type { RootContent } from "mdast";
import { answerMarkdown, withoutAnswerLabel } from "./answers";
import { readCallout } from "./callouts";
import { detailsCards } from "./details";
import { isLoneQuestion, listCards } from "./list-items";
import { stringifyPhrasing } from "./markdown";
import { makesOwnCards, paragraphCards, sectionIsVocabulary } from "./paragraphs";
import { plainText } from "./phrasing";
import { isQuestionText, questionFront } from "./questions";
import { lineOf, type WalkEnv } from "./shared-cards";
import { tableCards } from "./tables";

export type { WalkEnv };

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
        const front = stringifyPhrasing(questionFront(block.children));
        const labelled = withoutAnswerLabel(answer);
        env.out.basic(
          front,
          answerMarkdown(labelled.lead, labelled.blocks, env.source),
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
    case "list": {
      const next = blocks[index + 1];
      if (next?.type === "paragraph" && isLoneQuestion(block) && !makesOwnCards(next)) {
        listCards(block, context, env, [next]);
        return 1;
      }
      listCards(block, context, env);
      return 0;
    }
    case "table":
      tableCards(block, context, env.out);
      return 0;
    case "blockquote": {
      const callout = readCallout(block.children);
      if (callout && isQuestionText(plainText(callout.title))) {
        const answer = withoutAnswerLabel(callout.body);
        env.out.basic(
          stringifyPhrasing(questionFront(callout.title)),
          answerMarkdown(answer.lead, answer.blocks, env.source),
          lineOf(block),
          context,
          "Question callout",
        );
        return 0;
      }
      walkBlocks(callout ? callout.body : block.children, context, env);
      return 0;
    }
    case "html":
      // `<details>` with a question as its summary; any other HTML is never a card.
      return detailsCards(blocks, index, context, env);
    default:
      // Code, front matter, thematic breaks, link definitions: never cards.
      return 0;
  }
}
