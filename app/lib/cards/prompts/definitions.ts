/**
 * Term lines: how people write "term, then what it means" on one line.
 * - Bold (strong on its own): `**Term**: definition`, `**Term:** definition`, `__Term__ - definition`,
 *   `**Term** – / — / -- definition`, `**Term —** definition`, `***Term***: ...`, an italic
 *   `*Term*: definition` or `_Term_ — definition`, and a bold term alone on its line (its definition
 *   below it). A short parenthesis belongs to the term: `**Term** (noun): definition`. Also strong:
 *   `【量词】definition` and a named statement of a math text (`**Definition 2.1** (Subgroup). ...`).
 * - Bold, weak: a run-in term (`**Osmosis.** The ...`), a sentence that defines its bold subject
 *   (`**Extinction** refers to ...`), a bold term with the definition run on (`__Term__ the ...`).
 *   A bold capital before a dash spells out a mnemonic (`**A** - Airway`); `A:` alone is a label.
 * - Separators (weak: only where the lines around are written the same way): `Term: definition`,
 *   `Term :definition`, `Term - definition` (also `--`, `–`, `—`, and `Term —definition` with the dash set against
 *   the definition), `term -> meaning` (`-->`, `=>`,
 *   `→`, `⇒`; `←` only after a bold or code term: pseudocode assigns with it), `term = meaning` (and `:=`, `≡`), `term | meaning` and a tab (flashcards pasted as text), CJK notes'
 *   full-width `：`. A line holding two such separators whose first part is in another script than
 *   the last (`好 - hǎo - good`) splits at the last one.
 * - Sentences (weak, stricter): `Yo is I.`, `A mutex is a lock that ...`: a short subject, then
 *   `is` / `are` / `means` / `refers to` and the rest.
 * A marker before the term (`-> **Term**: ...`, `• Term: ...`, `📌 **Term**`) and hand numbering
 * (`1- BDD :...`) are dropped. Lookalikes are never terms: labels (`Note:`, see labels.ts), times
 * and ratios (`10:19`), numbers, URLs, sentences, clauses (`Python has typing:`), more than six words
 * (ten in bold); nor are definitions that are only a link, a number, a status (`Done.`, `TBD`), a
 * clock time or an e-mail address.
 */
import type { PhrasingContent, Strong } from "mdast";
import { joinLines, plainText, sliceText, splitLines, trimPhrasing, type Phrasing } from "../phrasing";
import { isLabel, isRemarkLabel } from "./labels";
import { isQuestionText, numberingLength } from "./questions";

