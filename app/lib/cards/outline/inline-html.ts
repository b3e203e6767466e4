/**
 * Inline HTML people use for formatting, read as the markdown it means: `<br>` is a line break,
 * `<code>`, `<b>`/`<strong>`, `<i>`/`<em>` become code, bold and italics, and purely visual tags
 * (`<font color=...>`, `<span>`, `<ins>`, `<u>`, `<mark>`) are dropped around their text.
 */
import type { Parent, PhrasingContent } from "mdast";
import { plainText } from "../phrasing";

const VISUAL_TAGS = new Set([
  "font",
  "span",
  "ins",
  "u",
  "mark",
  "small",
  "big",
  "center",
  "kbd",
  "abbr",
  "cite",
  "div",
  "p",
]);
const INLINE_MARKUP: Record<string, "inlineCode" | "strong" | "emphasis"> = {
  code: "inlineCode",
  tt: "inlineCode",
  b: "strong",
  strong: "strong",
  i: "emphasis",
  em: "emphasis",
};

function tagOf(value: string): { name: string; closing: boolean } | undefined {
  const match = /^<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>$/.exec(value.trim());
  if (!match) return undefined;
  return { name: match[2]!.toLowerCase(), closing: match[1] === "/" };
}

/** Inline formatting HTML in one parent's children, read as the markdown it means (see the file comment). */
export function repairInlineHtml(parent: Parent): void {
  const children = parent.children as PhrasingContent[];
  if (!children.some((child) => child.type === "html")) return;
  const out: PhrasingContent[] = [];
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index]!;
    const tag = child.type === "html" ? tagOf(child.value) : undefined;
    if (!tag) {
      out.push(child);
      continue;
    }
    if (tag.name === "br") {
      out.push({ type: "break" });
      continue;
    }
    if (VISUAL_TAGS.has(tag.name)) continue;
    const markup = INLINE_MARKUP[tag.name];
    if (!markup || tag.closing) {
      out.push(child);
      continue;
    }
    const close = children.findIndex(
      (candidate, at) =>
        at > index &&
        candidate.type === "html" &&
        tagOf(candidate.value)?.name === tag.name &&
        tagOf(candidate.value)?.closing,
    );
    if (close === -1) {
      out.push(child);
      continue;
    }
    const inner = children.slice(index + 1, close);
    if (markup === "inlineCode") out.push({ type: "inlineCode", value: plainText(inner) });
    else out.push({ type: markup, children: inner });
    index = close;
  }
  parent.children = out;
}
