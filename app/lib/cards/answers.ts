/** Turning the blocks under a question into the answer side. */
import type { Blockquote, Code, ListItem, RootContent } from "mdast";
import { parseMarkdown, stringifyBlocks, stringifyPhrasing } from "./markdown";
import { trimPhrasing, type Phrasing } from "./phrasing";
import { labelledAnswer } from "./qa-pairs";

/** Removes the indentation every non-blank line shares. */
function dedent(value: string): string {
  const lines = value.split("\n");
  const indents = lines
    .filter((line) => line.trim() !== "")
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines
    .map((line) => line.slice(common))
    .join("\n")
    .trim();
}

/**
 * Lines ending in `{` or `}`, statements ending in `;`, or shell prompts are code whatever the
 * indentation says. A sentence wrapped after a semicolon (`No handshake happens;`) is not.
 */
function looksLikeCode(value: string): boolean {
  return value.split("\n").some((line) => {
    if (/[{}]\s*$/.test(line) || /^\s*(\$|>>>) /.test(line)) return true;
    const statement = /[=()[\]<>"`]/.test(line) || line.trim().split(/\s+/).length <= 3;
    return /;\s*$/.test(line) && statement;
  });
}

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

function isFenced(code: Code, source: string): boolean {
  const start = code.position?.start.offset;
  if (start === undefined) return true;
  const opening = source.slice(start, start + 3);
  return opening === "```" || opening === "~~~";
}

/** An answer written as one bullet (`- Canberra`) is just that item's content. */
function unwrapSingleItem(blocks: RootContent[]): RootContent[] {
  const only = blocks[0];
  if (blocks.length !== 1 || only?.type !== "list" || only.children.length !== 1) return blocks;
  const item = only.children[0]!;
  return item.checked === null || item.checked === undefined ? item.children : blocks;
}

/** Markdown of an answer made of leading inline content (may be empty) and following blocks. */
export function answerMarkdown(lead: Phrasing, blocks: RootContent[], source: string): string {
  const parts: string[] = [];
  const inline = trimPhrasing(lead);
  if (inline.length > 0) parts.push(stringifyPhrasing(inline));
  const normalised = blocks.flatMap((block) => normaliseAnswerBlock(block, source));
  const body = inline.length === 0 ? unwrapSingleItem(normalised) : normalised;
  if (body.length > 0) parts.push(stringifyBlocks(body));
  return parts.join("\n\n").trim();
}

/** `A: ...` as the first block of the rest of a `Q:` item: the label is dropped from the answer. */
export function withoutAnswerLabel(blocks: RootContent[]): { lead: Phrasing; blocks: RootContent[] } {
  const first = blocks[0];
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
