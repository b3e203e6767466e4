/**
 * Reads the prompt a place in the outline holds from its own form: a paragraph's first line (or each
 * of its lines, when each defines a term), a list item's lead, a heading, a callout title. The
 * reading says what the prompt is (question or term), how it is written (its form) and how sure the
 * form alone makes us (strong, or weak: then classify.ts asks the siblings). Explicit card syntax
 * (`::`, `?`, clozes) is recognised here so that it wins over every implicit reading.
 */
import { isLinkOrImageOnly, joinLines, plainText, sliceText, trimPhrasing, type Phrasing } from "../phrasing";
import type { Block, CalloutBlock, ParagraphBlock, Section } from "../outline/types";
import { markedChoice } from "./choices";
import { hasAnkiCloze, hasExplicitClozes } from "./cloze";
import {
  boldDefinition,
  boldLead,
  boldTermAlone,
  colonLineDefinition,
  plainDefinition,
  plainTermAlone,
  sentenceDefinition,
  type DefinitionSplit,
} from "./definitions";
import { inlineCards, multilineCard, type Separators } from "./explicit";
import { headingTermStrength } from "./headings";
import { isLabel, isSectionLabel } from "./labels";
import { labelledAnswer, labelledPairs } from "./qa-pairs";
import {
  isPromptText,
  isQuestionText,
  isReflective,
  leadingPrompt,
  leadingQuestion,
  numberingLength,
  questionFront,
  stripNumbering,
  UNMARKED_QUESTION,
  withoutTrailingColon,
} from "./questions";
import type { Form, Prompt } from "./types";

/** What a paragraph or item lead holds. */
export type LeadReading =
  /** `::`, `?`, `{{c1::}}` or `==highlight==`: the explicit syntax of a flashcard tool. */
  | { kind: "explicit" }
  /** A question about the learner: never a card, and not prose either. */
  | { kind: "reflective" }
  /**
   * One prompt for the lead, or one per line (each line defining a term). `fallback`: the reading to
   * take when the siblings do not back the weak prompt (a question that is also a vocabulary line).
   */
  | { kind: "prompts"; prompts: Prompt[]; byLine: boolean; fallback?: Prompt }
  | { kind: "none" };

export interface ReadOptions {
  separators: Separators;
}

function prompt(
  role: Prompt["role"],
  form: Form,
  strength: Prompt["strength"],
  front: Phrasing,
  answer: Phrasing,
  line = 0,
): Prompt {
  return { role, form, strength, front: trimPhrasing(front), answer: trimPhrasing(answer), line };
}

function termPrompt(
  split: DefinitionSplit,
  form: Form,
  strength: Prompt["strength"],
  rest: Phrasing[],
  line = 0,
): Prompt {
  return prompt("term", form, strength, split.term, joinLines([split.definition, ...rest]), line);
}

/** Whether explicit flashcard syntax is in the paragraph (it wins over every implicit reading). */
export function isExplicit(paragraph: ParagraphBlock, options: ReadOptions): boolean {
  const children = paragraph.node.children;
  const separators = paragraph.node.data?.srCard
    ? withScheduledSeparator(children, options.separators)
    : options.separators;
  // Most paragraphs hold none of the markers: a look at the text spares the line-by-line reading.
  const text = plainText(children);
  const marked =
    text.includes(separators.inline) ||
    text.includes(separators.inlineReversed) ||
    text.includes("==") ||
    text.includes("{{") ||
    paragraph.lines.some((line) =>
      [separators.multiline, separators.multilineReversed].includes(plainText(line).trim()),
    );
  if (!marked) return false;
  return (
    multilineCard(children, separators) !== undefined ||
    (!hasAnkiCloze(children) && inlineCards(children, separators).length > 0) ||
    hasExplicitClozes(children)
  );
}

/** A paragraph the SR plugin scheduled, written with `;;` where the note's settings say `::`. */
export function withScheduledSeparator(children: Phrasing, separators: Separators): Separators {
  const text = plainText(children);
  if (text.includes(separators.inline) || !text.includes(";;")) return separators;
  return { ...separators, inline: ";;", inlineReversed: ";;;" };
}

/** A term written on one line: bold (strong), with a separator or as a sentence (weak). */
function termOnLine(line: Phrasing, rest: Phrasing[], lineAt: number, single: boolean): Prompt | undefined {
  const bold = boldDefinition(line);
  if (bold && plainText(bold.definition).trim() !== "")
    return termPrompt(bold, "bold", "strong", rest, lineAt);
  const plain = plainDefinition(line);
  if (plain) return termPrompt(plain, "separator", "weak", rest, lineAt);
  const lead = boldLead(line);
  if (lead) return termPrompt(lead, "bold-lead", "weak", rest, lineAt);
  const sentence = single && rest.length === 0 ? sentenceDefinition(line) : undefined;
  return sentence ? termPrompt(sentence, "sentence", "weak", [], lineAt) : undefined;
}

