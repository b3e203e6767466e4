/** What the prompt layer decides for each place in the outline that can carry a prompt. */
import { trimPhrasing, type Phrasing } from "../phrasing";

/**
 * How a prompt is written. Forms of one family back each other up: a list is vocabulary when most of
 * its items define a term, whichever separator each uses.
 */
export type Form =
  // questions
  | "asks" // ends in `?`
  | "exam-prompt" // Explain / Describe / Define ... without `?`
  | "unmarked" // `what is a monomer`: a question word with no `?`
  | "labelled" // `Q:` / `A:`
  | "choice" // a multiple-choice question with the right option marked
  | "numbered" // `## 12) Clustered vs non-clustered index`: numbered like the questions around it
  // terms
  | "bold" // `**Term**: definition`, `**Term**` with the definition below it
  | "bold-lead" // `__Term__ the definition run on`: only among bold definitions
  | "separator" // `Term: definition`, `Term - definition`, `term -> meaning`, `term = meaning`
  | "sentence" // `Yo is I.`: a sentence that defines its own subject
  | "alone" // `Term` alone on its line, the definition below it
  | "glossed" // `rouge (red)`: a word and its gloss in brackets, only in a list of such items
  | "code-lead" // `` `la dinde` the turkey ``: a quoted word and its meaning run on, only in a list of such
  | "heading"; // `### Mitochondria` and the paragraph that defines it

export type Role = "question" | "term";

/**
 * How sure the form alone makes us: weak prompts need siblings written the same way; a faint one (a
 * heading over prose that neither names nor defines it) counts only where every sibling is a term.
 */
export type Strength = "strong" | "weak" | "faint";

export interface Prompt {
  role: Role;
  form: Form;
  strength: Strength;
  /** The front, markup that only frames it (numbering, bold around a question) already dropped. */
  front: Phrasing;
  /** The answer written after the prompt on its line or in the rest of its paragraph (may be empty). */
  answer: Phrasing;
  /** 0-based line of the paragraph where the prompt stands. */
  line: number;
  /** The author announced an answer (`**Term**:` with the definition to come): warn if none comes. */
  announced?: boolean;
  /** A multiple-choice question whose options are the list after it: that list is taken with it. */
  optionsBelow?: boolean;
}

export function familyOf(form: Form): Role {
  return ["bold", "bold-lead", "separator", "sentence", "alone", "glossed", "code-lead", "heading"].includes(
    form,
  )
    ? "term"
    : "question";
}

/** A prompt, its sides trimmed. */
export function makePrompt(
  role: Role,
  form: Form,
  strength: Strength,
  front: Phrasing,
  answer: Phrasing,
  line = 0,
): Prompt {
  return { role, form, strength, front: trimPhrasing(front), answer: trimPhrasing(answer), line };
}
