/**
 * Turning the blocks under a prompt into the answer side. What only navigates or decorates stays
 * off a card: a paragraph of links (`[↑ Back to top](#top)`, `[[Related note]]`), HTML without
 * text, rules. Images stay (a diagram can be the answer), but an answer that is only images is none:
 * the note gives nothing to recall it by.
 */
import type { Blockquote, ListItem, RootContent } from "mdast";
import { parseMarkdown, stringifyBlocks, stringifyPhrasing } from "../markdown";
import { readCallout } from "../outline/callouts";
import { dedent, isFenced, looksLikeCode } from "../outline/indented-code";
import { isLinkOrImageOnly, plainText, trimPhrasing, type Phrasing } from "../phrasing";
import { labelledAnswer } from "../prompts/qa-pairs";

/**
 * Answers indented deeper than their list item are read by CommonMark as indented code blocks; a
 * person meant a paragraph. Fenced code (and indented text that is clearly code) stays code.
 */
export function normaliseAnswerBlock(block: RootContent, source: string): RootContent[] {
  if (block.type === "code") {
    if (isFenced(block, source)) return [block];
    // Indented code under a list item keeps the indentation beyond the code's own four spaces.
    if (looksLikeCode(block.value)) return [{ ...block, value: dedent(block.value) }];
    return parseMarkdown(dedent(block.value)).children;
  }
  if (block.type === "list") {
    const children = block.children.map((item) => ({
      ...item,
      children: item.children.flatMap((child) => normaliseAnswerBlock(child, source)) as ListItem["children"],
    }));
    return [{ ...block, children }];
  }
  if (block.type === "blockquote") {
    return [
      {
        ...block,
        children: block.children.flatMap((child) =>
          normaliseAnswerBlock(child, source),
        ) as Blockquote["children"],
      },
    ];
  }
  return [block];
}

/** An answer written as one bullet (`- Canberra`) or one quote is just its content. */
function unwrapSingleItem(blocks: RootContent[]): RootContent[] {
  const only = blocks[0];
  // `> Strong nucleophile.` under its question: the quote only sets the answer apart (not a callout).
  if (blocks.length === 1 && only?.type === "blockquote" && !readCallout(only.children)) return only.children;
  if (blocks.length !== 1 || only?.type !== "list" || only.children.length !== 1) return blocks;
  const item = only.children[0]!;
  return item.checked === null || item.checked === undefined ? item.children : blocks;
}

/** A paragraph of links (wikilinks too): navigation. */
function isLinkOnly(children: Phrasing): boolean {
  return (
    isLinkOrImageOnly(children) &&
    !children.some((child) => child.type === "image" || child.type === "imageReference")
  );
}

/** Blocks that never belong on a card side (see the file comment). */
function isDecoration(block: RootContent): boolean {
  if (block.type === "paragraph") return isLinkOnly(block.children);
  if (block.type === "html") return !/\p{L}/u.test(block.value.replace(/<[^>]*>/g, ""));
  return block.type === "thematicBreak" || block.type === "definition" || block.type === "yaml";
}

/** The blocks without decoration, inside lists and quotes too. */
function withoutDecoration(blocks: RootContent[]): RootContent[] {
  return blocks.flatMap((block): RootContent[] => {
    if (isDecoration(block)) return [];
    if (block.type === "list") {
      const children = block.children
        .map((item) => ({ ...item, children: withoutDecoration(item.children) as ListItem["children"] }))
        .filter((item) => item.children.length > 0);
      return children.length > 0 ? [{ ...block, children }] : [];
    }
    if (block.type === "blockquote") {
      const children = withoutDecoration(block.children) as Blockquote["children"];
      return children.length > 0 ? [{ ...block, children }] : [];
    }
    return [block];
  });
}

/**
 * A one-line paragraph as its author wrote it: its source text, which is what serialising it gives
 * (bar the author's own choice of `_` or `*`) at a fraction of the cost. Only where nothing in it was
 * rewritten on the way: no wikilinks, comments, HTML, tags, footnotes or highlights.
 */
function asWritten(body: RootContent[], source: string): string | undefined {
  const [only, ...rest] = body;
  const start = only?.position?.start.offset;
  const end = only?.position?.end.offset;
  if (only?.type !== "paragraph" || rest.length > 0 || start === undefined || end === undefined)
    return undefined;
  const text = source.slice(start, end);
  return /[\n<#^%=[\]|]|\\$/.test(text) ? undefined : text.trim();
}

function isImagesOnly(block: RootContent): boolean {
  return block.type === "paragraph" && isLinkOrImageOnly(block.children) && !isLinkOnly(block.children);
}

/** Markdown of an answer made of leading inline content (may be empty) and following blocks. */
export function answerMarkdown(lead: Phrasing, blocks: RootContent[], source: string): string {
  const parts: string[] = [];
  const inline = trimPhrasing(lead);
  if (inline.length > 0) parts.push(stringifyPhrasing(inline));
  const normalised = withoutDecoration(blocks.flatMap((block) => normaliseAnswerBlock(block, source)));
  const body = inline.length === 0 ? unwrapSingleItem(normalised) : normalised;
  if (inline.length === 0 && body.every(isImagesOnly)) return "";
  if (body.length > 0) parts.push(asWritten(body, source) ?? stringifyBlocks(body));
  return parts.join("\n\n").trim();
}

/** `Answer:` or `Solution:` alone: the answer is in the blocks after it. */
export function isBareAnswerLabel(children: Phrasing): boolean {
  return /^(?:a|ans|answer|solution|soln)\s*[:.)]$/i.test(plainText(children).trim());
}

/** `A: ...` as the first block of the rest of a `Q:` item: the label is dropped from the answer. */
export function withoutAnswerLabel(blocks: RootContent[]): { lead: Phrasing; blocks: RootContent[] } {
  const first = blocks[0];
  // `Answer:` or `Solution:` alone on its line, the answer in the blocks under it.
  if (first?.type === "paragraph" && isBareAnswerLabel(first.children)) {
    return { lead: [], blocks: blocks.slice(1) };
  }
  if (first?.type === "paragraph") {
    const answer = labelledAnswer(first.children);
    if (answer) return { lead: answer, blocks: blocks.slice(1) };
  }
  if (first?.type === "list" && first.children.length === 1) {
    const inner = first.children[0]!;
    const paragraph = inner.children[0]?.type === "paragraph" ? inner.children[0] : undefined;
    const answer = paragraph ? labelledAnswer(paragraph.children) : undefined;
    if (answer) return { lead: answer, blocks: [...inner.children.slice(1), ...blocks.slice(1)] };
  }
  return { lead: [], blocks };
}