export interface DefinitionSplit {
  term: Phrasing;
  definition: Phrasing;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * Abbreviations that end no sentence: `v.`, `Co.`, dotted letters (`q.i.d.`), initials (`T. J.
 * Eckleburg`), a closing initial (`Axillary n.`), and whatever a parenthesis holds (`(pl. only)`).
 */
const ABBREVIATION =
  /\b(?:v|vs|Mr|Mrs|Ms|Dr|St|Mt|No|Inc|Co|Ltd|Jr|Sr|Bros|Corp|Dept)\.(?=\s|$)|\b(?:\p{L}\.){2,}|\b\p{Lu}\.(?=\s\p{Lu})|\b\p{L}\.$|^¡[^!]+!$|\([^()]*\)/gu;

/** A year or span of years a timeline dates an event by: `1789`, `1914–1918`, `c. 1450`, `44 BC`. */
const YEAR =
  /^(?:c\.\s?|ca\.\s?)?(?:1\d{3}|20\d{2}|\d{1,4}\s?(?:BC|BCE|AD|CE))(?:\s?[–—-]\s?(?:1\d{3}|20\d{2}|\d{1,4}\s?(?:BC|BCE|AD|CE)|\d{2}))?s?$/;

/** A plausible term: short, not a sentence, not a label, a number (but a year), a time or a URL. */
export function isTerm(term: string, maxWords: number, phrase = false): boolean {
  const trimmed = term.trim();
  if (trimmed === "" || isLabel(trimmed)) return false;
  // `e.g. amylase`, `i.e. the lock`: an example typed before the term is no term.
  if (/^(?:e\.\s?g|i\.\s?e|cf)\.?\s/i.test(trimmed)) return false;
  if (/https?:\/\/|www\./i.test(trimmed)) return false;
  // `#separator:tab` heads an Anki export (`#include` is a term).
  if (/^#(?:separator|html|tags|deck|notetype|guid|columns|[a-z]+ column)$/i.test(trimmed)) return false;
  if (YEAR.test(trimmed)) return true;
  if (/^[\d\s.,:：/-]+$/.test(trimmed)) return false;
  // Abbreviations end no sentence (`Palsgraf v. LIRR`, `q.i.d.`, `Axillary n.`), nor does a
  // Spanish exclamation (`¡Qué va!`).
  const unabbreviated = trimmed.replace(ABBREVIATION, "A");
  if (/[.!?;。！？]$/.test(unabbreviated) && !/\.\.\.$/.test(unabbreviated) && !phrase) return false;
  if (/[.!?]\s|[。！？]./.test(unabbreviated)) return false;
  // Chinese and Japanese put no spaces between words: a term is a few characters, not a clause.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(trimmed) && /[，、；]/.test(trimmed))
    return false;
  if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{13,}$/u.test(trimmed.replace(/\s/g, "")))
    return false;
  // `In a speed-time graph:` sets the scene for what follows; it names nothing (`in the end = al
  // final` names an idiom).
  if (
    !phrase &&
    /^(?:in|on|at|during|after|before|under|over|within|without|between|among|from|with|by|for)\s+(?:a|an|the|this|that|these|those|our|my|your|its|their|each|every|any|some)\b/i.test(
      trimmed,
    )
  )
    return false;
  // `:gear:` shortcodes and cut-off asides such as `name (default` are not terms.
  if (trimmed.startsWith(":") || count(trimmed, "(") !== count(trimmed, ")")) return false;
  return trimmed.split(/\s+/).length <= maxWords;
}

const STATUS = /^(?:done|tbd|tbc|todo|n\/a|wip|ok|yes|no|pending|skipped?|-+|\?+)\.?$/i;

/**
 * A number worth learning for its term: a year (`Battle of Hastings: 1066`). A count or score
 * (`Total questions : 14`, `HW1: 95`, `Score: 79%`) is not, nor a port or room number alone.
 */
function numberToLearn(term: string, number: string): boolean {
  if (!/^\p{Lu}/u.test(term) || HEADER_FIELDS.test(term)) return false;
  return /^(?:1\d{3}|20\d{2})$/.test(number);
}

/** Fields of a note's header or a score sheet whose number is no fact (`Year: 2025`, `Total: 1500`). */
const HEADER_FIELDS =
  /^(?:year|semester|term|page|pages|room|edition|total|score|marks?|grade|points|credits|mean|median|sd|n)$/i;

/**
 * A definition that says nothing to remember: only a link, a number, a status word. `term`: what it
 * defines, for the numbers that are facts about it (numberToLearn).
 */
function saysNothing(definition: Phrasing, term?: Phrasing): boolean {
  const meaningful = trimPhrasing(definition);
  if (meaningful.length === 0) return false;
  if (meaningful.every((node) => node.type === "link" || node.type === "linkReference")) return true;
  const text = plainText(meaningful).trim();
  if (term && numberToLearn(plainText(term).trim(), text)) return false;
  // Under a year, an event is named with a capital (`1789 - Storming of the Bastille`); `2019 -
  // finished school` and `1200 - rent` are a diary and a budget.
  if (term && YEAR.test(plainText(term).trim()) && !/^["“'‘(]?\p{Lu}/u.test(text)) return true;
  return /^(https?:\/\/|www\.)\S+$/i.test(text) || /^[\d\s.,%$€£:/+-]+$/.test(text) || STATUS.test(text);
}

// `: `, ` - `, ` -- ` (a typed em dash), ` – `, ` — `, or a line break (`**Term**` alone on its line,
// the definition below). CJK notes use the full-width colon `：`, which needs no space after it.
const SEPARATOR_AFTER_BOLD = /^\s*[:：]\s*|^\s+(?:--|[-–—]|-{1,2}>|=>|→|←|=)\s+|^\s*[–—]\s*|^[ \t]*\n\s*/;

/** After an italic term opening the line: a colon or a spaced dash (`_Racemic mixture_ — a 50:50 mix`). */
const ITALIC_SEPARATOR = /^\s*[:：]\s*|^\s+(?:--|[-–—])\s+/;

/** A bold span, also when written `***Term***` (bold inside italics). */
function asStrong(node: PhrasingContent | undefined): Strong | undefined {
  const inner = node?.type === "emphasis" && node.children.length === 1 ? node.children[0] : node;
  return inner?.type === "strong" ? inner : undefined;
}

// Markers people put before a term line: arrows, bullet characters and emoji typed by hand.
const LEADING_MARKER = /^\s*(?:-{1,2}>|=>|→|⇒|[•·◦▪‣►▶]|\p{Extended_Pictographic}\uFE0F?)\s*/u;

/** Emoji right after a bold term, marking it (`**p-value** ⭐`, `**Osmosis** 🔥 - ...`). */
const EMOJI_AFTER_TERM = /^\s*(?:[\p{Extended_Pictographic}\u2B50]\uFE0F?)+(?=\s|$)/u;

/**
 * The line without a hand-typed marker or numbering before its term (`-> **Term**`, `1- BDD`), and
 * without the emoji an author starred a bold term with.
 */
export function withoutLeadingMarker(children: Phrasing): Phrasing {
  const content = trimPhrasing(children);
  const first = content[0];
  const after = content[1];
  if ((first?.type === "strong" || first?.type === "emphasis") && after?.type === "text") {
    const star = EMOJI_AFTER_TERM.exec(after.value);
    if (star) return trimPhrasing([first, sliceText(after, star[0].length), ...content.slice(2)]);
  }
  if (first?.type !== "text") return content;
  const marker = LEADING_MARKER.exec(first.value)?.[0].length ?? numberingLength(first.value);
  if (marker === 0) return content;
  // `-> **Term**`: the marker is a text node of its own before the bold.
  if (marker >= first.value.length) return content.length > 1 ? trimPhrasing(content.slice(1)) : content;
  return trimPhrasing([sliceText(first, marker), ...content.slice(1)]);
}

function stripTrailingSeparator(children: Phrasing, ending = /\s*[:：]$/): Phrasing {
  const content = trimPhrasing(children);
  const last = content.at(-1);
  if (last?.type !== "text") return content;
  return [...content.slice(0, -1), sliceText(last, 0, last.value.replace(ending, "").length)];
}

/** A separator typed inside the bold: `**Term:** def`, `**Term —** def`, `**Term -** def`. */
const SEPARATOR_IN_BOLD = /(?:\s*[:：]|\s*[–—]|\s+-{1,2})$/;

/** A term's short parenthetical (one level of brackets inside): `(noun)`, `(O(log n))`. */
// Long enough for an acronym spelled out (`(Terminal Access Controller Access Control System)`).
const ASIDE = String.raw`\((?:[^()\n]|\([^()\n]{0,20}\)){1,60}\)`;
const ASIDE_THEN_COLON = new RegExp(String.raw`^\s*(${ASIDE})\s*[:：]\s*$`);
// `**TACACS**+ (...)`, `**C**++ (...)`: a `+` or `#` left outside the bold is still the term's.
const ASIDE_BEFORE_SEPARATOR = new RegExp(String.raw`^[+#]{0,2}\s*${ASIDE}(?=\s*(?::|[-–—]\s))`);

/**
 * `- **Bandwidth**` alone on its line: the term of a definition written below it (nested bullets or
 * lines). Undefined for anything else, and for labels. The caller decides whether what is below is a
 * definition.
 */
export function boldTermAlone(children: Phrasing): Phrasing | undefined {
  const content = withoutLeadingMarker(children);
  // `**Fiscal policy**:` announces its definition with the colon outside the bold, `**Insert**
  // (O(log n)):` after an aside that belongs to the term.
  const after = content.length === 2 && content[1]?.type === "text" ? content[1] : undefined;
  const aside = after ? ASIDE_THEN_COLON.exec(after.value) : null;
  const colonAfter = after !== undefined && (/^\s*[:：]\s*$/.test(after.value) || aside !== null);
  const strong = content.length === 1 || colonAfter ? asStrong(content[0]) : undefined;
  if (!strong) return undefined;
  const term = trimPhrasing(stripTrailingSeparator(strong.children));
  if (!isTerm(plainText(term), 10)) return undefined;
  return aside ? trimPhrasing([...term, { type: "text", value: ` ${aside[1]}` }]) : term;
}

/**
 * `**Term**: def`, `**Term:** def`, `**Term** - def`, `**Term** — def`, `*Term*: def`. The line must
 * start with the term. Returns undefined for labels such as `**Note:**`.
 */
export function boldDefinition(children: Phrasing): DefinitionSplit | undefined {
  const content = withoutLeadingMarker(children);
  const opener = content[0];
  const strong = asStrong(opener);
  // An italic term counts only before a colon or dash: `*Term*: def` (italics mid-sentence are emphasis).
  const italic = !strong && opener?.type === "emphasis" ? opener : undefined;
  const first = strong ?? italic;
  if (!first) return undefined;
  const termText = plainText([first]).trim();
  const rest = content.slice(1);
  let term: Phrasing = first.children;
  let definition: Phrasing;
  let dashed = false;
  if (SEPARATOR_IN_BOLD.test(termText) && (strong || /[:：]$/.test(termText))) {
    term = stripTrailingSeparator(first.children, SEPARATOR_IN_BOLD);
    definition = rest;
    dashed = !/[:：]$/.test(termText);
  } else {
    const next = rest[0];
    if (next?.type !== "text") return undefined;
    // `**Term** (noun): def`, `**Term** (noun) - def`, `**Insert** (O(log n)):`: a short parenthetical
    // (one level of brackets inside) before the colon belongs to the term.
    const aside = ASIDE_BEFORE_SEPARATOR.exec(next.value);
    const after = aside ? sliceText(next, aside[0].length) : next;
    const separator = italic ? ITALIC_SEPARATOR.exec(after.value) : SEPARATOR_AFTER_BOLD.exec(after.value);
    if (!separator) return undefined;
    if (aside) term = [...first.children, sliceText(next, 0, aside[0].length)];
    definition = [sliceText(after, separator[0].length), ...rest.slice(1)];
    dashed = /[-–—=>→←]/.test(separator[0]);
  }
  const termPlain = plainText(term).trim();
  // `**A** - Airway` spells out a mnemonic's letter; only `A:` is an answer's label.
  const mnemonicLetter = dashed && /^\p{Lu}$/u.test(termPlain);
  if ((!mnemonicLetter && !isTerm(termPlain, 10)) || saysNothing(definition, term)) return undefined;
  if (isRemarkLabel(termPlain, plainText(definition))) return undefined;
  return { term: trimPhrasing(term), definition: trimPhrasing(definition) };
}

/**
 * `__Rimozione__ della risposta ...`: a bold term opening its line with the definition run on,
 * no separator typed. Weak: only in a list of bold definitions.
 */
export function boldLead(children: Phrasing): DefinitionSplit | undefined {
  const content = withoutLeadingMarker(children);
  const strong = asStrong(content[0]);
  const next = content[1];
  if (!strong || next?.type !== "text" || !/^\s+\p{L}/u.test(next.value)) return undefined;
  const term = trimPhrasing(strong.children);
  const definition = trimPhrasing(content.slice(1));
  if (!isTerm(plainText(term), 6) || plainText(definition).split(/\s+/).length < 3) return undefined;
  return { term, definition };
}

/** `rouge (red)`, `Ça va? (How are you?)`: a word or phrase and its gloss in brackets, nothing else. */
const GLOSSED = /^([^()（）\n]{1,40}?)\s*[(（]([^()（）\n]{1,60})[)）]\s*[.,;]?$/u;

/** What a bracket after an item says of it, not what it means: `(optional)`, `(p. 12)`, `(2019)`, `(v18)`. */
const REMARK =
  /^(?:optional|recommended|required|important|skip|skipped|todo|tbd|wip|done|new|old|deprecated|draft|ongoing|in progress|see below|see above|cont(?:inued|\.)?|revisit|later|maybe|easy|medium|hard|bonus|extra|review|\d.*|v\d.*|pp?\.\s*\d.*|pages?\s+\d.*|ch(?:apter|\.)\s*\d.*)$/i;

/**
 * `- rouge (red)`: a word or short phrase glossed in brackets, as language notes list vocabulary.
 * Weak, and only where the list's items are nearly all written so (consensus.ts): a bracket after
 * a word says as often when or how much (`Chapter 3 (pages 40-52)`, `React (v18)`).
 */
export function glossedWord(children: Phrasing): DefinitionSplit | undefined {
  const content = trimPhrasing(children);
  if (!content.every((node) => node.type === "text")) return undefined;
  const match = GLOSSED.exec(plainText(content).trim());
  if (!match) return undefined;
  const [term, gloss] = [match[1]!.trim(), match[2]!.trim()];
  const words = (text: string) => text.split(/\s+/).length;
  if (!/\p{L}/u.test(term) || !/\p{L}/u.test(gloss) || words(term) > 4 || words(gloss) > 8) return undefined;
  if (REMARK.test(gloss) || isLabel(term)) return undefined;
  return { term: [{ type: "text", value: term }], definition: [{ type: "text", value: gloss }] };
}

/**
 * `` - `la dinde` the turkey ``, `` - `push` adds to the end ``: a word or command in code and its
 * meaning run on, no separator typed. Weak, and only where the list's items are nearly all written
 * so (consensus.ts): code opens many a sentence of prose.
 */
export function codeLead(children: Phrasing): DefinitionSplit | undefined {
  const content = withoutLeadingMarker(children);
  const [code, next] = content;
  if (code?.type !== "inlineCode" || next?.type !== "text" || !/^\s+\p{L}/u.test(next.value))
    return undefined;
  const definition = trimPhrasing(content.slice(1));
  const words = plainText(definition).trim().split(/\s+/).length;
  if (code.value.trim() === "" || code.value.length > 40 || words > 30) return undefined;
  return { term: [code], definition };
}

/**
 * `` `push()` ← adds an item to the end ``: an arrow back at a term in code separates as `→` does.
 * Only after code (or bold): pseudocode assigns with it (`n ← length(A)`).
 */
export function codeArrow(children: Phrasing): DefinitionSplit | undefined {
  const content = withoutLeadingMarker(children);
  const [code, next] = content;
  const arrow = next?.type === "text" ? /^\s+←\s+(?=\S)/.exec(next.value) : null;
  if (code?.type !== "inlineCode" || next?.type !== "text" || !arrow || code.value.length > 40)
    return undefined;
  return { term: [code], definition: trimPhrasing([sliceText(next, arrow[0].length), ...content.slice(2)]) };
}

/** `【量词】用于表示数量单位的词。`: Chinese and Japanese notes set a term in lenticular brackets. */
export function bracketedTerm(children: Phrasing): DefinitionSplit | undefined {
  const content = trimPhrasing(children);
  const first = content[0];
  const match = first?.type === "text" ? /^【([^【】\n]{1,30})】[\s:：]*(?=\S)/u.exec(first.value) : null;
  if (!match || first?.type !== "text") return undefined;
  const definition = trimPhrasing([sliceText(first, match[0].length), ...content.slice(1)]);
  if (!isTerm(match[1]!, 10) || saysNothing(definition)) return undefined;
  return { term: [{ type: "text", value: match[1]! }], definition };
}

const BOLD_SUBJECT_VERB = /^\s+(?:is|are|refers to|means|describes)\s+(?=\S)/;

/**
 * `**Classical conditioning** is learning by association. Pavlov ...`, `A **reinforcer** is ...`: a
 * sentence that opens by defining its bold subject. The definition is the rest of that sentence.
 * Weak: only where siblings define terms too, since a bold subject can open any sentence.
 */
export function boldSentence(children: Phrasing): DefinitionSplit | undefined {
  const content = trimPhrasing(children);
  const opener = content[0]?.type === "text" && /^\s*(?:an?|the)\s*$/i.test(content[0].value) ? 1 : 0;
  const strong = asStrong(content[opener]);
  const next = content[opener + 1];
  const verb = next?.type === "text" ? BOLD_SUBJECT_VERB.exec(next.value) : null;
  if (!strong || !verb || next?.type !== "text") return undefined;
  const rest = [sliceText(next, verb[0].length), ...content.slice(opener + 2)];
  // The first sentence: up to a full stop followed by a space or a line break.
  const end = rest.findIndex((node) => node.type === "text" && /[.!?](?:\s|$)/.test(node.value));
  const last = end === -1 ? undefined : rest[end];
  const definition =
    last?.type === "text"
      ? [...rest.slice(0, end), sliceText(last, 0, /[.!?](?:\s|$)/.exec(last.value)!.index + 1)]
      : rest;
  const term = trimPhrasing(strong.children);
  if (!isTerm(plainText(term), 6) || plainText(definition).trim().split(/\s+/).length < 2) return undefined;
  return { term, definition: trimPhrasing(definition) };
}

/** `Definition 2.1`, `Theorem (Lagrange)`: a numbered statement of a mathematical text, its name in brackets. */
const STATEMENT =
  /^(definition|def|theorem|thm|lemma|proposition|prop|corollary|axiom|law|principle)\.?\s*(?:\d+(?:\.\d+)*)?\s*(?:\(([^()]{1,60})\))?\s*[.:]?$/i;
const NAME_AFTER = /^\s*\(([^()]{1,60})\)\s*[.:]?\s*/;

/**
 * `**Definition 2.1** (Subgroup). A subset ...`, `**Theorem 2.7 (Lagrange).** If ...`: the name in
 * brackets is the term (`Subgroup`, `Theorem 2.7 (Lagrange)`; unnumbered, `Theorem (Pigeonhole)` is
 * `Pigeonhole`), the statement after it the definition. An unnamed definition is of the word it
 * sets in italics (`**Definition.** A relation is *symmetric* if ...`); any other unnamed statement
 * is left alone.
 */
export function namedStatement(children: Phrasing): DefinitionSplit | undefined {
  const content = trimPhrasing(children);
  const strong = asStrong(content[0]);
  const header = strong ? STATEMENT.exec(plainText(strong.children).trim()) : null;
  if (!header) return undefined;
  const next = content[1];
  const after = !header[2] && next?.type === "text" ? NAME_AFTER.exec(next.value) : null;
  const kind = header[1]!;
  const defines = /^def/i.test(kind) || /^axiom$/i.test(kind);
  // `**Definition.** A relation is *symmetric* if ...`: unnamed, a definition names its term in italics.
  const named = header[2] ?? after?.[1];
  // Not a variable (`*G*`) or a stressed word (`*not*`): a word or phrase of its own.
  const italic = content
    .slice(1)
    .find((node) => node.type === "emphasis" && /\p{L}{3,}/u.test(plainText([node])));
  const italicName = italic ? plainText([italic]).trim() : "";
  const stressed = /^(?:not|no|only|all|any|every|each|must|both|either|neither|never|always)$/i.test(
    italicName,
  );
  const name = named ?? (defines && italicName !== "" && !stressed ? italicName : undefined);
  if (!name) return undefined;
  const rest =
    after && next?.type === "text"
      ? [sliceText(next, after[0].length), ...content.slice(2)]
      : content.slice(1);
  const definition = trimPhrasing(
    rest[0]?.type === "text"
      ? [sliceText(rest[0], /^\s*[.:]?\s*/.exec(rest[0].value)![0].length), ...rest.slice(1)]
      : rest,
  );
  if (plainText(definition).trim() === "") return undefined;
  // A definition is learnt by the name it defines, and so is an unnumbered theorem (`Theorem (Mean
  // Value Theorem)`); a numbered one is asked for as `Theorem 2.7 (Lagrange)`.
  const numbered = plainText(strong!.children)
    .replace(/\s*\([^()]*\)\s*[.:]?\s*$|\s*[.:]\s*$/, "")
    .trim();
  // `Theorem (Mean Value Theorem)` names itself in full; `Proposition (uniqueness)` does not.
  const fullName =
    /\b(?:theorem|lemma|principle|law|rule|formula|inequality|identity|conjecture|paradox)\b/i.test(name);
  const front = defines || (fullName && !/\d/.test(numbered)) ? name.trim() : `${numbered} (${name.trim()})`;
  return { term: [{ type: "text", value: front }], definition };
}

// `**Be careful.**`, `**Always pin versions.**`: advice, not a term.
const ADVICE_OPENER = /^(?:be|do|don't|do not|always|never|please|let's|try|avoid|remember|make sure)\b/i;

/**
 * `**Osmosis.** The diffusion of water ...`: a run-in term, as textbooks and glossaries set it, the
 * period inside the bold or just after it. Weak: a bold sentence opening a paragraph
 * (`**Be careful.** The ...`) reads the same, so only where siblings define terms too.
 */
export function boldRunIn(children: Phrasing): DefinitionSplit | undefined {
  const content = withoutLeadingMarker(children);
  const strong = asStrong(content[0]);
  const next = content[1];
  if (!strong || next?.type !== "text") return undefined;
  const inside = plainText(strong.children).trim();
  const period = inside.endsWith(".") ? /^\s+(?=\S)/.exec(next.value) : /^\.\s+(?=\S)/.exec(next.value);
  if (!period || inside.endsWith("..")) return undefined;
  const termText = inside.replace(/\.$/, "");
  if (ADVICE_OPENER.test(termText)) return undefined;
  const last = strong.children.at(-1);
  const term =
    inside.endsWith(".") && last?.type === "text"
      ? [...strong.children.slice(0, -1), sliceText(last, 0, last.value.replace(/\.\s*$/, "").length)]
      : strong.children;
  const definition = trimPhrasing([sliceText(next, period[0].length), ...content.slice(2)]);
  if (!isTerm(termText, 6) || saysNothing(definition) || plainText(definition).split(/\s+/).length < 2)
    return undefined;
  return { term: trimPhrasing(term), definition };
}

// `Python has dynamic typing: ...`, `The professor said: ...`: a clause, not a term.
const CLAUSE_WORDS = new Set([
  "is",
  "are",
  "was",
  "were",
  "has",
  "had",
  "said",
  "says",
  "should",
  "would",
  "could",
]);

function readsAsClause(term: string): boolean {
  return term
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .slice(1)
    .some((word) => CLAUSE_WORDS.has(word));
}

/** Schedules and contact details (`Office hours: Tue 14:00`, `TA: pp42@uni.edu`) are data, not terms. */
function isScheduleOrContact(definition: string): boolean {
  return /\b\d{1,2}[:：]\d{2}\b/.test(definition) || /[\w.+-]+@[\w-]+\.\w/.test(definition);
}

/** A term's text with its inline code as one word: `` `?` operator `` is no question. */
function withoutCode(term: Phrasing): string {
  return plainText(term.map((node) => (node.type === "inlineCode" ? { type: "text", value: "code" } : node)));
}

/** Separators between a plain term and its definition (see the file comment). */
const SEPARATOR =
  /(?<!:)[:：](?=\s|$)|：|(?<!:):(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])|\s+(?::=|≡|≔)\s+|\s+:(?=[^\s:/])|\s+(?:--|[-–—]|-{1,2}>|=>|→|⇒|⟶|=|\|)\s+|\s+[–—](?=[A-Za-zÀ-ÿ])|(?<=\))—(?=\p{L})|\t+-\s+|\t+(?=\S)/gu;
/** Two-part fronts (`早上好 - Zǎoshang hǎo - Good morning`, `零<tab>líng - zero`) split at the last separator. */
const DASH_OR_ARROW = /^\s+(?:--|[-–—]|-{1,2}>|=>|→|⇒|⟶)\s+$|^\t+$/;
const NON_LATIN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Thai}]/u;

