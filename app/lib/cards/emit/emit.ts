/**
 * Decided prompts + the bodies under them -> cards, walking the outline in document order. What
 * each prompt's answer is:
 * - a question heading: everything up to the next heading of its level or a `---` rule, sub-headings
 *   included, but for sub-headings that are cards of their own (unless the question names them:
 *   `Give the formulae for linear and cyclic ...` over `### Linear`, `### Cyclic`) and label
 *   sections (`References`). Cards in its body (definitions, a table) are its answer where they open
 *   it or a line announces them (`Examples of such techniques:`); after an answer in prose they are
 *   cards of their own. A question over a glossary (six or more blocks of cards, or six bold
 *   definitions, and no prose) is a section title, not a card.
 * - a term heading: the definition that opens its body, up to code, a table, a label line
 *   (`Syntax:`), other cards or a rule.
 * - a list item: the rest of its line and what is nested under it. Nested items that are cards of
 *   their own stay out of a term's definition, unless the term's own text announces them (`A category
 *   consists of:`); an item whose nested content is only cards just groups them.
 * - a paragraph: the rest of the paragraph; a paragraph that only asks (or names a term) takes the
 *   next block (and what touches it), unless that block makes cards of its own.
 * - a callout or `<details>`: what it holds.
 * Blocks used as an answer make no other cards (the exceptions above aside); blocks that are no one's
 * answer and hold no prompt give facts in prose.
 */
import type { RootContent } from "mdast";
import { hidesAnAnswer } from "../outline/details";
import { nodesOf } from "../outline/outline";
import type { Block, CalloutBlock, Item, ListBlock, ParagraphBlock, Section } from "../outline/types";
import {
  isLinkOrImageOnly,
  plainText,
  trimPhrasing,
  withoutLetterEmphasis,
  type Phrasing,
} from "../phrasing";
import type { Decisions } from "../prompts/classify";
import type { Separators } from "../prompts/explicit";
import { isDecoration, isFormula, isTaskList, mentions, opensAsFragment } from "../prompts/headings";
import { clozeNearMisses } from "../prompts/cloze";
import { isFieldName } from "../prompts/fields";
import { labelledAnswer, labelledQuestion } from "../prompts/qa-pairs";
import { opensWithRemark } from "../prompts/labels";
import { isPromptText, isQuestionText, numberingLength, questionFront } from "../prompts/questions";
import { familyOf, type Prompt } from "../prompts/types";
import { stringifyBlocks, stringifyPhrasing } from "../markdown";
import { answerMarkdown, isBareAnswerLabel, withoutAnswerLabel } from "./answers";
import {
  adjacentAfter,
  asksInSummary,
  blockMakesCards,
  itemMakesCards,
  nodesOfBlocks,
  sectionMakesCards,
  sectionNodes,
} from "./blocks";
import type { Collector } from "./collector";
import { ankiNoteCards, explicitCards } from "./explicit-cards";
import { factCards, holdsFacts } from "./facts";
import { tableCards } from "./tables";
import {
  CONTAINER_BLOCKS,
  CONTAINER_CARDS,
  cardsIn,
  isEmptyTemplate,
  isThematicBreak,
  questionBody,
  strongTermsIn,
  termBody,
} from "./bodies";
import { keyedChoice } from "./keyed-choices";

export interface EmitOptions {
  source: string;
  out: Collector;
  decisions: Decisions;
  separators: Separators;
  /** Facts in prose become clozes (front matter `facts: false` turns it off). */
  facts: boolean;
}

class Emitter {
  private readonly consumed = new Set<object>();

  constructor(private readonly env: EmitOptions) {}

  private get decisions(): Decisions {
    return this.env.decisions;
  }

