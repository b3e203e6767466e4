/** Markdown <-> mdast with the one set of extensions the parser understands (GFM + YAML front matter). */
import type { Nodes, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

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
  })
  .use(remarkGfm);

/** Parses markdown into an mdast tree with positions. */
export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

/** Serialises mdast back to markdown the way a person would write it: `-` bullets, `**` bold, fenced code. */
export function stringifyMarkdown(node: Nodes): string {
  const root: Root = node.type === "root" ? node : { type: "root", children: [node as Root["children"][number]] };
  return serializer.stringify(root).trimEnd();
}
