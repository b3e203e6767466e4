/**
 * List items: question bullets (`- **Question?**` with the answer in the rest of the item),
 * `Q:` items, definitions (`- **Term**: def`, plain `- Term: def` in vocabulary lists), explicit syntax,
 * and otherwise facts in prose. Ordered lists work the same.
 */
import type { List, ListItem, Paragraph, RootContent } from "mdast";
import { answerMarkdown, withoutAnswerLabel } from "./answers";
import { Collector } from "./collector";
import { boldDefinition, boldTermAlone, isVocabularyRun, plainDefinition } from "./definitions";
import { explicitClozes } from "./cloze";
import { inlineCards, multilineCard } from "./explicit";
import { stringifyPhrasing } from "./markdown";
import { labelledAnswer, labelledQuestion } from "./qa-pairs";
import { leadingPrompt, leadingQuestion, questionFront } from "./questions";
import { isLinkOrImageOnly } from "./phrasing";
import { explicitCards, factCards, lineOf, type WalkEnv } from "./shared-cards";
import { walkBlocks } from "./walker";

function firstParagraph(item: ListItem): Paragraph | undefined {
  const first = item.children[0];
  return first?.type === "paragraph" ? first : undefined;
}

/** An item whose first paragraph is `Term: def` or `**Term**: def` (explicit syntax aside). */
function isDefinitionItem(item: ListItem): boolean {
  const paragraph = firstParagraph(item);
  if (!paragraph) return false;
  const children = paragraph.children;
  if (multilineCard(children) || inlineCards(children).length > 0 || explicitClozes(children)) return false;
  return (boldDefinition(children) ?? plainDefinition(children)) !== undefined;
}

function itemCards(
  item: ListItem,
  context: string[],
  vocabulary: boolean,
  env: WalkEnv,
  trailing: RootContent[] = [],
): void {
  const { out, source } = env;
  const line = lineOf(item);
  const paragraph = firstParagraph(item);
  if (!paragraph) {
    walkBlocks(item.children, context, env);
    return;
  }
  const rest = [...item.children.slice(1), ...trailing];
  const children = paragraph.children;
  // A table of contents entry (`- [What is this?](#what-is-this)`) is a link, not a question.
  if (isLinkOrImageOnly(children)) {
    walkBlocks(rest, context, env);
    return;
  }

  const explicit = explicitCards(item.children, 0, paragraph, line, context, env);
  if (explicit !== undefined) {
    walkBlocks(rest.slice(explicit), context, env);
    return;
  }
  // `- [ ] read chapter 3`: a task is a to-do, not something to learn (explicit syntax aside).
  if (typeof item.checked === "boolean") return;

  const labelled = labelledQuestion(children);
  if (labelled) {
    const front = stringifyPhrasing(labelled.question);
    const answer = labelled.answer ? { lead: labelled.answer, blocks: rest } : withoutAnswerLabel(rest);
    out.basic(front, answerMarkdown(answer.lead, answer.blocks, source), line, context, "Question");
    return;
  }

  // `- **Explain X.**` or `- what is a monomer` with the answer below it reads as a question too.
  const question = leadingQuestion(children) ?? leadingPrompt(children, rest.length > 0);
  if (question) {
    const front = stringifyPhrasing(questionFront(question.question));
    const answer =
      question.rest.length > 0 ? { lead: question.rest, blocks: rest } : withoutAnswerLabel(rest);
    out.basic(front, answerMarkdown(answer.lead, answer.blocks, source), line, context, "Question");
    return;
  }

  const definition = boldDefinition(children) ?? (vocabulary ? plainDefinition(children) : undefined);
  if (definition) {
    out.basic(
      stringifyPhrasing(definition.term),
      answerMarkdown(definition.definition, rest, source),
      line,
      context,
      "Definition",
    );
    return;
  }

  // `- **Bandwidth**` with its description nested under it, unless what is nested makes cards itself
  // (`- **Europe**` over `- The **Danube** flows ...` groups facts).
  const term = rest.length > 0 ? boldTermAlone(children) : undefined;
  if (term && !makesCards(rest, context, env)) {
    out.basic(stringifyPhrasing(term), answerMarkdown([], rest, source), line, context, "Definition");
    return;
  }

  factCards(children, line, context, out);
  walkBlocks(rest, context, env);
}

/** Whether these blocks would make cards of their own (a dry run into a scratch collector). */
function makesCards(blocks: RootContent[], context: string[], env: WalkEnv): boolean {
  const probe = new Collector();
  walkBlocks(blocks, context, { ...env, out: probe });
  return probe.cards.length > 0;
}

/** `- Q: question` followed by `- A: answer` as the next bullet: the answer item, when it is one. */
function answerItem(item: ListItem, next: ListItem | undefined): Paragraph["children"] | undefined {
  const question = firstParagraph(item);
  const answer = next && firstParagraph(next);
  if (!question || !answer || item.children.length > 1) return undefined;
  const pair = labelledQuestion(question.children);
  return pair && !pair.answer ? labelledAnswer(answer.children) : undefined;
}

/** Cards of every item of a list; plain `Term: def` items count only when most items are like that. */
export function listCards(list: List, context: string[], env: WalkEnv, trailing: RootContent[] = []): void {
  const items = list.children;
  const matching = items.filter(isDefinitionItem).length;
  const vocabulary = isVocabularyRun(matching, items.length);
  for (let at = 0; at < items.length; at += 1) {
    const item = items[at]!;
    const next = items[at + 1];
    const answer = answerItem(item, next);
    if (answer && next) {
      const question = labelledQuestion(firstParagraph(item)!.children)!.question;
      const back = answerMarkdown(answer, next.children.slice(1), env.source);
      env.out.basic(stringifyPhrasing(question), back, lineOf(item), context, "Question");
      at += 1;
      continue;
    }
    itemCards(item, context, vocabulary, env, at === items.length - 1 ? trailing : []);
  }
}

/**
 * A one-item list that is only a question (`- What is X?`, then a blank line and `X is ...` not
 * indented): the author meant the next paragraph as its answer.
 */
export function isLoneQuestion(list: List): boolean {
  const [item, ...others] = list.children;
  const paragraph = item && item.children.length === 1 ? firstParagraph(item) : undefined;
  if (others.length > 0 || !paragraph || isLinkOrImageOnly(paragraph.children)) return false;
  const question = leadingQuestion(paragraph.children);
  return question !== undefined && question.rest.length === 0;
}