  private card(prompt: Prompt, back: string, line: number, context: string[], what: string): void {
    // Only a prompt that plainly asks (or a bold term announcing its definition with `:`) is worth
    // a warning when nothing answers it.
    if (back.trim() === "" && !["asks", "labelled"].includes(prompt.form) && !prompt.announced) return;
    const front = stringifyPhrasing(
      familyOf(prompt.form) === "question"
        ? questionFront(prompt.front)
        : withoutLetterEmphasis(prompt.front),
    );
    this.env.out.basic(front, back, line, context, what, { term: prompt.role === "term" });
  }

  private answer(lead: Phrasing, blocks: RootContent[]): string {
    const labelled = trimPhrasing(lead).length === 0 ? withoutAnswerLabel(blocks) : { lead, blocks };
    return answerMarkdown(labelled.lead, labelled.blocks, this.env.source);
  }

  section(section: Section, context: string[]): void {
    const prompt = this.decisions.prompts.get(section)?.[0];
    const title = plainText(section.title).trim();
    if (prompt) this.headingCard(section, prompt, context);
    // A question heading frames no cards after its answer: they are not about it.
    const framing =
      !section.isDeckTitle && title !== "" && section.heading !== undefined && prompt?.role !== "question";
    const inner = framing ? [...context, title] : context;
    this.blocks(section.blocks, inner);
    for (const child of section.sections) if (!this.consumed.has(child)) this.section(child, inner);
  }

  private headingCard(section: Section, prompt: Prompt, context: string[]): void {
    if (prompt.role === "term") {
      const body = termBody(section.blocks, this.decisions);
      if (body.length === 0) return;
      for (const block of body) this.consumed.add(block);
      this.card(prompt, this.answer([], nodesOfBlocks(body)), section.line, context, "Term heading");
      return;
    }
    const ends = section.blocks.findIndex(isThematicBreak);
    const direct = ends === -1 ? section.blocks : section.blocks.slice(0, ends);
    const choice = keyedChoice(direct, plainText(section.title));
    if (choice) {
      for (const block of direct) this.consumed.add(block);
      const front = [stringifyPhrasing(questionFront(prompt.front)), stringifyBlocks(choice.code)];
      const back = stringifyPhrasing(choice.answer);
      this.env.out.basic(front.join("\n\n").trim(), back, section.line, context, "Question heading");
      return;
    }
    const cardBlocks = direct.filter((block) => blockMakesCards(block, this.decisions));
    const prose = direct.filter((block) => !cardBlocks.includes(block) && !isDecoration(block));
    const cardCount = cardBlocks.reduce((count, block) => count + cardsIn(block, this.decisions), 0);
    // A question over nothing but a glossary (`## What is knowledge?`) titles its section; one list
    // or table right under it is its answer, unless it is a list of bold definitions, terms in
    // their own right.
    const strongTerms = direct.reduce((count, block) => count + strongTermsIn(block, this.decisions), 0);
    if (
      prose.length === 0 &&
      (cardBlocks.length >= CONTAINER_BLOCKS ||
        cardCount >= CONTAINER_CARDS ||
        strongTerms >= CONTAINER_BLOCKS)
    )
      return;
    const body = questionBody(direct, this.decisions);
    const questionText = plainText(prompt.front);
    const subsections: Section[] = [];
    if (ends === -1 && body.length === direct.length) {
      for (const child of section.sections) {
        if (this.decisions.labels.has(child) && !sectionMakesCards(child, this.decisions)) continue;
        const named =
          mentions(plainText(child.title), questionText) &&
          plainText(child.title).trim().split(/\s+/).length <= 3;
        if (sectionMakesCards(child, this.decisions) && !named) break;
        subsections.push(child);
      }
    }
    // Answered only by sub-headings that are cards themselves (`## What are the states of matter?`
    // over `### Solid`, `### Liquid`): the question titles them.
    if (body.length === 0 && subsections.length === 0 && section.sections.length > 0) return;
    for (const block of body) this.consumed.add(block);
    for (const child of subsections) this.consumed.add(child);
    const nodes = [...nodesOfBlocks(body), ...subsections.flatMap(sectionNodes)];
    this.card(prompt, this.answer([], nodes), section.line, context, "Question heading");
  }

