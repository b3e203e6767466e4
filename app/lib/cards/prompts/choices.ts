/**
 * Multiple-choice questions whose right option is marked: the back is that option's text.
 *
 *     3 Which would most likely raise the quantity supplied?     - Which gas do plants take in?
 *     A input costs.                                               - a) oxygen
 *     -> B the price of steel.                                     - **b) carbon dioxide**
 *
 * Options are lettered (`A`, `b)`, `(c)`, `D.`) in order from the first letter, on the lines after
 * the question or as the items under it. The mark: an arrow before the option (`->`, `-->`, `=>`),
 * `(correct)`, `✓`, `✅`, `<-` or `← correct` after it, bold on the option or its letter, or a key line after the
 * options (`Answer: b`) when no option is marked. Where a note marks a chosen
 * option with `->` and the right one with `-->`, the longer arrow wins; two options marked alike by
 * arrows or style are no answer, but several ticked (`✅`) are all right ("select all that apply").
 * Unlettered options count only where a tick marks one (`- 7 ✔️`).
 */
import type { PhrasingContent } from "mdast";
import { ANSWER_WORDS, alternation } from "../label-words";
import { joinLines, plainText, sliceText, trimPhrasing, type Phrasing } from "../phrasing";
import { isQuestionText, questionFront } from "./questions";
import { makePrompt, type Prompt } from "./types";

// The option's text may start in the next node (`b) *oxygen*`): the letter ends the text node.
const OPTION = /^\s*(-{1,2}>|=>|→|[✓✔])?\s*\(?([a-fA-F])[.):]?(?:\s+(?=\S)|\s+$)/;
const MARK_AFTER =
  /\s*(?:\((?:correct|right|answer)\)|[✓✔✅☑]\uFE0F?|(?:<-{1,2}|←)(?:\s*(?:correct|right|answer)!?)?|\(\s*[✓✔x]\s*\))\s*$/iu;
/**
 * `Answer: b`, `Ans - (B) Piaget`, `Correct answer: c`, `Gabarito: letra B`: a key line naming the
 * right option by its letter.
 */
const ANSWER_KEY = new RegExp(
  String.raw`^\s*(?:(?:the\s+)?(?:correct|right)\s+(?:answer|option)|answer|ans|key|gabarito|${alternation(ANSWER_WORDS)})\s*(?:[:=：]|[-–—]|-{1,2}>|=>|→|\bis\b)?\s*(?:(?:letra|letter|option|opção|opción)\s+)?\(?([a-fA-F])(?:[.):]\s*|\s+|$)(.*)$`,
  "iu",
);

interface AnswerKey {
  letter: string;
  /** What follows the letter (`Piaget` in `Answer: (b) Piaget`), to check against the option. */
  named: string;
}

/**
 * `What do I need to finish?`: a question about the note's author, whose ticked boxes record
 * progress. `I` only after a word: opening a sentence it may be another language's article (`I
 * controlli interni ...`).
 */
export function asksAboutAuthor(question: string): boolean {
  return /\b(?:my|we|our|me|us)\b/i.test(question) || /[\p{L},]\s+I\b/u.test(question);
}

/** The option an answer-key line names (`Answer: b`); undefined for any other line. */
export function answerKey(line: Phrasing | undefined): AnswerKey | undefined {
  const match = line ? ANSWER_KEY.exec(plainText(line).trim()) : null;
  return match ? { letter: match[1]!.toLowerCase(), named: match[2]!.trim() } : undefined;
}

const folded = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** `Answer: a cell division` names no option: after the letter, a key repeats the option or nothing. */
function keyFits(key: AnswerKey, option: Option): boolean {
  if (key.named === "") return true;
  const named = folded(key.named);
  const text = folded(plainText(option.text));
  return named === text;
}

interface Option {
  /** `a`, `b`, ...; empty for an unlettered option (`- 7 ✔️`). */
  letter: string;
  text: Phrasing;
  /** How strongly it is marked as the answer; 0 when not at all. */
  mark: number;
  /** Marked only by its text being set in bold or italics. */
  styled?: boolean;
  /** Ticked (`✓`, `✅`, `(correct)`): several ticked options are all right (select all that apply). */
  ticked?: boolean;
  /** Marked by a `==highlight==` alone, which may stress one item of a list rather than answer. */
  highlighted?: boolean;
}

