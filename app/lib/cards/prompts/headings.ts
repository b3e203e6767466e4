/**
 * Headings that name a term: `### Mitochondria` followed by the paragraph or bullets that define it.
 * A heading is a term candidate when its title is short and reads as a name (not a sentence, a
 * question, a label such as `Summary`, or a course division such as `Week 3`). The body decides how
 * sure that is:
 * - strong: the body's first sentence names the term and says what it is (`A semaphore is ...`,
 *   `... slots called page frames`), opens as a definition does (`Is the creation of ...`, `When a
 *   function ...`, `The combination of:`, `A learning condition that ...`, `Definition: ...`), says
 *   what the thing does with its subject left out (`Returns the ...`) or describes a person
 *   (`Self-made millionaire who ...`), the
 *   body is a formula (`$$ ... $$`), or a field list (`- Class: ...` / `- MOA: ...`, fields.ts);
 * - weak: the first sentence names the term (`Loops allow you to ...`); faint: any other short prose.
 *   Both count only in a run of term headings with a strong one among them, or for one heading
 *   alone among its siblings over a short body of notes (prompts/classify.ts).
 * A body that opens with code, a table, or holds nothing but images and links defines nothing here.
 */
import type { RootContent } from "mdast";
import { isLinkOrImageOnly, plainText, type Phrasing } from "../phrasing";
import type { Block, Section } from "../outline/types";
import { spellsOut } from "./acronyms";
import { isTerm } from "./definitions";
import { isFieldList } from "./fields";
import { isLabel } from "./labels";
import { isSectionLabel } from "./section-labels";
import { DEFINITION_LABEL } from "./qa-pairs";
import { isQuestionText } from "./questions";
import type { Strength } from "./types";

// Not `for`: in `For Statement` it is the term.
const STOPWORDS = new Set([
  "the",
  "and",
  "with",
  "from",
  "into",
  "its",
  "are",
  "was",
  "vs",
  "von",
  "der",
  "die",
  "das",
]);

