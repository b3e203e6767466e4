/**
 * Multiple choice: the right answer and three wrong ones taken from the deck's other answers, so
 * that they are plausible. Pure and deterministic: the same card among the same candidates always
 * gets the same options in the same order (seeded by card ids, not by Math.random), so a reload
 * does not reshuffle a question the learner is thinking about.
 *
 * Wrong options come, in this order of preference:
 *   1. cards of the same kind under the same headings (same section),
 *   2. cards of the same kind anywhere in the deck,
 *   3. any card of the deck;
 * and within each tier, answers of a similar length (half to twice the right answer's) first, so
 * that length alone does not give the answer away. An option never equals the right answer or
 * another option (compared without case, spacing or trailing punctuation).
 * A card whose answer is longer than {@link maxChoiceAnswer} characters, or whose deck does not
 * hold three other distinct answers, is not asked this way: it falls back to flipping.
 */
import { normaliseTyped } from "./typed-answer";

export const maxChoiceAnswer = 200;
export const choiceCount = 4;

/** A card as choices see it: its answer already as plain text. */
export interface ChoiceCandidate {
  id: string;
  kind: string;
  context: readonly string[];
  answer: string;
}

export type ChoiceResult =
  | { options: string[]; answerIndex: number }
  /** Why the card is flipped instead: its answer is too long, or the deck has too few answers. */
  | { fallback: "long" | "few" };

/** FNV-1a, 32 bits: a fast, stable hash to seed the order of candidates. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

const comparable = (text: string) => normaliseTyped(text).toLowerCase();

function plausibleLength(candidate: string, answer: string): boolean {
  const ratio = candidate.length / Math.max(1, answer.length);
  return ratio >= 0.5 && ratio <= 2;
}

/**
 * The four options for `card`, the right one at `answerIndex`, or why there are none.
 *
 * @example pickChoices({ id: "c1", kind: "basic", context: ["Capitals"], answer: "Paris" }, deckCards)
 *   // { options: ["Rome", "Paris", "Madrid", "Berlin"], answerIndex: 1 }
 */
export function pickChoices(card: ChoiceCandidate, candidates: readonly ChoiceCandidate[]): ChoiceResult {
  const answer = normaliseTyped(card.answer);
  if (answer.length > maxChoiceAnswer) return { fallback: "long" };
  if (answer === "") return { fallback: "few" };
  const section = card.context.join("\u0000");
  const tierOf = (other: ChoiceCandidate) =>
    other.kind !== card.kind ? 2 : other.context.join("\u0000") === section ? 0 : 1;
  const ranked = candidates
    .filter((other) => other.id !== card.id)
    .map((other) => {
      const text = normaliseTyped(other.answer);
      return {
        text,
        tier: tierOf(other),
        plausible: plausibleLength(text, answer),
        seed: hash(`${card.id}\u0000${other.id}`),
      };
    })
    .filter((other) => other.text !== "" && other.text.length <= maxChoiceAnswer)
    .sort((a, b) => a.tier - b.tier || Number(b.plausible) - Number(a.plausible) || a.seed - b.seed);

  const taken = new Set([comparable(answer)]);
  const wrong: string[] = [];
  for (const other of ranked) {
    const key = comparable(other.text);
    if (taken.has(key)) continue;
    taken.add(key);
    wrong.push(other.text);
    if (wrong.length === choiceCount - 1) break;
  }
  if (wrong.length < choiceCount - 1) return { fallback: "few" };

  const options = [answer, ...wrong]
    .map((text) => ({ text, seed: hash(`${card.id}\u0001${comparable(text)}`) }))
    .sort((a, b) => a.seed - b.seed)
    .map((option) => option.text);
  return { options, answerIndex: options.indexOf(answer) };
}