interface SeparatorAt {
  node: number;
  index: number;
  length: number;
  text: string;
}

function separatorsIn(content: Phrasing): SeparatorAt[] {
  const found: SeparatorAt[] = [];
  content.forEach((node, at) => {
    // `[[Hesiod - Theogony]]`: a note's name, whatever it holds.
    if (node.type !== "text" || node.data?.wikilink) return;
    for (const match of node.value.matchAll(SEPARATOR)) {
      // `P(A | B)`: a bar inside brackets is notation, not a separator.
      const before = node.value.slice(0, match.index);
      if (match[0].includes("|") && count(before, "(") > count(before, ")")) continue;
      found.push({ node: at, index: match.index, length: match[0].length, text: match[0] });
    }
  });
  return found;
}

function splitAt(content: Phrasing, at: SeparatorAt): DefinitionSplit {
  const node = content[at.node] as Extract<PhrasingContent, { type: "text" }>;
  return {
    term: trimPhrasing([...content.slice(0, at.node), sliceText(node, 0, at.index)]),
    definition: trimPhrasing([sliceText(node, at.index + at.length), ...content.slice(at.node + 1)]),
  };
}

/**
 * Plain `Term: definition` (and the other separators above). Only meaningful where most siblings
 * look the same (a vocabulary list); the caller checks that.
 */
