/** Card identity: what stays the same when someone fixes an answer, a typo in bold, or spacing. */
import type { Nodes } from "mdast";
import { parseMarkdown } from "./markdown";

const BLOCK_PARENTS = new Set([
  "root",
  "blockquote",
  "list",
  "listItem",
  "table",
  "tableRow",
  "footnoteDefinition",
]);

/** Text of a markdown fragment with emphasis, escapes and link syntax gone; code keeps its backticks. */
function flatten(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "code":
    case "html":
      return node.value;
    case "inlineCode":
      return `\`${node.value}\``;
    case "image":
      return node.alt ?? "";
    case "break":
    case "thematicBreak":
      return " ";
    default: {
      if (!("children" in node)) return "";
      const parts = node.children.map((child) => flatten(child as Nodes));
      return BLOCK_PARENTS.has(node.type) ? parts.join(" ") : parts.join("");
    }
  }
}

/**
 * Normalises a card side for identity: NFC, case-folded, markdown emphasis dropped, whitespace collapsed.
 * @example normaliseForKey("What is **TCP**?") === normaliseForKey("what is  TCP?")
 */
export function normaliseForKey(markdown: string): string {
  // A cloze's `[...]` is no link: it is kept aside so that it alone does not need the parser.
  const masked = markdown.replaceAll("[...]", "\uE000");
  // Text without markdown punctuation reads the same parsed or not; skip the parser for it.
  const text = /[*_`\\[\]<>&!~#|=+-]/.test(masked) ? flatten(parseMarkdown(masked)) : masked;
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim().replaceAll("\uE000", "[...]");
}
