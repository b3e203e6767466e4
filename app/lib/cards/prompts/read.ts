/**
 * Reads the prompt a paragraph or a list item's lead holds from its own form: its first line (or each
 * of its lines, when each defines a term). The reading says what the prompt is (question or term),
 * how it is written (its form) and how sure the form alone makes us (strong, or weak: then
 * classify.ts asks the siblings). Explicit card syntax (`::`, `?`, clozes) is recognised here so
 * that it wins over every implicit reading. Headings and callout titles: read-heading.ts.
 */
import { isLinkOrImageOnly, joinLines, plainText, trimPhrasing, type Phrasing } from "../phrasing";
import type { ParagraphBlock } from "../outline/types";
import { choicePrompt } from "./choices";
import { hasAnkiCloze, hasExplicitClozes } from "./cloze";
import {
  boldDefinition,
  boldTermAlone,
  colonLineDefinition,
  glossedWord,
  plainDefinition,
  plainTermAlone,
} from "./definitions";
import { inlineCards, multilineCard, type Separators } from "./explicit";
import { isLabel } from "./labels";
import { numberedQuestionLines } from "./numbered-lines";
import { labelledAnswer, labelledPairs } from "./qa-pairs";
import {
  isPromptText,
  isQuestionText,
  isReflective,
  leadingPrompt,
  leadingQuestion,
  numberingLength,
  questionFront,
  questionThenAnswer,
  UNMARKED_QUESTION,
} from "./questions";
import { termOnLine, termPrompt, termsAfterProse, termsByLine } from "./term-lines";
import { makePrompt, type Form, type Prompt } from "./types";

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

