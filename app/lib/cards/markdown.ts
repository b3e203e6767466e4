/** Markdown <-> mdast with the one set of extensions the parser understands (GFM + YAML front matter). */
import type { BlockContent, List, Nodes, Paragraph, PhrasingContent, Root, RootContent, Text } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified, type Processor } from "unified";
import { visit } from "unist-util-visit";
import "./linear-edit-map";
import { cleanObsidianSyntax } from "./obsidian";
import { splitSections, type Section } from "./sections";

declare module "mdast" {
  interface TextData {
    /** The text exactly as written in the source, so serialising does not add escapes nobody typed. */
    raw?: string;
  }
}

/** Front matter in YAML (`---`) or TOML (`+++`, Hugo's); only YAML is read for deck fields. */
const FRONT_MATTER = ["yaml", "toml"] as const;

// remark-math keeps `$a_1 * b_2$` and `$$ ... $$` blocks whole: without it their `_` and `*` read as
// emphasis and a display formula falls apart into lines of text.
const parser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkFrontmatter, [...FRONT_MATTER]);

/**
 * The same parser without GFM's literal-autolink pass, which runs four regular expressions over every
 * text node (a tenth of the parse of a large deck). That pass can only find a link where the text has
 * `://`, `www.`, `@` or a character reference (`&#64;`), so text without them skips it, losing nothing.
 */
const parserWithoutAutolinkPass = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkFrontmatter, [...FRONT_MATTER])
  .use(function dropAutolinkLiteralPass(this: Processor) {
    type Extension = { enter?: Record<string, unknown>; transforms?: unknown[] };
    const drop = (extension: Extension | Extension[]): Extension | Extension[] =>
      Array.isArray(extension)
        ? extension.map((one) => drop(one) as Extension)
        : extension.enter && "literalAutolink" in extension.enter
          ? { ...extension, transforms: [] }
          : extension;
    const data = this.data() as { fromMarkdownExtensions?: (Extension | Extension[])[] };
    data.fromMarkdownExtensions = data.fromMarkdownExtensions?.map(drop);
  });

const mayHoldLiteralLink = /:\/\/|www\.|@|&/i;

// remark-gfm registers its to-markdown extensions (tables, strikethrough, task items) on this processor.
const serializer = unified()
  .use(remarkStringify, {
    bullet: "-",
    emphasis: "*",
    strong: "*",
    fence: "`",
    fences: true,
    rule: "-",
    listItemIndent: "one",
    incrementListMarker: true,
    handlers: {
      // Text keeps the author's own spelling: to-markdown's default escapes `[`, `*`, `_` defensively.
      text: (node: Text) => node.data?.raw ?? node.value,
      // A card does not carry the note's footnotes, so a `[^1]` marker would point at nothing.
      footnoteReference: () => "",
    },
  })
  .use(remarkGfm)
  .use(remarkMath);

/**
 * Parses markdown into an mdast tree with positions. Each text node remembers its source spelling
 * (container indentation and `>` markers of continuation lines removed); Obsidian's wikilinks, block
 * ids and comments are resolved (see obsidian.ts).
 */
export function parseMarkdown(markdown: string): Root {
  const tree: Root = { type: "root", children: [] };
  for (const section of splitSections(markdown)) {
    const part = (mayHoldLiteralLink.test(section.text) ? parser : parserWithoutAutolinkPass).parse(
      section.text,
    );
    if (section.lineOffset > 0 || section.charOffset > 0) shiftPositions(part, section);
    const blocks = part.children;
    const previous = tree.children.at(-1);
    if (section.continuesList && previous?.type === "list" && blocks[0]?.type === "list") {
      joinLists(previous, blocks.shift() as List, markdown);
    }
    // One push per block: spreading 100,000 blocks into push() overflows the call stack.
    for (const block of blocks) tree.children.push(block);
  }
  const last = tree.children.at(-1)?.position;
  if (tree.children[0]?.position && last) {
    tree.position = { start: { line: 1, column: 1, offset: 0 }, end: last.end };
  }
  if (markdown.includes("$")) revertCurrency(tree, markdown);
  visit(tree, "text", (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const raw = markdown.slice(start, end).replace(/\n[ \t>]*/g, "\n");
    node.value = shortenBlankRuns(node.value);
    node.data = { ...node.data, raw: shortenBlankRuns(raw) };
  });
  visit(tree, "inlineCode", (node) => {
    node.value = shortenBlankRuns(node.value);
  });
  cleanObsidianSyntax(tree);
  return tree;
}