  blocks(blocks: Block[], context: string[]): void {
    for (let index = 0; index < blocks.length; index += 1) {
      const block = blocks[index]!;
      if (this.consumed.has(block)) continue;
      index += this.block(blocks, index, context);
    }
  }

  /** Cards of one block; returns how many following blocks it consumed. */
  private block(blocks: Block[], index: number, context: string[]): number {
    const block = blocks[index]!;
    switch (block.kind) {
      case "paragraph":
        return this.paragraph(blocks, index, block, context);
      case "list":
        return this.list(blocks, index, block, context);
      case "table":
        tableCards(block.node, context, this.env.out);
        return 0;
      case "callout":
        this.callout(block, context);
        return 0;
      case "quote":
        this.blocks(block.blocks, context);
        return 0;
      case "details": {
        if (asksInSummary(block.summary)) {
          const front = stringifyPhrasing(questionFront(block.summary));
          this.env.out.basic(front, this.answer([], block.content), block.line, context, "Question");
        } else {
          this.blocks(block.blocks, context);
        }
        return 0;
      }
      case "anki-note":
        ankiNoteCards(block, context, this.env.out);
        return 0;
      default:
        return 0;
    }
  }

  private callout(callout: CalloutBlock, context: string[]): void {
    const prompt = this.decisions.prompts.get(callout)?.[0];
    if (!prompt) {
      this.blocks(callout.blocks, context);
      return;
    }
    this.card(prompt, this.answer([], nodesOfBlocks(callout.blocks)), callout.line, context, "Callout");
  }

  /**
   * The blocks that answer a prompt standing alone at `blocks[index]`: the next block and what touches
   * it (plus a list that an answer ending in `:` announces), unless the next block makes cards of its own.
   */
  private blocksAnswering(blocks: Block[], index: number): Block[] {
    const toggle = this.toggleAnswering(blocks, index);
    if (toggle) return toggle;
    const next = blocks[index + 1];
    if (
      !next ||
      this.consumed.has(next) ||
      !["paragraph", "list", "quote", "other", "table"].includes(next.kind)
    )
      return [];
    if (next.kind === "other" && next.node.type === "html") return [];
    // A to-do list after an unanswered question is the author's tasks, not the answer; nor is a
    // template of empty fields.
    if (isTaskList(next) || isEmptyTemplate(next)) return [];
    if (blockMakesCards(next, this.decisions) || this.decisions.reflective.has(next as ParagraphBlock))
      return [];
    // Nor is a remark to the reader (`Remember: paper 2 due Friday!!`) the answer to a question above.
    if (
      next.kind === "paragraph" &&
      (isQuestionText(plainText(next.node.children)) ||
        isLinkOrImageOnly(next.node.children) ||
        opensWithRemark(plainText(next.node.children)))
    )
      return [];
    const answer = [
      next,
      ...adjacentAfter(blocks, index + 1).filter((block) => !blockMakesCards(block, this.decisions)),
    ];
    const last = answer.at(-1);
    const following = blocks[index + answer.length + 1];
    // `... as follows:` over a list, and `Solution:` alone over the paragraph that is the answer.
    const introduces =
      last?.kind === "paragraph" &&
      plainText(last.node.children).trim().endsWith(":") &&
      (following?.kind === "list" ||
        (isBareAnswerLabel(last.node.children) &&
          (following?.kind === "paragraph" || following?.kind === "other")));
    if (introduces && !blockMakesCards(following!, this.decisions)) answer.push(following!);
    // `$$F = ma$$` under `**Newton's second law**`: the paragraphs explaining the formula go with it.
    if (answer.length === 1 && isFormula(next)) {
      for (const block of blocks.slice(index + 2, index + 2 + MAX_FORMULA_NOTES)) {
        if (block.kind !== "paragraph" || this.consumed.has(block) || blockMakesCards(block, this.decisions))
          break;
        answer.push(block);
      }
    }
    return answer;
  }

