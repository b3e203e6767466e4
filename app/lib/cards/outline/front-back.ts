/**
 * `**Front:** ...` / `**Back:** ...`: the two sides of a card as Anki names them, typed by people who
 * write their cards in markdown first. Often a blank line parts the sides; they are read as one
 * paragraph, as `Q:` / `A:` lines are (prompts/qa-pairs.ts reads the pair).
 */
import type { Paragraph, Parent } from "mdast";
import { joinLines, plainText } from "../phrasing";

// The `**` around a label glued to bold after it (`**Back:****Word** ...`) stays as text.
export const FRONT_LABEL = /^(?:\*\*)?Front\s*[:：](?:\*\*)?\s*/i;
export const BACK_LABEL = /^(?:\*\*)?Back\s*[:：](?:\*\*)?\s*/i;

/** Whether a paragraph's text has a `Back:` line. */
function hasBackLine(paragraph: Paragraph): boolean {
  return plainText(paragraph.children)
    .split("\n")
    .some((line) => BACK_LABEL.test(line.trim()));
}

/** Joins the `Back:` paragraph right after a `Front:` one to it, in place. */
export function joinBackToFront(paragraph: Paragraph, parent: Parent, index: number): void {
  const next = parent.children[index + 1];
  if (next?.type !== "paragraph" || !FRONT_LABEL.test(plainText(paragraph.children).trim())) return;
  if (hasBackLine(paragraph) || !BACK_LABEL.test(plainText(next.children).trim())) return;
  paragraph.children = joinLines([paragraph.children, next.children]);
  if (paragraph.position && next.position) paragraph.position.end = next.position.end;
  parent.children.splice(index + 1, 1);
}
