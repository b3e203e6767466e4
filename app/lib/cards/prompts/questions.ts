/** Recognising questions: `**What is X?**`, `What is X?`, `1. What is X?`, `Explain X.` (`Q:`: qa-pairs.ts). */
import { joinLines, plainText, sliceText, splitLines, text, trimPhrasing, type Phrasing } from "../phrasing";
import { isLabel } from "./labels";
import { labelledAnswer } from "./qa-pairs";

// Emoji people put around a question as decoration: `## 🤔 What is Docker?`, `## Why? 🚀`, and
// keycap numbers (`### 1️⃣ What is a volume?`: a digit, then U+FE0F and U+20E3).
const EMOJI = String.raw`(?:[0-9#*]\u{FE0F}?\u{20E3}|[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u{FE0F}\u{200D}\u{20E3}])`;
const LEADING_EMOJI = new RegExp(String.raw`^(?:\s*${EMOJI})+\s*`, "u");
const TRAILING_EMOJI = new RegExp(String.raw`(?:\s*${EMOJI})+\s*$`, "u");

/**
 * Ends in `?` (closing quotes, brackets, emphasis and decorative emoji aside, an exam paper's
 * `(2 marks)` after it, or the `:` of `What does it return?:`).
 */
export function isQuestionText(value: string): boolean {
  const text = withoutMarks(value.trim().replace(TRAILING_EMOJI, ""));
  // A `?` alone (a Spaced Repetition separator with nothing above it) asks nothing.
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  return /[?？]["'”’)\]*_]*(?:\s+[(（][^()（）\n]{1,30}[)）])?:?$/.test(text);
}

/** An exam paper's marks after a prompt: `[2]`, `[3 marks]`, `(4 pts)`. */
const MARKS = /\s*(?:\[\s*\d+\s*(?:marks?|pts?|points?)?\s*\]|\(\s*\d+\s*(?:marks?|pts?|points?)\s*\))\s*$/i;

function withoutMarks(text: string): string {
  return text.replace(MARKS, "");
}

/** Inline content without the emoji that decorate its start and end. */
function withoutEmoji(children: Phrasing): Phrasing {
  const content = trimPhrasing(children);
  const first = content[0];
  if (first?.type === "text") content[0] = sliceText(first, LEADING_EMOJI.exec(first.value)?.[0].length ?? 0);
  const last = content.at(-1);
  if (last?.type === "text") {
    const cut = TRAILING_EMOJI.exec(last.value);
    if (cut) content[content.length - 1] = sliceText(last, 0, cut.index);
  }
  return trimPhrasing(content);
}

/** The front of a question card: bold, hand numbering, decorative emoji and a closing `:` dropped. */
export function questionFront(children: Phrasing): Phrasing {
  return withoutTrailingColon(
    withoutEmoji(stripNumbering(unwrapBold(withoutLeadingLabel(withoutEmoji(children))))),
  );
}

/**
 * A heading's title as a term: hand numbering dropped, and the emoji and bold that decorate it
 * (`### ✅ **1. Load Balancer**` names `Load Balancer`).
 */
export function headingTerm(children: Phrasing): Phrasing {
  const plain = withoutEmoji(children);
  const only = plain.length === 1 ? plain[0] : undefined;
  const unwrapped = only?.type === "strong" ? trimPhrasing(only.children) : plain;
  return withoutEmoji(stripNumbering(unwrapped));
}

/** `**Issue:** Does a duty of care extend ...?`: the label before a question is no part of it. */
export function withoutLeadingLabel(children: Phrasing): Phrasing {
  const content = trimPhrasing(children);
  const [first, ...rest] = content;
  // `Follow-up: When would you not add an index?`: a label typed before the question.
  const typed = first?.type === "text" ? /^([^:?\n]{1,20}):\s+(?=\S)/.exec(first.value) : null;
  if (first?.type === "text" && typed && isLabel(typed[1]!))
    return trimPhrasing([sliceText(first, typed[0].length), ...rest]);
  const inner = first?.type === "strong" || first?.type === "emphasis" ? plainText([first]).trim() : "";
  const labelled =
    inner !== "" &&
    rest.length > 0 &&
    ((/[:：]$/.test(inner) && isLabel(inner)) ||
      // `**Problem 3.** What is ...?`, `**Q2)** ...`: numbering set in bold.
      (/[.:)]$/.test(inner) && numberingLength(inner) >= inner.length));
  return labelled ? trimPhrasing(rest) : content;
}