  /**
   * In a series of questions asked on lines of their own (`**1. What is a process?**` over paragraphs,
   * as interview notes are written), the paragraphs after a question's answer (`blocks[end]`) up to
   * the next such question go on answering it. None where they end at anything else (a list, a
   * rule, cards of their own, the end of the section), or where one is the writer's aside (`I always
   * mix this up`) or announces what follows (`Ports to remember:`).
   */
  private answerRunningOn(blocks: Block[], end: number): Block[] {
    const more: Block[] = [];
    for (let at = end + 1; at < blocks.length; at += 1) {
      const block = blocks[at]!;
      if (this.asksAlone(block)) return more;
      // `3. Understand modules` after `2. Explain hoisting`: the series' next item, if not a question.
      if (block.kind === "list" && block.node.ordered && (block.node.start ?? 1) > 1) return [];
      if (
        block.kind !== "paragraph" ||
        this.consumed.has(block) ||
        this.decisions.prompts.has(block) ||
        asksOrAnswers(block) ||
        asidesOrAnnounces(block)
      )
        return [];
      more.push(block);
    }
    // After the last question, what follows may be the note going on to something else.
    return [];
  }

  /** A paragraph or a list's last item (`1. What is a closure?`) that only asks, its answer below it. */
  private asksAlone(block: Block): boolean {
    const asker = block.kind === "list" ? block.items.at(-1) : block.kind === "paragraph" ? block : undefined;
    if (!asker || (asker.kind === "item" && asker.blocks.length > 0)) return false;
    const last = this.decisions.prompts.get(asker)?.at(-1);
    return last?.role === "question" && trimPhrasing(last.answer).length === 0;
  }

  /**
   * A `<details><summary>Show answer</summary>` toggle right under a question, or past the image of a
   * difficulty badge (`![Easy](...svg)`), as interview-prep READMEs hide their answers: the blocks up
   * to it, of which only the toggle answers ({@link shownAnswer}).
   */
  private toggleAnswering(blocks: Block[], index: number): Block[] | undefined {
    let at = index + 1;
    const badge = blocks[at];
    if (badge?.kind === "paragraph" && isLinkOrImageOnly(badge.node.children)) at += 1;
    const toggle = blocks[at];
    if (toggle?.kind !== "details" || this.consumed.has(toggle) || !hidesAnAnswer(toggle)) return undefined;
    // A toggle of questions or terms of its own (`Show answers` over a quiz) answers nothing above it.
    if (toggle.blocks.some((block) => blockMakesCards(block, this.decisions))) return undefined;
    return blocks.slice(index + 1, at + 1);
  }

  private paragraph(blocks: Block[], index: number, paragraph: ParagraphBlock, context: string[]): number {
    const { decisions } = this;
    if (decisions.explicit.has(paragraph)) {
      return explicitCards(blocks, index, paragraph, context, {
        source: this.env.source,
        out: this.env.out,
        separators: this.env.separators,
        walkList: (list, listContext) => this.list([list], 0, list, listContext),
      });
    }
    for (const problem of clozeNearMisses(paragraph.node.children))
      this.env.out.warn(paragraph.line, problem);
    const prompts = decisions.prompts.get(paragraph);
    if (!prompts) {
      if (this.env.facts && !decisions.reflective.has(paragraph))
        factCards(paragraph.node.children, paragraph.line, context, this.env.out);
      return 0;
    }
    let consumed = 0;
    prompts.forEach((prompt, at) => {
      const line = paragraph.line + prompt.line;
      const last = at === prompts.length - 1;
      if (trimPhrasing(prompt.answer).length > 0 || !last) {
        if (last && prompt.optionsBelow) consumed = this.takeOptions(blocks, index);
        const list = last && !prompt.optionsBelow ? this.listIntroduced(blocks, index, prompt.answer) : [];
        consumed += list.length;
        this.card(
          prompt,
          this.answer(prompt.answer, nodesOfBlocks(list)),
          line,
          context,
          prompt.role === "term" ? "Definition" : "Question",
        );
        return;
      }
      const below = this.takeBelow(blocks, index, prompt.role === "question");
      consumed = below.length;
      const answer = below.length > 0 ? shownAnswer(below) : this.glossaryAnswering(blocks, index, prompt);
      // `**Mixtures:**` over `- **Alloy:** ...` cards: a title over the terms, not one left unanswered.
      const next = blocks[index + 1];
      const titlesList = next?.kind === "list" && blockMakesCards(next, this.decisions);
      if (answer.length === 0 && prompt.role === "term" && titlesList) return;
      this.card(
        prompt,
        this.answer([], nodesOfBlocks(answer)),
        line,
        context,
        prompt.role === "term" ? "Definition" : "Question",
      );
    });
    return consumed;
  }

