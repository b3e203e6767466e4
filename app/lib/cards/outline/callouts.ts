/**
 * Obsidian callouts: a blockquote opening with `[!type] Title` (`[!faq]-` folds it). The marker is
 * decoration; a title that asks (`> [!question] Why ...?`) is a question whose answer is the body.
 */
import type { Paragraph, RootContent } from "mdast";
import { joinLines, sliceText, splitLines, trimPhrasing, type Phrasing } from "../phrasing";

export interface Callout {
  /** The lowercase type in the marker: `question`, `def`, `note` ... */
  type: string;
  /** The title after the `[!type]` marker (may be empty). */
  title: Phrasing;
  /** The blocks under the title line. */
  body: RootContent[];
}

const MARKER = /^\[!(\w[\w-]*)\][+-]?/;

/** The callout a blockquote's content makes, or undefined when it is a plain quote. */
export function readCallout(blocks: RootContent[]): Callout | undefined {
  const [first, ...rest] = blocks;
  const opener = first?.type === "paragraph" ? first.children[0] : undefined;
  const marker = opener?.type === "text" ? MARKER.exec(opener.value) : null;
  if (first?.type !== "paragraph" || opener?.type !== "text" || !marker) return undefined;
  const [titleLine = [], ...bodyLines] = splitLines(first.children);
  const [titleStart, ...titleRest] = titleLine;
  const title =
    titleStart?.type === "text"
      ? trimPhrasing([sliceText(titleStart, marker[0].length), ...titleRest])
      : trimPhrasing(titleRest);
  const children = trimPhrasing(joinLines(bodyLines));
  const type = marker[1]!.toLowerCase();
  if (children.length === 0) return { type, title, body: rest };
  const position = first.position && {
    ...first.position,
    start: { ...first.position.start, line: first.position.start.line + 1 },
  };
  const paragraph: Paragraph = { ...first, children, position };
  return { type, title, body: [paragraph, ...rest] };
}
