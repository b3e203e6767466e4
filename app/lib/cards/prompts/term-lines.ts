/**
 * Terms written one per line: a line's own reading (bold, a separator, a defining sentence), and a
 * paragraph read line by line (every line a term, or term lines after lines of prose), each line
 * that starts no term continuing the definition above it.
 */
import type { Text } from "mdast";
import { joinLines, plainText, sliceText, trimPhrasing, type Phrasing } from "../phrasing";
import {
  boldDefinition,
  boldLead,
  boldRunIn,
  boldSentence,
  bracketedTerm,
  codeArrow,
  codeLead,
  glossedWord,
  namedStatement,
  plainDefinition,
  sentenceDefinition,
  type DefinitionSplit,
} from "./definitions";
import { isLabel } from "./labels";
import { questionThenAnswer } from "./questions";
import { makePrompt, type Form, type Prompt } from "./types";

/** A term prompt: the term on the front, the definition and any lines after it on the back. */
export function termPrompt(
  split: DefinitionSplit,
  form: Form,
  strength: Prompt["strength"],
  rest: Phrasing[],
  line = 0,
): Prompt {
  return makePrompt("term", form, strength, split.term, joinLines([split.definition, ...rest]), line);
}

/** A term written on one line: bold (strong), with a separator or as a sentence (weak). */
export function termOnLine(
  line: Phrasing,
  rest: Phrasing[],
  lineAt: number,
  single: boolean,
): Prompt | undefined {
  // `Def: *Externality* — a cost that falls on a third party`: the label says a term line follows.
  const unlabelled = withoutDefinitionLabel(line);
  if (unlabelled) {
    const term = termOnLine(unlabelled, rest, lineAt, single);
    // Not a sentence (`Definition: A group is a set ...`): there the label heads a definition.
    if (term?.role === "term" && term.form !== "sentence") return { ...term, strength: "strong" };
  }
  // `Antidote for warfarin? → Vitamin K`, one of a run of such lines.
  const phrase = questionThenAnswer(line);
  if (phrase)
    return termPrompt(
      { term: phrase.question, definition: phrase.rest },
      "separator",
      "strong",
      rest,
      lineAt,
    );
  const bracketed = bracketedTerm(line);
  if (bracketed) return termPrompt(bracketed, "bold", "strong", rest, lineAt);
  const statement = namedStatement(line);
  if (statement) return termPrompt(statement, "bold", "strong", rest, lineAt);
  const bold = boldDefinition(line);
  if (bold && plainText(bold.definition).trim() !== "")
    return termPrompt(bold, "bold", "strong", rest, lineAt);
  const runIn = boldRunIn(line);
  if (runIn) return termPrompt(runIn, "bold", "weak", rest, lineAt);
  const plain = plainDefinition(line) ?? codeArrow(line);
  if (plain) return termPrompt(plain, "separator", "weak", rest, lineAt);
  const boldSubject = boldSentence(line);
  if (boldSubject) return termPrompt(boldSubject, "bold", "weak", [], lineAt);
  const lead = boldLead(line);
  if (lead) return termPrompt(lead, "bold-lead", "weak", rest, lineAt);
  const sentence = single && rest.length === 0 ? sentenceDefinition(line) : undefined;
  if (sentence) return termPrompt(sentence, "sentence", "weak", [], lineAt);
  const glossed = single && rest.length === 0 ? glossedWord(line) : undefined;
  if (glossed) return termPrompt(glossed, "glossed", "weak", [], lineAt);
  const coded = single && rest.length === 0 ? codeLead(line) : undefined;
  return coded ? termPrompt(coded, "code-lead", "weak", [], lineAt) : undefined;
}

const TERM_LINE_LABEL = /^\s*(?:def|defn|definition|key\s?term|key\s?word|vocab)\s*[:.]\s+/i;

/** The line after a `Def:` / `Key term:` label, or undefined for a line without one. */
function withoutDefinitionLabel(line: Phrasing): Phrasing | undefined {
  const [first, ...after] = line;
  const label = first?.type === "text" ? TERM_LINE_LABEL.exec(first.value) : null;
  if (!first || !label) return undefined;
  const remainder = sliceText(first as Text, label[0].length);
  const unlabelled = remainder.value === "" ? after : [remainder, ...after];
  return plainText(unlabelled).trim() === "" ? undefined : unlabelled;
}

