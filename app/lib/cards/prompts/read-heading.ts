/**
 * Reads what a heading or a callout title holds: a question, a term it names (with the body's
 * evidence, headings.ts), a label such as `References`, a question to the learner, or nothing.
 */
import { plainText, trimPhrasing, type Phrasing } from "../phrasing";
import type { Block, CalloutBlock, Section } from "../outline/types";
import { headingTermStrength } from "./headings";
import { isLabel } from "./labels";
import {
  headingTerm,
  isPromptText,
  isQuestionText,
  isReflective,
  numberingLength,
  questionFront,
  stripNumbering,
  UNMARKED_QUESTION,
  withoutTrailingColon,
} from "./questions";
import { isSectionLabel } from "./section-labels";
import { makePrompt, type Form, type Prompt } from "./types";

/**
 * `Mistakes I made`, `My takeaways`, `Personal thoughts`: the author's asides, labels of a kind
 * (`Type I error` is a term: only `I` before a verb of the author's own counts).
 */
const OWN_ASIDE =
  /\b(?:my|me|we|our|personal|thoughts)\b|\bI(?:'(?:m|ve|d|ll)|\s+(?:made|learned|learnt|think|thought|found|need|want|did|have|had|am|was|like|got|struggled)\b)/i;

export type HeadingReading =
  /** `fallback`: the term a numbered heading names, where the headings around are not questions. */
  | { kind: "prompt"; prompt: Prompt; fallback?: Prompt }
  | { kind: "label" }
  | { kind: "reflective" }
  | { kind: "none" };

/**
 * The reading of a section's heading: a question, a term it names, a label, or nothing. `makesCards`
 * tells which of its blocks are cards already (a heading over cards only names their section);
 * `makesSureCards` which make cards on their own evidence, not only by agreeing with their siblings.
 */
export function readHeading(
  section: Section,
  makesCards: (block: Block) => boolean,
  makesSureCards: (block: Block) => boolean = makesCards,
): HeadingReading {
  if (!section.heading) return { kind: "none" };
  const title = headingTerm(section.title);
  const text = plainText(title).trim();
  if (text === "") return { kind: "none" };
  const numbered = numberingLength(plainText(section.title).trim()) > 0;
  if (isReflective(text) && (isQuestionText(text) || isPromptText(text))) return { kind: "reflective" };
  const asks = (form: Form): HeadingReading => ({
    kind: "prompt",
    prompt: makePrompt("question", form, "strong", questionFront(section.title), []),
  });
  if (isQuestionText(text)) return asks("asks");
  if (isPromptText(text)) return asks("exam-prompt");
  if (UNMARKED_QUESTION.test(text)) return asks("unmarked");
  if (isSectionLabel(text) || OWN_ASIDE.test(text)) return { kind: "label" };
  const strength = headingTermStrength(section, title, makesCards);
  const term = strength
    ? makePrompt("term", "heading", strength, withoutTrailingColon(title), [])
    : undefined;
  // `## 4.2 Redox` (`## 4. Redox`) over `- oxidizing agent: ...` bullets: a numbered section, not a
  // question (`## 2) OSPF states in order` over `- Down → Init` asks, and the list answers).
  // Nor is `## 3. Compute` over nothing but its sub-headings: a chapter's number.
  const sectionNumber = /^\d+(?:\.\d+)*\.?\s/.test(plainText(section.title).trim());
  const chapter = sectionNumber && section.blocks.length === 0 && section.sections.length > 0;
  if (numbered && !chapter && !(sectionNumber && section.blocks.some(makesSureCards))) {
    // `## 12) Clustered vs non-clustered index`: a question if the headings around are questions.
    const reading = makePrompt("question", "numbered", "weak", questionFront(section.title), []);
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
    return { kind: "prompt", prompt: makePrompt("term", "bold", "strong", stripNumbering(sectionTitle), []) };
  }
  if (text === "") return { kind: "none" };
  if (isQuestionText(text) || (["question", "faq", "help"].includes(callout.type) && text.length > 0)) {
    return {
      kind: "prompt",
      prompt: makePrompt("question", "asks", "strong", questionFront(callout.title), []),
    };
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
  return { kind: "prompt", prompt: makePrompt("term", "bold", "strong", term, []) };
}