/**
 * Hand numbering before a prompt: `1.`, `1)`, `1-`, `1 -)`, `(1)`, `8.1`, `Q1.`, `Q1:`, `Question 3 -`,
 * `Problem 2.`, `Exercise 4.1:`, an exam part (`a)`, `(b)`, `iii)`), and a bare `1 ` before a
 * capitalised word (`1 Economics is the study of:`), `#3.` and a lettered `L3)` (`**L3) Was ist Backtracking?**`).
 */
export const NUMBERING =
  /^(?:(?:Q|Question)\s*\d*[a-z]?\s*[.:)-](?!\p{L}\.)|#\d{1,3}[.):]?(?=\s)|\p{Lu}\d{1,2}\)(?=\s)|(?:Problem|Exercise|Ex\.?)\s*\d+(?:\.\d+)*[a-z]?\s*[.:)-]|\(\d+\)|\(?(?:[a-h]|i{1,3}|iv|vi{0,3})\)\s+(?=\p{L})|\d+(?:\.\d+)*\s*(?:[.):](?!\d)|-\s*\)?)|\d+(?:\.\d+)+|\d+(?=\s+\p{Lu}))\s*/iu;

/** A past paper's reference before its question: `2022 Q1(a)`, `Q3(ii)`, `Question 2 (b):`. */
const PAST_PAPER_REFERENCE =
  /^(?:(?:19|20)\d{2}\s+)?(?:Q|Question)\s*\d+[a-z]?\s*\(\s*(?:[a-h]|i{1,3}|iv|vi{0,3})\s*\)\s*[.:)-]?\s+(?=\S)/iu;

/** The length of the hand numbering that opens `text`, or 0. */
export function numberingLength(text: string): number {
  const reference = PAST_PAPER_REFERENCE.exec(text);
  if (reference) return reference[0].length;
  const match = NUMBERING.exec(text);
  if (!match) return 0;
  // `1.5 times faster`, `37.5 °C` and `3-4 days` are numbers, not numbering (`2.1 Golden hour`,
  // `1.1 **Aperture**` are).
  if (/^\d+[.-]\d/.test(text) && !/^\d+(?:\.\d+)+(?:\s+(?=[\p{Lu}*_])|\s*$)/u.test(text)) return 0;
  // `1789 - Storming of the Bastille`: a year dating a line; no one numbers notes into the thousands.
  if (/^\d{4}(?![\d.])/.test(text)) return 0;
  return match[0].length;
}

/** Drops a leading `1.`, `Q1:`, `Q.` numbering from a prompt a person numbered by hand. */
export function stripNumbering(children: Phrasing): Phrasing {
  const content = trimPhrasing(children);
  const first = content[0];
  if (first?.type !== "text") return content;
  const length = numberingLength(first.value);
  if (length === 0 || length >= first.value.trimEnd().length) return content;
  return trimPhrasing([sliceText(first, length), ...content.slice(1)]);
}

/**
 * A front without the `:` that only introduces its answer (`What does it return?:`, `Define
 * osmosis:`). A colon closing a formula or code stays.
 */
export function withoutTrailingColon(children: Phrasing): Phrasing {
  const content = trimPhrasing(children);
  const last = content.at(-1);
  if (last?.type !== "text" || !/[:：]\s*$/.test(last.value)) return content;
  return trimPhrasing([
    ...content.slice(0, -1),
    sliceText(last, 0, last.value.replace(/\s*[:：]\s*$/, "").length),
  ]);
}