/** Letters only, lowercase, accents dropped: `Hückel` and `huckel` compare equal. */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function wordsOf(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether `text` names the term: a word of the title, allowing for plurals and endings. */
export function mentions(title: string, text: string): boolean {
  const titleWords = wordsOf(title).filter((word) => word.length >= 3 && !STOPWORDS.has(word));
  if (titleWords.length === 0) return false;
  const bodyWords = wordsOf(text);
  return titleWords.some((word) => {
    const stem = word.length <= 3 ? word : word.slice(0, Math.max(3, Math.min(5, word.length - 1)));
    return bodyWords.some((candidate) =>
      word.length <= 3 ? candidate === word : candidate.startsWith(stem),
    );
  });
}

/** A verb that says what something is: `is`, `are`, `refers to`, `called`, `known as` ... */
const DEFINING_VERB =
  /\b(?:is|are|was|were|refers? to|means?|denotes?|represents?|describes?|call(?:ed)?|known as|defined as|stands? for|consists? of|è|sono|est|sont|ist|sind|es|son)\b/i;

const DEFINING_OPENER =
  /^(?:is|are|refers?|means?|describes?|determines?|denotes?|represents?|defines?|used|allows?|provides?|stores?|consists?|contains?|when|where|any|one of|a kind of|a type of|a way|(?:the|a|an)\s+(?:process|study|branch|act|ability|set|collection|combination|practice|art|science|state|quality|method|means|idea|concept|principle|term|name|type|kind|form|class|part|measure|amount|number|rate|degree|property|technique|mechanism|function|procedure|structure|system|theory|law|rule|condition|tendency|relationship|region|area|field|group|mixture|substance|unit)\b)/i;

/**
 * Definitions in Chinese, Japanese and Korean notes, which have no articles: `一种...的数据结构。`,
 * `是指...`, `资源分配的单位。` (a noun phrase ending in `的` and its noun), `...のこと。`, `...을 말한다.`
 */
const CJK_DEFINITION =
  /^(?:一种|一種|一个|一個|是指|指的是)|[的之][\p{Script=Han}]{1,6}[。．.]?$|のこと[。.]?$|(?:을|를)\s?(?:말한다|뜻한다|의미한다)[.。]?$/u;
/**
 * Definitions opening as German, French, Spanish, Portuguese, Italian and Russian ones do: `Unter
 * Redundanz versteht man ...`, `Bezeichnet ...`, `Désigne ...`, `Es un ...`, `É o conjunto de ...`,
 * `Si tratta di ...`, `Это ...`.
 */
const EUROPEAN_DEFINITION =
  /^(?:unter\s.{1,60}\sversteht\s+man|man\s+versteht|der\s+begriff\s|bezeichnet\s|beschreibt\s|ist\s+(?:ein|eine|der|die|das)\s|désigne\s|est\s+(?:un|une|le|la|l')|on\s+appelle\s|ensemble\s+de(?:s)?\s|es\s+(?:un|una|el|la)\s|se\s+(?:refiere|llama|denomina)\s|conjunto\s+de\s|é\s+(?:um|uma|o|a)\s|refere-se\s|è\s+(?:un|una|il|la|lo|l')|indica\s|si\s+tratta\s|insieme\s+di\s|это\s|совокупность\s|способ\s|процесс\s)/iu;
/** `Redundanz ist ...`, `Le cache désigne ...`, `Кэш — это ...`: the term named, then defined. */
const EUROPEAN_DEFINING_VERB =
  /(?:^|\s)(?:ist|sind|bezeichnet|bedeutet|versteht|désigne|signifie|significa|se\s+refiere|refere-se|означает|это|является|называется)(?=[\s,.:]|$)/iu;

/** `进程是...`, `ポートとは...`, `프로세스란 ...`: the term named and defined, in those scripts. */
const CJK_DEFINING_VERB = /是|指|とは|란|이란/u;

/** `A learning condition that ...`, `An organelle found in ...`: an article, a few words, then what it does or is. */
const NOUN_PHRASE_DEFINITION =
  /^(?:a|an|the)\s+(?:[\p{L}\p{N}'-]+\s+){1,4}?(?:that|which|who|whose|where|in which|by which|used|made|found|formed|produced|caused|consisting|containing|producing|responsible|characteri[sz]ed|designed|located)\b/iu;
/** `Self-made millionaire who ...` under a character's name: a person described, the article left out. */
const BARE_NOUN_PHRASE_DEFINITION = /^\p{Lu}[\p{L}'-]*(?:\s+[\p{L}'-]+){0,2}\s+(?:who|whose)\s/u;
/** `Runs side effects after render.` under `## useEffect`: what the named thing does, its subject left out. */
const DOES_OPENER =
  /^(?:runs|returns|creates|makes|keeps|lets|gives|holds|takes|turns|converts|measures|controls|prevents|causes|produces|removes|adds|splits|combines|connects|sends|handles|manages|tracks|triggers|executes|performs|generates|transforms|maps|checks|ensures|reduces|increases|carries|breaks|builds|binds|blocks|inhibits|lowers|raises|regulates|transports|synthesi[sz]es|stimulates|releases|calculates|compares|finds|counts|prints|lists|shows|displays|deletes|copies|moves|changes|sets|reads|writes|opens|closes|starts|stops|waits|schedules|stores|caches|wraps|marks)\s+\p{L}/iu;
/** `Mixing different kinds of problems ...` under `## Interleaving`: notes on the practice it names. */
const GERUND_OPENER = /^\p{Lu}\p{Ll}{2,}ing\s+\p{L}/u;

/** Whether a body opens as notes do, without a subject: `produces ATP`, `Mixing kinds of problems ...`. */
export function opensAsFragment(text: string): boolean {
  return /^\p{Ll}/u.test(text) || GERUND_OPENER.test(text);
}

/** A verb that makes a sentence of a noun phrase, or a person writing about themselves. */
const FINITE_OR_PERSONAL =
  /\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|can|could|will|would|should|may|might|must|shall|won't|can't|don't|doesn't|isn't|aren't|I|we|you|our|my|your|us|me)\b/i;
/**
 * An article, a few words, then what qualifies them: `A variant form of`, `A market dominated by`;
 * or a noun (and a word before it) of something: `Diffusion of`, `Net movement of`.
 */
const QUALIFIED_NOUN =
  /^(?:(?:A|An|The)\s+(?:[\p{L}'-]+\s+){1,4}?(?:of|with|in|for|on|at|from|between|among|within|without|into|\p{L}+ed\s+by)|\p{Lu}\p{Ll}+\s+(?:\p{Ll}+\s+)?of)\s/u;
/** `How high or low a note sounds.` under `## Pitch`: what the term measures, no question asked. */
const HOW_CLAUSE = /^(?:How|What|Where|When|Whether)\s+[^?？]+$/u;

/**
 * `A variant form of a gene at a given locus.` under `## Allele` (`Ratio of the risks ...` under
 * `## Risk ratio`, `How high or low a note sounds.` under `## Pitch`): an article, what the heading
 * names and what qualifies it, with no verb of its own (a definition as notes write it, `is` left out).
 */
export function opensAsNounPhrase(text: string): boolean {
  const sentence = firstSentence(text);
  return (
    (QUALIFIED_NOUN.test(sentence) || HOW_CLAUSE.test(sentence)) &&
    sentence.split(/\s+/).length <= 25 &&
    !FINITE_OR_PERSONAL.test(sentence)
  );
}

/** The first sentence (at most 40 words) of a block's text. */
function firstSentence(text: string): string {
  const sentence = text.split(/(?<=[.!?。])\s/)[0] ?? text;
  return sentence.split(/\s+/).slice(0, 40).join(" ");
}

function textOf(block: Block): string | undefined {
  if (block.kind === "paragraph") return plainText(block.node.children);
  if (block.kind === "list") {
    const first = block.items[0];
    return first?.lead ? plainText(first.lead.node.children) : undefined;
  }
  if (block.kind === "quote") return block.blocks[0] ? textOf(block.blocks[0]) : undefined;
  return undefined;
}

/** A formula block: `$$ ... $$` on lines of its own, or a paragraph of nothing but formulas. */
function isMath(node: RootContent): boolean {
  if (node.type === "math") return true;
  return (
    node.type === "paragraph" &&
    node.children.some((child) => child.type === "inlineMath") &&
    node.children.every(
      (child) =>
        child.type === "inlineMath" ||
        child.type === "break" ||
        (child.type === "text" && child.value.trim() === ""),
    )
  );
}

/** A display formula block (see isMath): `$$F = ma$$` under the name of a law is its answer. */
export function isFormula(block: Block | undefined): boolean {
  return (block?.kind === "other" || block?.kind === "paragraph") && isMath(block.node);
}

/** Blocks that say nothing on their own at the start of a body: images, links, HTML, an Obsidian callout. */
export function isDecoration(block: Block): boolean {
  if (block.kind === "paragraph") return isLinkOrImageOnly(block.node.children);
  if (block.kind === "other") return block.node.type === "html" || block.node.type === "definition";
  return block.kind === "callout" && !["def", "definition"].includes(block.type);
}

/** A to-do list (`- [ ] label the samples`): the author's tasks, never a definition or an answer. */
export function isTaskList(block: Block): boolean {
  return block.kind === "list" && block.items.every((item) => item.checked !== null);
}

/**
 * `Group theory, week 4`, `Lecture 6 - Entropy`: a title that dates or numbers a part of a course
 * (not `Class 3 antiarrhythmics`: the number names a kind there).
 */
const COURSE_DIVISION = /\b(?:week|lecture|lesson|chapter|session|class|module|unit)\s*\d+\s*(?:$|[,:–—-])/i;

/** A title that can name a term (see the file comment). */
export function isTermTitle(title: string): boolean {
  const text = title.trim().replace(/[:：]$/, "");
  return isTerm(text, 8) && !isSectionLabel(text) && !isLabel(text, true) && !COURSE_DIVISION.test(text);
}

/** How strongly the section's body defines its heading's term; undefined when it does not. */
export function headingTermStrength(
  section: Section,
  title: Phrasing,
  makesCards: (block: Block) => boolean,
): Strength | undefined {
  const titleText = plainText(title);
  if (!isTermTitle(titleText)) return undefined;
  const body = section.blocks.filter((block) => !isDecoration(block));
  const first = body[0];
  // A heading over cards of their own names their section.
  if (!first || makesCards(first)) return undefined;
  if (first.kind === "other") return isMath(first.node) ? "strong" : undefined;
  if (isFieldList(first)) return "strong";
  // `### IMSAFE` over `I - Illness` / `M - Medication` ...: the acronym's letters spelled out.
  const lines =
    first.kind === "list"
      ? first.items.map((item) => item.lead?.lines[0] ?? [])
      : first.kind === "paragraph"
        ? first.lines
        : [];
  if (spellsOut(lines, title)) return "strong";
  if (first.kind === "paragraph" && isMath(first.node)) return "strong";
  const text = textOf(first)?.trim();
  if (!text) return undefined;
  const sentence = firstSentence(text);
  // A heading over a question (`## Warm-up` / `What do you already know about volcanoes?`) names a task.
  if (isQuestionText(sentence)) return undefined;
  if (DEFINING_OPENER.test(sentence) || DEFINITION_LABEL.test(sentence)) return "strong";
  if (NOUN_PHRASE_DEFINITION.test(sentence) || DOES_OPENER.test(sentence)) return "strong";
  if (BARE_NOUN_PHRASE_DEFINITION.test(sentence)) return "strong";
  if (CJK_DEFINITION.test(sentence) || EUROPEAN_DEFINITION.test(sentence)) return "strong";
  if (mentions(titleText, sentence))
    return DEFINING_VERB.test(sentence) ||
      CJK_DEFINING_VERB.test(sentence) ||
      EUROPEAN_DEFINING_VERB.test(sentence)
      ? "strong"
      : "weak";
  // Prose that neither names nor defines the term can still be its definition (`Same interface -
  // many forms.`, `- produces ATP` under `## Mitochondria`): faint, counted only where every heading
  // around names a term.
  return "faint";
}