/** A paragraph whose lines each define a term (`**Mitosis**: ...` / `**Meiosis**: ...`, `hola - hello`). */
function termsByLine(lines: Phrasing[]): Prompt[] | undefined {
  if (lines.length < 2) return undefined;
  // `Comer is to eat.` / `Beber is to drink.` / ...: a paragraph of defining sentences, one per line.
  const sentences = lines.map((line) => sentenceDefinition(line));
  if (lines.length >= 3 && sentences.every(Boolean)) {
    return sentences.map((split, at) => termPrompt(split!, "sentence", "weak", [], at));
  }
  const readings = lines.map((line, at) => termOnLine(line, [], at, false));
  if (!readings[0] || readings.filter(Boolean).length < 2) return undefined;
  return withContinuations(readings, lines);
}

/**
 * Term lines after lines of prose in one paragraph (`$v = s/t$ in a distance-time graph` /
 * `*Instantaneous speed*: gradient ...`): two or more, or one in bold. The lines before the first
 * are prose; the lines after a term line continue its definition.
 */
function termsAfterProse(lines: Phrasing[]): Prompt[] | undefined {
  const readings = lines.map((line, at) => (at === 0 ? undefined : termOnLine(line, [], at, false)));
  const found = readings.filter((reading): reading is Prompt => reading !== undefined);
  if (found.length === 0 || (found.length < 2 && found[0]!.strength !== "strong")) return undefined;
  return withContinuations(readings, lines);
}

/**
 * The prompts of a paragraph read line by line: a line that starts no prompt continues the one above,
 * unless it opens with bold (`**In a speed-time graph:** ...`), which starts something of its own.
 */
function withContinuations(readings: (Prompt | undefined)[], lines: Phrasing[]): Prompt[] {
  const prompts: Prompt[] = [];
  let open = true;
  readings.forEach((reading, at) => {
    const current = prompts.at(-1);
    const line = trimPhrasing(lines[at]!);
    if (reading) {
      prompts.push(reading);
      open = true;
    } else if (line[0]?.type === "strong") {
      open = false;
    } else if (current && open) {
      current.answer = trimPhrasing(joinLines([current.answer, line]));
    }
  });
  return prompts;
}

