/**
 * A question heading over lettered options with its key further down, as JavaScript quiz
 * collections write them (and their translations):
 *
 *     ###### 1. What's the output?
 *     ```js ... ```
 *     - A: `Lydia` and `undefined`
 *     - B: `undefined`
 *     <details><summary>Answer</summary>  #### Answer: B  ...  </details>
 *
 * The card asks the question (with the code it asks about) and answers with the keyed option. Quiz
 * collections written with checkboxes tick the right option instead of keying it:
 *
 *     #### Q1. Which statement reports profit?
 *     - [ ] balance sheet
 *     - [x] income statement
 *
 * or restate it in bold on a line after the options (`**income statement**`).
 */
import type { Root, RootContent } from "mdast";
import { CONTINUE, EXIT, SKIP, visit } from "unist-util-visit";
import type { Block, ListBlock } from "../outline/types";
import { joinLines, plainText, splitLines, text, trimPhrasing, type Phrasing } from "../phrasing";
import { answerKey, asksAboutAuthor, asksForSeveral, markedChoice } from "../prompts/choices";
import { isThematicBreak } from "./bodies";

export interface KeyedChoice {
  /** The code the question asks about, between the heading and the options. */
  code: RootContent[];
  answer: Phrasing;
}

/** The key line (`Answer: B`) a block holds: a paragraph's line, or a line in a `<details>`. */
function keyLineIn(block: Block): Phrasing | undefined {
  if (block.kind === "paragraph") return block.lines.find((line) => answerKey(line));
  if (block.kind !== "details") return undefined;
  let found: Phrasing | undefined;
  // Also in the toggle's lists (`- **Answer: D**` / `- the reason ...`).
  visit({ type: "root", children: block.content } as Root, (node) => {
    if (found) return EXIT;
    if (node.type !== "paragraph" && node.type !== "heading") return CONTINUE;
    found = splitLines(node.children).find((candidate) => answerKey(candidate));
    return SKIP;
  });
  return found;
}

/** `- A: ...`, `- (b) ...`: options that carry their letter. */
const LETTERED = /^\s*\(?[a-fA-F][.):]\s/;

/** Unlettered options (`` - `Lydia and undefined` ``) lettered in order, as a key counts them. */
function lettered(options: Phrasing[]): Phrasing[] {
  if (options.some((option) => LETTERED.test(plainText(option)))) return options;
  return options.map((option, at) => [text(`${String.fromCharCode(97 + at)}) `), ...option]);
}

/** The section's options and key, read as one multiple-choice question; undefined for anything else. */
export function keyedChoice(blocks: Block[], question: string): KeyedChoice | undefined {
  const ends = blocks.findIndex(isThematicBreak);
  const direct = ends === -1 ? blocks : blocks.slice(0, ends);
  const at = direct.findIndex((block) => block.kind === "list");
  const list = direct[at] as ListBlock | undefined;
  if (!list || list.items.length < 2) return undefined;
  const before = direct.slice(0, at);
  if (!before.every((block) => block.kind === "other" && block.node.type === "code")) return undefined;
  if (list.items.length > 6) return undefined;
  const options = lettered(list.items.map((item) => item.lead?.lines[0] ?? []));
  const code = before.flatMap((block) => (block.kind === "other" ? [block.node] : []));
  // Ticked boxes are a quiz's key only under a question numbered as a quiz's are (`Q1.`, `D4.`, `3.`):
  // under `Which topics are covered this week?` they record progress.
  const ticked = QUIZ_NUMBER.test(question) && !asksAboutAuthor(question) ? tickedOptions(list) : undefined;
  if (ticked) return { code, answer: ticked };
  const restated = restatedOptions(direct[at + 1], list, question);
  if (restated) return { code, answer: restated };
  const keyLine = direct
    .slice(at + 1)
    .map(keyLineIn)
    .find((line) => line !== undefined);
  if (!keyLine) return undefined;
  const answer = markedChoice(options, keyLine, true);
  if (!answer || answer === "unanswered" || plainText(answer).trim() === "") return undefined;
  return { code, answer };
}

/** The options ticked in a list of checkboxes, some ticked and some not; undefined for any other list. */
function tickedOptions(list: ListBlock): Phrasing | undefined {
  if (list.items.some((item) => item.checked === null || !item.lead || item.blocks.length > 0))
    return undefined;
  const ticked = list.items.filter((item) => item.checked === true);
  if (ticked.length === 0 || ticked.length === list.items.length) return undefined;
  return joinLines(ticked.map((item) => item.lead!.lines[0] ?? []));
}

/** The words of a line, to tell an option restated with a typo or without its full stop. */
function wordsOf(line: Phrasing): Set<string> {
  return new Set(
    plainText(line)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
}

/**
 * `**Reliability**` on a line of its own after the options (an explanation may follow it): the right
 * option restated in bold, one a line where several are right. Each must say (nearly) what an option
 * says.
 */
function restatedOptions(block: Block | undefined, list: ListBlock, question: string): Phrasing | undefined {
  if (block?.kind !== "paragraph") return undefined;
  const options = list.items.map((item) => wordsOf(item.lead?.lines[0] ?? []));
  const restated: Phrasing[] = [];
  for (const line of block.lines) {
    // `**a** <br />` then `**b**`: the break and the line end make an empty line between.
    if (trimPhrasing(line).length === 0) continue;
    const [first, ...rest] = trimPhrasing(line);
    if (first?.type !== "strong" || !onlyAnAside(rest)) return undefined;
    const named = wordsOf(first.children);
    const shared = (option: Set<string>) => [...named].filter((word) => option.has(word)).length;
    if (!options.some((option) => shared(option) >= RESTATED * Math.max(named.size, option.size)))
      return undefined;
    restated.push(trimPhrasing(first.children));
  }
  // `What are the three states of matter?` over the states: one of them in bold is no answer.
  const enough = asksForSeveral([[text(question)]]) ? restated.length >= 2 : restated.length > 0;
  return enough && restated.length < options.length ? joinLines(restated) : undefined;
}

/**
 * What may follow the bold option on its line: nothing, a break, or an aside in brackets or italics
 * (`**Reliability** *(it also covers ...)*`); not a sentence it opens (`**Gas** has no fixed shape`).
 */
function onlyAnAside(rest: Phrasing): boolean {
  const words = plainText(rest.filter((node) => node.type !== "emphasis" && node.type !== "html")).trim();
  return words === "" || /^\(.*\)$/.test(words);
}

/** `Q1.`, `D4.`, `Question 3:`, `3.`: a heading numbered as a quiz's questions are. */
const QUIZ_NUMBER = /^\s*(?:(?:Q|D|P|F|Question|Frage|Pregunta|Domanda|Pergunta|Вопрос)\s*\d*|\d+)\s*[.:)]/iu;

/** How many of the words an option and its bold restatement must share. */
const RESTATED = 0.75;
