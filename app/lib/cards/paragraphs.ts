/**
 * Top-level paragraphs: explicit syntax, `Q:`/`A:` pairs, definitions, questions answered by the next
 * block, plain vocabulary runs, and otherwise facts in prose.
 */
import type { Paragraph, RootContent } from "mdast";
import { answerMarkdown, withoutAnswerLabel } from "./answers";
import { explicitClozes } from "./cloze";
import {
  boldDefinition,
  colonLineDefinition,
  definitionsByLine,
  isVocabularyRun,
  plainDefinition,
} from "./definitions";
import { inlineCards, multilineCard } from "./explicit";
import { stringifyPhrasing } from "./markdown";
import { isLinkOrImageOnly, plainText } from "./phrasing";
import { labelledAnswer, labelledPairs, labelledQuestion } from "./qa-pairs";
import { isQuestionText, isWrappedQuestion, leadingQuestion, questionFront } from "./questions";
import { adjacentAfter, endLineOf, explicitCards, factCards, lineOf, type WalkEnv } from "./shared-cards";

/** Paragraphs that count when deciding whether a section is a vocabulary list (explicit cards do not). */
function isPlainCandidate(paragraph: Paragraph): boolean {
  const children = paragraph.children;
  return (
    !isLinkOrImageOnly(children) &&
    !multilineCard(children) &&
    inlineCards(children).length === 0 &&
    !explicitClozes(children) &&
    !definitionsByLine(children)
  );
}

/** Whether the paragraphs of this section (up to the next heading) form a plain vocabulary list. */
export function sectionIsVocabulary(blocks: RootContent[], from: number): boolean {
  const paragraphs: Paragraph[] = [];
  for (let at = from; at < blocks.length && blocks[at]!.type !== "heading"; at += 1) {
    const block = blocks[at]!;
    if (block.type === "paragraph" && isPlainCandidate(block)) paragraphs.push(block);
  }
  // `**Term**: def` paragraphs follow the pattern too, so they count toward the majority.
  const matching = paragraphs.filter(
    (paragraph) => boldDefinition(paragraph.children) ?? plainDefinition(paragraph.children),
  ).length;
  return isVocabularyRun(matching, paragraphs.length);
}

/** Card syntax of its own: a question, definition or explicit card in a paragraph. */
function isCardParagraph(children: Paragraph["children"]): boolean {
  return (
    isQuestionText(plainText(children)) ||
    labelledQuestion(children) !== undefined ||
    boldDefinition(children) !== undefined ||
    multilineCard(children) !== undefined ||
    inlineCards(children).length > 0 ||
    explicitClozes(children) !== undefined
  );
}

/**
 * `Do you know these terms?` followed by a definition list is an intro, not a question: a block that
 * makes cards of its own is never taken as the answer.
 */
export function makesOwnCards(block: RootContent): boolean {
  if (block.type === "paragraph") return isCardParagraph(block.children);
  if (block.type !== "list") return false;
  return block.children.some((item) => {
    const first = item.children[0];
    return (
      first?.type === "paragraph" &&
      (isCardParagraph(first.children) || leadingQuestion(first.children) !== undefined)
    );
  });
}

/**
 * The answer to a paragraph that only asks: the next block and what touches it (plus a list that
 * an answer such as `Eight:` announces), unless the next block makes cards of its own.
 */
function blocksAnswering(blocks: RootContent[], index: number): RootContent[] | undefined {
  const next = blocks[index + 1];
  const answerable = next && ["paragraph", "list", "code", "blockquote", "table", "math"].includes(next.type);
  if (!answerable || makesOwnCards(next)) return undefined;
  const answer = [next, ...adjacentAfter(blocks, index + 1)];
  const last = answer.at(-1);
  const following = blocks[index + answer.length + 1];
  if (
    last?.type === "paragraph" &&
    plainText(last.children).trim().endsWith(":") &&
    following?.type === "list"
  )
    answer.push(following);
  return answer;
}

/** Cards of the paragraph at `blocks[index]`; returns how many following blocks it consumed. */
export function paragraphCards(
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

  const pairs = labelledPairs(children);
  for (const [at, pair] of pairs.entries()) {
    const front = stringifyPhrasing(pair.question);
    const pairLine = line + pair.lineOffset;
    if (pair.answer) {
      out.basic(front, stringifyPhrasing(pair.answer), pairLine, context, "Question");
      continue;
    }
    // Only the paragraph's last `Q:` can find its answer in the blocks after it: an `A:` paragraph,
    // or (as for any question) the next block.
    const next = at === pairs.length - 1 ? blocks[index + 1] : undefined;
    const answer = next?.type === "paragraph" ? labelledAnswer(next.children) : undefined;
    if (answer) {
      const extra = adjacentAfter(blocks, index + 1);
      out.basic(front, answerMarkdown(answer, extra, source), pairLine, context, "Question");
      return 1 + extra.length;
    }
    const below = next ? blocksAnswering(blocks, index) : undefined;
    if (!below) {
      out.warn(pairLine, `Question "${plainText(pair.question).slice(0, 60)}" has no answer; skipped`);
      continue;
    }
    out.basic(front, answerMarkdown([], below, source), pairLine, context, "Question");
    return below.length;
  }
  if (pairs.length > 0) return 0;

  const byLine = definitionsByLine(children);
  if (byLine) {
    for (const entry of byLine) {
      const front = stringifyPhrasing(entry.term);
      out.basic(front, stringifyPhrasing(entry.definition), line + entry.lineOffset, context, "Definition");
    }
    return 0;
  }

  const definition = boldDefinition(children) ?? colonLineDefinition(children);
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
  if (question && question.rest.length > 0) {
    // The answer follows the question in the same paragraph (also when it is itself a question, as
    // in `何を食べたいですか？` / `What do you want to eat?`).
    out.basic(
      stringifyPhrasing(questionFront(question.question)),
      answerMarkdown(question.rest, [], source),
      line,
      context,
      "Question",
    );
    return 0;
  }
  const answerBlocks = question || isWrappedQuestion(children) ? blocksAnswering(blocks, index) : undefined;
  if (answerBlocks) {
    const answer = withoutAnswerLabel(answerBlocks);
    out.basic(
      stringifyPhrasing(questionFront(children)),
      answerMarkdown(answer.lead, answer.blocks, source),
      line,
      context,
      "Question",
    );
    return answerBlocks.length;
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