/** `Q: ...` / `A: ...` pairs: one prompt per `Q:` line. */
function labelledPrompts(children: Phrasing): Prompt[] {
  return labelledPairs(children).map((pair) =>
    prompt("question", "labelled", "strong", pair.question, pair.answer ?? [], pair.lineOffset),
  );
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

/**
 * A question whose right option is marked: the stem on the first line(s), the options after it (or
 * the lines of the item's nested options). "unanswered" when several options are marked alike.
 */
function choicePrompt(written: Phrasing[], optionLines?: Phrasing[]): Prompt | "unanswered" | undefined {
  const lines = splitInlineOption(written);
  const asked = (stem: Phrasing[], answer: Phrasing | "unanswered"): Prompt | "unanswered" =>
    answer === "unanswered"
      ? answer
      : prompt("question", "choice", "strong", questionFront(joinLines(stem)), answer);
  if (optionLines) {
    const answer = markedChoice(optionLines);
    return answer ? asked(lines, answer) : undefined;
  }
  for (let stemEnd = 1; stemEnd < Math.min(lines.length, 4); stemEnd += 1) {
    const answer = markedChoice(lines.slice(stemEnd));
    if (answer) return asked(lines.slice(0, stemEnd), answer);
  }
  return undefined;
}

/** A bold line that asks without a `?` (`**Which is more flexible - SQL or MongoDB? and why.**`). */
function asksInWords(text: string): boolean {
  return (
    isPromptText(text) ||
    UNMARKED_QUESTION.test(text) ||
    /^(which|what|why|how|when|where|who|is|are|does|do|can)\b.*\?/i.test(text)
  );
}

/**
 * The reading of a paragraph or an item's lead (`lines`). `hasBody`: blocks sit under it (an item's
 * nested content), so a lead without an inline answer can still be a prompt. `options` are the lines
 * of the item's nested options, for a multiple-choice question written as a list.
 */
const readings = new WeakMap<ParagraphBlock, Map<string, LeadReading>>();

export function readLead(
  paragraph: ParagraphBlock,
  hasBody: boolean,
  options: ReadOptions,
  optionLines?: Phrasing[],
): LeadReading {
  // The classifier asks about a paragraph more than once (its own pool, the block before it).
  const key = `${hasBody}:${optionLines ? optionLines.length : -1}`;
  const cached = readings.get(paragraph)?.get(key);
  if (cached) return cached;
  const reading = readLeadOnce(paragraph, hasBody, options, optionLines);
  if (!readings.has(paragraph)) readings.set(paragraph, new Map());
  readings.get(paragraph)!.set(key, reading);
  return reading;
}

function readLeadOnce(
  paragraph: ParagraphBlock,
  hasBody: boolean,
  options: ReadOptions,
  optionLines?: Phrasing[],
): LeadReading {
  const children = paragraph.node.children;
  const lines = paragraph.lines.filter((line) => trimPhrasing(line).length > 0);
  const first = lines[0];
  if (!first) return { kind: "none" };
  if (isExplicit(paragraph, options)) return { kind: "explicit" };
  // A table of contents entry (`- [What is this?](#what-is-this)`) is a link, not a question.
  if (isLinkOrImageOnly(children)) return { kind: "none" };
  const text = plainText(first).trim();
  const single = lines.length === 1;
  const one = (found: Prompt): LeadReading => ({ kind: "prompts", prompts: [found], byLine: false });

  const labelled = labelledPrompts(children);
  if (labelled.length > 0) return { kind: "prompts", prompts: labelled, byLine: labelled.length > 1 };
  // `辛亥革命的意义 #anki`: the line a flashcard plugin's tag marks is the front.
  if (paragraph.node.data?.flashcardTag) {
    if (single && !hasBody && !paragraph.standalone) return { kind: "none" };
    return one(prompt("question", "asks", "strong", questionFront(first), joinLines(lines.slice(1))));
  }
  if (paragraph.fromHeading) {
    const term = plainTermAlone(first) ?? boldTermAlone(first);
    return term ? one(prompt("term", "bold", "strong", term, joinLines(lines.slice(1)))) : { kind: "none" };
  }
  const choice = choicePrompt(lines, optionLines);
  // Options with no single one marked: a question whose answer the note does not give.
  if (choice === "unanswered") return { kind: "none" };
  if (choice) return one(choice);

  const byLine = termsByLine(lines);
  if (byLine) return { kind: "prompts", prompts: byLine, byLine: true };

  const pandoc = colonLineDefinition(children);
  if (pandoc) return one(termPrompt(pandoc, "bold", "strong", []));
  const question = leadingQuestion(children);
  if (question && !isLabel(plainText(question.question))) {
    if (isReflective(plainText(question.question))) return { kind: "reflective" };
    const asked = prompt("question", "asks", "strong", questionFront(question.question), question.rest);
    // `吃饭了吗？ – Have you eaten yet?`: in a vocabulary list, a phrase and its translation.
    const line = single && question.rest.length === 0 ? plainDefinition(first) : undefined;
    if (line)
      return {
        kind: "prompts",
        prompts: [termPrompt(line, "separator", "weak", [])],
        byLine: false,
        fallback: asked,
      };
    return one(asked);
  }
  const term = termOnLine(first, lines.slice(1), 0, single);
  if (term?.strength === "strong") return one(term);

  // A paragraph's answer may be the block after it; an item's is what is nested under it.
  const answerBelow = hasBody || (single && paragraph.standalone === true);
  // Answered by the next block rather than by what is under it: siblings must agree it is a prompt
  // (a bold line over a paragraph is as often a pseudo-heading).
  const fromNextBlock = !hasBody && lines.length === 1;
  const examPrompt = leadingPrompt(children, answerBelow);
  if (examPrompt) {
    if (isReflective(plainText(examPrompt.question))) return { kind: "reflective" };
    const form: Form = isPromptText(plainText(examPrompt.question)) ? "exam-prompt" : "unmarked";
    const strength = fromNextBlock && examPrompt.rest.length === 0 ? "weak" : "strong";
    return one(prompt("question", form, strength, questionFront(examPrompt.question), examPrompt.rest));
  }
  const rest = lines.slice(1);
  const boldAlone = boldTermAlone(first);
  if (boldAlone) {
    const boldText = plainText(boldAlone);
    if (asksInWords(boldText))
      return one(prompt("question", "asks", "strong", questionFront(first), joinLines(rest)));
    if (rest.length > 0 || answerBelow) {
      const answer = joinLines(rest);
      const strength = fromNextBlock && !/[:：]\s*$/.test(text) ? "weak" : "strong";
      const found = prompt("term", "bold", strength, boldAlone, labelledAnswer(answer) ?? answer);
      return one(/[:：]\s*$/.test(text) ? { ...found, announced: true } : found);
    }
  }
  if (term) return one(term);
  const afterProse = termsAfterProse(lines);
  if (afterProse) return { kind: "prompts", prompts: afterProse, byLine: true };
  const alone = plainTermAlone(first);
  if (alone && (rest.length > 0 || hasBody) && !isLabel(plainText(alone), true)) {
    return one(prompt("term", "alone", "weak", alone, joinLines(rest)));
  }
  // A numbered line that opens a question (`3 The price elasticity is most likely:`).
  if (numberingLength(text) > 0 && /[:：?？]$/.test(text) && (rest.length > 0 || answerBelow)) {
    return one(prompt("question", "numbered", "weak", questionFront(first), joinLines(rest)));
  }
  return { kind: "none" };
}

export type HeadingReading =
  /** `fallback`: the term a numbered heading names, where the headings around are not questions. */
  | { kind: "prompt"; prompt: Prompt; fallback?: Prompt }
  | { kind: "label" }
  | { kind: "reflective" }
  | { kind: "none" };

/**
 * The reading of a section's heading: a question, a term it names, a label, or nothing. `makesCards`
 * tells which of its blocks are cards already (a heading over cards only names their section).
 */
export function readHeading(section: Section, makesCards: (block: Block) => boolean): HeadingReading {
  if (!section.heading) return { kind: "none" };
  const title = stripNumbering(section.title);
  const text = plainText(title).trim();
  if (text === "") return { kind: "none" };
  const numbered = numberingLength(plainText(section.title).trim()) > 0;
  if (isReflective(text) && (isQuestionText(text) || isPromptText(text))) return { kind: "reflective" };
  const asks = (form: Form): HeadingReading => ({
    kind: "prompt",
    prompt: prompt("question", form, "strong", questionFront(section.title), []),
  });
  if (isQuestionText(text)) return asks("asks");
  if (isPromptText(text)) return asks("exam-prompt");
  if (UNMARKED_QUESTION.test(text)) return asks("unmarked");
  if (isSectionLabel(text)) return { kind: "label" };
  const strength = headingTermStrength(section, title, makesCards);
  const term = strength ? prompt("term", "heading", strength, withoutTrailingColon(title), []) : undefined;
  if (numbered) {
    // `## 12) Clustered vs non-clustered index`: a question if the headings around are questions.
    const reading = prompt("question", "numbered", "weak", questionFront(section.title), []);
    return { kind: "prompt", prompt: reading, fallback: term };
  }
  return term ? { kind: "prompt", prompt: term } : { kind: "none" };
}

/** Callout types whose title names what the body defines or states. */
const DEFINING_CALLOUTS = new Set([
  "def",
  "defn",
  "definition",
  "theorem",
  "thm",
  "lemma",
  "lem",
  "corollary",
  "proposition",
  "prop",
  "notation",
  "formula",
  "law",
  "axiom",
  "principle",
  "term",
  "concept",
  "rule",
]);

/** `Def:`, `Thm:` before a callout's title (Quartz exports write them). */
const TITLE_PREFIX =
  /^(?:def|defn|definition|thm|theorem|lem|lemma|cor|corollary|prop|proposition|ntn|notation)\s*[.:]\s*/i;

/**
 * The reading of a callout's title: a question (`[!question] Why ...?`), a defined term, or nothing.
 * A definition callout titled only `Definition` (or not at all) defines the section it sits in.
 */
export function readCallout(callout: CalloutBlock, sectionTitle: Phrasing = []): HeadingReading {
  const text = plainText(callout.title).trim();
  const untitled = text === "" || isLabel(text, true);
  if (
    untitled &&
    ["def", "defn", "definition"].includes(callout.type) &&
    plainText(sectionTitle).trim() !== ""
  ) {
    return { kind: "prompt", prompt: prompt("term", "bold", "strong", stripNumbering(sectionTitle), []) };
  }
  if (text === "") return { kind: "none" };
  if (isQuestionText(text) || (["question", "faq", "help"].includes(callout.type) && text.length > 0)) {
    return { kind: "prompt", prompt: prompt("question", "asks", "strong", questionFront(callout.title), []) };
  }
  if (!DEFINING_CALLOUTS.has(callout.type)) return { kind: "none" };
  const first = callout.title[0];
  let title = callout.title;
  if (first?.type === "text") {
    const prefix = TITLE_PREFIX.exec(first.value);
    if (prefix)
      title = trimPhrasing([
        { ...first, value: first.value.slice(prefix[0].length), data: undefined },
        ...callout.title.slice(1),
      ]);
  }
  const term = withoutTrailingColon(title);
  if (plainText(term).trim() === "" || isLabel(plainText(term))) return { kind: "none" };
  return { kind: "prompt", prompt: prompt("term", "bold", "strong", term, []) };
}