/**
 * Inside a line of text a browser shows any run of spaces as one, so nobody writes a run of thousands
 * on purpose; cut to 16, a long run costs the parser's patterns nothing. Without the cut, each pattern
 * that tries `\s*` at every position of a 50,000-space line took seconds (a stalled server).
 */
const LONG_BLANK_RUN = /([^\S\n]{16})[^\S\n]+/g;

function shortenBlankRuns(text: string): string {
  return text.replace(LONG_BLANK_RUN, "$1");
}

/**
 * `costs of $10,000,000 and $5,000,000` is prices, not a formula: as Pandoc reads TeX math, an inline
 * formula's content neither starts nor ends with a space and its closing `$` is not followed by a digit.
 * Anything else remark-math took for math goes back to the text it was.
 */
function revertCurrency(tree: Root, markdown: string): void {
  visit(tree, "inlineMath", (node, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (!parent || index === undefined || start === undefined || end === undefined) return;
    const spaced = /^\s|\s$/.test(node.value);
    if (!spaced && !/\d/.test(markdown.charAt(end))) return;
    const text: Text = { type: "text", value: markdown.slice(start, end), position: node.position };
    parent.children.splice(index, 1, text);
  });
}

/** Appends the items of `next` (the same list, parsed in the section after) to `list`. */
function joinLists(list: List, next: List, markdown: string): void {
  const gap = markdown.slice(list.position?.end.offset ?? 0, next.position?.start.offset ?? 0);
  // A list is loose when any of its items is, or a blank line separates two of them.
  list.spread = Boolean(list.spread || next.spread || /\n[ \t]*\n/.test(gap));
  for (const item of next.children) list.children.push(item);
  if (list.position && next.position) list.position.end = next.position.end;
}

/** Moves a section's positions to where the section sits in the whole document. */
function shiftPositions(part: Root, section: Section): void {
  visit(part, (node) => {
    const position = node.position;
    if (!position) return;
    position.start.line += section.lineOffset;
    position.end.line += section.lineOffset;
    if (position.start.offset !== undefined) position.start.offset += section.charOffset;
    if (position.end.offset !== undefined) position.end.offset += section.charOffset;
  });
}

/** Serialises mdast back to markdown the way a person would write it: `-` bullets, `**` bold, fenced code. */
export function stringifyMarkdown(node: Nodes): string {
  const root: Root = node.type === "root" ? node : { type: "root", children: [node as RootContent] };
  return (plainParagraphText(root) ?? serializer.stringify(root)).trim();
}

/**
 * A lone paragraph of plain text serialises to its texts as written (the text handler above), so
 * most card sides need no serialiser run, which costs more than the text itself (it merges every
 * extension's settings on each call). Anything else returns undefined.
 */
function plainParagraphText(root: Root): string | undefined {
  const [paragraph, ...rest] = root.children;
  if (paragraph?.type !== "paragraph" || rest.length > 0) return undefined;
  let text = "";
  for (const child of paragraph.children) {
    if (child.type !== "text") return undefined;
    text += child.data?.raw ?? child.value;
  }
  return text;
}

/** Markdown of a run of inline content, as one paragraph. */
export function stringifyPhrasing(children: PhrasingContent[]): string {
  const paragraph: Paragraph = { type: "paragraph", children };
  return stringifyMarkdown(paragraph);
}

/**
 * Markdown of a run of inline content that sits inside a larger line: spaces at its ends are kept
 * (they separate it from its neighbours). Text alone is its source spelling, with no serialiser run.
 */
export function stringifyInline(children: PhrasingContent[]): string {
  if (children.every((child) => child.type === "text")) {
    return children.map((child) => (child as Text).data?.raw ?? (child as Text).value).join("");
  }
  const root: Root = { type: "root", children: [{ type: "paragraph", children }] };
  return serializer.stringify(root).replace(/\n$/, "");
}

/** Markdown of a sequence of blocks. */
export function stringifyBlocks(blocks: RootContent[] | BlockContent[]): string {
  return stringifyMarkdown({ type: "root", children: blocks as RootContent[] });
}