/** A question written entirely in bold (or italics) loses it: the card itself makes it prominent. */
export function unwrapBold(children: Phrasing): Phrasing {
  const content = trimPhrasing(children);
  const only = content[0];
  const wrapped = content.length === 1 && (only?.type === "strong" || only?.type === "emphasis");
  return wrapped ? unwrapBold(only.children) : content;
}

/** Exam-style prompts that ask without a question mark: `Explain event delegation.` */
const PROMPT_VERBS =
  /^(?:(?:briefly|please|now)\s+)?(tell\s+me|show\s+me\s+how|walk\s+me\s+through|talk\s+me\s+through|explain|describe|define|compare|contrast|identify|summari[sz]e|discuss|calculate|distinguish|differentiate|justify|derive|prove|evaluate|analy[sz]e|assess|illustrate|demonstrate|classify|interpret|predict|determine|enumerate|elaborate|specify|solve|simplify|compute|convert|translate|estimate)\s+\S/i;
/**
 * Verbs that are nouns too (`State machine`, `List of terms`): prompts only before their object, or
 * before another task (`List and describe ...`, `State and explain ...`).
 */
const AMBIGUOUS_PROMPT_VERBS =
  /^(?:(?:briefly|please|now)\s+)?(list|name|state|give|outline|show|sketch|draw|write|suggest|mention|recall|rank|order|arrange|sort|find|label|match)\s+(the|a|an|two|three|four|five|six|some|all|any|each|every|your|its|their|these|those|them|following|one|\d+|what|how|why|which|who|when|where|that|examples?|reasons?|and\s+(?:describe|explain|define|discuss|compare|justify|give))\b/i;

/**
 * The same tasks set in the languages people study in: `Nenne zwei Rechtsformen.`, `Erläutern Sie
 * ...`, `Expliquez ...`, `Describa ...`, `Spiega ...`, `Descreva ...` (forms that are English words
 * too, `describe`, `define`, are in PROMPT_VERBS).
 */
const FOREIGN_PROMPT_VERBS =
  /^(?:(?:erkläre|erläutere|beschreibe|definiere|nenne|vergleiche|begründe|unterscheide|berechne)|(?:erklären|erläutern|beschreiben|definieren|nennen|vergleichen|begründen|unterscheiden|berechnen)\s+sie|explique[sz]?|décri(?:s|vez)|définisse[sz]|défini[st]|cite[sz]|nomme[sz]|compare[sz]|justifie[sz]|calcule[sz]|distingue[sz]|donne[sz]|explica|describa|defina|enumere?|enumera|compara|menciona|mencione|calcula|justifica|spiega|spieghi|descrivi|descriva|definisci|definisca|elenca|elenchi|confronta|descreva|descreve|justifique|calcule)\s+\S/iu;

/**
 * `Difference between TCP and UDP` (`Unterschied zwischen ...`, `Разница между ...`, `TCP와 UDP의 차이`,
 * `TCPとUDPの違い`): an interview question asked as a title.
 */
const DIFFERENCE =
  /^(?:the\s+)?(?:(?:key|main)\s+)?differences?\s+between\s+\S.*\s(?:and|&)\s+\S|^(?:unterschiede?\s+zwischen|différences?\s+entre|diferencias?\s+entre|diferenças?\s+entre|differenz[ae]\s+(?:tra|fra)|разница\s+между|различи[ея]\s+между)\s+\S.*\s(?:und|et|y|e|и|&)\s+\S|^(?:чем\s+отличается|отличи[ея])\s+\S.*\sот\s+\S|\S\s*(?:의\s*)?차이(?:점)?(?:은|는)?$|\S\s*の違い(?:は)?$/iu;

