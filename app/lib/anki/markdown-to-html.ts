/**
 * A card side's markdown -> the HTML Anki shows in a field. Line breaks inside a paragraph become
 * `<br>` (this app writes multi-line sides as lines), images that point at the deck's media
 * (`/media/<slug>/<file>`) point at the bare file name Anki's media folder uses, and raw HTML in the
 * markdown is dropped rather than passed on. The result is sanitised as imported fields are
 * (field-sanitize-schema.ts): Anki's reviewer would follow a `javascript:` or `data:` link, so a
 * link or image to one keeps its text and loses its URL. Math goes to Anki's MathJax delimiters.
 * Uses remark-parse, remark-gfm, remark-math, remark-rehype, rehype-sanitize and hast-util-to-html.
 */
import type { Element, Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import type { Root, Text } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import rehypeSanitize from "rehype-sanitize";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit, SKIP } from "unist-util-visit";
import { ankiFieldSchema } from "./field-sanitize-schema";
import { parseMediaUrl } from "./media-path";

type MediaRef = { deckSlug: string; fileName: string };

export interface FieldHtml {
  html: string;
  /** Plain text, for Anki's sort field and first-field checksum. */
  text: string;
  /** Media files the field refers to: the deck slug and file name of each. */
  media: MediaRef[];
}

// remark-math as in the card parser, so `$a_1 * b_2$` reaches Anki as math, not as emphasis.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const toHast = unified().use(remarkRehype);
const sanitizer = unified().use(rehypeSanitize, ankiFieldSchema);

/** The URL attribute of a link or image, and its value. */
function urlOf(node: Element): { attribute: "src" | "href"; value: string } | null {
  const attribute = node.tagName === "img" ? "src" : node.tagName === "a" ? "href" : null;
  const value = attribute ? node.properties[attribute] : undefined;
  return attribute && typeof value === "string" ? { attribute, value } : null;
}

/** Soft line breaks in text become hard breaks, so each written line stays a line in Anki. */
function hardenLineBreaks(tree: Root): void {
  visit(tree, "text", (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes("\n")) return;
    const parts = node.value.split("\n");
    const replacement = parts.flatMap((value, i) => [
      ...(i > 0 ? [{ type: "break" as const }] : []),
      ...(value ? [{ type: "text" as const, value }] : []),
    ]);
    parent.children.splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}

/** `$x$` and `$$ x $$` become the `\\(x\\)` and `\\[x\\]` that Anki's MathJax typesets. */
function mathToMathJax(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === "inlineMath") {
      parent.children.splice(index, 1, { type: "text", value: `\\(${node.value}\\)` });
    } else if (node.type === "math") {
      const text: Text = { type: "text", value: `\\[${node.value}\\]` };
      parent.children.splice(index, 1, { type: "paragraph", children: [text] });
    }
  });
}

/** Converts one side; see the module comment. */
export function markdownToAnkiHtml(markdown: string): FieldHtml {
  const mdast = parser.parse(markdown);
  hardenLineBreaks(mdast);
  mathToMathJax(mdast);
  const unsafe = toHast.runSync(mdast) as HastRoot;
  // Media URLs become bare file names first, so that the sanitiser judges the URL Anki will see.
  const rewritten = new Map<string, MediaRef[]>();
  visit(unsafe, "element", (node: Element) => {
    const url = urlOf(node);
    const ref = url && parseMediaUrl(url.value);
    if (!url || !ref) return;
    node.properties[url.attribute] = ref.fileName;
    const key = `${url.attribute}\0${ref.fileName}`;
    rewritten.set(key, [...(rewritten.get(key) ?? []), ref]);
  });
  const hast = sanitizer.runSync(unsafe) as HastRoot;
  // The files of the links and images that survived, in order.
  const media: MediaRef[] = [];
  visit(hast, "element", (node: Element) => {
    const url = urlOf(node);
    const ref = url && rewritten.get(`${url.attribute}\0${url.value}`)?.shift();
    if (ref) media.push(ref);
  });
  let html = toHtml(hast).trim();
  // A single paragraph is just its content in Anki, as if typed into the field.
  const single = hast.children.filter((child) => child.type !== "text" || child.value.trim() !== "");
  if (single.length === 1 && single[0]!.type === "element" && single[0]!.tagName === "p")
    html = toHtml(single[0]!.children).trim();
  return { html, text: toString(mdast).replace(/\s+/g, " ").trim(), media };
}