/**
 * `==Philadelphia==`: an option highlighted whole (Obsidian's mark for the right one), its text
 * without the marks; undefined when it is not.
 */
function highlighted(content: Phrasing): Phrasing | undefined {
  const first = content[0];
  const last = content.at(-1);
  if (first?.type !== "text" || last?.type !== "text") return undefined;
  if (!/^==[^=\s]/.test(first.value) || !/[^=\s]==$/.test(last.value)) return undefined;
  if (content.length === 1 && first.value.length < 5) return undefined;
  const inner =
    content.length === 1
      ? [sliceText(first, 2, first.value.length - 2)]
      : [sliceText(first, 2), ...content.slice(1, -1), sliceText(last, 0, last.value.length - 2)];
  // One highlight, not two (`==a== or ==b==`).
  return plainText(inner).includes("==") ? undefined : trimPhrasing(inner);
}

/** `- 7 ✔️`: an unlettered line, ticked or not; only a list with a tick is read as options. */
function unletteredOption(content: Phrasing): Option {
  const marked = highlighted(content);
  if (marked) return { letter: "", text: marked, mark: 3, ticked: true, highlighted: true };
  const last = content.at(-1);
  const after = last?.type === "text" ? MARK_AFTER.exec(last.value) : null;
  if (last?.type !== "text" || !after) return { letter: "", text: content, mark: 0 };
  const text = trimPhrasing([...content.slice(0, -1), sliceText(last, 0, after.index)]);
  return { letter: "", text, mark: 3, ticked: true };
}

function strong(node: PhrasingContent | undefined): boolean {
  return node?.type === "strong";
}

/** One option line, or undefined when the line is not an option. */
function readOption(line: Phrasing): Option | undefined {
  const content = trimPhrasing(line);
  const first = content[0];
  // `**b) carbon dioxide**` or `**b)** carbon dioxide`: the bold marks the answer.
  if (strong(first) && first?.type === "strong") {
    const letter = /^\s*\(?([a-fA-F])[.):]?\s*$/.exec(plainText(first.children));
    if (letter) return { letter: letter[1]!.toLowerCase(), text: trimPhrasing(content.slice(1)), mark: 3 };
    const inner = readOption(first.children);
    if (!inner) return undefined;
    const text = inner.text.length > 0 ? [...inner.text, ...content.slice(1)] : content.slice(1);
    return { letter: inner.letter, text: trimPhrasing(text), mark: 3 };
  }
  if (first?.type !== "text") return undefined;
  const match = OPTION.exec(first.value);
  if (!match) return unletteredOption(content);
  if (match[0].length === first.value.length && content.length === 1) return undefined;
  let text = trimPhrasing([sliceText(first, match[0].length), ...content.slice(1)]);
  let mark = match[1] === "->" || match[1] === "=>" || match[1] === "→" ? 2 : match[1] ? 3 : 0;
  let ticked = mark === 3;
  // `b. **mitochondria**`: the option's text set in bold (or italics) marks it.
  const only = text.length === 1 ? text[0] : undefined;
  const marked = highlighted(text);
  if (marked) {
    text = marked;
    mark = 3;
  }
  const styled = mark === 0 && (only?.type === "strong" || only?.type === "emphasis");
  if (only?.type === "strong" || only?.type === "emphasis") {
    text = trimPhrasing(only.children);
    mark = Math.max(mark, 3);
  }
  const last = text.at(-1);
  const after = last?.type === "text" ? MARK_AFTER.exec(last.value) : null;
  if (last?.type === "text" && after) {
    text = trimPhrasing([...text.slice(0, -1), sliceText(last, 0, after.index)]);
    mark = 3;
    ticked = true;
  }
  return { letter: match[2]!.toLowerCase(), text, mark, styled, ticked };
}

/**
 * The marked option of a multiple-choice question, given the lines that may be its options: undefined
 * unless at least two options follow in letter order from `a` and one is marked; "unanswered" when
 * several carry the strongest mark.
 */