  private list(blocks: Block[], index: number, list: ListBlock, context: string[]): number {
    const items = list.items;
    let consumed = 0;
    for (let at = 0; at < items.length; at += 1) {
      const item = items[at]!;
      if (this.consumed.has(item)) continue;
      const next = items[at + 1];
      if (this.answerItem(item, next, context)) {
        at += 1;
        continue;
      }
      const last = at === items.length - 1;
      const asks = this.decisions.prompts.get(item)?.[0]?.role === "question";
      const below = last ? () => this.takeBelow(blocks, index, asks) : undefined;
      consumed = this.item(item, context, below, list.node.ordered === true);
      if (last && this.decisions.prompts.get(item)?.[0]?.optionsBelow)
        consumed = this.takeOptions(blocks, index);
    }
    return consumed;
  }

  /** The list of options under a multiple-choice question: part of its question, no cards of its own. */
  private takeOptions(blocks: Block[], index: number): number {
    const next = blocks[index + 1];
    if (next?.kind !== "list") return 0;
    this.consumed.add(next);
    return 1;
  }

  /** `How TCP sets up a connection:` closing an answer, over the list it introduces: taken. */
  private listIntroduced(blocks: Block[], index: number, answer: Phrasing): Block[] {
    const next = blocks[index + 1];
    if (!/:\s*$/.test(plainText(answer)) || next?.kind !== "list" || this.consumed.has(next)) return [];
    if (blockMakesCards(next, this.decisions) || isTaskList(next)) return [];
    this.consumed.add(next);
    return [next];
  }

  /**
   * `**What's the difference between a hub and a switch?**` over `- hub: ...` / `- switch: ...`: a
   * question answered by a list of terms. The list is its answer and still makes its own cards
   * (it is not taken).
   */
  private glossaryAnswering(blocks: Block[], index: number, prompt: Prompt): Block[] {
    const next = blocks[index + 1];
    if (prompt.role !== "question" || prompt.strength !== "strong" || next?.kind !== "list") return [];
    const terms = next.items.every(
      (item) => !item.lead || this.decisions.prompts.get(item)?.[0]?.role === "term",
    );
    return terms && blockMakesCards(next, this.decisions) ? [next] : [];
  }

  /** The blocks after `blocks[index]` that answer it (a question, `asks`: running on), taken. */
  private takeBelow(blocks: Block[], index: number, asks: boolean): Block[] {
    const answering = this.blocksAnswering(blocks, index);
    const below =
      asks && answering.length > 0
        ? [...answering, ...this.answerRunningOn(blocks, index + answering.length)]
        : answering;
    for (const block of below) this.consumed.add(block);
    return below;
  }

  /** `- Q: question` followed by `- A: answer` as the next bullet. */
  private answerItem(item: Item, next: Item | undefined, context: string[]): boolean {
    if (!item.lead || !next?.lead || item.blocks.length > 0) return false;
    const pair = labelledQuestion(item.lead.node.children);
    const answer = pair && !pair.answer ? labelledAnswer(next.lead.node.children) : undefined;
    if (!pair || !answer) return false;
    const back = answerMarkdown(answer, nodesOfBlocks(next.blocks), this.env.source);
    this.env.out.basic(stringifyPhrasing(pair.question), back, item.line, context, "Question");
    return true;
  }

