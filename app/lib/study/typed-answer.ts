/**
 * Typed answers, compared as Anki's type-in compares them: character by character, showing what
 * was right, what was typed wrongly and what is missing, and a grade suggested from how close the
 * answer came. Pure: no React, no DOM.
 *
 * Both texts are compared after {@link normaliseTyped} (spacing collapsed, trailing punctuation
 * dropped), ignoring case; accents count. Closeness is difflib's ratio, 2 × matched characters / (typed +
 * expected length), from the longest common subsequence that also gives the diff:
 *   - exact (ratio 1)             -> Good
 *   - near, ratio >= 0.8 (a typo: "Pari" for "Paris" 0.89, "mitochondira" 0.92) -> Hard
 *   - anything further, or empty  -> Again ("car" for "cat" is 0.67: another word)
 * The learner can always grade otherwise; this only highlights a grade.
 *
 * A small LCS (O(n × m) cells) rather than a diff library: answers typed here are capped at
 * {@link maxTypedAnswer} characters, so at most 300 × 300 cells, and it adds under 1 KiB to the page.
 */
import type { GradeValue } from "@/app/lib/scheduler";

/** Answers longer than this are not offered for typing (the card is flipped instead). */
export const maxTypedAnswer = 200;
/** What the input accepts: room for a wrong answer longer than the right one. */
export const maxTypedInput = 300;
/** The ratio from which a typed answer counts as near (a typo): Hard instead of Again. */
export const nearRatio = 0.8;

export type DiffPart =
  /** In both texts. */
  | { type: "same"; text: string }
  /** Typed, but not in the answer. */
  | { type: "wrong"; text: string }
  /** In the answer, but not typed. */
  | { type: "missing"; text: string };

export interface TypedComparison {
  typed: string;
  expected: string;
  /** In reading order: runs of same, wrong and missing characters. */
  parts: DiffPart[];
  /** difflib's ratio, 0 (nothing in common) to 1 (equal). */
  ratio: number;
  wrong: number;
  missing: number;
  suggested: GradeValue;
}

/** Spacing collapsed and trimmed, trailing sentence punctuation dropped, NFC (case is kept for display). */
export function normaliseTyped(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;,!]+$/, "")
    .trim();
}

/**
 * The character diff of `typed` against `expected`: the longest common subsequence, with what is
 * left of `typed` as wrong and what is left of `expected` as missing (wrong before missing at a
 * place, as a correction reads: "x" struck out, then "y").
 *
 * @example diffChars("Pairs", "Paris")
 *   // same "Pa", missing "r", same "i", wrong "r", same "s"
 */
export function diffChars(typed: string, expected: string): DiffPart[] {
  const a = Array.from(typed);
  const b = Array.from(expected);
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i]!.toLowerCase() === b[j]!.toLowerCase()
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (type: DiffPart["type"], char: string) => {
    const last = parts.at(-1);
    if (last?.type === type) last.text += char;
    else parts.push({ type, text: char });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i]!.toLowerCase() === b[j]!.toLowerCase()) {
      // Shown as the answer spells it, so a case difference reads as right, not as a typo.
      push("same", b[j]!);
      i++;
      j++;
    } else if (j >= m || (i < n && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
      push("wrong", a[i]!);
      i++;
    } else {
      push("missing", b[j]!);
      j++;
    }
  }
  return parts;
}

/** The grade a typed answer suggests: see the thresholds at the top of this file. */
export function suggestGrade(ratio: number): GradeValue {
  if (ratio >= 1) return 3;
  if (ratio >= nearRatio) return 2;
  return 1;
}

/** Compares a typed answer with the expected one (both normalised first). */
export function compareTyped(typedInput: string, expectedInput: string): TypedComparison {
  const typed = normaliseTyped(typedInput.slice(0, maxTypedInput));
  const expected = normaliseTyped(expectedInput);
  const parts = typed === "" ? [{ type: "missing" as const, text: expected }] : diffChars(typed, expected);
  let same = 0;
  let wrong = 0;
  let missing = 0;
  for (const part of parts) {
    const length = Array.from(part.text).length;
    if (part.type === "same") same += length;
    else if (part.type === "wrong") wrong += length;
    else missing += length;
  }
  const total = Array.from(typed).length + Array.from(expected).length;
  const ratio = total === 0 ? 1 : (2 * same) / total;
  return { typed, expected, parts, ratio, wrong, missing, suggested: suggestGrade(ratio) };
}

/** One sentence for screen readers: how the answer compared and what it suggests. */
export function describeComparison(comparison: TypedComparison, gradeName: string): string {
  if (comparison.ratio >= 1) return `Correct. Suggested grade: ${gradeName}.`;
  if (comparison.typed === "") return `No answer typed. Suggested grade: ${gradeName}.`;
  const counts = [
    comparison.wrong > 0 ? `${comparison.wrong} wrong character${comparison.wrong === 1 ? "" : "s"}` : "",
    comparison.missing > 0
      ? `${comparison.missing} missing character${comparison.missing === 1 ? "" : "s"}`
      : "",
  ].filter(Boolean);
  const closeness = comparison.suggested === 2 ? "Close" : "Not quite";
  return `${closeness}: ${counts.join(", ")}. The answer is ${comparison.expected}. Suggested grade: ${gradeName}.`;
}
