/**
 * `**Front:** What is ...?` / `**Back:** ...`: the two sides of a card as Anki names them, typed by
 * people who write their cards in markdown first. Often a blank line parts the sides; they are read
 * as one paragraph, as `Q:` / `A:` lines are (prompts/qa-pairs.ts reads the pair). Only where the
 * front asks: `Front: anterior` / `Back: posterior` are anatomy's directions.
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

/** A question or a prompt, as a card's front is: `What is a cache hit?`, `Explain paging`. */
const ASKS =
  /[?？]\s*$|^(?:what|why|how|when|where|which|who|whose|is|are|does|do|can|should|explain|describe|define|name|list|state|give|distinguish|compare|contrast|identify|summari[sz]e|discuss|calculate|outline|evaluate|derive|prove)\b/i;

/** Whether a line is a `Front:` that asks (a pair is read only then). */
export function frontAsks(line: Phrasing): boolean {
  const text = plainText(line).trim();
  const front = FRONT_LABEL.exec(text);
  return front !== null && ASKS.test(text.slice(front[0].length).trim());
}

/**
 * Reads a `Front:` paragraph that asks as one side of a card: its quoted `<br/>` dropped, and the
 * `Back:` paragraph right after it joined to it, in place.
 */
export function joinBackToFront(paragraph: Paragraph, parent: Parent, index: number): void {
  if (!FRONT_LABEL.test(plainText(paragraph.children).trim())) return;
  if (paragraph.children.some(isQuotedBreak))
    paragraph.children = paragraph.children.filter((child) => !isQuotedBreak(child));
  if (!frontAsks(splitLines(paragraph.children)[0] ?? [])) return;
  const next = parent.children[index + 1];
  if (next?.type !== "paragraph") return;
  if (hasBackLine(paragraph) || !BACK_LABEL.test(plainText(next.children).trim())) return;
  paragraph.children = joinLines([paragraph.children, next.children]);
  if (paragraph.position && next.position) paragraph.position.end = next.position.end;
  parent.children.splice(index + 1, 1);
}