  /**
   * An item whose first paragraph holds a prompt per line (`1. Exposure` / `1.1 **Aperture** – ...` /
   * `1.2 **ISO** – ...`): a card per line; what is nested under the item answers the last one if it
   * has no answer of its own, and makes its own cards otherwise.
   */
  private itemLines(item: Item, lead: ParagraphBlock, prompts: Prompt[], context: string[]): number {
    prompts.forEach((prompt, at) => {
      const nested = at === prompts.length - 1 && trimPhrasing(prompt.answer).length === 0 ? item.blocks : [];
      for (const block of nested) this.consumed.add(block);
      const what = prompt.role === "term" ? "Definition" : "Question";
      this.card(
        prompt,
        this.answer(prompt.answer, nodesOfBlocks(nested)),
        lead.line + prompt.line,
        context,
        what,
      );
    });
    this.blocks(item.blocks, context);
    return 0;
  }

  /** Cards of one list item; `below` takes the blocks after the list when the item asks for them. */
  /** `numbered`: the item is one of a numbered list. */
  private item(item: Item, context: string[], below?: () => Block[], numbered = false): number {
    const prompt = this.decisions.prompts.get(item)?.[0];
    const lead = item.lead;
    if (lead && !this.decisions.explicit.has(lead))
      for (const problem of clozeNearMisses(lead.node.children)) this.env.out.warn(lead.line, problem);
    if (!prompt || !lead) {
      if (lead && this.decisions.explicit.has(lead)) {
        const taken = this.paragraph([lead, ...item.blocks], 0, lead, context);
        for (const block of item.blocks.slice(0, taken)) this.consumed.add(block);
      } else if (lead && this.env.facts && item.checked === null && !this.decisions.reflective.has(item)) {
        factCards(lead.node.children, lead.line, context, this.env.out);
      }
      this.blocks(item.blocks, context);
      return 0;
    }
    const prompts = this.decisions.prompts.get(item)!;
    if (
      prompts.length > 1 &&
      prompts.slice(1).every((later) => startsEntry(later, lead, prompts[0]!, numbered))
    )
      return this.itemLines(item, lead, prompts, context);
    const what = prompt.role === "term" ? "Definition" : "Question";
    const nested = item.blocks;
    // A multiple-choice question's nested options are its question, not its answer.
    if (prompt.form === "choice") {
      for (const block of nested) this.consumed.add(block);
      this.card(prompt, this.answer(prompt.answer, []), item.line, context, what);
      return 0;
    }
    // Bullets of facts under a bold term that they do not define (`- **Europe**` over `- The
    // **Danube** flows ...`) are cards of their own too: the term only groups them. A fragment
    // (`- flexes elbow, **supinates** forearm`) is the term's definition, whatever it stresses.
    const termText = plainText(prompt.front);
    const groupsFacts = (inner: Item) =>
      prompt.role === "term" &&
      this.env.facts &&
      inner.lead !== undefined &&
      holdsFacts(inner.lead.node.children) &&
      !opensAsFragment(plainText(inner.lead.node.children).trim()) &&
      !mentions(termText, plainText(inner.lead.node.children));
    const cardOrFacts = (inner: Item) =>
      this.decisions.prompts.has(inner) ||
      (inner.lead !== undefined && this.decisions.explicit.has(inner.lead)) ||
      groupsFacts(inner);
    // `- 물 #card` with nothing under it yet: a card the author has still to write, not an answer.
    const cardToWrite = (inner: Item) =>
      inner.lead?.node.data?.flashcardTag === true && inner.blocks.length === 0;
    const cardBlocks = nested.filter(
      (block) =>
        blockMakesCards(block, this.decisions) ||
        (block.kind === "list" &&
          block.items.some((inner) => itemMakesCards(inner, this.decisions) || groupsFacts(inner))),
    );
    const own = trimPhrasing(prompt.answer);
    if (nested.length === 0 && own.length === 0 && below) {
      const taken = below();
      this.card(prompt, this.answer([], nodesOfBlocks(shownAnswer(taken))), item.line, context, what);
      return taken.length;
    }
    // `- Describe the cell cycle #card` over `- Interphase: ...` bullets: the author made it one card,
    // its bullets the answer (unless cards tagged the same way are nested in it). Not a tagged title
    // (`- Chapter 3 vocabulary #review`) over terms.
    const tagged = (inner: Item) => inner.lead?.node.data?.flashcardTag === true;
    const asks = isQuestionText(plainText(prompt.front)) || isPromptText(plainText(prompt.front));
    const taggedOverAnswer =
      tagged(item) && asks && !nested.some((block) => block.kind === "list" && block.items.some(tagged));
    if (cardBlocks.length === 0 || taggedOverAnswer) {
      for (const block of nested) this.consumed.add(block);
      this.card(prompt, this.answer(own, nodesOfBlocks(nested)), item.line, context, what);
      return 0;
    }
    const announces =
      (own.length === 0 && !this.definedBeside(nested, termText)) || /[:：]\s*$/.test(plainText(own));
    // Only cards: every nested block is a card itself (a definition, each item its own prompt). In a
    // list of four or more, one item in five may be a remark between them (`- Dazu kommen auch`).
    const onlyCards = nested.every((block) => {
      if (block.kind !== "list") return blockMakesCards(block, this.decisions);
      const cards = block.items.filter((inner) => cardOrFacts(inner) || cardToWrite(inner)).length;
      const others = block.items.length - cards;
      return others === 0 || (cards >= 4 && others * 5 <= block.items.length);
    });
    if (prompt.role === "question") {
      // Its answer ends before the next prompt nested with it (`(a) Define ...` then `(b) Explain
      // ...`); a list of definitions that is its answer stays in it and makes cards too.
      const body = own.length > 0 ? [] : questionBody(nested, this.decisions);
      const answer = body.length > 0 ? body : nested;
      if (body.length > 0)
        for (const block of body) if (!blockMakesCards(block, this.decisions)) this.consumed.add(block);
      const nodes = answer.flatMap((block) => this.withoutQuestions(block));
      this.card(prompt, this.answer(own, nodes), item.line, context, what);
      this.blocks(nested, context);
      return 0;
    }
    if (announces && onlyCards) {
      this.blocks(nested, context);
      return 0;
    }
    if (announces) {
      for (const block of nested) this.consumed.add(block);
      this.card(prompt, this.answer(own, nodesOfBlocks(nested)), item.line, context, what);
      return 0;
    }
    const kept = nested.flatMap((block) => this.withoutCards(block));
    this.card(prompt, this.answer(own, kept), item.line, context, what);
    this.blocks(nested, context);
    return 0;
  }

