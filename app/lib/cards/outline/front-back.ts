/**
 * `**Front:** What is ...?` / `**Back:** ...`: the two sides of a card as Anki names them, typed by
 * people who write their cards in markdown first. Often a blank line parts the sides; they are read
 * as one paragraph, as `Q:` / `A:` lines are (prompts/qa-pairs.ts reads the pair). Not among other
 * labels: `Front: anterior` / `Back: posterior` / `Side: lateral` are anatomy's directions.
 */
import type { Paragraph, Parent, PhrasingContent } from "mdast";
import { joinLines, plainText, splitLines, type Phrasing } from "../phrasing";

// The `**` around a label glued to bold after it (`**Back:****Word** ...`) stays as text.
export const FRONT_LABEL = /^(?:\*\*)?Front\s*[:：](?:\*\*)?\s*/i;
export const BACK_LABEL = /^(?:\*\*)?Back\s*[:：](?:\*\*)?\s*/i;

/** Whether a paragraph's text has a `Back:` line. */
function hasBackLine(paragraph: Paragraph): boolean {
  return plainText(paragraph.children)
    .split("\n")
    .some((line) => BACK_LABEL.test(line.trim()));
}

/** `` `<br/>` ``: a break Anki's HTML left in a card's side, quoted so that it shows as typed. */
function isQuotedBreak(child: PhrasingContent): boolean {
  return child.type === "inlineCode" && /^<br\s*\/?>$/i.test(child.value.trim());
}

/** `Side: lateral`: a label line of another name (anatomy's directions are `Front:` / `Back:` too). */
const OTHER_LABEL = /^\s*(?:\*\*)?[\p{L}][\p{L} ]{0,20}(?:\*\*)?\s*[:：]/u;

/**
 * Whether a paragraph's lines are sides of cards only: every labelled line a `Front:` or a `Back:`
 * (`Front: anterior` / `Back: posterior` / `Side: lateral` names directions).
 */
export function onlySides(lines: Phrasing[]): boolean {
  return lines.every((line) => {
    const text = plainText(line);
    return FRONT_LABEL.test(text) || BACK_LABEL.test(text) || !OTHER_LABEL.test(text);
  });
}

/** Quoted `<br/>`s read as the line breaks they stand for. */
function withBreaks(paragraph: Paragraph): void {
  if (paragraph.children.some(isQuotedBreak))
    paragraph.children = paragraph.children.map((child) =>
      isQuotedBreak(child) ? { type: "break" } : child,
    );
}

/**
 * Reads a `Front:` paragraph as one side of a card: the `Back:` paragraph right after it joined to
 * it, and their quoted `<br/>`s read as line breaks, in place.
 */
export function joinBackToFront(paragraph: Paragraph, parent: Parent, index: number): void {
  if (!FRONT_LABEL.test(plainText(paragraph.children).trim())) return;
  const next = parent.children[index + 1];
  const joins =
    next?.type === "paragraph" &&
    !hasBackLine(paragraph) &&
    BACK_LABEL.test(plainText(next.children).trim()) &&
    onlySides(splitLines(paragraph.children));
  if (joins) {
    paragraph.children = joinLines([paragraph.children, next.children]);
    if (paragraph.position && next.position) paragraph.position.end = next.position.end;
    parent.children.splice(index + 1, 1);
  }
  withBreaks(paragraph);
}
