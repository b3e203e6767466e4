/**
 * Cloze display. A cloze card's front is its text with one deletion replaced by `[...]` (or
 * `[hint]`) and its back is the full text, so the blank and the answer are whatever lies between
 * the longest common prefix and suffix of the two.
 *
 * @example splitCloze("Paris is the capital of [...].", "Paris is the capital of France.")
 *   // { prefix: "Paris is the capital of ", blank: "[...]", answer: "France", suffix: "." }
 */
export interface ClozeParts {
  prefix: string;
  blank: string;
  answer: string;
  suffix: string;
}

/** Private-use characters that mark a span for highlighting inside rendered markdown. */
export const markOpen = "\uE000";
export const markClose = "\uE001";

export function stripMarks(text: string): string {
  return text.replaceAll(markOpen, "").replaceAll(markClose, "");
}

export function splitCloze(front: string, back: string): ClozeParts | null {
  const limit = Math.min(front.length, back.length);
  let start = 0;
  while (start < limit && front[start] === back[start]) start++;
  // A blank like "[...]" starts with "[": back off so the bracket is part of the blank.
  const open = front.lastIndexOf("[", start);
  if (open !== -1 && front.indexOf("]", open) >= start && back.slice(0, open) === front.slice(0, open)) {
    start = open;
  }
  let end = 0;
  while (end < limit - start && front[front.length - 1 - end] === back[back.length - 1 - end]) end++;
  const close = front.indexOf("]", front.length - end - 1);
  if (close !== -1 && close < front.length - 1 && front.length - 1 - close < end) {
    end = front.length - 1 - close;
  }
  const blank = front.slice(start, front.length - end);
  const answer = back.slice(start, back.length - end);
  if (!blank || !answer) return null;
  return { prefix: front.slice(0, start), blank, answer, suffix: front.slice(front.length - end) };
}

/** The front with its blank marked, and the back with its answer marked, for the renderer. */
export function markCloze(front: string, back: string): { front: string; back: string } {
  const cleanFront = stripMarks(front);
  const cleanBack = stripMarks(back);
  const parts = splitCloze(cleanFront, cleanBack);
  if (!parts) return { front: cleanFront, back: cleanBack };
  const wrap = (text: string) => `${markOpen}${text}${markClose}`;
  return {
    front: parts.prefix + wrap(parts.blank) + parts.suffix,
    back: parts.prefix + wrap(parts.answer) + parts.suffix,
  };
}
