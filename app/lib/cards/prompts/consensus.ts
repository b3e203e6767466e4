/**
 * When siblings back a weak prompt: at least two written the same way (the family's strong prompts,
 * and weak ones of the same form or of a form that lends), and at least half of the siblings that
 * hold anything (three in five for defining sentences; three and seven in ten for glossed words and
 * for quoted words with their meaning run on).
 */
import { familyOf, type Form, type Prompt, type Role } from "./types";

/** Term lines elsewhere in the note that back a lone one (a glossary split over many headings). */
export const NOTE_WIDE_SUPPORT = 6;

/** Share of the siblings that must be read the same way for a weak form to count. */
const SHARE: Partial<Record<Form, number>> = { sentence: 0.6, glossed: 0.7, "code-lead": 0.7 };
const DEFAULT_SHARE = 0.5;

/**
 * Siblings that back a weak prompt of the family: strong prompts of the family, and weak ones of
 * the same form (`The old town is easy to walk around.` backs no `tapas - small plates`). A run-on
 * bold term lends no support: it is backed only.
 */
export function supports(prompts: Prompt[], role: Role, form?: Form): number {
  return counted(prompts, `${role} ${form ?? ""}`, () => countSupports(prompts, role, form));
}

function countSupports(prompts: Prompt[], role: Role, form?: Form): number {
  return prompts.filter(
    (prompt) =>
      familyOf(prompt.form) === role &&
      prompt.form !== "bold-lead" &&
      (form === undefined || prompt.strength === "strong" || prompt.form === form || LENDS.has(prompt.form)),
  ).length;
}

/**
 * Counts already made over a list of prompts, by what was counted: every prompt of a list of 10,000
 * items asks the same few questions of the whole list. The lists are never changed once read.
 */
const counts = new WeakMap<Prompt[], Map<string, number>>();

function counted(prompts: Prompt[], key: string, count: () => number): number {
  let known = counts.get(prompts);
  if (!known) counts.set(prompts, (known = new Map()));
  let value = known.get(key);
  if (value === undefined) known.set(key, (value = count()));
  return value;
}

/** Weak forms that back the other weak forms of their family: a separator line backs a bold-led one. */
const LENDS: ReadonlySet<Form> = new Set([
  "separator",
  "numbered",
  "exam-prompt",
  "unmarked",
  "asks",
  "labelled",
  "choice",
  "bold",
  "code-lead",
]);

/** Forms backed only by siblings written the same way, not by the whole family. */
const OWN_FORM: ReadonlySet<Form> = new Set(["sentence", "alone", "glossed", "code-lead"]);

/** Forms that need three siblings written the same way, not two. */
const THREE_OF_A_KIND: ReadonlySet<Form> = new Set(["sentence", "glossed", "code-lead"]);

/**
 * Whether a weak prompt is backed by enough siblings. `candidates` counts the siblings that hold
 * anything; for a term alone over its definition, only those with something under them count
 * (bare terms in the same list are not definitions left out).
 */
export function backed(prompt: Prompt, all: Prompt[], candidates: number, withBody = candidates): boolean {
  if (prompt.strength === "strong") return true;
  if (prompt.strength === "faint") return false;
  if (prompt.form === "alone") candidates = withBody;
  const support = OWN_FORM.has(prompt.form)
    ? counted(all, prompt.form, () => all.filter((other) => other.form === prompt.form).length)
    : supports(all, familyOf(prompt.form), prompt.form);
  const share = SHARE[prompt.form] ?? DEFAULT_SHARE;
  return support >= (THREE_OF_A_KIND.has(prompt.form) ? 3 : 2) && support >= share * candidates;
}
