/**
 * A card's answer as plain text, for quizzes that compare or list answers (typed and choice modes):
 * the back without markdown (emphasis, links and code marks gone, blocks joined by spaces); for a
 * cloze, only the hidden text. Runs on the server (it parses markdown): the study page receives the
 * result with its queue.
 *
 * @example answerText({ kind: "basic", front: "Capital of France?", back: "**Paris**, on the Seine" })
 *   // { text: "Paris, on the Seine" }
 * @example answerText({ kind: "cloze", front: "The [...] flows", back: "The ==Danube== flows" })
 *   // { text: "Danube" }
 */
import type { Nodes } from "mdast";
import { parseMarkdown } from "@/app/lib/cards/markdown";
import { splitCloze, stripMarks } from "./cloze";

const BLOCK_PARENTS = new Set(["root", "blockquote", "list", "listItem", "table", "tableRow"]);

function flatten(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
    case "inlineMath":
    case "math":
    case "code":
      return node.value;
    case "image":
      return node.alt ?? "";
    case "html":
      return "";
    case "break":
    case "thematicBreak":
      return " ";
    default: {
      if (!("children" in node)) return "";
      const parts = node.children.map((child) => flatten(child as Nodes));
      return BLOCK_PARENTS.has(node.type) || node.type === "tableCell" ? parts.join(" ") : parts.join("");
    }
  }
}

/**
 * One line of inline markdown without its marks, by pattern: parsing costs about a millisecond per
 * answer, too much for a queue of hundreds of cards and the deck's answers offered as choices.
 */
function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|\W)_(?=\S)(.+?)(?<=\S)_(?!\w)/g, "$1$2")
    .replace(/~~(.+?)~~/g, "$1")
    .replace(/\$([^$]+)\$/g, "$1");
}

/** Markdown -> the text a reader sees, spacing collapsed. */
export function markdownToPlain(markdown: string): string {
  const simple = !/[\n\\<>|&]/.test(markdown) && !/^\s*([#>+-]|\d+[.)])\s/.test(markdown);
  const text = simple ? stripInline(markdown) : flatten(parseMarkdown(markdown));
  return text.replace(/\s+/g, " ").trim();
}

/** A cloze blank: `[...]` or a hint in brackets. */
const BLANK = /\[[^\]]*\]/g;

/** The answer to type or choose, or why the card has none ("several": a cloze hiding several parts). */
export function answerText(card: {
  kind: string;
  front: string;
  back: string;
}): { text: string } | { fallback: "several" | "none" } {
  if (card.kind !== "cloze") {
    const text = markdownToPlain(card.back);
    return text ? { text } : { fallback: "none" };
  }
  const parts = splitCloze(stripMarks(card.front), stripMarks(card.back));
  if (!parts) return { fallback: "none" };
  if ((parts.blank.match(BLANK) ?? []).length > 1) return { fallback: "several" };
  const text = markdownToPlain(parts.answer);
  return text ? { text } : { fallback: "none" };
}
