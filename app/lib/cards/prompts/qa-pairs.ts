/** `Q: question` / `A: answer` labels (also bold, `Q1.`, `Ans.`), and the pairs they make. */
import { BACK_LABEL, FRONT_LABEL, onlySides } from "../outline/front-back";
import { ANSWER_WORDS, DEFINITION_WORDS, QUESTION_WORDS, alternation } from "../label-words";
import { joinLines, plainText, sliceText, splitLines, trimPhrasing, type Phrasing } from "../phrasing";

/**
 * `Q:`, `Q3.`, `Question 2)`, also named for where it comes from (`Practice Q:`, `Review question 4:`)
 * and in the languages people take notes in (`Frage:`, `Pregunta:`, `Вопрос 1.`, `问：`, `문제:`), full-width
 * colon too.
 * Not the `q.` of an abbreviation (`q.i.d.`).
 */
const QUESTION_LABEL = new RegExp(
  String.raw`^(?:(?:practice|review|quiz|exam|sample|test|bonus|check)\s+)?(?:Q|Question|True or false|True\s*\/\s*false|T\s*\/\s*F|${alternation(QUESTION_WORDS)})\s*\d*\s*[:.)：]\s*(?!\p{L}\.)`,
  "iu",
);
/**
 * `A:`, `Ans.`, `Answer)`, `Antwort:`, `Ответ:`, `答：`, `정답:`, `Expected answer :`, `Réponse attendue :`, and
 * the spelled-out label before a dash or arrow: `Answer - ...`.
 */
export const ANSWER_LABEL = new RegExp(
  String.raw`^(?:(?:(?:Expected|Correct|Model|Sample|Suggested|Short)\s+Answer|Réponse attendue|Bonne réponse|Respuesta (?:esperada|correcta)|Resposta (?:esperada|correta)|Erwartete Antwort|Risposta (?:attesa|corretta)|A|Ans|Answer|${alternation(ANSWER_WORDS)})\s*[:.)：]|(?:Ans|Answer)\s+(?:--?|[–—]|-{1,2}>|=>|→)(?=\s))\s*`,
  "iu",
);

interface Labels {
  question: RegExp;
  answer: RegExp;
}

const ENGLISH: Labels = { question: QUESTION_LABEL, answer: ANSWER_LABEL };

/**
 * One-letter labels of other languages (`Q :` / `R :` in French, `P:` / `R:` in Spanish, `F:` / `A:` in German,
 * `D:` / `R:` in Italian): only as a pair, since alone `P:` or `F:` is as often a variable.
 */
const LETTER_PAIRS: Labels[] = [
  ["Q", "R"],
  ["P", "R"],
  ["F", "A"],
  ["D", "R"],
].map(([question, answer]) => ({
  question: new RegExp(`^${question}\\s*[:：]\\s*`),
  answer: new RegExp(`^${answer}\\s*[:：]\\s*`),
}));

/** Anki's names for a card's sides, `Front:` / `Back:`: only as a pair, among no other labels. */
const FRONT_BACK: Labels = { question: FRONT_LABEL, answer: BACK_LABEL };

/** `P: ¿Quién ...?`: a one-letter label counts only before a question (`P: pressure` names a variable). */
function asksAfterLetter(line: Phrasing, pair: Labels): boolean {
  return /[?？]\s*$/.test(plainText(stripLabel(line, pair.question) ?? []));
}

/**
 * `Definition:`, `Def.`, `Meaning -`, `What it is:` (as study guides split a concept into parts), `定义：`:
 * the label a definition opens with under the term it defines.
 */
export const DEFINITION_LABEL = new RegExp(
  String.raw`^(?:What it is\s*[:：]|(?:Definition|Defn?|Meaning|${alternation(DEFINITION_WORDS)})\s*(?:[:.)：]|\s[-–—](?=\s)))\s*`,
  "iu",
);

/** `a) 4` followed by `b) 7`: the first option of a multiple-choice list, not an `A)` answer label. */
function opensOptions(lines: Phrasing[], at: number): boolean {
  const option = (line: Phrasing | undefined, letter: string) =>
    line !== undefined && new RegExp(`^\\s*${letter}\\s*[.)]\\s`, "i").test(plainText(line));
  return option(lines[at], "a") && lines.slice(at + 1).some((line) => option(line, "b"));
}

/** The `A:` label stripped from `lines[at]`, unless that line is not labelled or opens options. */
function answerLine(lines: Phrasing[], at: number, label = ANSWER_LABEL): Phrasing | undefined {
  return opensOptions(lines, at) ? undefined : stripLabel(lines[at]!, label);
}