  /**
   * `- **Transport proteins**` over `- Move molecules across membranes.` and `- **Channel proteins**:
   * form pores`: a bare term whose first bullet defines it (not announcing the rest with a colon),
   * beside bold terms defined in their own bullets. Those are cards of their own, not its answer.
   */
  private definedBeside(nested: Block[], term: string): boolean {
    const list = nested[0];
    if (nested.length !== 1 || list?.kind !== "list") return false;
    const first = list.items[0];
    if (!first?.lead || first.blocks.length > 0 || itemMakesCards(first, this.decisions)) return false;
    if (/[:：]\s*$/.test(plainText(first.lead.node.children))) return false;
    // Kinds of the term name it again (`Channel proteins` under `Transport proteins`); facts of it
    // (`**Inputs**: ...` under `Photosynthesis`) do not, and stay in its answer.
    const words = wordsOf(term);
    const kinds = list.items.filter((item) => itemMakesCards(item, this.decisions));
    return (
      strongTermsIn(list, this.decisions) > 0 &&
      kinds.every((item) => {
        const front = this.decisions.prompts.get(item)?.[0]?.front;
        return front !== undefined && [...wordsOf(plainText(front))].some((word) => words.has(word));
      })
    );
  }

  /** A question's answer without the questions nested in it (`- Follow-up: When ...?`): cards of their own. */
  private withoutQuestions(block: Block): RootContent[] {
    if (block.kind !== "list") return nodesOf(block);
    const asks = (item: Item) => this.decisions.prompts.get(item)?.[0]?.role === "question";
    return block.items.some(asks)
      ? listOf(
          block,
          block.items.filter((item) => !asks(item)),
        )
      : nodesOf(block);
  }