/** True for a prompt such as `**Explain event delegation.**` (used only where an answer block follows). */
export function isPromptText(value: string): boolean {
  const plain = withoutMarks(value.trim());
  const trimmed = plain.slice(numberingLength(plain)).trim();
  return (
    (PROMPT_VERBS.test(trimmed) ||
      AMBIGUOUS_PROMPT_VERBS.test(trimmed) ||
      FOREIGN_PROMPT_VERBS.test(trimmed) ||
      DIFFERENCE.test(trimmed) ||
      ASIAN_PROMPT.test(trimmed)) &&
    isPromptLength(trimmed) &&
    !isReflective(trimmed)
  );
}

/**
 * Prompts of Chinese, Korean and Japanese notes, which often ask with no `？`: `说说对 JVM 的理解`,
 * `简述 TCP 三次握手`, `描述下双向链表` (not the noun `描述符`), `int 和 Integer 有什么区别`, `== 与 equals 的区别`,
 * `为什么要三次握手`, `라우터에 대해 설명해주세요.`, `TCPとは何か`, `ポート番号とは`.
 */
const ASIAN_PROMPT =
  /^(?:请\s*)?(?:说说|谈谈|简述|简要说明|阐述|列举|(?:描述|解释|介绍)(?:一?下|\s))\s*\S|^什么是\s*\S|^(?=\S.{3}).*?(?:是什么|有什么|有哪些|为什么|为何|如何|怎么|怎样)|\S\s*(?:的|之间的)?(?:区别|异同|差异|不同)$|\S\s*とは$|(?:설명해\s?주세요|설명하세요|설명하시오|설명해\s?보세요|비교하시오|서술하시오|무엇인가요|무엇입니까)[.。]?(?:\s*\([^()]{1,60}\))?$|(?:とは何か|とは何ですか|を説明せよ|を説明してください|について説明(?:せよ|してください))[。.]?$/u;

/**
 * Questions about the learner rather than the subject (`What do you already know about X?`, `Which
 * 3 things had you heard about before?`): reading-journal prompts, not flashcards.
 */
export function isReflective(value: string): boolean {
  const text = value.toLowerCase();
  // `What does this contain?`, `What is this page about?`: a question about the note itself.
  if (
    /^(?:what|which)\b.*\b(?:this|these)\b(?:\s+(?:note|notes|page|document|file|post|section|repo|repository))?\s+(?:contains?|covers?|about|include)\b/.test(
      text,
    )
  )
    return true;
  // `What did I learn today?`: a journal asking its writer.
  if (
    /\b(?:i|we)\b.*\b(?:learn(?:ed|t)?|feel|felt|enjoy(?:ed)?|wonder(?:ed)?)\b.*\b(?:today|this week|this lesson|so far)\b/.test(
      text,
    )
  )
    return true;
  // `Do I actually understand CNI plugins?`, `How confident am I on backprop?`: the writer asking
  // themself (`How do I rename a branch?` is a how-to, and stays a question).
  if (
    /^would i\b|\b(?:am i (?:ready|prepared|confident|sure)|do i (?:actually|really|understand|know|remember|feel)|did i (?:learn|understand|enjoy|like|find|get)|would i rather|i actually|i really|how confident|my own (?:view|opinion|thoughts))\b/.test(
      text,
    )
  )
    return true;
  // `Which one will be on the exam?`: the course's logistics.
  if (/\b(?:be|is|are)\s+on\s+the\s+(?:exam|test|quiz|final|midterm)\b/.test(text)) return true;
  if (!/\b(you|your|yourself)\b/.test(text)) return false;
  return /\b(already|heard|feel|felt|excited|curious|wonder|hope|expect|looking forward|interest(ed|ing) (you|in)|want to (learn|know)|would you like|takeaways?|reflect|learn(ed|t)? (today|this|from)|most (interesting|surprising|challenging)|struggl|your (opinion|experience|favou?rite|goals?|thoughts)|do you think|questions? do you have|did you (learn|find|enjoy|like))\b/.test(
    text,
  );
}