/** Removes a `Q:` / `**Q:**` / `A:` style label from the start of a line; undefined when absent. */
function stripLabel(line: Phrasing, label: RegExp): Phrasing | undefined {
  const content = trimPhrasing(line);
  const first = content[0];
  if (first?.type === "text") {
    const match = label.exec(first.value);
    return match ? trimPhrasing([sliceText(first, match[0].length), ...content.slice(1)]) : undefined;
  }
  if (first?.type === "strong" || first?.type === "emphasis") {
    const inner = plainText([first]).trim();
    const next = content[1];
    const match = label.exec(`${inner} `);
    if (match && match[0].trimEnd().length >= inner.length && /[:.)：]$/.test(inner))
      return trimPhrasing(content.slice(1));
    // `**A: Glucagon.**`, `**Q: Write a rate limiter.**`: the bold holds the label and its text.
    const within = match ? stripLabel(first.children, label) : undefined;
    if (within && within.length > 0) return trimPhrasing([...within, ...content.slice(1)]);
    if (label.test(`${inner}: `) && next?.type === "text" && /^\s*:/.test(next.value)) {
      return trimPhrasing([sliceText(next, next.value.indexOf(":") + 1), ...content.slice(2)]);
    }
  }
  return undefined;
}

/**
 * `**Q1. Why ...?**` or `**Q: Write a rate limiter.**`: the label inside the bold, which then holds
 * the whole question; what follows the bold is its answer unless an `A:` line comes.
 */
function boldQuestion(line: Phrasing): { question: Phrasing; after: Phrasing } | undefined {
  const content = trimPhrasing(line);
  const first = content[0];
  if (first?.type !== "strong" && first?.type !== "emphasis") return undefined;
  const question = stripLabel(first.children, QUESTION_LABEL);
  return question && question.length > 0 ? { question, after: content.slice(1) } : undefined;
}

export interface LabelledPair {
  question: Phrasing;
  /** The `A:` part when it is in the same paragraph. */
  answer?: Phrasing;
  /** 0-based line within the paragraph where the `Q:` stands. */
  lineOffset: number;
}

/**
 * Every `Q: question` of a paragraph, each with the `A: answer` on a later line when there is one.
 * A new `Q:` line starts the next pair: `Q: a\nA: b\nQ: c\nA: d` is two cards. Empty unless the first
 * line is a `Q:`.
 */
export function labelledPairs(children: Phrasing): LabelledPair[] {
  const lines = splitLines(trimPhrasing(children));
  const labels =
    [...LETTER_PAIRS, FRONT_BACK, ENGLISH].find(
      (pair) =>
        stripLabel(lines[0] ?? [], pair.question) &&
        (pair === ENGLISH ||
          ((pair === FRONT_BACK ? onlySides(lines) : asksAfterLetter(lines[0]!, pair)) &&
            lines.some((line) => stripLabel(line, pair.answer)))),
    ) ?? ENGLISH;
  const questions = lines.map((line) => stripLabel(line, labels.question));
  if (!questions[0]) return [];
  const starts = questions.flatMap((question, at) => (question ? [at] : []));
  return starts.map((start, at) => {
    const end = starts[at + 1] ?? lines.length;
    const own = lines.slice(start + 1, end);
    const answerAt = own.findIndex((_, at) => answerLine(own, at, labels.answer) !== undefined);
    const question = questions[start]!;
    const bold = boldQuestion(lines[start]!);
    if (answerAt === -1 && bold) {
      const answer = trimPhrasing(joinLines([bold.after, ...own]));
      return { question: bold.question, answer: answer.length > 0 ? answer : undefined, lineOffset: start };
    }
    // `True or false: The Seine flows through Lyon.` / `**False** — the Rhône does.`
    if (
      answerAt === -1 &&
      TRUE_OR_FALSE.test(plainText(lines[start]!)) &&
      TRUTH.test(plainText(own[0] ?? []))
    )
      return { question: trimPhrasing(question), answer: trimPhrasing(joinLines(own)), lineOffset: start };
    if (answerAt === -1) {
      const whole = trimPhrasing(joinLines([question, ...own]));
      return { ...(answeredBelow(question, own) ?? answeredInline(whole)), lineOffset: start };
    }
    return {
      question: trimPhrasing(joinLines([question, ...own.slice(0, answerAt)])),
      answer: trimPhrasing(
        joinLines([answerLine(own, answerAt, labels.answer) ?? [], ...own.slice(answerAt + 1)]),
      ),
      lineOffset: start,
    };
  });
}

/** A true-or-false statement's label, and the verdict that answers it on the line below. */
const TRUE_OR_FALSE = /^\W*(?:true or false|true\s*\/\s*false|t\s*\/\s*f)\b/i;
const TRUTH = /^\W*(?:true|false)\b/i;