  /** A block's nodes without the list items that are cards of their own. */
  private withoutCards(block: Block): RootContent[] {
    if (block.kind !== "list") return blockMakesCards(block, this.decisions) ? [] : nodesOf(block);
    const items = block.items.filter((item) => !itemMakesCards(item, this.decisions));
    for (const item of items) this.consumed.add(item);
    return listOf(block, items);
  }
}

/** How many paragraphs explaining a formula its answer takes (see blocksAnswering). */
const MAX_FORMULA_NOTES = 2;

/** What answers of the blocks under a question: a hiding toggle alone, without the badge above it. */
function shownAnswer(below: Block[]): Block[] {
  const last = below.at(-1);
  return last?.kind === "details" && hidesAnAnswer(last) ? [last] : below;
}

/** The list with only `items` (none: nothing). */
function listOf(list: ListBlock, items: Item[]): RootContent[] {
  return items.length === 0 ? [] : [{ ...list.node, children: items.map((item) => item.node) }];
}

/** Adds the cards of the whole outline to the collector. */
/** The words of a term, singular (`proteins` and `protein` alike), to tell kinds of it. */
function wordsOf(term: string): Set<string> {
  const words = term.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return new Set(words.map((word) => word.replace(/s$/, "")));
}

/** `I always mix this up ...`, `Ports to remember:`: the writer's aside, or a paragraph announcing a list. */
function asidesOrAnnounces(paragraph: ParagraphBlock): boolean {
  const text = plainText(paragraph.node.children).trim();
  return /\b(?:I|I'm|I've|I'll|my|me)\b/.test(text) || /[:：]$/.test(text);
}

/** `Why ...?` or `Answer:` opening a paragraph: the start of another question, not more of an answer. */
function asksOrAnswers(paragraph: ParagraphBlock): boolean {
  const children = paragraph.node.children;
  return (
    isQuestionText(plainText(children)) ||
    isBareAnswerLabel(children) ||
    labelledAnswer(children) !== undefined
  );
}

export function emitCards(root: Section, options: EmitOptions): void {
  new Emitter(options).section(root, []);
}

/**
 * A prompt on a later line of an item that starts an entry of its own: sure of itself (`**ISO** –
 * ...`), numbered (`2.1 Golden hour -> ...`), or in a numbered item a term of two words or more
 * defined as the item's first line is (`9. Working capital: ...` over `Current ratio: ...`); not a
 * wrapped line that happens to hold a dash, nor a fact of the term above (`Class: beta blocker`,
 * `x = s[1:3]`).
 */
function startsEntry(prompt: Prompt, lead: ParagraphBlock, first: Prompt, numbered: boolean): boolean {
  const line = lead.lines[prompt.line];
  // By `:` or `=`, not a dash: a wrapped line may hold one (`found in citrus - and peppers`).
  const termLine = (at: number) =>
    /^[^:：=]{1,60}(?:[:：]|\s=)\s/.test(plainText(lead.lines[at] ?? []).trim());
  const term = plainText(prompt.front).trim();
  const alike =
    numbered &&
    term.split(/\s+/).length >= 2 &&
    !isFieldName(term) &&
    first.role === "term" &&
    first.form === "separator" &&
    prompt.form === "separator" &&
    termLine(first.line) &&
    termLine(prompt.line);
  return (
    prompt.strength === "strong" ||
    alike ||
    (line !== undefined && numberingLength(plainText(line).trim()) > 0)
  );
}