export interface QuestionSplit {
  question: Phrasing;
  /** Inline content after the question inside the same paragraph (may be empty). */
  rest: Phrasing;
}

// `what is a monomer`, `Why use a water bath`: a question whose author left off the `?` (read only
// where an answer follows; not `Why I switched to Vim`, a story).
export const UNMARKED_QUESTION =
  /^(?:(what|why|how|when|where|which|who)(?:'s|\s+(is|are|was|were|do|does|did|can|could|should|would|will|has|have)\s)\s*\S|how\s+to\s+\S|(?:what|which)\s+\S+\s+(is|are|does|do)\s|why\s+(?![^\n]*\b(?:I|I'\w+|me|my|we|us|our)\b)\S+\s+\S+\s+\S)/i;

/**
 * A list item's prompt that asks without a `?`: an exam prompt (`Explain X.`) or an unpunctuated
 * question (`what is a monomer`). The whole one-line paragraph when the answer is in blocks below
 * (`answerBelow`); otherwise the first line, answered by the lines under it, where a prompt must end
 * its sentence (`Name the organelle that makes ATP.`) so that `List comprehensions are` is not one.
 */
export function leadingPrompt(children: Phrasing, answerBelow: boolean): QuestionSplit | undefined {
  const content = trimPhrasing(children);
  const text = plainText(content).trim();
  if (answerBelow && (isPromptText(text) || (UNMARKED_QUESTION.test(text) && isPromptLength(text))))
    return { question: content, rest: [] };
  const [first, ...others] = splitLines(content);
  if (!first || others.length === 0) return undefined;
  const firstText = plainText(first).trim();
  // An exam paper's marks (`Define osmosis (2 marks)`) end a prompt as surely as its full stop.
  const ended = /[.:]$/.test(withoutMarks(firstText)) || MARKS.test(firstText);
  const asks = (isPromptText(firstText) && ended) || UNMARKED_QUESTION.test(firstText);
  if (!asks) return undefined;
  const rest = trimPhrasing(joinLines(others));
  return { question: trimPhrasing(first), rest: labelledAnswer(rest) ?? rest };
}

function isPromptLength(value: string): boolean {
  return !value.includes("\n") && value.split(/\s+/).length <= 20;
}

/**
 * The question at the start of a paragraph: its first line(s) up to a line ending in `?`, or a bold
 * `**question?**` followed by the answer on the same line.
 */
export function leadingQuestion(children: Phrasing): QuestionSplit | undefined {
  const content = trimPhrasing(children);
  const first = content[0];
  if (first?.type === "strong" && isQuestionText(plainText([first])) && content.length > 1) {
    const [after = [], ...below] = splitLines(withoutSeparator(withoutEmoji(content.slice(1))));
    // `**Why do cells divide?** (3 marks)`: the marks belong with the question.
    const marks = /^\(\s*\d+\s*(?:marks?|pts?|points?)\s*\)$/i.test(plainText(after).trim());
    const question = marks ? [...first.children, text(" "), ...trimPhrasing(after)] : first.children;
    const rest = trimPhrasing(joinLines(marks ? below : [after, ...below]));
    return { question, rest: labelledAnswer(rest) ?? rest };
  }
  const lines = splitLines(content);
  // The question ends at the first line ending in `?`: the first line, or one sentence wrapped over
  // up to three lines (`What is the difference between a process` / `and a thread?`).
  // A `?` inside code (`in a \`?\` placeholder`) asks nothing.
  const asks = (line: Phrasing) =>
    trimPhrasing(line).at(-1)?.type !== "inlineCode" && isQuestionText(plainText(line));
  const end = lines.findIndex(asks);
  const answered = end === 0 ? questionThenAnswer(lines[0]!) : undefined;
  if (answered) return { question: answered.question, rest: joinLines([answered.rest, ...lines.slice(1)]) };
  const sentence = plainText(joinLines(lines.slice(0, Math.max(end, 0) + 1))).trim();
  const wrapped = !/[.!?。:：？！]\s/.test(sentence);
  if (end === 0 || (end > 0 && end <= 2 && wrapped)) {
    const rest = trimPhrasing(joinLines(lines.slice(end + 1)));
    return { question: trimPhrasing(joinLines(lines.slice(0, end + 1))), rest: labelledAnswer(rest) ?? rest };
  }
  return askingSentence(content);
}