export function plainDefinition(children: Phrasing): DefinitionSplit | undefined {
  const content = withoutLeadingMarker(children);
  // The term is text, code or emphasis: a link, image or HTML before the separator is a sentence.
  const separators = separatorsIn(content);
  const firstSeparator = separators[0];
  if (!firstSeparator) return undefined;
  const before = content.slice(0, firstSeparator.node);
  if (
    !before.every((node) =>
      ["text", "inlineCode", "emphasis", "strong", "delete", "inlineMath"].includes(node.type),
    )
  )
    return undefined;
  let split = splitAt(content, firstSeparator);
  let used = firstSeparator;
  const last = separators.at(-1)!;
  const dashes = separators.filter((separator) => DASH_OR_ARROW.test(separator.text));
  if (dashes.length >= 2 && last !== firstSeparator && DASH_OR_ARROW.test(last.text)) {
    const lastSplit = splitAt(content, last);
    if (NON_LATIN.test(plainText(split.term)) && !NON_LATIN.test(plainText(lastSplit.definition))) {
      split = lastSplit;
      used = last;
    }
  }
  const termPlain = plainText(split.term);
  // A phrase in another script may be a whole sentence with its romanisation (`我是德国人。 - Wǒ shì ...`).
  const foreign = NON_LATIN.test(termPlain);
  const termText = foreign ? termPlain.replace(/[。？！?.!，,]/g, " ") : withoutCode(split.term);
  // A phrase before a dash, arrow or `=` (`Bom apetite! — Enjoy your meal!`, `in the end = al final`)
  // is vocabulary; before a colon it is a sentence or sets the scene.
  const phrase = !/[:：]/.test(used.text);
  if (termPlain.includes("\n") || !isTerm(termText, foreign ? 12 : 6, phrase) || readsAsClause(termPlain))
    return undefined;
  const definitionPlain = plainText(split.definition);
  if (definitionPlain.trim() === "") return undefined;
  // A time inside code (`%H:%M` - such as `01:23`) is an example, not a schedule.
  const prose = plainText(split.definition.filter((node) => node.type !== "inlineCode"));
  if (saysNothing(split.definition, split.term) || isScheduleOrContact(prose)) return undefined;
  if (isRemarkLabel(termPlain, definitionPlain)) return undefined;
  // `10:19` and `3:1` have no space after the colon, so they never reach here; a bare `http:` does.
  if (/^\s*\/\//.test(definitionPlain)) return undefined;
  return split;
}

/** `... consists of`, `... such that`: a phrase that announces what follows, not a term. */
const ANNOUNCING_END =
  /\b(?:of|by|as|to|the|a|an|and|or|with|for|in|on|is|are|that|such|from|into|like|following)$/i;

const DEFINING_VERB = /^(.{1,60}?)\s+(is|are|means|refers to|stands for)\s+(.+)$/s;
const ARTICLE = /^(?:a|an|the)\s+/i;

/**
 * `Yo is I.`, `A mutex is a lock that ...`: a sentence whose short subject (four words at most, its
 * article dropped) is the term and whose predicate is the definition. The caller accepts it only in
 * a list of such sentences.
 */
export function sentenceDefinition(children: Phrasing): DefinitionSplit | undefined {
  const content = trimPhrasing(children);
  const first = content[0];
  if (content.length !== 1 || first?.type !== "text" || first.value.includes("\n")) return undefined;
  const match = DEFINING_VERB.exec(first.value);
  if (!match) return undefined;
  const subject = match[1]!.replace(ARTICLE, "").trim();
  if (!isTerm(subject, 4) || /[,;:]/.test(subject) || isQuestionText(first.value)) return undefined;
  if (
    /^(what|why|how|when|where|which|who|this|that|it|there|here|these|those|they|he|she|we|i)$/i.test(
      subject,
    )
  )
    return undefined;
  const start = first.value.length - match[3]!.length;
  const subjectStart = match[1]!.length - match[1]!.replace(ARTICLE, "").length;
  return {
    term: trimPhrasing([sliceText(first, subjectStart, match[1]!.length)]),
    definition: trimPhrasing([sliceText(first, start)]),
  };
}

/**
 * A definition-list entry as Pandoc and PHP Markdown Extra write it: the term on its own line and the
 * definition on the next line after `: ` (several such lines: several definitions).
 * @example "Osmosis\n: diffusion of water across a membrane"
 */
export function colonLineDefinition(children: Phrasing): DefinitionSplit | undefined {
  const lines = splitLines(trimPhrasing(children));
  const [termLine, definitionLine, ...more] = lines;
  const opener = definitionLine?.[0];
  if (!termLine || opener?.type !== "text") return undefined;
  const match = /^:\s+/.exec(opener.value);
  const termText = plainText(termLine);
  if (!match || !(isTerm(termText, 10) || isQuestionText(termText))) return undefined;
  // Each further `: ` line is one more definition of the same term.
  const withoutColon = (line: Phrasing): Phrasing => {
    const start = line[0];
    const colon = start?.type === "text" ? /^:\s+/.exec(start.value) : null;
    return start?.type === "text" && colon ? [sliceText(start, colon[0].length), ...line.slice(1)] : line;
  };
  const definition = joinLines([definitionLine!, ...more].map(withoutColon));
  return { term: trimPhrasing(termLine), definition: trimPhrasing(definition) };
}

/**
 * A term alone on its line with no markup (`Osmosis`, `setState`), its definition below it: short,
 * not a sentence, not a label. Weak: only where siblings are written the same way.
 */
/** `Gregarious.` over its meaning: one word with a full stop typed after it is the word. */
function withoutWordStop(term: Phrasing): Phrasing {
  const last = term.at(-1);
  if (term.length !== 1 || last?.type !== "text" || !/^\s*\p{L}[\p{L}'’-]*\.\s*$/u.test(last.value))
    return term;
  return [sliceText(last, 0, last.value.trimEnd().length - 1)];
}

export function plainTermAlone(children: Phrasing): Phrasing | undefined {
  const content = withoutLeadingMarker(children);
  if (!content.every((node) => ["text", "inlineCode", "emphasis", "inlineMath"].includes(node.type)))
    return undefined;
  const term = withoutWordStop(stripTrailingSeparator(content));
  const text = plainText(term).trim();
  if (!isTerm(text, 6) || readsAsClause(text) || /[,;]$/.test(text)) return undefined;
  // A line with a separator in it (`Attendees: Sam, Jo`) was not a term line: it is not a term alone.
  if (separatorsIn(term).length > 0 || ANNOUNCING_END.test(text)) return undefined;
  return term;
}