/** Words that open more of the question after its `?`, not its answer. */
const GOES_ON_ASKING =
  /^(?:give|explain|describe|see|hint|think|name|list|state|refer|include|compare|discuss|justify|show|define|identify|outline|use|consider|note|cf|e\.g|i\.e|why|how|what|which|(?:\d+\s+)?marks?)\b/i;

/** Whether what follows a question's `?` is more of the question, not its answer. */
function asksMore(rest: string): boolean {
  // `Is it stable? Why?` asks twice; `What is X? (2 marks)` says what it is worth; `... ? Give one
  // example.`, `... ? See lecture 7.` ask more or point elsewhere.
  return /[?？]/.test(rest) || /^\(.*\)$/.test(rest) || GOES_ON_ASKING.test(rest);
}

/** `Q1. What is a generator?` with the answer on the lines under it, no `A:` typed. */
function answeredBelow(
  question: Phrasing,
  below: Phrasing[],
): { question: Phrasing; answer: Phrasing } | undefined {
  const answer = trimPhrasing(joinLines(below));
  const asked = plainText(question).trim();
  if (!/[?？]$/.test(asked) || answer.length === 0) return undefined;
  // `A. 389` / `B. 636`: options to choose from; `What does this print?` over the code it asks about.
  const lettered = below.filter((line) => /^\s*\(?[A-Fa-f][.)]\s/.test(plainText(line))).length;
  if (lettered >= 2 || /\b(?:the following|below|this|these)\b/i.test(asked)) return undefined;
  return asksMore(plainText(answer).trim()) ? undefined : { question: trimPhrasing(question), answer };
}

/** `Q: What is a tort? A civil wrong.`: with no `A:`, the answer may follow the question mark. */
function answeredInline(question: Phrasing): { question: Phrasing; answer?: Phrasing } {
  const at = question.findIndex((node) => node.type === "text" && /[?？]\s+(?=\S)/.test(node.value));
  const node = question[at];
  if (node?.type !== "text") return { question };
  const mark = /[?？]\s+(?=\S)/.exec(node.value)!;
  const end = mark.index + 1;
  const answer = trimPhrasing([sliceText(node, end), ...question.slice(at + 1)]);
  if (asksMore(plainText(answer).trim())) return { question };
  return { question: trimPhrasing([...question.slice(0, at), sliceText(node, 0, end)]), answer };
}

/** `Q: question` (optionally followed on a later line by `A: answer`): the paragraph's first pair. */
export function labelledQuestion(children: Phrasing): LabelledPair | undefined {
  return labelledPairs(children)[0];
}

/** `Solution:`, `**Solution.**`, `Soln:`: what a worked problem's answer opens with. */
const SOLUTION_LABEL = /^(?:Solution|Soln)\s*[:.)：]\s*/i;

/** Whether a paragraph opens with a label saying it answers the block before it (`A:`, `Solution:`). */
export function opensWithAnswerLabel(children: Phrasing): boolean {
  const text = plainText(children).trim();
  return ANSWER_LABEL.test(text) || SOLUTION_LABEL.test(text);
}

/** Whether a paragraph opens with `Solution:` (or `**Solution.**`): a worked problem's answer. */
export function opensWithSolution(children: Phrasing): boolean {
  return SOLUTION_LABEL.test(plainText(children).trim());
}

/** `**Holding:** No.` answering `**Issue:** ...?`: a bold answering label opening the answer. */
function withoutBoldLabel(line: Phrasing): Phrasing | undefined {
  const [first, ...rest] = trimPhrasing(line);
  const inner = first?.type === "strong" ? plainText([first]).trim() : "";
  return ANSWERING_LABEL.test(inner) && rest.length > 0 ? trimPhrasing(rest) : undefined;
}

/** Bold labels that introduce an answer (a `**Hint:**` does not: it is no answer). */
const ANSWERING_LABEL = /^(?:answer|holding|conclusion|solution|result|verdict)\s*[:：]$/i;

/** `A: answer` paragraph content with the label removed; undefined when it has no such label. */
export function labelledAnswer(children: Phrasing): Phrasing | undefined {
  const lines = splitLines(trimPhrasing(children));
  const first = lines[0]
    ? (answerLine(lines, 0) ??
      stripLabel(lines[0], DEFINITION_LABEL) ??
      stripLabel(lines[0], SOLUTION_LABEL) ??
      withoutBoldLabel(lines[0]))
    : undefined;
  if (!first) return undefined;
  const answer = trimPhrasing(joinLines([first, ...lines.slice(1)]));
  // A bare `A.` is the answer itself, not a label.
  return answer.length > 0 ? answer : undefined;
}
