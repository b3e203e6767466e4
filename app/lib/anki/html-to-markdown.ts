/**
 * Anki field HTML -> one markdown "field" that fits a multi-line card of this app: lines of inline
 * markdown, no blank lines, nothing that starts a block. rehype-parse reads the HTML,
 * rehype-sanitize (field-sanitize-schema.ts, as on the way out) drops `<script>`, `<style>`, event
 * handlers and `javascript:` URLs, rehype-remark turns it into markdown, and each block becomes one
 * or more lines. MathJax (`\(x\)`, `\[x\]`) becomes `$x$`.
 */
import type { Element, Root as HastRoot } from "hast";
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { ankiFieldSchema } from "./field-sanitize-schema";

export interface FieldOptions {
  /** The URL markdown should use for an Anki media file name, or null when the package lacks it. */
  mediaUrl: (fileName: string) => string | null;
}

/** Points `<img src>` and `<a href>` that name a packaged media file at the deck's media URL. */
function rewriteMedia(options: FieldOptions) {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      const attribute = node.tagName === "img" ? "src" : node.tagName === "a" ? "href" : null;
      const value = attribute ? node.properties[attribute] : undefined;
      if (!attribute || typeof value !== "string" || /^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(value)) return;
      let name = value;
      try {
        name = decodeURIComponent(value);
      } catch {
        // a literal % in a file name
      }
      const url = options.mediaUrl(name);
      if (url) node.properties[attribute] = url;
      else delete node.properties[attribute];
    });
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]!);

/** `[sound:x.mp3]` is Anki's own markup for audio; it becomes a link to the file. */
function soundsToLinks(html: string): string {
  return html.replace(
    /\[sound:([^\]]+)\]/g,
    (_, name: string) => `<a href="${escapeHtml(name)}">🔊 ${escapeHtml(name)}</a>`,
  );
}

const toMdast = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeSanitize, ankiFieldSchema)
  .use(rehypeRemark);

const serializer = unified()
  .use(remarkStringify, { bullet: "-", emphasis: "*", strong: "*", fence: "`", rule: "-" })
  .use(remarkGfm)
  .use(remarkMath);

type Line = PhrasingContent[];

/** Splits phrasing at its hard breaks. */
function splitAtBreaks(children: PhrasingContent[]): Line[] {
  const lines: Line[] = [[]];
  for (const child of children) {
    if (child.type === "break") lines.push([]);
    else lines.at(-1)!.push(child);
  }
  return lines;
}

const text = (value: string): PhrasingContent => ({ type: "text", value });

/** Every block as lines of phrasing: list items get a bullet, code becomes inline code, tables rows. */
function blockLines(node: RootContent | Nodes, prefix = ""): Line[] {
  const lead = (lines: Line[]) =>
    lines.map((line, index) => (index === 0 && prefix ? [text(prefix), ...line] : line));
  switch (node.type) {
    case "paragraph":
    case "heading":
      return lead(splitAtBreaks(node.children));
    case "code":
      return lead(
        node.value.split("\n").map((value) => (value.trim() ? [{ type: "inlineCode", value }] : [])),
      );
    case "list":
      return node.children.flatMap((item, index) =>
        blockLines(item, node.ordered ? `${(node.start ?? 1) + index}) ` : "• "),
      );
    case "listItem":
    case "blockquote":
    case "root":
      return node.children.flatMap((child, index) => blockLines(child, index === 0 ? prefix : ""));
    case "table":
      return node.children.map((row) =>
        row.children.flatMap((cell, index) => [...(index ? [text(" | ")] : []), ...cell.children]),
      );
    case "thematicBreak":
      return [];
    case "html":
      return [];
    default:
      return "children" in node
        ? [node.children as PhrasingContent[]]
        : "value" in node
          ? [[text(String(node.value))]]
          : [];
  }
}

/** A link whose target was dropped (hostile or missing file) is just its text. */
function unwrapDeadLinks(line: Line): Line {
  return line.flatMap((node): PhrasingContent[] => {
    if (node.type === "link" && !node.url) return unwrapDeadLinks(node.children);
    if ("children" in node && Array.isArray(node.children)) {
      return [{ ...node, children: unwrapDeadLinks(node.children as PhrasingContent[]) } as PhrasingContent];
    }
    return [node];
  });
}

// Anki's MathJax delimiters: `\(inline\)` and `\[display\]`.
const mathJax = /\\\(([\s\S]*?)\\\)|\\\[([\s\S]*?)\\\]/g;

/** MathJax in a line's text becomes math (`$x$`), which the card renderer typesets with KaTeX. */
function mathJaxToMath(line: Line): Line {
  return line.flatMap((node): PhrasingContent[] => {
    if (node.type !== "text" || !node.value.includes("\\")) return [node];
    const out: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(mathJax)) {
      const value = (match[1] ?? match[2] ?? "").trim();
      if (!value) continue;
      if (match.index > last) out.push(text(node.value.slice(last, match.index)));
      out.push({ type: "inlineMath", value });
      last = match.index + match[0].length;
    }
    if (last < node.value.length) out.push(text(node.value.slice(last)));
    return out;
  });
}

function lineToMarkdown(line: Line): string {
  const paragraph: Paragraph = { type: "paragraph", children: mathJaxToMath(unwrapDeadLinks(line)) };
  const root: Root = { type: "root", children: [paragraph] };
  return serializer
    .stringify(root)
    .trim()
    .replace(/\s*\n\s*/g, " ");
}

/**
 * Converts one Anki field to markdown lines (joined with "\n", never a blank line). Hostile markup
 * is neutralised, not rejected: scripts and styles vanish, links keep only http(s)/mailto targets.
 *
 * @example ankiFieldToMarkdown("<b>Hola</b><br>hello", opts) === "**Hola**\nhello"
 */
export function ankiFieldToMarkdown(html: string, options: FieldOptions): string {
  const hast = toMdast.parse(soundsToLinks(html));
  rewriteMedia(options)(hast);
  const mdast = toMdast.runSync(hast) as Root;
  return blockLines(mdast)
    .map(lineToMarkdown)
    .filter((line) => line !== "")
    .join("\n");
}