/** A paragraph whose lines each define a term (`**Mitosis**: ...` / `**Meiosis**: ...`, `hola - hello`). */
export function termsByLine(lines: Phrasing[]): Prompt[] | undefined {
  if (lines.length < 2) return undefined;
  // `Comer is to eat.` / `Beber is to drink.` / ...: a paragraph of defining sentences, one per line.
  const sentences = lines.map((line) => sentenceDefinition(line));
  if (lines.length >= 3 && sentences.every(Boolean)) {
    return sentences.map((split, at) => termPrompt(split!, "sentence", "weak", [], at));
  }
  const readings = lines.map((line, at) => termOnLine(line, [], at, false));
  // `**sterling**: very good` / `adj. excellent` / `syn: superb`: a bold word over lines of its own
  // (the next one no term) is one entry, the plain `x: y` lines among them its synonyms and examples.
  // (`**Inflation**: ...` / `Deflation: ...` / `(see chapter 4)` is a glossary.)
  if (
    readings[0]?.strength === "strong" &&
    readings.slice(1).every((reading) => reading?.strength !== "strong") &&
    lines.length > 1 &&
    !readings[1] &&
    !isPlaceholder(lines[1]!)
  )
    return undefined;
  const blanks = lines.map(isPlaceholder);
  const entries = readings.filter((reading, at) => reading || blanks[at]).length;
  if (!(readings[0] || blanks[0]) || readings.filter(Boolean).length === 0 || entries < 2) return undefined;
  return withContinuations(readings, lines);
}

/** `Business cycle =` with nothing after it: a term the author means to define later. */
function isPlaceholder(line: Phrasing): boolean {
  const text = plainText(line).trim();
  return /^[^\s:=][^:=]{0,60}?\s*(?:=|->|→)$/u.test(text) && !/^\d/.test(text);
}

/** Words that open a line leading into more of a definition (`For example:`, `such as:`). */
const LEADS_ON =
  /^(?:for|such|as|see|e\.g\.?|i\.e\.?|note|in|on|by|with|like|including|examples?|the|a|an|this|these|it|there)\b|\b(?:is|are|was|were)\s*[:：]$/i;

/**
 * `el jardín:` with its meaning still to write, or `2.3 Negative space` in a numbered glossary: an
 * entry of its own, left empty, not more of the definition above it.
 */
function isEmptyEntry(line: Phrasing, numbered: boolean): boolean {
  const text = plainText(line).trim();
  // Numbered only where the entries are (`212 F on the ...` wraps a definition).
  if (numbered) return SECTION_NUMBER.test(text);
  return (
    /^[^\s:：][^:：]{0,40}?[:：]$/u.test(text) &&
    text.split(/\s+/).length <= 3 &&
    !LEADS_ON.test(text) &&
    !isLabel(text.slice(0, -1), true)
  );
}

/** `2.3 ` opening an entry of a glossary numbered by sections. */
const SECTION_NUMBER = /^\d+(?:\.\d+)+\s/;

/**
 * Term lines after lines of prose in one paragraph (`$v = s/t$ in a distance-time graph` /
 * `*Instantaneous speed*: gradient ...`): two or more, or one in bold. The lines before the first
 * are prose; the lines after a term line continue its definition.
 */
export function termsAfterProse(lines: Phrasing[]): Prompt[] | undefined {
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
  const numbered = readings.some(
    (reading, at) => reading !== undefined && SECTION_NUMBER.test(plainText(lines[at]!).trim()),
  );
  readings.forEach((reading, at) => {
    const current = prompts.at(-1);
    const line = trimPhrasing(lines[at]!);
    if (reading) {
      prompts.push(reading);
      open = true;
    } else if (line[0]?.type === "strong" || isPlaceholder(line) || isEmptyEntry(line, numbered)) {
      open = false;
    } else if (current && open) {
      current.answer = trimPhrasing(joinLines([current.answer, line]));
    }
  });
  return prompts;
}