export function markedChoice(
  written: Phrasing[],
  keyLine?: Phrasing,
  stemAsks = false,
  asksForSeveral = false,
): Phrasing | "unanswered" | undefined {
  // The key may be the last of the lines (`- Answer: (b) Piaget` after the options) or come after them.
  const lastKey = answerKey(written.at(-1));
  const key = answerKey(keyLine) ?? lastKey;
  const lines = lastKey ? written.slice(0, -1) : written;
  const options: Option[] = [];
  for (const line of lines) {
    if (plainText(line).trim() === "") continue;
    const option = readOption(line);
    if (!option) return undefined;
    options.push(option);
  }
  if (options.length < 2) return undefined;
  // Only one option styled marks it; several in bold or italics (species names, quotes) are the
  // note's style, and the key line decides.
  if (options.filter((option) => option.styled).length > 1)
    for (const option of options) if (option.styled) option.mark = 0;
  const inOrder = options.every((option, at) => option.letter === String.fromCharCode(97 + at));
  // Unlettered lines are options only under a question and when ticked (`- 7 ✔️`), never by a key
  // or by style: a checklist ticked under a title is no quiz.
  const unlettered = options.every((option) => option.letter === "");
  if (!inOrder && !(unlettered && stemAsks && options.some((option) => option.ticked))) return undefined;
  // `What are the stages of mitosis?` over four bullets, one highlighted: a list stressing an item.
  if (
    unlettered &&
    asksForSeveral &&
    options.filter((option) => option.ticked).every((option) => option.highlighted)
  )
    return undefined;
  const best = Math.max(...options.map((option) => option.mark));
  const marked = options.filter((option) => option.mark === best);
  // Unmarked, the letters number an answer (`a) quicksort`, `b) mergesort`); marked alike by arrows
  // or style, the note does not say which option is right; ticked alike, all of them are.
  const keyed = key && options.find((option) => option.letter === key.letter && keyFits(key, option));
  if (best === 0) return keyed?.text;
  if (marked.length > 1 && marked.every((option) => option.ticked))
    return joinLines(marked.map((option) => option.text));
  if (marked.length !== 1) return "unanswered";
  return marked[0]!.text;
}

/** `... per unit? Average:    A total cost will decrease.`: a first option typed on the stem's line. */
function splitInlineOption(lines: Phrasing[]): Phrasing[] {
  return lines.flatMap((line) => {
    const only = line.length === 1 ? line[0] : undefined;
    const match =
      only?.type === "text" ? /^(.*\S)\s{3,}(?=(?:-{1,2}>\s*)?[A-Fa-f][.)]?\s+\S)/.exec(only.value) : null;
    if (!match || only?.type !== "text") return [line];
    return [[sliceText(only, 0, match[1]!.length)], [sliceText(only, match[0].length)]];
  });
}

/** A stem asking for several things (`What are the stages ...?`, `List ...`), no single option. */
export function asksForSeveral(stem: Phrasing[]): boolean {
  return /^\W*(?:(?:what|which)\s+(?:are|were)|list|name|give|state|describe|explain|outline)\b/i.test(
    plainText(joinLines(stem)),
  );
}

/** A stem that asks: a question, or an instruction to choose (`Select all the primes:`). */
function asks(stem: Phrasing[]): boolean {
  const text = plainText(joinLines(stem));
  return isQuestionText(text) || /\b(?:which|select|choose|pick|tick|mark)\b/i.test(text);
}

/**
 * A question whose right option is marked: the stem on the first line(s), the options after it (or
 * the lines of the item's nested options). "unanswered" when several options are marked alike.
 */
export function choicePrompt(
  written: Phrasing[],
  optionLines?: Phrasing[],
  keyLine?: Phrasing,
): Prompt | "unanswered" | undefined {
  const lines = splitInlineOption(written);
  const asked = (stem: Phrasing[], answer: Phrasing | "unanswered"): Prompt | "unanswered" =>
    answer === "unanswered"
      ? answer
      : makePrompt("question", "choice", "strong", questionFront(joinLines(stem)), answer);
  if (optionLines) {
    const answer = markedChoice(optionLines, keyLine, asks(lines), asksForSeveral(lines));
    return answer ? asked(lines, answer) : undefined;
  }
  for (let stemEnd = 1; stemEnd < Math.min(lines.length, 4); stemEnd += 1) {
    const stem = lines.slice(0, stemEnd);
    const answer = markedChoice(lines.slice(stemEnd), keyLine, asks(stem), asksForSeveral(stem));
    if (answer) return asked(lines.slice(0, stemEnd), answer);
  }
  return undefined;
}