/** `Q: ...` / `A: ...` pairs: one prompt per `Q:` line. */
function labelledPrompts(children: Phrasing): Prompt[] {
  return labelledPairs(children).map((pair) =>
    makePrompt("question", "labelled", "strong", pair.question, pair.answer ?? [], pair.lineOffset),
  );
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
  const one = (found: Prompt): LeadReading => ({ kind: "prompts", prompts: [found], byLine: false });
  if (!first) return { kind: "none" };
  // `b) ==mitochondria==` among a question's options: the highlight marks the right one, no cloze.
  const highlightedChoice = plainText(children).includes("==") ? choicePrompt(lines, optionLines) : undefined;
  if (highlightedChoice && highlightedChoice !== "unanswered") return one(highlightedChoice);
  if (isExplicit(paragraph, options)) return { kind: "explicit" };
  // A table of contents entry (`- [What is this?](#what-is-this)`) is a link, not a question; with
  // its answer under it (a knowledge check copied with its anchors) it asks.
  if (isLinkOrImageOnly(children)) {
    const asked = hasBody ? linkedQuestion(children) : undefined;
    return asked ? { kind: "prompts", prompts: [asked], byLine: false } : { kind: "none" };
  }
  const text = plainText(first).trim();
  const single = lines.length === 1;

  // `Q: Which port ...?` over `A. 389` / `B. 636 ✅`: options, whose `A.` is no answer's label.
  const labelledChoice = /^\s*Q\s*\d*\s*[.:)]/i.test(text) ? choicePrompt(lines, optionLines) : undefined;
  if (labelledChoice && labelledChoice !== "unanswered") return one(labelledChoice);
  const labelled = labelledPrompts(children);
  // `**Q:** Would I vote ...?` / `**A:** idk`: a question to the writer, not a card.
  const asked = labelled.filter((prompt) => !isReflective(plainText(prompt.front)));
  if (labelled.length > 0 && asked.length === 0) return { kind: "none" };
  if (asked.length > 0) return { kind: "prompts", prompts: asked, byLine: asked.length > 1 };
  // `辛亥革命的意义 #anki`: the line a flashcard plugin's tag marks is the front.
  if (paragraph.node.data?.flashcardTag) {
    if (single && !hasBody && !paragraph.standalone) return { kind: "none" };
    return one(makePrompt("question", "asks", "strong", questionFront(first), joinLines(lines.slice(1))));
  }
  if (paragraph.fromHeading) {
    const term = plainTermAlone(first) ?? boldTermAlone(first);
    return term
      ? one(makePrompt("term", "bold", "strong", term, joinLines(lines.slice(1))))
      : { kind: "none" };
  }
  const choice = choicePrompt(lines, optionLines);
  // Options with no single one marked: a question whose answer the note does not give.
  if (choice === "unanswered") return { kind: "none" };
  if (choice) return one(choice);

  const byLine = termsByLine(lines);
  if (byLine) return { kind: "prompts", prompts: byLine, byLine: true };
  const numbered = numberedQuestionLines(lines);
  if (numbered === "unanswered") return { kind: "none" };
  if (numbered) return { kind: "prompts", prompts: numbered, byLine: true };

  const pandoc = colonLineDefinition(children);
  if (pandoc) return one(termPrompt(pandoc, "bold", "strong", []));
  // `¿Qué me recomienda? = What do you recommend?`: a phrase and its translation, a pair as sure as
  // `la cuenta = the check` beside it, which it backs.
  const phrase = single ? questionThenAnswer(first) : undefined;
  if (phrase) return one(makePrompt("term", "separator", "strong", phrase.question, phrase.rest));
  // `**Proximate cause**: was the harm foreseeable? limits liability`: a question inside a
  // definition that goes on in lower case (`**Osmosis**: what drives it? The difference ...` asks),
  // or after a sentence of it (`**Análisis:** Entender el problema. ¿Qué hay que hacer?`).
  const bold = boldDefinition(first);
  const definition = bold ? plainText(bold.definition) : "";
  const defines =
    bold !== undefined && (/[?？]\s+\p{Ll}/u.test(definition) || /^[^?？¿]*[.!。]\s/u.test(definition));
  const question = defines ? undefined : leadingQuestion(children);
  if (question && !isLabel(plainText(question.question))) {
    if (isReflective(plainText(question.question))) return { kind: "reflective" };
    const asked = makePrompt("question", "asks", "strong", questionFront(question.question), question.rest);
    // `吃饭了吗？ – Have you eaten yet?`, `Ça va? (How are you?)`: in a vocabulary list, a phrase
    // and its translation.
    const line = single && question.rest.length === 0 ? plainDefinition(first) : undefined;
    const glossed = single && question.rest.length === 0 && !line ? glossedWord(first) : undefined;
    if (line || glossed)
      return {
        kind: "prompts",
        prompts: [
          line ? termPrompt(line, "separator", "weak", []) : termPrompt(glossed!, "glossed", "weak", []),
        ],
        byLine: false,
        fallback: asked,
      };
    return one(asked);
  }
  const line = termOnLine(first, lines.slice(1), 0, single);
  // `스냅샷 방식 (Snapshot-based)` over nested notes: the bracket is part of the term they define.
  // A paragraph opening with code is prose about it (`` `Closure` allows a function ... ``).
  const runOn = line?.form === "code-lead" && paragraph.standalone === true;
  const term =
    ((line?.form === "glossed" || line?.form === "code-lead") && hasBody) || runOn ? undefined : line;
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
    return one(makePrompt("question", form, strength, questionFront(examPrompt.question), examPrompt.rest));
  }
  const rest = lines.slice(1);
  const boldAlone = boldTermAlone(first);
  // `**Compute**` over `EC2 - virtual servers ...` / `Lambda - ...`: a bold line naming a group of
  // terms, each line a card, as over a list of them.
  const grouped =
    boldAlone && rest.length >= 2 && rest.every((line) => termOnLine(line, [], 0, false)?.role === "term")
      ? termsAfterProse(lines)
      : undefined;
  if (grouped) return { kind: "prompts", prompts: grouped, byLine: true };
  if (boldAlone) {
    const boldText = plainText(boldAlone);
    if (asksInWords(boldText))
      return one(makePrompt("question", "asks", "strong", questionFront(first), joinLines(rest)));
    if (rest.length > 0 || answerBelow) {
      const answer = joinLines(rest);
      const strength = fromNextBlock && !/[:：]\s*$/.test(text) ? "weak" : "strong";
      const found = makePrompt("term", "bold", strength, boldAlone, labelledAnswer(answer) ?? answer);
      return one(/[:：]\s*$/.test(text) ? { ...found, announced: true } : found);
    }
  }
  if (term) return one(term);
  const afterProse = termsAfterProse(lines);
  if (afterProse) return { kind: "prompts", prompts: afterProse, byLine: true };
  const alone = plainTermAlone(first);
  if (alone && (rest.length > 0 || hasBody) && !isLabel(plainText(alone), true)) {
    return one(makePrompt("term", "alone", "weak", alone, joinLines(rest)));
  }
  // A numbered line that opens a question (`3 The price elasticity is most likely:`).
  if (numberingLength(text) > 0 && /[:：?？]$/.test(text) && (rest.length > 0 || answerBelow)) {
    return one(makePrompt("question", "numbered", "weak", questionFront(first), joinLines(rest)));
  }
  return { kind: "none" };
}

/** `[Explain what origin is](https://...)`: a question that is one link, asking in its text. */
function linkedQuestion(children: Phrasing): Prompt | undefined {
  const content = trimPhrasing(children);
  const link = content[0];
  // A lesson's own question (`...#knowledge-check`), not a reading list's link to a page.
  if (content.length !== 1 || link?.type !== "link" || !link.url.includes("#")) return undefined;
  const text = plainText(link.children).trim();
  if (!isQuestionText(text) && !isPromptText(text)) return undefined;
  return makePrompt("question", "asks", "strong", questionFront(link.children), []);
}