/** A separator right after a `?` (`? = `, `? -- `, `? — `, `? -> `), the answer or translation after it. */
const AFTER_QUESTION = /[?？]\s+(?:=|--|[-–—]|-{1,2}>|=>|→)\s+(?=\S)/;

/** `How are you? -- ¿Cómo estás?`, `¿Qué me recomienda? = What do you recommend?`: both sides on one line. */
export function questionThenAnswer(line: Phrasing): QuestionSplit | undefined {
  for (const [index, node] of line.entries()) {
    const match = node.type === "text" ? AFTER_QUESTION.exec(node.value) : null;
    if (!match || node.type !== "text") continue;
    // `你不是中国人吗？ - Nǐ bùshì ...? - Aren't you Chinese?`: three parts, split at the last (definitions.ts).
    if (
      /\s(?:--|[-–—]|=)\s/.test(
        plainText([sliceText(node, match.index + match[0].length), ...line.slice(index + 1)]),
      )
    )
      return undefined;
    return {
      question: trimPhrasing([...line.slice(0, index), sliceText(node, 0, match.index + 1)]),
      rest: trimPhrasing([sliceText(node, match.index + match[0].length), ...line.slice(index + 1)]),
    };
  }
  return undefined;
}

/** `**Wie geht's?** — How are you?`: a dash, arrow or colon between question and answer is no part of it. */
function withoutSeparator(rest: Phrasing): Phrasing {
  const first = rest[0];
  const separator = first?.type === "text" ? /^(?:[-–—:→]|--|->|=>)\s+/.exec(first.value) : null;
  return first?.type === "text" && separator
    ? trimPhrasing([sliceText(first, separator[0].length), ...rest.slice(1)])
    : rest;
}

/**
 * `Why is Pluto not a planet? It has not cleared its orbit.`, or with code in it,
 * ``What does `typeof null` return? `"object"` ``: a first sentence that asks, then its answer.
 */
function askingSentence(content: Phrasing): QuestionSplit | undefined {
  let before = "";
  for (let index = 0; index < content.length; index += 1) {
    const node = content[index]!;
    // `**Data layer:** Is there one? ...` opens with a term or label, not with a question.
    if (index === 0 && node.type !== "text" && /[:：]$/.test(plainText([node]).trim())) return undefined;
    if (node.type !== "text") {
      if (!["inlineCode", "emphasis", "strong", "delete", "inlineMath"].includes(node.type)) return undefined;
      before += plainText([node]);
      continue;
    }
    const match = /^([^.!?\n]*\?)\s+/.exec(node.value);
    if (!match) {
      if (/[.!?\n]/.test(node.value)) return undefined;
      before += node.value;
      continue;
    }
    const rest = withoutSeparator(
      trimPhrasing([sliceText(node, match[0].length), ...content.slice(index + 1)]),
    );
    if ((before + match[1]!).trim().length < 9 || rest.length === 0) return undefined;
    return {
      question: trimPhrasing([...content.slice(0, index), sliceText(node, 0, match[1]!.length)]),
      rest,
    };
  }
  return undefined;
}

/** One question sentence hard-wrapped over several lines: `Why does the sky\nlook blue?`. */
export function isWrappedQuestion(children: Phrasing): boolean {
  const value = plainText(children).trim();
  return value.includes("\n") && isQuestionText(value) && !/[.!?。？！][\s"'”’)]/.test(value);
}
